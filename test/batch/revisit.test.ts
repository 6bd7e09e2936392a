// Reading a roster again for the rows whose run-wide key another roster repeats.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { prepareRun, rosterProcessor, rosterRevisitor, type RunSettings } from '../../src/batch/process-roster.js';
import { EMPTY_CONFIG } from '../../src/config/index.js';
import { DEFAULT_LIMITS } from '../../src/load/index.js';

const settings: RunSettings = { asOf: '2026-11-27', aloneInRun: false, rulesDirs: [], config: EMPTY_CONFIG, limits: DEFAULT_LIMITS, rollUp: true };
const prepared = prepareRun(settings);
const folders: string[] = [];

afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function copyOfWeining(): string {
  const folder = mkdtempSync(join(tmpdir(), 'zhucun-revisit-'));
  folders.push(folder);
  const file = join(folder, 'weining.xlsx');
  copyFileSync('fixtures/weining-county.xlsx', file);
  return file;
}

describe('a roster read again', () => {
  test('gives the requested row’s finding, saying how often the run holds its key', () => {
    const file = copyOfWeining();
    const task = { path: file, files: [file], explicit: true };
    const [candidate] = rosterProcessor(settings, prepared)(task).partial!.candidates.filter((c) => c.ruleId === 'cadre-posted-once' && c.row !== undefined);
    const revisited = rosterRevisitor(settings, prepared)(task, [{ ruleId: candidate!.ruleId, key: candidate!.key, row: candidate!.row!, count: 2 }]);
    expect(revisited.failure).toBeNull();
    expect(revisited.findings.map((f) => [f.ruleId, f.location.row, f.data.count, f.entity.idNumber])).toEqual([
      ['cadre-posted-once', candidate!.row, 2, candidate!.key],
    ]);
  });

  test('that no longer reads says which findings are missing, naming the file', () => {
    const file = copyOfWeining();
    rmSync(file);
    const revisited = rosterRevisitor(settings, prepared)({ path: file, files: [file], explicit: true }, [{ ruleId: 'cadre-posted-once', key: 'x', row: 5, count: 2 }]);
    expect(revisited.findings).toEqual([]);
    expect(revisited.failure?.en).toMatch(/reading this roster again for the row .* failed: .*weining\.xlsx.*that row are not listed; check again/);
    expect(revisited.failure?.zh).toContain('再次读取本名册时失败');
  });
});
