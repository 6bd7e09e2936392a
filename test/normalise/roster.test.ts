// What a roster keeps of its villages and team members, and the village codes a thread judging
// cadre rows alone asks for without the villages' facts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoster } from '../../src/load/index.js';
import { normaliseRoster } from '../../src/normalise/index.js';
import type { LoadedRoster, Roster } from '../../src/types.js';
import { withCountedReads } from '../helpers/counted-reads.js';
import { ruleSet, RosterBuilder, VILLAGE_SHEET } from '../helpers/roster-builder.js';

const SAMPLE = join(import.meta.dirname, '../../fixtures/weining-county.xlsx');

function normalisedWithCountedReads(roster: LoadedRoster): { roster: Roster; reads: Map<string, number> } {
  const { loaded, reads } = withCountedReads(roster);
  const normalised = normaliseRoster(loaded, { keyCounties: ruleSet.keyCounties });
  reads.clear(); // finding the sheets and their headers reads the top rows
  return { roster: normalised, reads };
}

/** The sample, and a roster with a village given twice, a row without a code and cadres given by village name. */
const ROSTERS: [string, () => LoadedRoster][] = [
  ['the Weining sample', () => loadRoster({ path: SAMPLE, files: [SAMPLE] })],
  [
    'a roster with odd village rows',
    () => {
      const builder = RosterBuilder.baseline().addColumn('cadres', '所驻村');
      const code = builder.villageCodeAt(builder.addVillage());
      builder.addVillage({ 村代码: code, 村: '重名村' });
      builder.addVillage({ 村代码: null, 村: '无码村' });
      builder.addVillage({ 村代码: null, 村: null }); // its other cells filled: a row of the facts, naming no village
      builder.addCadre({ 所驻村代码: null, 所驻村: '无码村' });
      return builder.build();
    },
  ],
];

describe('a roster’s village codes', () => {
  for (const [name, make] of ROSTERS) {
    it(`are villagesByCode's keys but '', asked before or after the villages' facts: ${name}`, () => {
      const first = normalisedWithCountedReads(make()).roster;
      const codes = [...first.villageCodes].sort();
      const facts = normalisedWithCountedReads(make()).roster;
      expect(codes).toEqual([...facts.villagesByCode.keys()].filter((code) => code !== '').sort());
      expect([...facts.villageCodes].sort()).toEqual(codes);
      expect([...first.villageCodesByName].sort()).toEqual([...facts.villageCodesByName].sort());
    });
  }

  it('are read from the sheet without keeping the facts, and taken from the facts once a walk has kept them', () => {
    const { roster, reads } = normalisedWithCountedReads(ROSTERS[1]![1]());
    expect(roster.villageCodes.size).toBeGreaterThan(0);
    expect([...reads.keys()]).toEqual([VILLAGE_SHEET]);
    reads.clear();
    expect(roster.villages!.length).toBeGreaterThan(0);
    expect(reads.size).toBe(1); // the facts were not kept from the codes' walk

    const walked = normalisedWithCountedReads(ROSTERS[1]![1]());
    for (const _ of walked.roster.rows.villages());
    walked.reads.clear();
    expect(walked.roster.villageCodes.size).toBe(roster.villageCodes.size);
    expect(walked.reads.size).toBe(0);
  });
});

describe('what a roster keeps of its rows', () => {
  it('gives each village the source of its row', () => {
    const { roster } = normalisedWithCountedReads(ROSTERS[0]![1]());
    const rows = [...roster.rows.villages()];
    expect(roster.villages!.map((village) => village.source)).toEqual(rows.map((row) => row.source));
    expect(roster.villages!.map(({ code, name, countyCode }) => ({ code, name, countyCode }))).toEqual(
      rows.map(({ code, name, countyCode }) => ({ code, name, countyCode })),
    );
  });

  it('gives each team member the source of their row', () => {
    const { roster } = normalisedWithCountedReads(ROSTERS[0]![1]());
    const activeRows = new Map([...roster.rows.cadres()].filter((cadre) => cadre.active && cadre.villageCode !== '').map((cadre) => [cadre.source.row, cadre]));
    const members = roster.teams.flatMap((team) => team.activeMembers);
    expect(members.length).toBe(activeRows.size);
    for (const member of members) {
      const cadre = activeRows.get(member.source.row)!;
      expect(member.source).toEqual(cadre.source);
      expect({ firstSecretary: member.firstSecretary, leader: member.leader }).toEqual({ firstSecretary: cadre.firstSecretary, leader: cadre.leader });
    }
  });
});
