// Text bound for a spreadsheet cell (CSV today; any writer whose output Excel, WPS or LibreOffice
// may open): a value that begins like a formula is shown as text, never evaluated. A roster's
// cells are typed by county clerks and quoted in messages, so `=HYPERLINK(…)` is user input.

/** What makes a spreadsheet read a cell as a formula: = + - @, and tab or CR, which some strip first. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function startsLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

/** The value as text a spreadsheet will not evaluate: a leading `'` when it starts like a formula. */
export function spreadsheetSafe(value: string): string {
  return startsLikeFormula(value) ? `'${value}` : value;
}
