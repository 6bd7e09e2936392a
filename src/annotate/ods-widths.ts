// Column widths of an .ods file, which SheetJS does not read: each table's <table:table-column>
// elements name an automatic style whose style:column-width is a length (0.4862in). LibreOffice
// turns an Excel width of n characters into n × 7 pt, so a width in points / 7 gives it back.
import { readPart, readZip, unescapeXml } from './zip.js';

const POINTS_PER_UNIT: Readonly<Record<string, number>> = { in: 72, cm: 72 / 2.54, mm: 72 / 25.4, pt: 1, pc: 12, px: 0.75 };
const POINTS_PER_CHARACTER = 7;
// Trailing default columns repeat up to the sheet's last column: widths stop here.
const MAX_COLUMNS = 1024;

/** Widths in characters by sheet name, column by column (null: the default width). Empty when unreadable. */
export function odsColumnWidths(bytes: Uint8Array): Map<string, (number | null)[]> {
  const widths = new Map<string, (number | null)[]>();
  let content: string;
  try {
    const text = readPart(readZip(bytes), 'content.xml');
    if (text === null) return widths;
    content = text;
  } catch {
    return widths;
  }
  const styles = columnStyles(content);
  for (const table of content.matchAll(/<table:table\s[^>]*?table:name="([^"]*)"[^>]*>/g)) {
    const start = (table.index ?? 0) + table[0].length;
    const end = firstOf(content, start, ['<table:table-row', '</table:table>']);
    const columns: (number | null)[] = [];
    for (const column of content.slice(start, end).matchAll(/<table:table-column\s([^>]*?)\/?>/g)) {
      const style = /table:style-name="([^"]*)"/.exec(column[1])?.[1];
      const repeated = Number(/table:number-columns-repeated="(\d+)"/.exec(column[1])?.[1] ?? 1);
      const width = style === undefined ? null : (styles.get(style) ?? null);
      for (let n = 0; n < repeated && columns.length < MAX_COLUMNS; n++) columns.push(width);
    }
    widths.set(unescapeXml(table[1]), columns);
  }
  return widths;
}

function columnStyles(content: string): Map<string, number> {
  const styles = new Map<string, number>();
  const pattern = /<style:style\s[^>]*?style:name="([^"]*)"[^>]*?style:family="table-column"[^>]*>\s*<style:table-column-properties\s[^>]*?style:column-width="([\d.]+)(in|cm|mm|pt|pc|px)"/g;
  for (const match of content.matchAll(pattern)) {
    const points = Number(match[2]) * POINTS_PER_UNIT[match[3]];
    if (Number.isFinite(points) && points > 0) styles.set(match[1], Math.round((points / POINTS_PER_CHARACTER) * 100) / 100);
  }
  return styles;
}

function firstOf(text: string, from: number, needles: readonly string[]): number {
  const found = needles.map((needle) => text.indexOf(needle, from)).filter((index) => index >= 0);
  return found.length > 0 ? Math.min(...found) : text.length;
}
