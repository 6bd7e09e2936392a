// A roster's drop-downs survive annotation as they were: taken out before exceljs reads the
// workbook (it would expand a whole-column validation to a million cells, and can write a range
// back split into overlapping ones) and put back into the copy.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { restoreValidations } from '../../src/annotate/validations.js';
import { writeTemplate } from '../../src/template/index.js';
import { elements, sheetParts, xlsxParts } from '../template/xlsx-parts.js';
import { annotate } from './read-back.js';

const TMP = process.env.KEEP_DIR ?? mkdtempSync(join(tmpdir(), 'zhucun-validations-'));

/** The template with whole-column validations (as many provincial templates have) and one filled row with a defect. */
function wholeColumnTemplate(template: Uint8Array): Uint8Array {
  const zip = XLSX.CFB.read(Buffer.from(template), { type: 'buffer' });
  for (const path of zip.FullPaths.filter((p) => /worksheets\/sheet\d\.xml$/.test(p))) {
    const entry = XLSX.CFB.find(zip, path)!;
    let xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
    xml = xml.replace(/sqref="([A-Z]+)2:([A-Z]+)5000"/g, 'sqref="$12:$21048576" xr:uid="{00000000-0001-0000-0000-000000000000}"');
    if (path.endsWith('sheet2.xml')) {
      xml = xml.replace('</sheetData>', '<row r="3"><c r="A3"><v>1</v></c><c r="B3" t="inlineStr"><is><t>岩温</t></is></c><c r="K3" t="inlineStr"><is><t>对员</t></is></c></row></sheetData>');
    }
    XLSX.CFB.utils.cfb_add(zip, path.replace(/^Root Entry/, ''), Buffer.from(xml, 'utf8'));
  }
  return XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Buffer;
}

function validationsOf(parts: Map<string, string> | ReadonlyMap<string, string>, sheet: string): string[] {
  return elements(parts.get(sheetParts(parts).get(sheet)!)!, 'dataValidation').map((v) => `${v.attrs.sqref} ${v.attrs.type} ${v.inner}`);
}

describe('data validations in an annotated copy', () => {
  it('keeps whole-column drop-downs as they were, quickly, without exceljs expanding them', async () => {
    const file = join(TMP, 'whole-columns.xlsx');
    const original = wholeColumnTemplate(await writeTemplate({ lang: 'zh' }));
    writeFileSync(file, original);
    const started = Date.now();
    const copy = await annotate([file]);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(copy.result.rosters[0].findings.map((f) => `${f.ruleId}@${f.location.ref ?? f.location.row}`)).toContain('value-format@K3');
    const before = validationsOf(xlsxParts(original), '驻村干部');
    expect(before.length).toBeGreaterThan(10);
    expect(before.every((v) => v.includes('1048576'))).toBe(true);
    expect(validationsOf(copy.parts, '驻村干部')).toEqual(before);
    expect(validationsOf(copy.parts, '村庄')).toEqual(validationsOf(xlsxParts(original), '村庄'));
    // Excel's xr:uid needs a namespace the written worksheet does not declare: it is dropped.
    expect(copy.parts.get(sheetParts(copy.parts).get('驻村干部')!)).not.toContain('xr:uid');
    writeFileSync(join(TMP, 'whole-columns.annotated.xlsx'), copy.bytes);
  });

  it('puts the validations back where a worksheet has them: after the cells, before the page set-up', () => {
    const sheet = '<worksheet><sheetData/><pageMargins/></worksheet>';
    const element = '<dataValidations count="1"><dataValidation type="list" sqref="C2:C9"><formula1>"是,否"</formula1></dataValidation></dataValidations>';
    expect(restoreValidations(sheet, element)).toBe(`<worksheet><sheetData/>${element}<pageMargins/></worksheet>`);
  });
});
