import type { RunIndex } from '../checks/kind.js';
import type { Roster } from '../types.js';

/** Active posts by ID number across every roster of the run (for cadre-posted-once). */
export function buildRunIndex(rosters: readonly Roster[]): RunIndex {
  const posts = new Map<string, number>();
  for (const roster of rosters) {
    for (const cadre of roster.cadres) {
      if (!cadre.active || cadre.idNumber === '' || cadre.fields.idNumber?.lostDigits) continue;
      posts.set(cadre.idNumber, (posts.get(cadre.idNumber) ?? 0) + 1);
    }
  }
  return { activePosts: (idNumber) => posts.get(idNumber) ?? 0 };
}
