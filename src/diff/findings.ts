// Findings new, fixed and still open between two submissions. Rows move between submissions, so
// a finding is known by what it is about, not where: its rule, its entity (village code, ID
// number, team id) and its column (by column key, so that 身份证号 and 公民身份号码 are one column).
import type { Finding, Roster } from '../types.js';
import type { OpenFinding } from './types.js';

export interface FindingsDiff {
  readonly new: Finding[];
  readonly fixed: Finding[];
  readonly open: OpenFinding[];
}

export interface FindingSide {
  readonly roster: Roster;
  readonly findings: readonly Finding[];
}

/**
 * Pairs the two sides' findings by identity; several findings of one identity pair in order.
 * `useTeamIds`: false when one side has no 工作队编号, so that team ids do not tell findings apart.
 */
export function compareFindings(previous: FindingSide, current: FindingSide, useTeamIds: boolean): FindingsDiff {
  const waiting = new Map<string, Finding[]>();
  for (const finding of previous.findings) {
    const key = identity(finding, previous.roster, useTeamIds);
    waiting.set(key, [...(waiting.get(key) ?? []), finding]);
  }
  const diff: FindingsDiff = { new: [], fixed: [], open: [] };
  for (const finding of current.findings) {
    const match = waiting.get(identity(finding, current.roster, useTeamIds))?.shift();
    if (match) diff.open.push({ previous: match, current: finding });
    else diff.new.push(finding);
  }
  const paired = new Set(diff.open.map((pair) => pair.previous));
  diff.fixed.push(...previous.findings.filter((finding) => !paired.has(finding)));
  return diff;
}

/** What a finding is about, whatever row it is on. */
export function identity(finding: Finding, roster: Roster, useTeamIds: boolean): string {
  const { villageCode = '', idNumber = '', teamId = '' } = finding.entity;
  return [finding.ruleId, sheetKind(finding, roster), villageCode, idNumber, useTeamIds ? teamId : '', columnKey(finding, roster)].join('\u0000');
}

function sheetKind(finding: Finding, roster: Roster): string {
  if (finding.location.sheet === roster.villageSheet) return 'villages';
  if (finding.location.sheet === roster.cadreSheet) return 'cadres';
  return `sheet ${finding.location.sheet}`;
}

/** The column key the header names in this roster; the header itself when it names none. */
function columnKey(finding: Finding, roster: Roster): string {
  const column = finding.location.column ?? (typeof finding.data.column === 'string' ? finding.data.column : '');
  if (column === '') return '';
  const kind = sheetKind(finding, roster);
  const headers: Readonly<Record<string, string | undefined>> =
    kind === 'villages' ? roster.headers.villages : kind === 'cadres' ? roster.headers.cadres : {};
  const key = Object.keys(headers).find((k) => headers[k] === column);
  return key ?? `header ${column}`;
}
