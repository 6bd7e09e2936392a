// The HTML audit report in a real browser: Debian's chromium, headless, loads the file written
// from a real batch with every network request blocked, and the test reads the rendered DOM: the
// counts shown, the filters, the names that are markup shown as text, no request attempted. It
// writes the README's screenshot. Skipped, saying why, only when /usr/bin/chromium is absent
// (scripts/install-chromium.sh installs it; CI runs that first).
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, PAGE_SIZE } from '../../src/reporters/html.js';
import { summarise } from '../../src/reporters/index.js';
import type { RunResult } from '../../src/types.js';
import { batchResult, EXPECTED, FORMULA_NAME, SCRIPT_NAME } from '../stats/fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SKIP_REASON = `${CHROMIUM} is absent: run scripts/install-chromium.sh (as root) to run the browser test`;
const SCREENSHOT = fileURLToPath(new URL('../../docs/audit-screenshot.png', import.meta.url));

const ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!HAS_CHROMIUM) console.warn(`test/browser/html-report.test.ts skipped: ${SKIP_REASON}`);

describe.skipIf(!HAS_CHROMIUM)(`HTML audit report in chromium${HAS_CHROMIUM ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let dir: string;
  let context: BrowserContext;
  /** Every request the page attempted, as its URL: only the pages themselves may be loaded. */
  const requests: string[] = [];
  const problems: string[] = [];
  const pages = new Set<string>();

  function write(name: string, result: RunResult): string {
    const file = join(dir, name);
    writeFileSync(file, html.render(result, { lang: 'zh', showPii: false, color: false }));
    const url = pathToFileURL(file).href;
    pages.add(url);
    return url;
  }

  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  const shown = (page: Page) => page.locator('#shown').getAttribute('data-shown').then(Number);
  const rows = (page: Page) => page.locator('#findings-body tr').count();
  const cardCount = (page: Page, id: string) => page.locator(`#${id}`).textContent().then(Number);
  const column = (page: Page, index: number) => page.locator(`#findings-body tr td:nth-child(${index})`).allTextContents();

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    dir = mkdtempSync(join(tmpdir(), 'zhucun-browser-'));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      return pages.has(url) ? route.continue() : route.abort('blockedbyclient');
    });
  });

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the counts of the run, lists every finding, and fetches nothing', async () => {
    const result = batchResult({ failed: true });
    const summary = summarise(result);
    const total = summary.errors + summary.warnings + summary.infos;
    const url = write('audit.html', result);
    const page = await open(url);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await cardCount(page, 'count-total')).toBe(total);
    expect(await cardCount(page, 'count-error')).toBe(summary.errors);
    expect(await cardCount(page, 'count-warning')).toBe(summary.warnings);
    expect(await cardCount(page, 'count-info')).toBe(summary.infos);
    expect(await cardCount(page, 'count-failed')).toBe(summary.filesFailed);
    expect(await shown(page)).toBe(total);
    expect(await rows(page)).toBe(total);
    expect(await page.locator('#shown').textContent()).toBe(`显示 ${total} 个问题(共 ${total} 个)`);
    const severities = await column(page, 6);
    expect(severities.filter((s) => s === '错误')).toHaveLength(summary.errors);
    expect(severities.filter((s) => s === '警告')).toHaveLength(summary.warnings);
    // The roll-up and the charts are drawn, and styled (the style's hash let it apply).
    expect(await page.locator('#rollup-counties tbody tr').count()).toBe(4);
    expect(await page.locator('#chart-rules g.bar').count()).toBe(5);
    expect(await page.locator('#chart-coverage g.coverage').count()).toBe(4);
    expect(await page.locator('table.rollup').first().evaluate((table) => getComputedStyle(table).borderCollapse)).toBe('collapse');
    expect(requests).toEqual([url]);
    expect(problems).toEqual([]);
  });

  it('shows names that are markup or formulas as text, and runs none of them', async () => {
    const page = await open(write('names.html', batchResult()));
    const messages = await column(page, 8);
    expect(messages.some((m) => m.includes(`「${SCRIPT_NAME}」`))).toBe(true);
    expect(messages.some((m) => m.includes(`「${FORMULA_NAME}」`))).toBe(true);
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('#findings-body script, #findings-body img').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('filters by county, severity and rule, and updates the count shown', async () => {
    const result = batchResult();
    const total = summarise(result).errors + summarise(result).warnings;
    const page = await open(write('filters.html', result));
    const lancang = EXPECTED['530828'];
    const weining = EXPECTED['520526'];

    await page.selectOption('#filter-county', { label: `澜沧拉祜族自治县(530828)(${lancang.errors + lancang.warnings})` });
    expect(await shown(page)).toBe(lancang.errors + lancang.warnings);
    expect(await rows(page)).toBe(lancang.errors + lancang.warnings);
    expect(new Set(await column(page, 1))).toEqual(new Set(['澜沧拉祜族自治县']));
    expect(new Set(await column(page, 2))).toEqual(new Set(['rosters/云南/澜沧.xlsx']));
    expect(await page.locator('#shown').textContent()).toBe(`显示 ${lancang.errors + lancang.warnings} 个问题(共 ${total} 个)`);

    await page.selectOption('#filter-county', '');
    await page.selectOption('#filter-severity', 'warning');
    const warnings = EXPECTED['520526'].warnings + EXPECTED['520527'].warnings;
    expect(await shown(page)).toBe(warnings);
    expect(await rows(page)).toBe(warnings);
    expect(new Set(await column(page, 6))).toEqual(new Set(['警告']));

    await page.selectOption('#filter-county', { label: `威宁彝族回族苗族自治县(520526)(${weining.errors + weining.warnings})` });
    expect(await shown(page)).toBe(weining.warnings);
    expect(await column(page, 7)).toEqual(['key-county-reinforced']);

    await page.selectOption('#filter-severity', '');
    await page.selectOption('#filter-county', '');
    await page.selectOption('#filter-rule', { label: 'tuopin-village-team 脱贫村须派驻工作队(2)' });
    expect(await shown(page)).toBe(2);
    expect(new Set(await column(page, 7))).toEqual(new Set(['tuopin-village-team']));

    // The policy passage opens under the finding.
    const details = page.locator('#findings-body tr').first().locator('details');
    await details.locator('summary').click();
    expect(await details.locator('p.passage').first().textContent()).toContain('对脱贫村,要实现一村一队,每队至少3人');

    await page.locator('#filters button[type="reset"]').click();
    await expect.poll(() => shown(page)).toBe(total);
    expect(await rows(page)).toBe(total);
    expect(problems).toEqual([]);
  });

  it('lists a large batch a page at a time', async () => {
    const base = batchResult();
    const [first, ...others] = base.rosters;
    const many = Array.from({ length: 300 }, () => first.findings).flat();
    const page = await open(write('large.html', { ...base, rosters: [{ ...first, findings: many }, ...others] }));
    const total = many.length + others.reduce((n, roster) => n + roster.findings.length, 0);
    expect(await shown(page)).toBe(total);
    expect(await rows(page)).toBe(PAGE_SIZE);
    expect(await page.locator('#shown').textContent()).toBe(`显示 ${total} 个问题(共 ${total} 个),已列出前 ${PAGE_SIZE} 个`);
    expect(await page.locator('#more').textContent()).toBe(`再显示 ${total - PAGE_SIZE} 个`);
    await page.locator('#more').click();
    expect(await rows(page)).toBe(total);
    expect(await page.locator('#more').isHidden()).toBe(true);
    await page.selectOption('#filter-severity', 'warning');
    expect(await shown(page)).toBe(300 + EXPECTED['520527'].warnings);
    expect(await rows(page)).toBe(300 + EXPECTED['520527'].warnings);
    expect(problems).toEqual([]);
  });

  it('writes the screenshot for the README', async () => {
    const page = await open(write('screenshot.html', batchResult({ failed: true })));
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    expect(statSync(SCREENSHOT).size).toBeLessThan(600_000);
    expect(requests.every((url) => pages.has(url))).toBe(true);
    expect(problems).toEqual([]);
  });
});
