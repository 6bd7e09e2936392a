// A spreadsheet date is a serial day number, with no time zone: the calendar date is computed in
// UTC arithmetic, so it is the same on every machine.
// - 1900 system (Excel's default): serial 1 is 1900-01-01, and serial 60 is 1900-02-29, a day
//   that never was (Lotus 1-2-3 thought 1900 a leap year and Excel kept the error), so from
//   serial 61 on, the serial is one day ahead of the real count.
// - 1904 system (old Mac Excel, a workbook setting): serial 0 is 1904-01-01.
// The fraction of a serial is the time of day; a time within half a millisecond of midnight
// is taken as that midnight (floating point stores 2021-09-02 00:00 as 44440.99999999999).
import type { CalendarDate } from '../types.js';

const MS_PER_DAY = 86_400_000;
const DAY_BEFORE_1900_SERIAL_1 = Date.UTC(1899, 11, 31);
const DAY_OF_1904_SERIAL_0 = Date.UTC(1904, 0, 1);
const FICTITIOUS_LEAP_DAY = 60;
/** 9999-12-31, the last date Excel shows. */
const LAST_SERIAL_1900 = 2_958_465;
const DAYS_FROM_1900_TO_1904_SYSTEM = 1_462;

export function serialToCalendarDate(serial: number, date1904: boolean): CalendarDate | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(Math.round(serial * MS_PER_DAY) / MS_PER_DAY);
  return date1904 ? from1904System(day) : from1900System(day);
}

function from1900System(day: number): CalendarDate | null {
  if (day < 1 || day > LAST_SERIAL_1900) return null;
  if (day === FICTITIOUS_LEAP_DAY) return { kind: 'date', year: 1900, month: 2, day: 29 };
  const realDays = day < FICTITIOUS_LEAP_DAY ? day : day - 1;
  return calendarDate(DAY_BEFORE_1900_SERIAL_1 + realDays * MS_PER_DAY);
}

function from1904System(day: number): CalendarDate | null {
  if (day < 0 || day > LAST_SERIAL_1900 - DAYS_FROM_1900_TO_1904_SYSTEM) return null;
  return calendarDate(DAY_OF_1904_SERIAL_0 + day * MS_PER_DAY);
}

function calendarDate(utcMilliseconds: number): CalendarDate {
  const date = new Date(utcMilliseconds);
  return { kind: 'date', year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
