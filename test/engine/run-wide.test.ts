// What a roster leaves for the run-wide rules: keys and row numbers, and findings only for the keys
// it holds more than once; a roster alone in its run leaves nothing to settle.
import { describe, expect, test } from 'vitest';
import { checkRoster } from '../../src/engine/index.js';
import { AS_OF, normalise, RosterBuilder, ruleSet } from '../helpers/roster-builder.js';

function candidatesOf(builder: RosterBuilder, aloneInRun: boolean) {
  return checkRoster({ roster: normalise(builder), asOf: AS_OF }, ruleSet.rules, { aloneInRun }).candidates;
}

describe('run-wide candidates', () => {
  test('among other rosters: every person and village as a key with its row, no finding made', () => {
    const candidates = candidatesOf(RosterBuilder.baseline(), false);
    expect(candidates.map(({ ruleId, count, findings, row }) => [ruleId, count, findings.length, row])).toEqual([
      ['cadre-posted-once', 1, 0, 2],
      ['cadre-posted-once', 1, 0, 3],
      ['cadre-posted-once', 1, 0, 4],
      ['cadre-posted-once', 1, 0, 5],
      ['village-listed-once', 1, 0, 2],
    ]);
  });

  test('a key held twice: both rows found, counted in the roster, whatever the run', () => {
    const builder = RosterBuilder.baseline();
    const person = Object.fromEntries(['姓名', '性别', '身份证号', '出生日期'].map((h) => [h, builder.cadreCell(3, h)]));
    const again = builder.addCadre(person);
    for (const aloneInRun of [true, false]) {
      const repeated = candidatesOf(builder, aloneInRun).filter((candidate) => candidate.count > 1);
      expect(repeated.map(({ count, findings, row }) => [count, findings.map((f) => f.location.row), row])).toEqual([[2, [3, again], undefined]]);
    }
  });

  test('alone in its run: keys seen once are not kept', () => {
    expect(candidatesOf(RosterBuilder.baseline(), true)).toEqual([]);
  });
});
