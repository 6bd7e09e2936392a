// The HTML audit report as a file: self-contained (nothing fetched), every value escaped text,
// personal data masked, the counts of the run. The browser test (test/browser) runs its script.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from '../../src/reporters/html/escape.js';
import { html, MAX_COVERAGE_BARS } from '../../src/reporters/html.js';
import { REPORTERS, summarise } from '../../src/reporters/index.js';
import type { CountyStats } from '../../src/stats/county-stats.js';
import type { RunResult } from '../../src/types.js';
import { batchResult, FORMULA_NAME, renameCounty, SCRIPT_NAME } from '../stats/fixture.js';
import { BAD_ID, FORMULA_NAMES, FULL_ID, FULL_MOBILE, GOOD_ID, LISTED_PHONE, options, runResult, STRAY_PHONE, text, waivedRun } from './run-result.js';

function render(result: RunResult, overrides: Parameters<typeof options>[0] = {}): string {
  return text(html.render(result, options(overrides)));
}

interface PageData {
  counties: string[];
  rosters: string[];
  rules: { id: string; title: string; document: string; passage: string; fix: string }[];
  severities: [string, string][];
  findings: [number, number, string, number, string, number, number, string][];
}

/** The JSON block the page's script reads. */
function pageData(page: string): PageData {
  const match = /<script type="application\/json" id="zhucun-data">([^<]*)<\/script>/.exec(page);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]) as PageData;
}

/** The page without its style, its script and its JSON block: the markup a value could break out of. */
function markup(page: string): string {
  return page.replace(/<style>[^<]*<\/style>/, '').replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
}

const HOSTILE_COUNTY = '<img src=x onerror=alert(2)>';

function hostile(): RunResult {
  return renameCounty(renameCounty(batchResult({ failed: true }), '530828', HOSTILE_COUNTY), '520527', FORMULA_NAME);
}

describe('html', () => {
  it('is registered under its name', () => {
    expect(REPORTERS.get('html')).toBe(html);
  });

  it('is one file in Chinese by default, in English with --lang en', () => {
    const page = render(batchResult());
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(page).toContain('<title>驻村第一书记和工作队名册核查报告(截至 2026-11-27)</title>');
    expect(page).toContain('<meta charset="utf-8">');
    const en = render(batchResult(), { lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h2>Findings</h2>');
  });

  it('fetches nothing: no external resource, and a policy that forbids every fetch', () => {
    const page = render(hostile());
    const tags = markup(page);
    expect(tags).not.toMatch(/<(link|img|iframe|object|embed|audio|video|source|base|form[^>]*action)\b/i);
    // (Escaped text holds no `<`: every `<` left opens a real tag.)
    expect(tags).not.toMatch(/<[a-z][^>]*\s(src|href|action|srcset|xlink:href|background|poster)\s*=\s*"(?!#)/i);
    expect(page).not.toMatch(/@import|url\(|@font-face/i);
    expect(page).not.toMatch(/<script[^>]*\ssrc=/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)![1].replace(/&#39;/g, "'");
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).toContain("connect-src 'none'");
    // The policy lets exactly this file's style and script run, by their hashes.
    const hash = (body: string) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
    const style = /<style>([^<]*)<\/style>/.exec(page)![1];
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1];
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(page.match(/<style/g)).toHaveLength(1);
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page).not.toMatch(/\sstyle="/);
  });

  it('escapes every value: markup and formulas in names are text', () => {
    const page = render(hostile());
    const tags = markup(page);
    expect(page).not.toContain(SCRIPT_NAME);
    expect(page).not.toContain(HOSTILE_COUNTY);
    expect(tags).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
    expect(tags.match(/</g)!.length).toBe(tags.match(/<\/?[a-z][\w-]*[\s>/]|<!DOCTYPE/gi)!.length);
    // The county name, in the roll-up tables, the chart labels and the filter, as escaped text.
    expect(tags).toContain(`<td>${escapeHtml(HOSTILE_COUNTY)}</td>`);
    expect(tags).toContain(`>${escapeHtml(HOSTILE_COUNTY)}</text>`);
    expect(tags).toContain(`<option value="3">${escapeHtml(HOSTILE_COUNTY)}(530828)(4)</option>`);
    // A formula stays as it was typed: the page is no spreadsheet, and it is not rewritten.
    expect(tags).toContain(`<td>${escapeHtml(FORMULA_NAME)}</td>`);
    // The village names quoted in messages reach the script as JSON strings, read back exactly.
    const data = pageData(page);
    const messages = data.findings.map((finding) => finding[7]);
    expect(messages.some((m) => m.includes(`「${SCRIPT_NAME}」`))).toBe(true);
    expect(messages.some((m) => m.includes(`「${FORMULA_NAME}」`))).toBe(true);
    expect(data.counties[3]).toBe(HOSTILE_COUNTY);
  });

  it('writes a message that starts with = + - @ as it is, as text', () => {
    const page = render(runResult());
    const messages = pageData(page).findings.map((finding) => finding[7]);
    for (const name of FORMULA_NAMES) expect(messages.some((m) => m.startsWith(name)), name).toBe(true);
  });

  it('embeds JSON that cannot close its script block', () => {
    const tricky = '</script><script>alert(1)</script><!-- & \u2028 \u2029';
    const embedded = jsonForScript({ tricky });
    expect(embedded).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(embedded)).toEqual({ tricky });
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('shows the counts of the run', () => {
    const result = batchResult({ failed: true });
    const page = render(result);
    const summary = summarise(result);
    const count = (id: string) => Number(new RegExp(`id="${id}">(\\d+)<`).exec(page)![1]);
    expect(count('count-total')).toBe(summary.errors + summary.warnings + summary.infos);
    expect(count('count-error')).toBe(summary.errors);
    expect(count('count-warning')).toBe(summary.warnings);
    expect(count('count-info')).toBe(summary.infos);
    expect(count('count-failed')).toBe(1);
    expect([count('count-counties'), count('count-villages'), count('count-teams'), count('count-cadres')]).toEqual([4, 11, 8, 25]);
    expect(pageData(page).findings).toHaveLength(summary.errors + summary.warnings + summary.infos);
    expect(page).toContain('<li>rosters/贵州/加密.xlsx: 文件已加密</li>');
  });

  it('lists every finding with its county, roster, place, severity, rule and policy passage', () => {
    const result = batchResult();
    const data = pageData(render(result));
    const rows = data.findings.map(([county, roster, sheet, row, column, severity, rule, message]) => ({
      county: data.counties[county],
      roster: data.rosters[roster],
      sheet,
      row,
      column,
      severity: data.severities[severity][0],
      rule: data.rules[rule].id,
      message,
    }));
    expect(rows.filter((r) => r.county === '澜沧拉祜族自治县').map((r) => r.rule).sort()).toEqual([
      'id-number-valid',
      'tuopin-village-first-secretary',
      'tuopin-village-first-secretary',
      'tuopin-village-team',
    ]);
    expect(rows.find((r) => r.rule === 'id-number-valid')).toMatchObject({ roster: 'rosters/云南/澜沧.xlsx', sheet: '驻村干部', row: 4, column: '身份证号', severity: 'error' });
    const teamRule = data.rules.find((rule) => rule.id === 'tuopin-village-team')!;
    expect(teamRule.document).toContain('驻村帮扶工作推进会讲话');
    expect(teamRule.passage.length).toBeGreaterThan(0);
    const page = render(result);
    expect(page).toContain(`<dd>${escapeHtml(`依据: ${teamRule.document}: ${teamRule.passage}`)}</dd>`);
  });

  it('offers filters by county, rule and severity, with counts', () => {
    const page = render(batchResult());
    expect(page).toContain('<select id="filter-county"><option value="" selected>全部</option><option value="1">威宁彝族回族苗族自治县(520526)(4)</option><option value="2">赫章县(520527)(1)</option><option value="3">澜沧拉祜族自治县(530828)(4)</option></select>');
    expect(page).toContain('<option value="error">错误(7)</option><option value="warning">警告(2)</option>');
    expect(page).toMatch(/<option value="\d+">tuopin-village-team 脱贫村须派驻工作队\(2\)<\/option>/);
    expect(page).toContain('<p id="shown" aria-live="polite" data-shown="9" data-listed="0">显示 9 个问题(共 9 个)</p>');
  });

  it('draws the charts inline: findings by rule, coverage by county', () => {
    const page = render(batchResult());
    const rulesChart = /<svg id="chart-rules"[\s\S]*?<\/svg>/.exec(page)![0];
    expect(rulesChart.match(/<g class="bar"/g)).toHaveLength(5);
    expect(rulesChart).toContain('data-rule="tuopin-village-first-secretary"');
    const coverage = /<svg id="chart-coverage"[\s\S]*?<\/svg>/.exec(page)![0];
    expect(coverage.match(/<g class="coverage"/g)).toHaveLength(4);
    expect(coverage).toContain('澜沧拉祜族自治县: 有工作队 2/3, 有第一书记 1/3');
    expect(coverage).toContain('>33.3% (1/3)</text>');
  });

  it('keeps the coverage chart to the counties with the lowest coverage at scale', () => {
    const county = (index: number): CountyStats => ({
      countyCode: String(510100 + index),
      province: '四川省',
      city: '成都市',
      county: `县${index}`,
      keyCounty: false,
      villages: 10,
      villagesByCategory: { 脱贫村: 10, 易地扶贫搬迁安置村: 0, 乡村振兴任务重的村: 0, 党组织软弱涣散村: 0, 其他: 0 },
      tuopinVillages: 10,
      tuopinWithTeam: index % 10,
      tuopinWithFirstSecretary: 10,
      teams: 1,
      activeCadres: 3,
      firstSecretaries: 1,
      teamMembers: 3,
    });
    const base = batchResult();
    const result: RunResult = {
      ...base,
      rosters: [{ path: 'big.xlsx', files: ['big.xlsx'], failure: null, notChecked: [], findings: [], waived: [], notices: [], stats: Array.from({ length: 60 }, (_, i) => county(i)) }],
    };
    const page = render(result);
    const coverage = /<svg id="chart-coverage"[\s\S]*?<\/svg>/.exec(page)![0];
    expect(coverage.match(/<g class="coverage"/g)).toHaveLength(MAX_COVERAGE_BARS);
    expect(coverage).not.toContain('县9: ');
    expect(page).toContain(`仅显示覆盖率最低的 ${MAX_COVERAGE_BARS} 个县(有脱贫村的县共 60 个)`);
    expect(page).toContain('<p class="note">未发现问题</p>');
  });

  it('writes no full ID number or mobile number without --show-pii, and them as typed with it', () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = render(waivedRun({ failed: true }), { lang, showWaived: true });
      expect(page).not.toMatch(FULL_ID);
      expect(page).not.toMatch(FULL_MOBILE);
      expect(page).toContain(`${BAD_ID.slice(0, 6)}********${BAD_ID.slice(-4)}`);
      expect(page).toContain(`${STRAY_PHONE.slice(0, 3)}****${STRAY_PHONE.slice(-4)}`);
    }
    const shown = render(runResult({ failed: true }), { showPii: true });
    expect(shown).toContain(BAD_ID);
    expect(shown).toContain(STRAY_PHONE);
    expect(shown).not.toContain(LISTED_PHONE);
    expect(shown).not.toContain(GOOD_ID);
  });

  it('shows waived findings only when asked, apart from the counted ones', () => {
    const result = waivedRun();
    expect(render(result)).not.toContain('石门村合并');
    const shown = render(result, { showWaived: true });
    expect(shown).toContain('石门村合并');
    expect(shown).toContain('<section id="waived">');
    expect(pageData(shown).findings).toHaveLength(summarise(result).errors + summarise(result).warnings + summarise(result).infos);
  });

  it('renders the same bytes twice', () => {
    const result = hostile();
    expect(render(result)).toBe(render(result));
  });
});
