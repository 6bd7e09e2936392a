// What the engine stamps on a finding from its subject: the rows it judges, its location, its entity.
import type { Hit, Subject } from '../checks/kind.js';
import { cellOf } from '../checks/row-cells.js';
import type { DataValue, Finding, Source } from '../types.js';

const BLANK = { zh: '空白', en: 'blank' };

/** Village and team findings point at the village's row; cadre findings at the cell at fault. */
export function locationOf(subject: Subject, hit: Hit): Source | null {
  if (hit.at) return hit.at;
  if (subject.kind === 'team') return subject.village?.source ?? subject.activeMembers[0]?.source ?? null;
  const cell = hit.column ? cellOf(subject, hit.column) : undefined;
  return cell?.source ?? subject.source;
}

// The entity and data objects below are built by adding properties in a fixed order rather than by
// spreading optional parts: spreads gave each of a run's findings a hidden class of its own (tens of
// megabytes over a national roster).
export function entityOf(subject: Subject): Finding['entity'] {
  switch (subject.kind) {
    case 'village':
      return { villageCode: subject.code };
    case 'team': {
      const entity: { villageCode: string; teamId?: string } = { villageCode: subject.villageCode };
      if (subject.id !== null) entity.teamId = subject.id;
      return entity;
    }
    case 'cadre': {
      const entity: { villageCode?: string; teamId?: string; idNumber?: string } = {};
      const teamId = subject.fields.teamId?.raw;
      if (subject.villageCode !== '') entity.villageCode = subject.villageCode;
      if (teamId) entity.teamId = teamId;
      if (subject.idNumber !== '') entity.idNumber = subject.idNumber;
      return entity;
    }
  }
}

/** The placeholders every message may use, from the subject and the cell at fault, then the hit's own. */
export function findingData(subject: Subject, hit: Hit): Record<string, DataValue> {
  const data = subjectData(subject);
  const cell = hit.column ? cellOf(subject, hit.column) : undefined;
  if (cell) {
    data.column = cell.source.column ?? hit.column ?? '';
    data.value = cell.raw === '' ? BLANK : cell.raw;
  }
  return hit.data ? Object.assign(data, hit.data) : data;
}

function subjectData(subject: Subject): Record<string, DataValue> {
  switch (subject.kind) {
    case 'village':
      return { village: subject.name, villageCode: subject.code };
    case 'team':
      return {
        village: subject.village?.name ?? subject.villageCode,
        villageCode: subject.villageCode,
        team: subject.id ?? '',
        size: subject.activeMembers.length,
      };
    case 'cadre':
      return {
        name: subject.fields.name?.raw ?? '',
        idNumber: subject.idNumber,
        villageCode: subject.villageCode,
        village: subject.fields.village?.raw ?? subject.villageCode,
      };
  }
}
