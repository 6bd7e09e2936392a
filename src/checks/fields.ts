// The facts a rule's `where` and `downgrade.when` may test, by name. Rule files name these;
// nothing in a rule file is ever evaluated as code.
import { meant } from '../normalise/values.js';
import type { Cadre, Roster, Village } from '../types.js';
import type { Subject } from './kind.js';

export type FieldValue = string | number | boolean | readonly string[] | null;

/** The village a subject belongs to: itself, its team's station, or the cadre's village. */
export function villageOf(subject: Subject, roster: Roster): Village | null {
  if (subject.kind === 'village') return subject;
  if (subject.kind === 'team') return subject.village;
  return roster.villagesByCode.get(subject.villageCode) ?? null;
}

const PARTY_MEMBER_STATUSES = new Set(['中共党员', '中共预备党员']);

function cadreOf(subject: Subject): Cadre | null {
  return subject.kind === 'cadre' ? subject : null;
}

type Accessor = (subject: Subject, roster: Roster) => FieldValue;

const FIELDS = {
  'village.categories': (s, r) => villageOf(s, r)?.categories ?? null,
  'village.relocationScale': (s, r) => villageOf(s, r)?.relocationScale ?? null,
  'village.keyCounty': (s, r) => villageOf(s, r)?.keyCounty ?? null,
  'village.lightTask': (s, r) => villageOf(s, r)?.lightTask ?? null,
  'cadre.active': (s) => cadreOf(s)?.active ?? null,
  'cadre.firstSecretary': (s) => cadreOf(s)?.firstSecretary ?? null,
  'cadre.leader': (s) => cadreOf(s)?.leader ?? null,
  'cadre.role': (s) => meant(cadreOf(s)?.fields.role),
  'cadre.politicalStatus': (s) => meant(cadreOf(s)?.fields.politicalStatus),
  'cadre.partyMember': (s) => {
    const status = meant(cadreOf(s)?.fields.politicalStatus);
    return status === null ? null : PARTY_MEMBER_STATUSES.has(status);
  },
  'row.sheet': (s) => (s.kind === 'team' ? null : s.kind),
} satisfies Record<string, Accessor>;

export type FieldName = keyof typeof FIELDS;
export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

export function readField(name: FieldName, subject: Subject, roster: Roster): FieldValue {
  return FIELDS[name](subject, roster);
}
