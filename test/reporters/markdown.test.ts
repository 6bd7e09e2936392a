import { describe, expect, it } from 'vitest';
import { markdown, markdownCell, MAX_LISTED } from '../../src/reporters/markdown.js';
import { renderMessage, ruleIndex } from '../../src/reporters/render.js';
import type { RuleMeta, RunResult } from '../../src/types.js';
import { AS_OF, FAILED_PATH, FORMULA_NAMES, options, ROSTER_PATH, runResult, text, WAIVER, waivedRun } from './run-result.js';

function render(result: RunResult, overrides: Parameters<typeof options>[0] = {}): string {
  return text(markdown.render(result, options(overrides)));
}

/** A table row's cells: split at pipes not escaped (an even run of backslashes before them). */
function cells(line: string): string[] {
  const inner = line.slice(1, -1);
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < inner.length; i += 1) {
    if (inner[i] === '\\') {
      cell += inner.slice(i, i + 2);
      i += 1;
    } else if (inner[i] === '|') {
      out.push(cell.trim());
      cell = '';
    } else cell += inner[i];
  }
  return [...out, cell.trim()];
}

/** What a Markdown renderer shows for a cell: backslash escapes removed. */
const shown = (cell: string) => cell.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Characters with inline meaning left without a backslash before them. */
function unescapedMarkup(cell: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < cell.length; i += 1) {
    if (cell[i] === '\\') i += 1;
    else if ('*_`[]<>&~#@:$!|'.includes(cell[i])) found.push(cell[i]);
  }
  return found;
}

/** The rows of the table under a heading (header and delimiter rows dropped). */
function tableUnder(output: string, heading: string): string[][] {
  const lines = output.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(cells(line));
  }
  expect(rows[1].every((cell) => cell === '---')).toBe(true);
  return [rows[0], ...rows.slice(2)];
}

describe('markdown', () => {
  it('heads the comment with the verdict and the counts by severity', () => {
    const output = render(runResult({ failed: true }));
    expect(output.split('\n')[0]).toBe('## ❌ zhucun: 未通过');
    expect(output).toContain('错误 **4** · 警告 **6** · 提示 **1** · 名册 **2** 份(**1** 份无法读取)');
    const en = render(runResult(), { lang: 'en' });
    expect(en.split('\n')[0]).toBe('## ❌ zhucun: failed');
    expect(en).toContain('**4** errors · **6** warnings · **1** infos · **1** roster(s)');
  });

  it('passes, warns or fails as the exit status would', () => {
    const result = runResult();
    const only = (severities: string[]): RunResult => ({
      ...result,
      rosters: [{ ...result.rosters[0], findings: result.rosters[0].findings.filter((f) => severities.includes(f.severity)) }],
    });
    expect(render(only([]), { lang: 'en' })).toMatch(/^## ✅ zhucun: passed\n/);
    expect(render(only([]), { lang: 'en' })).toContain('No problems found.');
    expect(render(only(['warning', 'info']), { lang: 'en' })).toMatch(/^## ⚠️ zhucun: passed with warnings\n/);
    expect(render(only(['warning']), { lang: 'en', maxWarnings: 0 })).toMatch(/^## ❌ zhucun: failed\n/);
    expect(render(only(['warning']), { lang: 'en', maxWarnings: 6 })).toMatch(/^## ⚠️/);
  });

  it('counts findings by rule, with title and severity', () => {
    const result = runResult();
    const [header, ...rows] = tableUnder(render(result), '### 按规则统计');
    expect(header).toEqual(['规则', '名称', '级别', '数量']);
    const rules = ruleIndex(result.rules);
    const findings = result.rosters[0].findings;
    expect(rows.reduce((sum, row) => sum + Number(row[3]), 0)).toBe(findings.length);
    for (const [id, title, , n] of rows) {
      expect(shown(title)).toBe(rules.get(id)!.title.zh);
      expect(Number(n)).toBe(findings.filter((f) => f.ruleId === id).length);
    }
    expect(rows.map((row) => row[0])).toEqual([
      'id-number-valid',
      'tuopin-village-first-secretary',
      'tuopin-village-team',
      'value-format',
      'filing-recorded',
      'key-county-reinforced',
      'tenure-review',
    ]);
    expect(rows.find((row) => row[0] === 'filing-recorded')!.slice(2)).toEqual(['警告', '5']);
  });

  it('lists the findings with roster, sheet, row, column, severity, rule and the rendered message', () => {
    const result = runResult();
    const [header, ...rows] = tableUnder(render(result), '### 问题');
    expect(header).toEqual(['名册', '工作表', '行', '列', '级别', '规则', '问题']);
    const findings = result.rosters[0].findings;
    const rules = ruleIndex(result.rules);
    expect(rows).toHaveLength(findings.length);
    rows.forEach((row, index) => {
      const finding = findings[index];
      expect(row).toHaveLength(7);
      expect(shown(row[0])).toBe(ROSTER_PATH);
      expect([row[1], row[2], row[3], row[5]]).toEqual([finding.location.sheet, String(finding.location.row), finding.location.column ?? '', finding.ruleId]);
      expect(shown(row[6])).toBe(renderMessage(rules.get(finding.ruleId), finding, { lang: 'zh', showPii: false }));
    });
  });

  it(`lists only the first ${MAX_LISTED} findings, and says how many there are`, () => {
    const result = runResult();
    const many = Array.from({ length: 8 }, () => result.rosters[0].findings).flat();
    const output = render({ ...result, rosters: [{ ...result.rosters[0], findings: many }] }, { lang: 'en' });
    expect(tableUnder(output, '### Findings')).toHaveLength(MAX_LISTED + 1);
    expect(output).toContain(`The first ${MAX_LISTED} of ${many.length}.`);
    expect(output).toContain(`**${many.filter((f) => f.severity === 'error').length}** errors`);
  });

  it('never lets a cell starting with = + - @ become markup or a formula', () => {
    const [, ...rows] = tableUnder(render(runResult()), '### 问题');
    const messages = rows.map((row) => row[6]);
    for (const name of FORMULA_NAMES) {
      const cell = messages.find((m) => shown(m).startsWith(name))!;
      expect(cell, name).toBeDefined();
      expect(cell[0]).toBe('\\');
    }
    for (const value of ['=1', '+1', '-1', '@user', ' =1', '\t=1']) {
      const cell = markdownCell(value);
      expect(cell, value).toMatch(/^\\/);
      expect(shown(cell)).toBe(value.trim());
    }
  });

  it('escapes pipes and inline markup in crafted messages, keeping the table shape', () => {
    const result = runResult();
    const nasty = 'a|b \\| *em* _u_ `code` [link](http://e.com) <script>x</script> &amp; ~~s~~ #1 @user :smile: $x$ ![i](j)\r\nnext';
    const rules: RuleMeta[] = result.rules.map((rule) => (rule.id === 'tenure-review' ? { ...rule, message: { zh: nasty, en: nasty } } : rule));
    const [, ...rows] = tableUnder(render({ ...result, rules }), '### 问题');
    const row = rows.find((r) => r[5] === 'tenure-review')!;
    expect(row).toHaveLength(7);
    expect(shown(row[6])).toBe(nasty.replace(/\s+/g, ' '));
    expect(unescapedMarkup(row[6])).toEqual([]);
    expect(row[6]).toContain('\\*em\\*');
    expect(row[6]).not.toMatch(/[\r\n]/);
  });

  it('names the rosters that could not be read', () => {
    const output = render(runResult({ failed: true }), { lang: 'en' });
    const section = output.split('### Rosters that could not be read\n\n')[1].split('\n\n')[0];
    expect(section.split('\n')).toHaveLength(1);
    expect(shown(section)).toContain(`- ${FAILED_PATH}: ${FAILED_PATH}: the file is encrypted`);
  });

  it('shows how to reproduce the run locally', () => {
    const output = render(runResult({ failed: true }));
    expect(output).toContain(`### 在本地复现\n\n\`\`\`sh\nnpx zhucun check 'rosters/威宁县 名册#1.xlsx' rosters/加密,名册.xlsx --as-of ${AS_OF}\n\`\`\`\n`);
    const result = runResult();
    const odd = render({ ...result, rosters: [{ ...result.rosters[0], path: "-x/it's ```.xlsx" }] }, { lang: 'en' });
    expect(odd).toContain("````sh\nnpx zhucun check './-x/it'\\''s ```.xlsx' --as-of 2026-11-27\n````");
  });

  it('lists waived findings in their own section with --show-waived, outside the counts', () => {
    const result = waivedRun();
    const hidden = render(result);
    expect(hidden).not.toContain('已豁免的问题');
    expect(hidden).toContain('已豁免 **1**');
    const output = render(result, { showWaived: true });
    const [header, ...rows] = tableUnder(output, '### 已豁免的问题(不计入结果)');
    expect(header.at(-1)).toBe('豁免');
    expect(rows).toHaveLength(1);
    expect(rows[0][5]).toBe(WAIVER.rule);
    expect(shown(rows[0][7])).toContain(WAIVER.reason);
    expect(output).toContain('错误 **3** ·');
    expect(tableUnder(output, '### 问题').some((row) => row[5] === WAIVER.rule)).toBe(false);
  });
});
