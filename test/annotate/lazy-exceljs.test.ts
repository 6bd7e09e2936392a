// exceljs (171 packages, a moderate uuid advisory) is loaded only when a workbook is written: the
// modules the CLI imports for `check`, `template` and `diff` import it as a type at most.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

describe('exceljs', () => {
  it.each(['src/annotate', 'src/template', 'src/diff'])('is never imported statically in %s', (folder) => {
    for (const file of sources(folder)) {
      const text = readFileSync(file, 'utf8');
      const statics = [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'exceljs'/gm)];
      expect(statics, file).toEqual([]);
    }
  });

  it('is imported dynamically where a workbook is written', () => {
    expect(readFileSync('src/annotate/index.ts', 'utf8')).toContain("await import('exceljs')");
    expect(readFileSync('src/template/index.ts', 'utf8')).toContain("await import('exceljs')");
    expect(sources('src/diff').some((file) => readFileSync(file, 'utf8').includes('exceljs'))).toBe(false);
  });
});
