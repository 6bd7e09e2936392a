// People are followed from one submission to the next by their ID number: who joined, who left,
// who moved to another village, and whose role, unit, team or status changed.
import { CADRE_COLUMNS } from '../normalise/columns.js';
import { compactKey } from '../normalise/text.js';
import type { Cadre, CadreKey, Roster } from '../types.js';
import { COMPARED_FIELDS, type Changed, type ComparedField, type FieldChange, type Moved, type PersonChange, type RowRef, type VillageRef } from './types.js';

export interface PeopleDiff {
  readonly joined: PersonChange[];
  readonly left: PersonChange[];
  readonly moved: Moved[];
  readonly changed: Changed[];
  readonly unkeyed: { previous: number; current: number };
}

const cadreLists = new WeakMap<Roster, readonly Cadre[]>();

/** A roster's cadre rows, read once for the comparison (a diff compares two counties' rosters). */
export function cadresOf(roster: Roster): readonly Cadre[] {
  let cadres = cadreLists.get(roster);
  if (!cadres) cadreLists.set(roster, (cadres = [...roster.rows.cadres()]));
  return cadres;
}

/**
 * Each ID number's row: the first active one, else the first (a person posted twice is followed
 * through one post; cadre-posted-once reports the other).
 */
export function peopleById(roster: Roster): Map<string, Cadre> {
  const people = new Map<string, Cadre>();
  for (const cadre of cadresOf(roster)) {
    if (cadre.idNumber === '') continue;
    const known = people.get(cadre.idNumber);
    if (!known || (!known.active && cadre.active)) people.set(cadre.idNumber, cadre);
  }
  return people;
}

export function comparePeople(previous: Roster, current: Roster): PeopleDiff {
  const before = peopleById(previous);
  const after = peopleById(current);
  const diff: PeopleDiff = {
    joined: [],
    left: [],
    moved: [],
    changed: [],
    unkeyed: { previous: unkeyed(previous), current: unkeyed(current) },
  };
  for (const [id, cadre] of after) {
    const earlier = before.get(id);
    if (!earlier) {
      diff.joined.push(person(id, cadre, current, null, cadre));
      continue;
    }
    const moved = earlier.villageCode !== '' && cadre.villageCode !== '' && earlier.villageCode !== cadre.villageCode;
    if (moved) {
      diff.moved.push({ ...person(id, cadre, current, earlier, cadre), from: villageRef(earlier, previous), to: villageRef(cadre, current) });
    }
    const fields = changedFields(earlier, cadre, previous, current, moved);
    if (fields.length > 0) diff.changed.push({ ...person(id, cadre, current, earlier, cadre), fields });
  }
  for (const [id, cadre] of before) {
    if (!after.has(id)) diff.left.push(person(id, cadre, previous, cadre, null));
  }
  const byCurrentRow = (a: PersonChange, b: PersonChange) => (a.rows.current?.row ?? 0) - (b.rows.current?.row ?? 0);
  diff.joined.sort(byCurrentRow);
  diff.moved.sort(byCurrentRow);
  diff.changed.sort(byCurrentRow);
  diff.left.sort((a, b) => (a.rows.previous?.row ?? 0) - (b.rows.previous?.row ?? 0));
  return diff;
}

function unkeyed(roster: Roster): number {
  return cadresOf(roster).filter((cadre) => cadre.idNumber === '').length;
}

function rowRef(cadre: Cadre | null): RowRef | null {
  return cadre ? { file: cadre.source.file, sheet: cadre.source.sheet, row: cadre.source.row } : null;
}

/** The person as shown: the name and village of the row given (the current one, or the previous for someone who left). */
function person(id: string, shown: Cadre, roster: Roster, previous: Cadre | null, current: Cadre | null): PersonChange {
  const village = villageRef(shown, roster);
  return { idNumber: id, name: shown.fields.name?.raw ?? '', ...village, rows: { previous: rowRef(previous), current: rowRef(current) } };
}

export function villageName(roster: Roster, code: string): string | null {
  return roster.villages?.find((village) => village.code === code)?.name ?? null;
}

function villageRef(cadre: Cadre, roster: Roster): VillageRef {
  return { villageCode: cadre.villageCode, village: villageName(roster, cadre.villageCode) ?? cadre.fields.village?.raw ?? '' };
}

/** A field as compared: blank status means 在岗 (the roster format's default); spacing and full-width forms do not count. */
function fieldText(cadre: Cadre, field: ComparedField): string {
  const cell = cadre.fields[field];
  if (field === 'status' && (cell === undefined || cell.raw === '')) return '在岗';
  if (!cell) return '';
  return typeof cell.value === 'string' ? cell.value : cell.raw;
}

function changedFields(before: Cadre, after: Cadre, previous: Roster, current: Roster, moved: boolean): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of COMPARED_FIELDS) {
    // A column one side lacks is not compared; a new team comes with a move.
    if (hasNoColumn(previous, field) || hasNoColumn(current, field)) continue;
    if (field === 'teamId' && moved) continue;
    const was = fieldText(before, field);
    const is = fieldText(after, field);
    if (compactKey(was) === compactKey(is)) continue;
    changes.push({ field, column: columnText(field, previous, current), before: was, after: is });
  }
  return changes;
}

function hasNoColumn(roster: Roster, field: CadreKey): boolean {
  return field !== 'status' && roster.missing.cadres.includes(field);
}

function columnText(field: CadreKey, previous: Roster, current: Roster): string {
  return current.headers.cadres[field] ?? previous.headers.cadres[field] ?? CADRE_COLUMNS.find((c) => c.key === field)?.header ?? field;
}
