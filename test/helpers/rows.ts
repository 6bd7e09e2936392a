// A roster's rows with their cells, read into arrays: the tests' rosters are small.
import type { Cadre, Roster, VillageRow } from '../../src/types.js';

export function cadreRows(roster: Roster): Cadre[] {
  return [...roster.rows.cadres()];
}

export function villageRows(roster: Roster): VillageRow[] {
  return [...roster.rows.villages()];
}
