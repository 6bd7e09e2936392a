// The template marks itself, so that the checker can tell a roster started from it and which
// version: a cell near the top of 填表说明 holds `zhucun-template:<n>` (the defined name
// zhucun_template_version points at it). Values survive every format a clerk may save the template
// as (.xlsx, .xls, .ods, WPS .et); defined names and document properties do not all survive.
import type { LocalizedText } from '../types.js';

/** Bumped whenever the template's sheets, headers or drop-downs change. */
export const TEMPLATE_VERSION = 1;

export const TEMPLATE_VERSION_NAME = 'zhucun_template_version';

const MARK_PREFIX = 'zhucun-template:';
const MARK = /^zhucun-template:(\d{1,4})$/;

// Where the mark is looked for: the top-left corner of every sheet.
const SEARCH_ROWS = 6;
const SEARCH_COLUMNS = 6;

export function templateMark(version = TEMPLATE_VERSION): string {
  return `${MARK_PREFIX}${version}`;
}

/** A sheet as the loader hands it on: rows of cells, row 0 being the spreadsheet's row 1. */
export interface SheetValues {
  readonly rows: { readonly length: number; at(index: number): readonly unknown[] | undefined };
}

/** The template version a roster was made from (its sheets as loaded), or null when it was not. */
export function templateVersionOf(sheets: readonly SheetValues[]): number | null {
  for (const sheet of sheets) {
    for (let row = 0; row < Math.min(SEARCH_ROWS, sheet.rows.length); row++) {
      for (const cell of (sheet.rows.at(row) ?? []).slice(0, SEARCH_COLUMNS)) {
        const match = typeof cell === 'string' ? MARK.exec(cell.trim()) : null;
        if (match) return Number(match[1]);
      }
    }
  }
  return null;
}

/** What the checker may tell a clerk about the template a roster was made from: null when nothing. */
export function templateNotice(version: number | null): LocalizedText | null {
  if (version === null || version === TEMPLATE_VERSION) return null;
  if (version < TEMPLATE_VERSION) {
    return {
      zh: `名册按 zhucun 名册模板第 ${version} 版填写,现行为第 ${TEMPLATE_VERSION} 版:下次填报请用 zhucun template 生成新模板`,
      en: `the roster was filled in from version ${version} of the zhucun template; the current version is ${TEMPLATE_VERSION}: make a new one with zhucun template for the next submission`,
    };
  }
  return {
    zh: `名册按 zhucun 名册模板第 ${version} 版填写,比本程序认识的第 ${TEMPLATE_VERSION} 版新:请升级 zhucun`,
    en: `the roster was filled in from version ${version} of the zhucun template, newer than version ${TEMPLATE_VERSION} that this zhucun knows: upgrade zhucun`,
  };
}
