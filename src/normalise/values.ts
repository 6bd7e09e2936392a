import type { Cell, CellProblem, RawCell, Source } from '../types.js';
import type { ValueType } from './columns.js';
import { parseDate } from './dates.js';
import { cellText, compactKey, isCalendarDate, isDigit, nfkc } from './text.js';
import { closestWord } from './suggest.js';

const YES = new Set(['是', 'Y', 'YES', '√', '✓', '✔', '☑', '1', 'TRUE', '有', '已备案']);
const NO = new Set(['否', 'N', 'NO', '×', '✗', '✘', '0', 'FALSE', '无', '未备案']);
const MULTI_VALUE_SEPARATORS = /[、,;/|]+/;

// Excel keeps 15 significant digits, so an 18-digit ID number typed as a number ends in 000.
const LARGEST_EXACT_DIGITS = 15;

type Parsed = { value: unknown; problem?: CellProblem; lostDigits?: boolean };

/**
 * What a cell means for counting: its value, or for a misspelt word the word it most likely is.
 * A defective cell is its own finding and does not change who counts (rule-catalogue.md).
 */
export function meant<T>(cell: Cell<T> | undefined): T | null {
  return cell?.value ?? ((cell?.problem?.suggestion as T | undefined) ?? null);
}

/** Where a column is: shared by every cell of the column, so a cell need not carry its own Source. */
export interface ColumnPlace {
  readonly file: string;
  readonly sheet: string;
  /** The header text as written. */
  readonly text: string;
  /** Its letters, e.g. "D". */
  readonly letters: string;
}

/**
 * A cell as the normaliser keeps it: a roster of half a million rows holds ten million of these, so
 * its Source (which a finding needs rarely) is made when asked for, from the row and the column.
 */
class SheetCell implements Cell<unknown> {
  constructor(
    readonly raw: string,
    readonly value: unknown,
    private readonly row: number,
    private readonly place: ColumnPlace,
  ) {}

  get source(): Source {
    const { file, sheet, text, letters } = this.place;
    return { file, sheet, row: this.row, column: text, ref: `${letters}${this.row}` };
  }
}

/** A cell that could not be read as its column's type, or lost digits: few, so other cells need not carry the fields. */
class FlawedCell extends SheetCell {
  constructor(
    raw: string,
    value: unknown,
    row: number,
    place: ColumnPlace,
    readonly problem: CellProblem | undefined,
    readonly lostDigits: boolean | undefined,
  ) {
    super(raw, value, row, place);
  }
}

/** Reads a cell of one column; `row` is the spreadsheet's own 1-based row number. */
export type ColumnReader = (cell: RawCell, row: number) => Cell<unknown>;

export function columnReader(type: ValueType, place: ColumnPlace): ColumnReader {
  return (cell, row) => {
    const raw = cellText(cell);
    if (raw === '') {
      const blank = type.kind === 'yes-no' || type.kind === 'yes-no-or-date' ? false : null;
      return new SheetCell(raw, blank, row, place);
    }
    if (type.kind === 'text' || type.kind === 'phone') return new SheetCell(raw, raw, row, place);
    const parsed = parseFilled(type, cell, raw);
    if (parsed.problem === undefined && parsed.lostDigits === undefined) return new SheetCell(raw, parsed.value ?? null, row, place);
    return new FlawedCell(raw, parsed.value ?? null, row, place, parsed.problem, parsed.lostDigits);
  };
}

// Readings that recur in every row are made once and shared (a reading is never changed).
const READ_YES: Parsed = { value: true };
const READ_NO: Parsed = { value: false };

/** One reading for each known word, made the first time the word is met. */
class KnownReadings {
  private readonly byWord = new Map<string, Parsed>();

  constructor(private readonly valueOf: (word: string) => unknown) {}

  of(word: string): Parsed {
    let parsed = this.byWord.get(word);
    if (!parsed) this.byWord.set(word, (parsed = { value: this.valueOf(word) }));
    return parsed;
  }
}

const knownWords = new KnownReadings((word) => word);
/** A multi-value cell holding one known word. */
const knownLists = new KnownReadings((word) => [word]);

/** The column types whose cells are read beyond their text. */
type ReadType = Exclude<ValueType, { kind: 'text' } | { kind: 'phone' }>;

function parseFilled(type: ReadType, cell: RawCell, raw: string): Parsed {
  switch (type.kind) {
    case 'code':
      return parseCode(raw, type.digits);
    case 'id-number':
      return parseIdNumber(cell, raw);
    case 'date':
      return parseDateCell(cell);
    case 'yes-no':
      return parseYesNo(raw);
    case 'yes-no-or-date':
      return parseDateOrYesNo(cell, raw);
    case 'enum':
      return type.multiple ? parseEnumList(raw, type.values, type.spellings) : parseEnum(raw, type.values, type.spellings);
  }
}

// Exports from other systems force text with a leading apostrophe or backtick (Excel hides its own).
const TEXT_MARKS = new Set(["'", '`', '‘', '’']);

function digitsText(raw: string): string {
  const compact = compactKey(raw);
  return TEXT_MARKS.has(compact.charAt(0)) ? compact.slice(1) : compact;
}

function parseCode(raw: string, digits: number): Parsed {
  const compact = digitsText(raw);
  return compact.length === digits && isAllDigits(compact)
    ? { value: compact }
    : { value: null, problem: { kind: 'code', expected: `${digits}` } };
}

function isAllDigits(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (!isDigit(text.charCodeAt(index))) return false;
  return true;
}

function parseIdNumber(cell: RawCell, raw: string): Parsed {
  if (typeof cell === 'number') {
    const digits = cellText(cell);
    return digits.length > LARGEST_EXACT_DIGITS ? { value: digits, lostDigits: true } : { value: digits };
  }
  return { value: digitsText(raw).toUpperCase() };
}

function parseDateCell(cell: RawCell): Parsed {
  const value = parseDate(cell);
  return value ? { value } : { value: null, problem: { kind: 'date' } };
}

function parseYesNo(raw: string): Parsed {
  // The two words of nearly every cell, before the spellings.
  if (raw === '是') return READ_YES;
  if (raw === '否') return READ_NO;
  const word = compactKey(raw).toUpperCase();
  if (YES.has(word)) return READ_YES;
  if (NO.has(word)) return READ_NO;
  return { value: null, problem: { kind: 'yes-no' } };
}

function parseDateOrYesNo(cell: RawCell, raw: string): Parsed {
  const yesNo = parseYesNo(raw);
  if (!yesNo.problem) return yesNo;
  return isCalendarDate(cell) || parseDate(cell) ? READ_YES : yesNo;
}

function parseEnum(raw: string, values: readonly string[], spellings?: Readonly<Record<string, string>>): Parsed {
  if (values.includes(raw)) return knownWords.of(raw);
  const word = compactKey(raw);
  const known = values.includes(word) ? word : spellings && Object.hasOwn(spellings, word) ? spellings[word] : undefined;
  if (known !== undefined) return knownWords.of(known);
  const suggestion = closestWord(word, [...values, ...Object.keys(spellings ?? {})]);
  const canonical = suggestion && spellings && Object.hasOwn(spellings, suggestion) ? spellings[suggestion] : suggestion;
  return { value: null, problem: canonical ? { kind: 'enum', suggestion: canonical } : { kind: 'enum' } };
}

/** A multi-value cell: every part must be known; the known ones still count when one is not. */
function parseEnumList(raw: string, values: readonly string[], spellings?: Readonly<Record<string, string>>): Parsed {
  if (values.includes(raw)) return knownLists.of(raw);
  const parts = nfkc(raw)
    .split(MULTI_VALUE_SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const parsed = parts.map((part) => parseEnum(part, values, spellings));
  const known = [...new Set(parsed.flatMap((part) => (part.value === null ? [] : [part.value as string])))];
  const problem = parsed.find((part) => part.problem)?.problem;
  return problem ? { value: known, problem } : { value: known };
}
