// required: the required columns are in the sheet and filled in every row.
import type { Roster, Source } from '../types.js';
import { matches, type Condition } from './conditions.js';
import { type CheckContext, type CheckKind, type Hit, type Subject, NO_HITS } from './kind.js';
import { cellOf, columnsOf, hasColumn, headerOf, sheetOf, type Sheet } from './row-cells.js';

/** A column key; or one of several keys; or a key required only when a condition holds. */
type Requirement = string | { readonly anyOf: readonly string[] } | { readonly field: string; readonly when: Condition };

export interface RequiredOptions {
  readonly villages: readonly Requirement[];
  readonly cadres: readonly Requirement[];
}

function keysOf(requirement: Requirement): readonly string[] {
  if (typeof requirement === 'string') return [requirement];
  return 'anyOf' in requirement ? requirement.anyOf : [requirement.field];
}

interface PresentRequirement {
  readonly requirement: Requirement;
  /** Its columns that the sheet has: at least one. */
  readonly present: readonly string[];
}

// Which requirements a sheet's columns allow to be checked is a fact of the roster, asked of every row: worked out once.
const presentByRoster = new WeakMap<Roster, Map<readonly Requirement[], PresentRequirement[]>>();

function presentRequirements(options: RequiredOptions, sheet: Sheet, roster: Roster): readonly PresentRequirement[] {
  let known = presentByRoster.get(roster);
  if (!known) presentByRoster.set(roster, (known = new Map()));
  let present = known.get(options[sheet]);
  if (!present) {
    present = options[sheet].flatMap((requirement) => {
      const keys = keysOf(requirement).filter((key) => hasColumn(roster, sheet, key));
      return keys.length === 0 ? [] : [{ requirement, present: keys }];
    });
    known.set(options[sheet], present);
  }
  return present;
}

function appliesTo(requirement: Requirement, subject: Subject, roster: Roster): boolean {
  return typeof requirement === 'string' || 'anyOf' in requirement || matches(requirement.when, subject, roster);
}

function headerSource(roster: Roster, sheet: Sheet): Source | null {
  const name = sheet === 'villages' ? roster.villageSheet : roster.cadreSheet;
  const row = roster.headerRows[sheet];
  if (name === null || row === null) return null;
  const file = (sheet === 'villages' ? roster.villageFile : roster.cadreFile) ?? roster.path;
  return { file, sheet: name, row };
}

function missingColumns(options: RequiredOptions, { roster }: CheckContext): Hit[] {
  const hits: Hit[] = [];
  for (const sheet of ['villages', 'cadres'] as const) {
    const at = headerSource(roster, sheet);
    if (!at) continue;
    for (const requirement of options[sheet]) {
      const keys = keysOf(requirement);
      if (keys.some((key) => hasColumn(roster, sheet, key))) continue;
      if (!anyRowNeeds(requirement, sheet, roster)) continue;
      const names = keys.map((key) => headerOf(sheet, key));
      hits.push({
        at,
        data: { detail: { zh: `缺少必填列「${names.join('」或「')}」`, en: `the required column ${names.join(' or ')} is missing` } },
      });
    }
  }
  return hits;
}

/** Whether some row must fill the requirement: read row by row, stopping at the first. */
function anyRowNeeds(requirement: Requirement, sheet: Sheet, roster: Roster): boolean {
  const rows: Iterable<Subject> = sheet === 'villages' ? roster.rows.villages() : roster.rows.cadres();
  for (const row of rows) if (appliesTo(requirement, row, roster)) return true;
  return false;
}

function requirementsSchema(sheet: Sheet): Record<string, unknown> {
  const key = { enum: columnsOf(sheet).map((column) => column.key) };
  return {
    type: 'array',
    items: {
      anyOf: [
        key,
        { type: 'object', required: ['anyOf'], additionalProperties: false, properties: { anyOf: { type: 'array', items: key, minItems: 2 } } },
        {
          type: 'object',
          required: ['field', 'when'],
          additionalProperties: false,
          properties: { field: key, when: { $ref: '#/$defs/condition' } },
        },
      ],
    },
  };
}

function anyFilled(subject: Subject, keys: readonly string[]): boolean {
  for (const key of keys) if (cellOf(subject, key)?.raw !== '') return true;
  return false;
}

export const required: CheckKind<RequiredOptions> = {
  name: 'required',
  description: 'The required columns are present in the sheet and filled in every row.',
  scopes: ['row'],
  optionsSchema: {
    type: 'object',
    required: ['villages', 'cadres'],
    additionalProperties: false,
    properties: Object.fromEntries((['villages', 'cadres'] as const).map((sheet) => [sheet, requirementsSchema(sheet)])),
  },
  dataKeys: ['detail'],
  check(subject, options, { roster }) {
    const sheet = sheetOf(subject);
    if (!sheet) return NO_HITS;
    let hits: Hit[] | null = null;
    for (const { requirement, present } of presentRequirements(options, sheet, roster)) {
      if (!appliesTo(requirement, subject, roster) || anyFilled(subject, present)) continue;
      const header = cellOf(subject, present[0]!)?.source.column ?? headerOf(sheet, present[0]!);
      (hits ??= []).push({ column: present[0], data: { detail: { zh: `必填项「${header}」未填写`, en: `the required cell ${header} is empty` } } });
    }
    return hits ?? NO_HITS;
  },
  checkRoster: missingColumns,
};
