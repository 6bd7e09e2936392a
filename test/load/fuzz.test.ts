// Damaged copies of real fixture files: loadRoster returns a roster or throws a LoadError, nothing
// else, and promptly. Bytes are changed in the file itself (zip and compound-file structure,
// CSV text) and, for zip packages, inside the main XML part with the zip rebuilt around it, so
// that SheetJS's own parsers see the damage rather than the zip checksum.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LoadError } from '../../src/errors.js';
import { loadFixture, loadOne, partsOf, temporaryFolder, writeTemporary, writeZip } from './support.js';

const WHOLE_FILES = ['merged-header.xlsx', 'merged-header.xls', 'merged-header.ods', 'formulas.xlsx', 'multiline.csv', 'gb18030.csv'];
const MAIN_PARTS: [fixture: string, part: string][] = [
  ['merged-header.xlsx', 'xl/worksheets/sheet1.xml'],
  ['dates.xlsx', 'xl/sharedStrings.xml'],
  ['merged-header.ods', 'content.xml'],
];

interface Damage {
  readonly edits: readonly { position: number; byte: number }[];
  /** Keep this share of the bytes (1 keeps them all). */
  readonly keep: number;
}

const damage: fc.Arbitrary<Damage> = fc.record({
  edits: fc.array(fc.record({ position: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 12 }),
  keep: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
});

function damaged(bytes: Buffer, { edits, keep }: Damage): Buffer {
  const copy = Buffer.from(bytes);
  for (const { position, byte } of edits) copy[position % copy.length] = byte;
  return copy.subarray(0, Math.max(1, Math.floor(copy.length * keep)));
}

const folder = temporaryFolder();
let runs = 0;

function expectRosterOrLoadError(bytes: Buffer, name: string): void {
  const file = writeTemporary(folder, `${runs++}-${name}`, bytes);
  const started = performance.now();
  try {
    const roster = loadOne(file);
    expect(Array.isArray(roster.sheets)).toBe(true);
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    expect(error.text.en.startsWith(`${file}: `)).toBe(true);
  }
  expect(performance.now() - started).toBeLessThan(10_000); // an .xls that makes SheetJS loop is stopped after 5 s
}

describe('fuzz', () => {
  it('damaged files', () => {
    const fixtures = WHOLE_FILES.map((name) => ({ name, bytes: readFileSync(loadFixture(name)) }));
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), damage, (fixture, change) => expectRosterOrLoadError(damaged(fixture.bytes, change), fixture.name)),
      { numRuns: 120 },
    );
  });

  it('damaged XML inside intact zip packages', () => {
    const packages = MAIN_PARTS.map(([name, part]) => ({ name, part, parts: partsOf(loadFixture(name)) }));
    fc.assert(
      fc.property(fc.constantFrom(...packages), damage, ({ name, part, parts }, change) => {
        const rebuilt = parts.map((entry) => ({ name: entry.name, data: entry.name === part ? damaged(entry.data, change) : entry.data }));
        expectRosterOrLoadError(writeZip(rebuilt), name);
      }),
      { numRuns: 80 },
    );
  });
});
