// Which columns each rule reads, worked out from the rule files themselves (their `where`,
// `downgrade` and options) and the check kind they name: the template's 填表说明 lists, for each
// column, the rules a clerk can fall foul of there. A custom rule gets its columns the same way.
import type { Rule } from '../ruleset/index.js';
import { CADRE_COLUMNS, VILLAGE_COLUMNS } from '../normalise/columns.js';
import type { CadreKey, VillageKey } from '../types.js';

export interface RuleColumns {
  readonly villages: ReadonlySet<VillageKey>;
  readonly cadres: ReadonlySet<CadreKey>;
}

const VILLAGE_KEYS = new Set<string>(VILLAGE_COLUMNS.map((c) => c.key));
const CADRE_KEYS = new Set<string>(CADRE_COLUMNS.map((c) => c.key));

type Sheet = 'villages' | 'cadres';
type Reads = Partial<Record<Sheet, readonly string[]>>;

// Facts of rule files (src/checks/fields.ts) and counted members (src/checks/count.ts) that are
// not columns themselves, by the columns they are worked out from.
const DERIVED: Readonly<Record<string, Reads>> = {
  'cadre.active': { cadres: ['status'] },
  'cadre.firstSecretary': { cadres: ['role'] },
  'cadre.leader': { cadres: ['role'] },
  'cadre.partyMember': { cadres: ['politicalStatus'] },
  activeMembers: { cadres: ['status', 'teamId', 'villageCode'] },
  firstSecretaries: { cadres: ['role', 'status', 'villageCode'] },
  leaders: { cadres: ['role', 'status'] },
  teams: { cadres: ['teamId', 'villageCode', 'status'] },
  teamsOrCovering: { cadres: ['teamId', 'villageCode', 'status'], villages: ['coveringTeam'] },
  birth: { cadres: ['birthDate', 'idNumber'] },
};

// Check kinds whose columns are not named in their options.
const KIND_READS: Readonly<Record<string, Reads>> = {
  'id-number': { cadres: ['idNumber'] },
  'id-matches-person': { cadres: ['idNumber', 'gender', 'birthDate'] },
  'village-exists': { cadres: ['villageCode', 'village'], villages: ['villageCode', 'village'] },
  'value-format': {
    villages: VILLAGE_COLUMNS.filter((c) => c.type.kind !== 'text').map((c) => c.key),
    cadres: CADRE_COLUMNS.filter((c) => c.type.kind !== 'text').map((c) => c.key),
  },
};

export function columnsOfRule(rule: Rule): RuleColumns {
  const found = { villages: new Set<VillageKey>(), cadres: new Set<CadreKey>() };
  const add = (reads: Reads) => {
    for (const key of reads.villages ?? []) if (VILLAGE_KEYS.has(key)) found.villages.add(key as VillageKey);
    for (const key of reads.cadres ?? []) if (CADRE_KEYS.has(key)) found.cadres.add(key as CadreKey);
  };
  add(KIND_READS[rule.kind.name] ?? {});
  for (const word of words([rule.where, rule.downgrade?.when])) add(readsOf(word, rule.scope));
  if (rule.kind.name === 'required') add(requiredReads(rule.options));
  else if (rule.kind.name === 'unique') add(uniqueReads(rule));
  else if (!(rule.kind.name in KIND_READS)) for (const word of words([rule.options])) add(readsOf(word, rule.scope));
  return found;
}

/** Every key and string value in the data, depth first. */
function words(values: readonly unknown[]): string[] {
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string') found.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        found.push(key);
        visit(inner);
      }
    }
  };
  values.forEach(visit);
  return found;
}

/** A word of a rule file as the columns it reads: a fact, a `village.`/`cadre.` column, or a column of the rule's own sheet. */
function readsOf(word: string, scope: Rule['scope']): Reads {
  if (Object.hasOwn(DERIVED, word)) return DERIVED[word];
  const prefixed = /^(village|cadre)\.(\w+)$/.exec(word);
  if (prefixed) return prefixed[1] === 'village' ? { villages: [prefixed[2]] } : { cadres: [prefixed[2]] };
  if (scope === 'cadre') return { cadres: [word] };
  if (scope === 'village') return { villages: [word] };
  return {};
}

function requiredReads(options: Record<string, unknown>): Reads {
  const keys = (list: unknown): string[] =>
    Array.isArray(list)
      ? list.flatMap((requirement) => {
          if (typeof requirement === 'string') return [requirement];
          if (requirement && typeof requirement === 'object' && 'anyOf' in requirement) return requirement.anyOf as string[];
          if (requirement && typeof requirement === 'object' && 'field' in requirement) return [requirement.field as string];
          return [];
        })
      : [];
  return { villages: keys(options.villages), cadres: keys(options.cadres) };
}

function uniqueReads(rule: Rule): Reads {
  const key = rule.options.key;
  if (typeof key !== 'string') return {};
  return rule.scope === 'village' ? { villages: [key] } : { cadres: [key] };
}

/** The rules that read each column, by sheet, in rule order. */
export function rulesByColumn(rules: readonly Rule[]): { villages: Map<VillageKey, Rule[]>; cadres: Map<CadreKey, Rule[]> } {
  const villages = new Map<VillageKey, Rule[]>();
  const cadres = new Map<CadreKey, Rule[]>();
  for (const rule of rules) {
    const columns = columnsOfRule(rule);
    for (const key of columns.villages) villages.set(key, [...(villages.get(key) ?? []), rule]);
    for (const key of columns.cadres) cadres.set(key, [...(cadres.get(key) ?? []), rule]);
  }
  return { villages, cadres };
}

/** What the required-field rule says of a column: required, required under a condition, or one of several. */
export type Requirement = 'required' | 'conditional' | 'one-of' | 'optional';

export function requirementsOf(rules: readonly Rule[]): { villages: Map<string, Requirement>; cadres: Map<string, Requirement> } {
  const result = { villages: new Map<string, Requirement>(), cadres: new Map<string, Requirement>() };
  for (const rule of rules.filter((r) => r.kind.name === 'required')) {
    for (const sheet of ['villages', 'cadres'] as const) {
      const list = rule.options[sheet];
      if (!Array.isArray(list)) continue;
      for (const requirement of list) {
        if (typeof requirement === 'string') result[sheet].set(requirement, 'required');
        else if (requirement && typeof requirement === 'object' && 'anyOf' in requirement) {
          for (const key of requirement.anyOf as string[]) if (!result[sheet].has(key)) result[sheet].set(key, 'one-of');
        } else if (requirement && typeof requirement === 'object' && 'field' in requirement) {
          if (!result[sheet].has(requirement.field as string)) result[sheet].set(requirement.field as string, 'conditional');
        }
      }
    }
  }
  return result;
}
