// Every finding marked where it is: the offending cell of a cadre finding, the row's first cell
// when no column applies, the village's row for a village or team finding (its location). One
// fill per cell, by the most severe finding there; one comment per cell, with all of them.
import type { Cell, Worksheet } from 'exceljs';
import { basisText, SEVERITY_WORDS } from '../reporters/listing.js';
import { renderMessage, type RenderOptions } from '../reporters/render.js';
import type { Finding, RuleMeta, Severity } from '../types.js';
import type { OpenedRoster } from './open.js';

/** Fill colours (ARGB): error red, warning amber, info blue, light enough to read the value through. */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = {
  error: 'FFFFC7CE',
  warning: 'FFFFE699',
  info: 'FFBDD7EE',
};

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** A finding and the cell that shows it: a merged range's top-left cell stands for the range. */
export interface Placed {
  readonly finding: Finding;
  readonly worksheet: Worksheet | null;
  /** "D14"; "A14" when the finding names no column. */
  readonly ref: string;
}

const CELL_REF = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

export function placeFindings(opened: OpenedRoster, findings: readonly Finding[]): Placed[] {
  return findings.map((finding) => {
    const { location } = finding;
    const worksheet = opened.sheet(location.sheet);
    const ref = location.ref && CELL_REF.test(location.ref) ? location.ref : `A${location.row}`;
    if (!worksheet) return { finding, worksheet, ref };
    const cell = worksheet.getCell(ref);
    return { finding, worksheet, ref: cell.isMerged ? cell.master.address : cell.address };
  });
}

/** A cell's findings, most severe first, in report order within a severity. */
export interface Marked {
  readonly worksheet: Worksheet;
  readonly ref: string;
  readonly findings: readonly Finding[];
  /** The comment written, for sizing its box. */
  readonly comment: string;
}

export function markCells(placed: readonly Placed[], rules: ReadonlyMap<string, RuleMeta>, options: RenderOptions): Marked[] {
  const byCell = new Map<string, { worksheet: Worksheet; ref: string; findings: Finding[] }>();
  for (const { finding, worksheet, ref } of placed) {
    if (!worksheet) continue;
    const key = `${worksheet.id}\u0000${ref}`;
    const entry = byCell.get(key) ?? { worksheet, ref, findings: [] };
    entry.findings.push(finding);
    byCell.set(key, entry);
  }
  return [...byCell.values()].map(({ worksheet, ref, findings }) => {
    const sorted = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const cell = worksheet.getCell(ref);
    fill(cell, sorted[0].severity);
    const comment = sorted.map((finding) => findingNote(finding, rules.get(finding.ruleId), options)).join('\n\n');
    cell.note = withOriginal(cell, comment);
    return { worksheet, ref, findings: sorted, comment };
  });
}

/** A fresh style object: exceljs may share one between cells that had the same style. */
function fill(cell: Cell, severity: Severity): void {
  cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[severity] } } };
}

export function findingNote(finding: Finding, rule: RuleMeta | undefined, options: RenderOptions): string {
  const head = `${SEVERITY_WORDS[options.lang][finding.severity]} · ${finding.ruleId}`;
  const lines = [head, renderMessage(rule, finding, options)];
  if (rule) lines.push(basisText(rule, options.lang));
  return lines.join('\n');
}

const ORIGINAL_SEPARATOR = '\n\n—— zhucun ——\n';

/** A comment the cell already had is kept, above the findings. */
function withOriginal(cell: Cell, comment: string): string {
  const original = noteText(cell.note);
  return original === '' ? comment : `${original}${ORIGINAL_SEPARATOR}${comment}`;
}

function noteText(note: Cell['note'] | undefined): string {
  if (note === undefined || note === null) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((run) => run.text).join('');
}
