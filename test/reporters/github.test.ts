import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/reporters/github.js';
import { renderMessage, ruleIndex } from '../../src/reporters/render.js';
import type { RuleMeta, RunResult } from '../../src/types.js';
import { FAILED_PATH, options, PUNCTUATED_NAME, ROSTER_PATH, runResult, text, WAIVER, waivedRun } from './run-result.js';

interface Command {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** What the Actions runner does with a line: split, then undo the escaping. */
const unescape = (value: string) =>
  value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

function parseCommand(line: string): Command {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const properties: Record<string, string> = {};
  for (const pair of match[2] ? match[2].split(',') : []) {
    const [key, ...value] = pair.split('=');
    properties[key] = unescape(value.join('='));
  }
  return { command: match[1], properties, message: unescape(match[3]) };
}

function render(result: RunResult, overrides: Parameters<typeof options>[0] = {}): Command[] {
  const output = text(github.render(result, options(overrides)));
  expect(output.endsWith('\n')).toBe(true);
  return output.slice(0, -1).split('\n').map(parseCommand);
}

describe('github', () => {
  it('escapes message data and property values as the runner expects', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeData('a: b, c')).toBe('a: b, c');
    expect(escapeProperty('rosters/a,b: 50%\r\n')).toBe('rosters/a%2Cb%3A 50%25%0D%0A');
    expect(escapeData('%0A')).toBe('%250A');
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(escapeData(value)).not.toMatch(/[\r\n]/);
        expect(escapeProperty(value)).not.toMatch(/[\r\n:,]/);
        expect(unescape(escapeData(value))).toBe(value);
        expect(unescape(escapeProperty(value))).toBe(value);
      }),
    );
  });

  it('writes one annotation per finding, on the roster and row, titled with the rule', () => {
    const result = runResult();
    const findings = result.rosters[0].findings;
    const commands = render(result);
    expect(commands).toHaveLength(findings.length);
    const rules = ruleIndex(result.rules);
    commands.forEach((command, index) => {
      const finding = findings[index];
      expect(command.command).toBe({ error: 'error', warning: 'warning', info: 'notice' }[finding.severity]);
      expect(command.properties).toEqual({
        file: ROSTER_PATH,
        line: String(finding.location.row),
        title: `${finding.ruleId}: ${rules.get(finding.ruleId)!.title.zh}`,
      });
      expect(command.message.endsWith(renderMessage(rules.get(finding.ruleId), finding, { lang: 'zh', showPii: false }))).toBe(true);
      expect(command.message.startsWith(`${finding.location.sheet} 第${finding.location.row}行`)).toBe(true);
    });
    expect(new Set(commands.map((c) => c.command))).toEqual(new Set(['error', 'warning', 'notice']));
  });

  it('escapes %, comma and colon from real cells: the raw line keeps them out of the properties', () => {
    const output = text(github.render(runResult(), options({ lang: 'en' })));
    const line = output.split('\n').find((l) => l.includes('Li%2C') || l.includes('Li,'))!;
    expect(line).toMatch(/^::warning file=rosters\/威宁县 名册#1\.xlsx,line=9,title=filing-recorded%3A The selection is filed::/);
    expect(line).toContain(`::驻村干部 row 9, 备案情况: Li, 50%25: x's selection is not filed (备案情况: 否)`);
    expect(parseCommand(line).message).toContain(`${PUNCTUATED_NAME}'s selection is not filed`);
  });

  it('escapes CR and LF in crafted messages and titles, and : , % in crafted paths', () => {
    const result = runResult();
    const rules: RuleMeta[] = result.rules.map((rule) =>
      rule.id === 'filing-recorded'
        ? { ...rule, title: { zh: '标题:甲,乙\r\n丙', en: 't' }, message: { zh: '100% {{name}}\r\n第二行\n第三行:a,b', en: 'm' } }
        : rule,
    );
    const path = 'C:/县,乡:50%/名册.xlsx';
    const crafted: RunResult = { ...result, rules, rosters: [{ ...result.rosters[0], path }] };
    const output = text(github.render(crafted, options()));
    const lines = output.slice(0, -1).split('\n');
    expect(lines).toHaveLength(result.rosters[0].findings.length);
    const line = lines.find((l) => l.includes('title=filing-recorded'))!;
    expect(line).toContain('file=C%3A/县%2C乡%3A50%25/名册.xlsx,line=5,');
    expect(line).toContain('title=filing-recorded%3A 标题%3A甲%2C乙%0D%0A丙::');
    expect(line).toContain('100%25 =HYPERLINK("http://x")%0D%0A第二行%0A第三行:a,b');
    const command = parseCommand(line);
    expect(command.properties.file).toBe(path);
    expect(command.properties.title).toBe('filing-recorded: 标题:甲,乙\r\n丙');
    expect(command.message).toContain('100% =HYPERLINK("http://x")\r\n第二行\n第三行:a,b');
  });

  it('reports a roster that could not be read as an error on the file', () => {
    const commands = render(runResult({ failed: true }), { lang: 'en' });
    const failed = commands.at(-1)!;
    expect(failed.command).toBe('error');
    expect(failed.properties).toEqual({ file: FAILED_PATH });
    expect(failed.message).toContain('encrypted');
    expect(text(github.render(runResult({ failed: true }), options())).trimEnd().split('\n').at(-1)).toMatch(/^::error file=rosters\/加密%2C名册\.xlsx::/);
  });

  it('lists waived findings as notices, marked, only with --show-waived', () => {
    const result = waivedRun();
    expect(render(result).some((c) => c.properties.title?.startsWith(WAIVER.rule))).toBe(false);
    const waived = render(result, { showWaived: true }).filter((c) => c.properties.title?.startsWith(WAIVER.rule));
    expect(waived).toHaveLength(1);
    expect(waived[0].command).toBe('notice');
    expect(waived[0].properties.title).toContain('(已豁免)');
    expect(waived[0].message).toContain(WAIVER.reason);
  });

  it('prints nothing for a clean run', () => {
    const result = runResult();
    expect(github.render({ ...result, rosters: [{ ...result.rosters[0], findings: [] }] }, options())).toBe('');
  });
});
