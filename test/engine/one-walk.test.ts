// Checking a roster reads each sheet's rows once: the villages' facts and the teams are kept from
// the engine's own walk over their rows. Asked for before any walk, or after a walk left early,
// they are made by a walk of their own, and are the same.
import { describe, expect, it } from 'vitest';
import { checkRoster } from '../../src/engine/index.js';
import { normaliseRoster } from '../../src/normalise/index.js';
import type { Roster } from '../../src/types.js';
import { withCountedReads } from '../helpers/counted-reads.js';
import { AS_OF, CADRE_SHEET, ruleSet, RosterBuilder } from '../helpers/roster-builder.js';

function roster(): { roster: Roster; reads: Map<string, number>; rows: Map<string, number> } {
  const builder = RosterBuilder.baseline();
  builder.addVillage();
  builder.addTeam(builder.villageCodeAt(builder.addVillage()), 'T02', ['第一书记', '队员', '队员']);
  const { loaded, reads } = withCountedReads(builder.build());
  const result = normaliseRoster(loaded, { keyCounties: ruleSet.keyCounties });
  const rows = new Map(loaded.sheets.map((sheet) => [sheet.name, sheet.rows.length]));
  reads.clear(); // finding the sheets and their headers reads the top rows
  return { roster: result, reads, rows };
}

/** What a roster keeps, without the rows' sources (the same rows either way). */
function kept(subject: Roster) {
  return { villages: subject.villages, teams: subject.teams.map(({ village: _village, ...team }) => team) };
}

describe('one walk over each sheet', () => {
  it('reads each row once when the roster is checked', () => {
    const { roster: subject, reads, rows } = roster();
    const verdict = checkRoster({ roster: subject, asOf: AS_OF }, ruleSet.rules, { aloneInRun: true });
    expect(verdict.notChecked).toEqual([]);
    expect(reads.size).toBe(2);
    for (const [sheet, count] of reads) expect(count, sheet).toBeLessThanOrEqual(rows.get(sheet)!);
    expect(subject.villages!.length).toBe(3);
    expect(subject.teams.length).toBe(2);
  });

  it('makes the same facts and teams when they are asked for first', () => {
    const walked = roster().roster;
    for (const _ of walked.rows.villages());
    for (const _ of walked.rows.cadres());
    const asked = roster();
    expect(kept(asked.roster)).toEqual(kept(walked));
    expect(asked.reads.size).toBeGreaterThan(0); // asking for them read the sheets
  });

  it('keeps nothing from a walk left before its end', () => {
    const { roster: subject, reads } = roster();
    for (const _ of subject.rows.villages()) break;
    reads.clear();
    expect(subject.villages!.length).toBe(3);
    expect(reads.size).toBe(1); // the village sheet, read again in full
  });

  it('keeps no teams from a cadre walk left before its end, and reads nothing for a walk never begun', () => {
    const { roster: subject, reads } = roster();
    subject.rows.cadres();
    expect(reads.size).toBe(0);
    for (const _ of subject.rows.villages());
    for (const _ of subject.rows.cadres()) break;
    reads.clear();
    expect(subject.teams.length).toBe(2);
    expect([...reads.keys()]).toEqual([CADRE_SHEET]); // the cadre sheet, read again for the teams
  });

  it('reads each sheet once when the only village rules count teams', () => {
    const { roster: subject, reads, rows } = roster();
    const counting = ruleSet.rules.filter((rule) => rule.scope === 'team' || (rule.scope === 'village' && rule.kind.name === 'count'));
    checkRoster({ roster: subject, asOf: AS_OF }, counting, { aloneInRun: true });
    expect(reads.size).toBe(2);
    for (const [sheet, count] of reads) expect(count, sheet).toBeLessThanOrEqual(rows.get(sheet)!);
  });
});
