// Zip packages: bombs, damage, encryption and the other things a zip may be instead of a workbook.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/load/index.js';
import { MAX_ZIP_ENTRIES } from '../../src/load/zip-directory.js';
import { loadInChild } from './child-process.js';
import {
  deflateRepeated,
  expectLoadError,
  loadOne,
  minimalXlsx,
  minimalXlsxParts,
  temporaryFolder,
  worksheetXml,
  writeTemporary,
  writeZip,
} from './support.js';

const GiB = 1 << 30;
const ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>驻村第一书记</t></is></c></row>';

/** An .xlsx whose worksheet inflates to 2 GiB from about 2 MB, declaring `declaredSize`. */
function bombFile(declaredSize: number): string {
  const chunk = Buffer.from(ROW.repeat(Math.ceil((1 << 20) / ROW.length))).subarray(0, 1 << 20);
  const compressed = deflateRepeated(chunk, (2 * GiB) / chunk.length);
  const bytes = minimalXlsx({ compressed, declaredSize, crc: 0 });
  expect(bytes.length).toBeLessThan(8 << 20);
  return writeTemporary(temporaryFolder(), 'bomb.xlsx', bytes);
}

const sheetWith = (text: string) => worksheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row>`);

describe('zip bombs', () => {
  it('refuses at once a package that declares it unzips to 2 GiB', () => {
    const file = bombFile(2 * GiB - 1);
    const started = performance.now();
    const error = expectLoadError(() => loadOne(file), 'TOO_LARGE', file);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.text.en).toContain('unpacks to more than 256 MiB');
    expect(error.text.en).toContain('--max-unzipped-size');
  });

  it('refuses a package that lies about its sizes, counting as it inflates: quickly, in bounded memory', () => {
    const file = bombFile(1000);
    const child = loadInChild(file, { maxOldSpaceMb: 256, timeoutMs: 60_000 });
    expect(child.outcome).toBe('TOO_LARGE');
    expect(child.milliseconds).toBeLessThan(60_000);
    expect(child.maxRssBytes).toBeLessThan(GiB);
  }, 90_000);

  it('counts the real size of each part against a small limit too', () => {
    const content = Buffer.alloc(4 << 20, 'A');
    const file = writeTemporary(temporaryFolder(), 'lying.xlsx', minimalXlsx({ data: sheetWith('x') }, [{ name: 'xl/media/big.bin', data: content, declaredSize: 10 }]));
    expectLoadError(() => loadOne(file, { ...DEFAULT_LIMITS, maxInflatedBytes: 1 << 20 }), 'TOO_LARGE', file);
  });
});

describe('damaged packages', () => {
  const crafted = (name: string, bytes: Buffer) => writeTemporary(temporaryFolder(), name, bytes);

  it('a part whose size is not the declared one', () => {
    const file = crafted('size.xlsx', minimalXlsx({ data: sheetWith('x'), declaredSize: 10 }));
    expect(expectLoadError(() => loadOne(file), 'CORRUPT', file).text.en).toContain('wrong size');
  });

  it('a part that fails its checksum', () => {
    const file = crafted('crc.xlsx', minimalXlsx({ data: sheetWith('x'), crc: 12345 }));
    expect(expectLoadError(() => loadOne(file), 'CORRUPT', file).text.en).toContain('checksum');
  });

  it('a part whose compressed data is cut short', () => {
    const bytes = minimalXlsx({ compressed: deflateRepeated(Buffer.from(ROW), 10).subarray(0, 20), declaredSize: ROW.length * 10 });
    const file = crafted('cut.xlsx', bytes);
    expect(expectLoadError(() => loadOne(file), 'CORRUPT', file).text.en).toContain('cannot be inflated');
  });

  it('a zip cut before its directory', () => {
    const bytes = minimalXlsx({ data: sheetWith('x') });
    const file = crafted('cut-short.xlsx', bytes.subarray(0, bytes.length - 30));
    expectLoadError(() => loadOne(file), 'CORRUPT', file);
  });

  it('a directory that points past the end of the file', () => {
    const bytes = minimalXlsx({ data: sheetWith('x') });
    bytes.writeUInt32LE(bytes.length, bytes.length - 6); // the directory's offset
    const file = crafted('offset.xlsx', bytes);
    expectLoadError(() => loadOne(file), 'CORRUPT', file);
  });
});

describe('what else a zip can be', () => {
  const crafted = (name: string, bytes: Buffer) => writeTemporary(temporaryFolder(), name, bytes);

  it('a zip with encrypted parts → ENCRYPTED', () => {
    const file = crafted('zip-encrypted.xlsx', minimalXlsx({ data: sheetWith('x'), flags: 0x0801 }));
    expectLoadError(() => loadOne(file), 'ENCRYPTED', file);
  });

  it('an OpenDocument file with a password → ENCRYPTED', () => {
    const manifest = '<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>';
    const file = crafted('encrypted.ods', writeZip([{ name: 'META-INF/manifest.xml', data: manifest }, { name: 'content.xml', data: 'x' }]));
    expectLoadError(() => loadOne(file), 'ENCRYPTED', file);
  });

  it('a compression method Excel never writes → UNREADABLE', () => {
    const file = crafted('bzip2.xlsx', minimalXlsx({ data: sheetWith('x'), method: 12 }));
    expectLoadError(() => loadOne(file), 'UNREADABLE', file);
  });

  it('an Excel binary workbook → UNREADABLE, asking for .xlsx', () => {
    const file = crafted('book.xlsb', writeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.bin', data: 'x' }]));
    expect(expectLoadError(() => loadOne(file), 'UNREADABLE', file).text.en).toContain('.xlsb');
  });

  it('an Apple Numbers file → UNREADABLE', () => {
    const file = crafted('book.numbers', writeZip([{ name: 'Index/Document.iwa', data: 'x' }]));
    expect(expectLoadError(() => loadOne(file), 'UNREADABLE', file).text.en).toContain('Numbers');
  });

  it('more parts than any workbook has → TOO_LARGE', () => {
    const parts = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, index) => ({ name: `p${index}.xml`, data: '', method: 0 as const }));
    const file = crafted('parts.xlsx', writeZip(parts));
    expectLoadError(() => loadOne(file), 'TOO_LARGE', file);
  });
});

describe('what SheetJS cannot parse', () => {
  it('comes out as UNREADABLE, naming the file, with SheetJS\'s error kept as the cause', () => {
    const parts = minimalXlsxParts({ data: sheetWith('x') }).map((part) =>
      part.name === '[Content_Types].xml' ? { ...part, data: '<Types xmlns="urn:not-content-types"/>' } : part,
    );
    const file = writeTemporary(temporaryFolder(), 'namespace.xlsx', writeZip(parts));
    const error = expectLoadError(() => loadOne(file), 'UNREADABLE', file);
    expect(String(error.cause)).toContain('Unknown Namespace');
  });
});

describe('ZIP64', () => {
  it('reads sizes from ZIP64 extra fields and the ZIP64 end record', () => {
    const parts = minimalXlsxParts({ data: sheetWith('驻村') }).map((part) => ({ ...part, zip64: true }));
    const bytes = writeZip(parts, { zip64End: true });
    const roster = loadOne(writeTemporary(temporaryFolder(), 'zip64.xlsx', bytes));
    expect(roster.sheets.map((sheet) => [sheet.name, sheet.rows])).toEqual([['人员', [['驻村']]]]);
  });
});
