// SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps): every cited rule with
// its title, basis and fix; every finding at its roster and spreadsheet row, with the sheet, cell
// and village as logical locations, and a fingerprint that survives rows being inserted above it.
import { createHash } from 'node:crypto';
import type { Finding, LocalizedText, RosterResult, RuleMeta, RunResult, Severity, Source } from '../types.js';
import { basisText, fixText, listFindings, waiverNote, type Listed } from './listing.js';
import { repositoryPath } from './github.js';
import { maskIdNumber } from './pii.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { localize, renderEntity, renderMessage, ruleIndex } from './render.js';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
const FINGERPRINT = 'zhucunFindingHash/v1';

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };
const LANGUAGES = { zh: 'zh-CN', en: 'en-US' } as const;
const FULL_STOP = { zh: '。', en: '. ' } as const;

export const sarif: Reporter = {
  name: 'sarif',
  render(result, options) {
    const rules = ruleIndex(result.rules);
    const entries = result.rosters.flatMap((roster) => listFindings(roster, options).map((entry) => ({ roster, ...entry })));
    const cited = [...new Set(entries.map((entry) => entry.finding.ruleId))].sort();
    const indexes = new Map(cited.map((id, index) => [id, index]));
    const fingerprints = new Fingerprints();
    const log = {
      $schema: SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: result.tool.name,
              version: result.tool.version,
              semanticVersion: result.tool.version,
              language: LANGUAGES[options.lang],
              rules: cited.map((id) => descriptor(id, rules.get(id), options)),
            },
          },
          invocations: [invocation(result.rosters, options)],
          results: entries.map((entry) => ({
            ruleId: entry.finding.ruleId,
            ruleIndex: indexes.get(entry.finding.ruleId)!,
            ...resultBody(entry, result, rules, options),
            partialFingerprints: { [FINGERPRINT]: fingerprints.next(entry.roster.path, entry.finding) },
          })),
          properties: { asOf: result.asOf },
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};

/** A rule as SARIF describes one: `team-min-size` is named `TeamMinSize`. */
function descriptor(id: string, rule: RuleMeta | undefined, options: ReporterOptions) {
  const name = id.replace(/(?:^|[-_.])(\w)/g, (_, char: string) => char.toUpperCase());
  if (!rule) return { id, name };
  const { lang } = options;
  const basis = basisText(rule, lang);
  return {
    id,
    name,
    shortDescription: { text: rule.title[lang] },
    fullDescription: { text: `${rule.title[lang]}${FULL_STOP[lang]}${basis}` },
    help: { text: `${fixText(rule, lang)}\n${basis}` },
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { source: { document: rule.source.document, passage: rule.source.passage } },
  };
}

/** A failed roster fails the run; a rule not checked, or a notice, is a note about the run. */
function invocation(rosters: readonly RosterResult[], options: ReporterOptions) {
  const notifications = rosters.flatMap((roster) => {
    const at = [{ physicalLocation: { artifactLocation: { uri: artifactUri(roster.path) } } }];
    const notify = (level: 'error' | 'warning' | 'note', text: LocalizedText, extra: object = {}) => ({
      level,
      message: { text: localize(text, options) },
      locations: at,
      ...extra,
    });
    if (roster.failure) return [notify('error', roster.failure.message, { descriptor: { id: roster.failure.code } })];
    return [
      ...roster.notices.map((notice) => notify('warning', notice)),
      ...roster.notChecked.map((n) => notify('note', n.reason, { associatedRule: { id: n.ruleId } })),
    ];
  });
  return {
    executionSuccessful: rosters.every((roster) => roster.failure === null),
    ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
  };
}

function resultBody({ roster, finding, waived }: Listed & { roster: RosterResult }, result: RunResult, rules: Map<string, RuleMeta>, options: ReporterOptions) {
  const { location } = finding;
  const entity = renderEntity(finding, options);
  return {
    level: LEVELS[finding.severity],
    message: { text: renderMessage(rules.get(finding.ruleId), finding, options) },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: artifactUri(roster.path) }, region: { startLine: location.row } },
        logicalLocations: logicalLocations(location, entity),
      },
    ],
    ...(waived ? { suppressions: [{ kind: 'external', justification: waiverNote(result.waivers, finding, options) }] } : {}),
    properties: {
      sheet: location.sheet,
      row: location.row,
      ...(location.column === undefined ? {} : { column: location.column }),
      ...(location.ref === undefined ? {} : { cell: location.ref }),
      entity,
    },
  };
}

/** The sheet (and cell) as a module, the village as a namespace, the team inside it. */
function logicalLocations(location: Source, entity: Finding['entity']) {
  const cell = `${sheetReference(location.sheet)}!${location.ref ?? `${location.row}:${location.row}`}`;
  return [
    { name: location.sheet, fullyQualifiedName: cell, kind: 'module' },
    ...(entity.villageCode ? [{ name: entity.villageCode, fullyQualifiedName: entity.villageCode, kind: 'namespace' }] : []),
    ...(entity.teamId ? [{ name: entity.teamId, fullyQualifiedName: `${entity.villageCode ?? ''}/${entity.teamId}`, kind: 'object' }] : []),
  ];
}

/** A sheet name as a spreadsheet formula writes it: quoted unless letters, digits and `_` only. */
function sheetReference(sheet: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The roster as a URI reference: a relative path stays relative (with forward slashes, every
 * segment percent-encoded, so `:` cannot read as a scheme); an absolute path becomes a file: URI.
 */
export function artifactUri(path: string): string {
  const slashed = repositoryPath(path);
  const encode = (segments: string) => segments.split('/').map(encodeURIComponent).join('/');
  const drive = /^([A-Za-z]:)(\/.*)?$/.exec(slashed);
  if (drive) return `file:///${drive[1]}${encode(drive[2] ?? '/')}`;
  if (slashed.startsWith('//')) return `file:${encode(slashed)}`;
  if (slashed.startsWith('/')) return `file://${encode(slashed)}`;
  return encode(slashed);
}

/**
 * What identifies a finding, whatever row it moves to: rule, roster, sheet, column and entity
 * (village, team, masked ID number: a hash of a full ID number could be reversed by trying all).
 * Findings alike in all of these are told apart by their order: `…:1`, `…:2`.
 */
class Fingerprints {
  private readonly seen = new Map<string, number>();

  next(roster: string, finding: Finding): string {
    const { villageCode, teamId, idNumber } = finding.entity;
    const key = [
      finding.ruleId,
      repositoryPath(roster),
      finding.location.sheet,
      finding.location.column ?? '',
      villageCode ?? '',
      teamId ?? '',
      idNumber === undefined ? '' : maskIdNumber(idNumber.toUpperCase()),
    ].join('\u0000');
    const hash = createHash('sha256').update(key).digest('hex');
    const occurrence = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  }
}
