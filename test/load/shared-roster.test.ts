// A CSV roster crosses to another thread as its bytes in shared memory: the other thread reads the
// same rows without a copy. Other rosters do not share.
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { CsvRows } from '../../src/load/csv-rows.js';
import { loadRoster, shareRoster, rosterFromShared, type SharedRoster } from '../../src/load/index.js';
import { readFileBounded } from '../../src/load/read-file.js';
import { textEncoding } from '../../src/load/text-decode.js';
import type { LoadedRoster } from '../../src/types.js';
import { rowsOf } from './support.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

function csvPair(folder: string): LoadedRoster {
  const path = join(FIXTURES, 'rosters', folder);
  const villagesFile = join(path, 'villages.csv');
  return loadRoster({ path, files: [villagesFile, join(path, 'cadres.csv')], villagesFile });
}

/** The shared roster as another thread receives it: through a message port. */
async function posted(shared: SharedRoster): Promise<SharedRoster> {
  const { port1, port2 } = new MessageChannel();
  try {
    port1.postMessage(shared);
    const [received] = (await once(port2, 'message')) as [SharedRoster];
    return received;
  } finally {
    port1.close();
    port2.close();
  }
}

describe('a roster shared with another thread', () => {
  it('reads a file into shared memory', () => {
    const bytes = readFileBounded(join(FIXTURES, 'rosters/utf8-bom-csv/cadres.csv'), 1 << 20);
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  for (const folder of ['utf8-bom-csv', 'xiji-csv-gb18030']) {
    it(`gives the same rows on the other side of a message port: ${folder}`, async () => {
      const loaded = csvPair(folder);
      const shared = shareRoster(loaded);
      expect(shared).not.toBeNull();
      const received = rosterFromShared(await posted(shared!));
      expect(received.path).toBe(loaded.path);
      expect(received.villageSheetName).toBe(loaded.villageSheetName);
      expect(received.sheets.map((sheet) => ({ ...sheet, rows: rowsOf(sheet.rows) }))).toEqual(
        loaded.sheets.map((sheet) => ({ ...sheet, rows: rowsOf(sheet.rows) })),
      );
    });
  }

  it('shares the bytes rather than copying them', async () => {
    const shared = shareRoster(csvPair('utf8-bom-csv'))!;
    const received = await posted(shared);
    const [mine, theirs] = [shared.sheets[0]!.rows.bytes, received.sheets[0]!.rows.bytes];
    expect(theirs.buffer).toBeInstanceOf(SharedArrayBuffer);
    const before = theirs[theirs.length - 1];
    mine[mine.length - 1] = 0x21;
    expect(theirs[theirs.length - 1]).toBe(0x21);
    mine[mine.length - 1] = before!;
  });

  it('keeps a record with quoted line breaks, read from the scan it was given', () => {
    const folder = mkdtempSync(join(tmpdir(), 'zhucun-shared-'));
    const file = join(folder, 'cadres.csv');
    writeFileSync(file, '姓名,备注\n"王\n五","a,""b"""\n\n赵六,c\n');
    const rows = new CsvRows(textEncoding(readFileBounded(file, 1 << 20)));
    const again = CsvRows.fromShared(rows.share()!);
    expect(rowsOf(again)).toEqual(rowsOf(rows));
    expect(rowsOf(again)).toEqual([['姓名', '备注'], ['王\n五', 'a,"b"'], [], [], ['赵六', 'c']]);
  });

  it('does not share rows whose bytes are not in shared memory, nor a workbook', () => {
    expect(new CsvRows('a,b\n').share()).toBeNull();
    const workbook = join(FIXTURES, 'weining-county.xlsx');
    expect(shareRoster(loadRoster({ path: workbook, files: [workbook] }))).toBeNull();
  });
});
