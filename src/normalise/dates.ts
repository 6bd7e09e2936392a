import type { CalendarDate, RawCell } from '../types.js';
import { digitsValue, isCalendarDate, isPlainText } from './text.js';

export function makeDate(year: number, month: number, day: number): CalendarDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { kind: 'date', year, month, day };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

// Excel's day 1 is 1900-01-01 and it counts a 1900-02-29 that never was: serial 60 is that
// phantom day, so serials from 61 on are one day ahead of a plain day count from 1899-12-31.
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const SERIAL_MIN = 61; // 1900-03-01: earlier serials cannot be a cadre's date
const SERIAL_MAX = 109574; // 2199-12-31

export function fromExcelSerial(serial: number): CalendarDate | null {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial > SERIAL_MAX) return null;
  const day = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * 86_400_000);
  return makeDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}

// 2021-09-01, 2021/9/1, 2021.09.01, 2021.09, 2021年9月1日, 2021年9月, optionally followed by a time.
const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
// 202109, 20210901
const COMPACT = /^(\d{4})(\d{2})(\d{2})?$/;

/** Every date spelling of the roster format; a month alone means its first day. */
export function parseDate(cell: RawCell): CalendarDate | null {
  if (isCalendarDate(cell)) return cell;
  if (typeof cell === 'number') return parseDateNumber(cell);
  if (typeof cell !== 'string') return null;
  const text = isPlainText(cell) ? cell : cell.normalize('NFKC').trim();
  const plain = plainDate(text);
  if (plain !== undefined) return plain;
  const match = SEPARATED.exec(text) ?? COMPACT.exec(text);
  if (match) return makeDate(Number(match[1]), Number(match[2]), match[3] ? Number(match[3]) : 1);
  if (/^\d{5}(\.\d+)?$/.test(text)) return fromExcelSerial(Number(text));
  return null;
}

/**
 * 2021-09-01, 2021/9/1, 2021.9.1: the spellings of most cells, read without a regular expression
 * (SEPARATED reads them the same); undefined for any other text.
 */
function plainDate(text: string): CalendarDate | null | undefined {
  if (text.length < 8 || text.length > 10 || !isSeparator(text.charCodeAt(4))) return undefined;
  const monthEnd = isSeparator(text.charCodeAt(6)) ? 6 : 7; // a month of one digit or two
  const dayLength = text.length - monthEnd - 1;
  if (!isSeparator(text.charCodeAt(monthEnd)) || dayLength < 1 || dayLength > 2) return undefined;
  const year = digitsValue(text, 0, 4);
  const month = digitsValue(text, 5, monthEnd);
  const day = digitsValue(text, monthEnd + 1, text.length);
  if (Number.isNaN(year) || Number.isNaN(month) || Number.isNaN(day)) return undefined;
  return makeDate(year, month, day);
}

function isSeparator(code: number): boolean {
  return code === 0x2d || code === 0x2f || code === 0x2e; // - / .
}

function parseDateNumber(value: number): CalendarDate | null {
  if (Number.isInteger(value) && value >= 190001 && value <= 219912) return parseDate(String(value));
  if (Number.isInteger(value) && value >= 19000101 && value <= 21991231) return parseDate(String(value));
  return fromExcelSerial(value);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The date `years` later; 29 February moves to 28 February in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const year = date.year + years;
  const day = Math.min(date.day, daysInMonth(year, date.month));
  return { kind: 'date', year, month: date.month, day };
}

/** Whole years from `from` to `to` (negative when `to` is earlier). */
export function wholeYearsBetween(from: CalendarDate, to: CalendarDate): number {
  let years = to.year - from.year;
  if (compareDates(addYears(from, years), to) > 0) years -= 1;
  return years;
}

export function parseIsoDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? makeDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}
