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

export function entityOf(subject: Subject): Finding['entity'] {
  switch (subject.kind) {
    case 'village':
      return { villageCode: subject.code };
    case 'team':
      return { villageCode: subject.villageCode, ...(subject.id === null ? {} : { teamId: subject.id }) };
    case 'cadre': {
      const teamId = subject.fields.teamId?.raw;
      return {
        ...(subject.villageCode === '' ? {} : { villageCode: subject.villageCode }),
        ...(teamId ? { teamId } : {}),
        ...(subject.idNumber === '' ? {} : { idNumber: subject.idNumber }),
      };
    }
  }
}

/** The placeholders every message may use, from the subject and the cell at fault. */
export function subjectData(subject: Subject, hit: Hit): Record<string, DataValue> {
  const cell = hit.column ? cellOf(subject, hit.column) : undefined;
  const cellData: Record<string, DataValue> = cell ? { column: cell.source.column ?? hit.column ?? '', value: cell.raw === '' ? BLANK : cell.raw } : {};
  switch (subject.kind) {
    case 'village':
      return { village: subject.name, villageCode: subject.code, ...cellData };
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
        ...cellData,
      };
  }
}
