// Small in-memory rosters for the diff tests: a village sheet and a cadre sheet by header, each
// side normalised and judged alone, as `zhucun diff` judges each submission in a run of its own.
import { checkRun } from '../../src/engine/index.js';
import { checkCharacter } from '../../src/checks/gb11643.js';
import type { DiffSide } from '../../src/diff/index.js';
import { normaliseRoster } from '../../src/normalise/index.js';
import { loadRuleSet } from '../../src/ruleset/index.js';
import type { RawCell, RunResult } from '../../src/types.js';

export const ruleSet = loadRuleSet();
export const AS_OF = '2026-11-27';

export const RUN: Pick<RunResult, 'tool' | 'asOf' | 'rules'> = { tool: { name: 'zhucun', version: 'test' }, asOf: AS_OF, rules: ruleSet.rules };

/** A valid ID number of 勐腊县 (532823): birth YYYYMMDD, sequence (odd: man). */
export function idOf(birth: string, sequence: number): string {
  const body = `532823${birth}${String(sequence).padStart(3, '0')}`;
  return body + checkCharacter(body);
}

export const VILLAGE_HEADERS = ['省', '市', '县', '乡镇', '村', '村代码', '村类型'];
export const CADRE_HEADERS = ['姓名', '性别', '身份证号', '政治面貌', '入党时间', '派出单位', '派出单位层级', '驻村职务', '工作队编号', '所驻村代码', '驻村时间', '在岗状态', '备案情况'];

export function village(name: string, code: string, category = '脱贫村'): Record<string, RawCell> {
  return { 省: '云南省', 市: '西双版纳傣族自治州', 县: '勐腊县', 乡镇: '勐腊镇', 村: name, 村代码: code, 村类型: category };
}

export function cadre(name: string, id: string, role: string, team: string | null, code: string, more: Record<string, RawCell> = {}): Record<string, RawCell> {
  const man = Number(id[16]) % 2 === 1;
  return {
    姓名: name,
    性别: man ? '男' : '女',
    身份证号: id,
    政治面貌: '中共党员',
    入党时间: '2010-07-01',
    派出单位: '勐腊县农业农村局',
    派出单位层级: '县',
    驻村职务: role,
    工作队编号: team,
    所驻村代码: code,
    驻村时间: '2025-03-01',
    在岗状态: '在岗',
    备案情况: '是',
    ...more,
  };
}

export interface SideSpec {
  readonly villages: readonly Record<string, RawCell>[];
  readonly cadres: readonly Record<string, RawCell>[];
  readonly villageHeaders?: readonly string[];
  readonly cadreHeaders?: readonly string[];
}

function rows(headers: readonly string[], records: readonly Record<string, RawCell>[]): RawCell[][] {
  return [[...headers], ...records.map((record) => headers.map((header) => (Object.hasOwn(record, header) ? record[header] : null)))];
}

export function side(path: string, spec: SideSpec): DiffSide {
  const villageHeaders = spec.villageHeaders ?? VILLAGE_HEADERS;
  const cadreHeaders = spec.cadreHeaders ?? CADRE_HEADERS;
  const roster = normaliseRoster(
    {
      path,
      sheets: [
        { file: path, name: '村庄', rows: rows(villageHeaders, spec.villages), merges: [] },
        { file: path, name: '驻村干部', rows: rows(cadreHeaders, spec.cadres), merges: [] },
      ],
    },
    { keyCounties: ruleSet.keyCounties },
  );
  const [verdict] = checkRun([roster], ruleSet.rules, { kind: 'date', year: 2026, month: 11, day: 27 });
  return { roster, result: { path, files: [path], failure: null, waived: [], ...verdict } };
}
