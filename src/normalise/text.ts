import type { CalendarDate, RawCell } from '../types.js';

const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/**
 * Printable ASCII other than the space, and the common CJK ideographs: text of these alone is
 * its own NFKC form and has no whitespace. Most cells hold nothing else, and cleaning ten
 * million cells that would not change is most of the cost of reading.
 */
export function isPlainText(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if ((code > 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff)) continue;
    return false;
  }
  return true;
}

/** Full-width to half-width (NFKC). */
export function nfkc(value: string): string {
  return isPlainText(value) ? value : value.normalize('NFKC');
}

/** Full-width to half-width (NFKC), stray spaces and line breaks trimmed and collapsed. */
export function cleanText(value: string): string {
  return isPlainText(value) ? value : value.normalize('NFKC').replace(WHITESPACE, ' ').trim();
}

/** A header or vocabulary word reduced to what identifies it: NFKC, no whitespace, no required-field stars. */
export function compactKey(value: string): string {
  if (isPlainText(value) && !value.includes('*')) return value;
  return value.normalize('NFKC').replace(WHITESPACE, '').replace(/[*※★]/g, '');
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * The number the digits at [from, to) of `text` write, read in place (no substring): NaN when the
 * text ends before `to` or one of them is not a digit.
 */
export function digitsValue(text: string, from: number, to: number): number {
  if (to > text.length) return NaN;
  let value = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (!isDigit(code)) return NaN;
    value = value * 10 + (code - 0x30);
  }
  return value;
}

export function isCalendarDate(cell: RawCell): cell is CalendarDate {
  return typeof cell === 'object' && cell !== null && cell.kind === 'date';
}

export function formatDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** A cell as the text a person sees, cleaned. Integral numbers print without exponent or decimals. */
export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cleanText(cell);
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return formatDate(cell);
}

function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return String(value);
}

/** Shortens a quoted value so that a 32,767-character cell does not flood a message. */
export function shorten(value: string, max = 40): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

/** Excel-style column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
