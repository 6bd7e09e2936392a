// Compound files: what they hold, damage to their sector chains, and the sandbox that bounds
// SheetJS's .xls parser in time and memory.
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { LoadError } from '../../src/errors.js';
import { readCompoundFile } from '../../src/load/compound-file.js';
import { parseCompoundFileInSandbox } from '../../src/load/legacy-sandbox.js';
import { badFixture, expectLoadError, loadFixture, loadOne, temporaryFolder, writeTemporary } from './support.js';

interface CfbApi {
  utils: { cfb_new(): object; cfb_add(container: object, name: string, content: Uint8Array): void };
  write(container: object, options: { type: 'buffer' }): Buffer;
}

/** A compound file holding the named streams (written by SheetJS's CFB writer). */
function compoundFile(streams: Record<string, string>): string {
  const cfb = XLSX.CFB as CfbApi;
  const container = cfb.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) cfb.utils.cfb_add(container, name, Buffer.from(content.repeat(300)));
  return writeTemporary(temporaryFolder(), 'office.xls', cfb.write(container, { type: 'buffer' }));
}

describe('reading a compound file', () => {
  it('lists the streams of a LibreOffice .xls and reads its Workbook stream', () => {
    const path = loadFixture('merged-header.xls');
    const compound = readCompoundFile(path, readFileSync(path));
    expect(compound.names).toContain('Workbook');
    const workbook = compound.stream('WORKBOOK')!;
    expect(workbook.readUInt16LE(0)).toBe(0x0809); // a BIFF8 BOF record
    expect(compound.stream('WordDocument')).toBeNull();
  });

  it('reads streams short enough to live in the mini stream', () => {
    const path = compoundFile({ Small: 'ab' });
    expect(readCompoundFile(path, readFileSync(path)).stream('Small')!.toString()).toBe('ab'.repeat(300));
  });

  it('refuses a sector chain that runs in a circle, as damage', () => {
    const bytes = readFileSync(loadFixture('merged-header.xls'));
    const directorySector = bytes.readUInt32LE(0x30);
    const firstFatSector = bytes.readUInt32LE(0x4c);
    bytes.writeUInt32LE(directorySector, (firstFatSector + 1) * 512 + directorySector * 4);
    const file = writeTemporary(temporaryFolder(), 'circle.xls', bytes);
    expect(expectLoadError(() => loadOne(file), 'CORRUPT', file).text.en).toContain('compound file structure broken');
  });
});

describe('what a compound file holds', () => {
  it('a Word document → NOT_A_SPREADSHEET', () => {
    const file = compoundFile({ WordDocument: 'x' });
    expect(expectLoadError(() => loadOne(file), 'NOT_A_SPREADSHEET', file).text.en).toContain('Word document');
  });

  it('a PowerPoint presentation → NOT_A_SPREADSHEET', () => {
    const file = compoundFile({ 'PowerPoint Document': 'x' });
    expect(expectLoadError(() => loadOne(file), 'NOT_A_SPREADSHEET', file).text.en).toContain('PowerPoint');
  });

  it('any other compound file → NOT_A_SPREADSHEET', () => {
    const file = compoundFile({ Contents: 'x' });
    expectLoadError(() => loadOne(file), 'NOT_A_SPREADSHEET', file);
  });
});

describe('the .xls sandbox', () => {
  it('stops SheetJS when a damaged formula record makes it loop, and says so', () => {
    const file = badFixture('formula-loop.xls');
    const started = performance.now();
    let caught: unknown;
    try {
      parseCompoundFileInSandbox(file, readFileSync(file), 2000);
    } catch (error) {
      caught = error;
    }
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(caught).toBeInstanceOf(LoadError);
    expect((caught as LoadError).code).toBe('UNREADABLE');
    expect((caught as LoadError).text.en).toContain(`${file}: reading it took more than 2 s or too much memory`);
  });

  it('returns what SheetJS parsed from a sound file', () => {
    const file = loadFixture('merged-header.xls');
    const workbook = parseCompoundFileInSandbox(file, readFileSync(file));
    expect(workbook.date1904).toBe(false);
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(['驻村干部']);
    expect(workbook.sheets[0]!.data[4]![1]).toEqual({ t: 's', v: '张三', z: 'General' });
  });
});
