// date-span: the years between two dates of a cadre (or the reporting date) within bounds:
// tenure, party standing, work experience, a start date that is not in the future.
import { addYears, compareDates, wholeYearsBetween } from '../normalise/dates.js';
import { formatDate } from '../normalise/text.js';
import type { Cadre, CadreKey, CalendarDate } from '../types.js';
import { idBirthDate, idProblem } from './gb11643.js';
import { boundedRequirementsSchema } from './bounds-schema.js';
import { type CheckKind, type Hit, NO_HITS } from './kind.js';

const DATE_COLUMNS = ['birthDate', 'partyJoinDate', 'startDate', 'endDate', 'partyFullDate', 'workStartDate'] as const;
type DateColumn = (typeof DATE_COLUMNS)[number];

/** The reporting date, the birth date (from a valid ID number, else 出生年月), or a date column. */
type DateName = 'asOf' | 'birth' | DateColumn;
/** A date, or when its cell is blank another date moved by some years (入党时间 + 1 year of probation). */
type DateRef = DateName | { readonly field: DateName; readonly orElse: { readonly field: DateName; readonly plusYears: number } };

interface Span {
  readonly from: DateRef;
  readonly to: DateRef;
  /** `to` is at least this many years after `from`. */
  readonly minYears?: number;
  /** `to` is less than this many years after `from`. */
  readonly maxYears?: number;
}

export interface DateSpanOptions {
  readonly require: readonly Span[];
}

function resolve(ref: DateRef, cadre: Cadre, asOf: CalendarDate): { date: CalendarDate; column?: CadreKey } | null {
  if (typeof ref !== 'string') {
    const primary = resolve(ref.field, cadre, asOf);
    if (primary) return primary;
    const fallback = resolve(ref.orElse.field, cadre, asOf);
    return fallback && { ...fallback, date: addYears(fallback.date, ref.orElse.plusYears) };
  }
  if (ref === 'asOf') return { date: asOf };
  if (ref === 'birth') {
    const fromId = idProblem(cadre.idNumber) === null && !cadre.fields.idNumber?.lostDigits ? idBirthDate(cadre.idNumber) : null;
    const written = cadre.fields.birthDate?.value ?? null;
    return fromId ? { date: fromId, column: 'idNumber' } : written && { date: written, column: 'birthDate' };
  }
  const value = cadre.fields[ref]?.value ?? null;
  return value && { date: value, column: ref };
}

/** The columns a date needs: none for the reporting date or birth, either one for a date with a fallback. */
function columnsOfRef(ref: DateRef): (CadreKey | CadreKey[])[] {
  if (typeof ref !== 'string') return [[...columnsOfRef(ref.field), ...columnsOfRef(ref.orElse.field)].flat()];
  return ref === 'asOf' || ref === 'birth' ? [] : [ref];
}

function violates(span: Span, from: CalendarDate, to: CalendarDate): boolean {
  if (span.minYears !== undefined && compareDates(addYears(from, span.minYears), to) > 0) return true;
  return span.maxYears !== undefined && compareDates(addYears(from, span.maxYears), to) <= 0;
}

const dateRefSchema = {
  anyOf: [
    { enum: ['asOf', 'birth', ...DATE_COLUMNS] },
    {
      type: 'object',
      required: ['field', 'orElse'],
      additionalProperties: false,
      properties: {
        field: { enum: ['asOf', 'birth', ...DATE_COLUMNS] },
        orElse: {
          type: 'object',
          required: ['field', 'plusYears'],
          additionalProperties: false,
          properties: { field: { enum: ['asOf', 'birth', ...DATE_COLUMNS] }, plusYears: { type: 'integer' } },
        },
      },
    },
  ],
};

export const dateSpan: CheckKind<DateSpanOptions> = {
  name: 'date-span',
  description: 'The whole years between two dates of a cadre, or the reporting date, are within bounds; skipped when a date is blank.',
  scopes: ['cadre'],
  optionsSchema: boundedRequirementsSchema({ from: dateRefSchema, to: dateRefSchema }, ['minYears', 'maxYears']),
  dataKeys: ['years', 'from', 'to', 'min', 'max'],
  needs: (options) => ({ cadres: options.require.flatMap((span) => [...columnsOfRef(span.from), ...columnsOfRef(span.to)]) }),
  check(subject, options, { asOf }) {
    if (subject.kind !== 'cadre') return NO_HITS;
    for (const span of options.require) {
      const from = resolve(span.from, subject, asOf);
      const to = resolve(span.to, subject, asOf);
      if (!from || !to || !violates(span, from.date, to.date)) continue;
      const hit: Hit = {
        column: from.column === undefined || from.column === 'idNumber' ? (to.column ?? from.column) : from.column,
        data: {
          years: wholeYearsBetween(from.date, to.date),
          from: formatDate(from.date),
          to: formatDate(to.date),
          min: span.minYears ?? '',
          max: span.maxYears ?? '',
        },
      };
      return [hit];
    }
    return NO_HITS;
  },
};
