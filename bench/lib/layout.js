// How a county's office lays out its roster: which columns, under which of their header aliases,
// one or two header rows, title rows and footers, how dates and yes/no are spelt. The county
// workbook follows its own layout; the CSV pairs use one canonical layout for the whole batch
// (an export has one header), keeping each county's spellings of values.
import { Rng } from './random.js';

// key, header, aliases, how often a county leaves the column out
const VILLAGE_COLUMNS = [
  ['seq', '序号', [], 0.05],
  ['province', '省', ['省份', '省(区、市)'], 0],
  ['city', '市', ['市(州)', '地市'], 0],
  ['county', '县', ['县(市、区)', '区县'], 0],
  ['countyCode', '县代码', ['县级区划代码'], 0.7],
  ['township', '乡镇', ['乡(镇、街道)'], 0],
  ['village', '村', ['村(社区)', '村名', '村名称'], 0],
  ['villageCode', '村代码', ['统计用区划代码', '村级区划代码'], 0],
  ['categories', '村类型', ['村类别', '派驻类型'], 0],
  ['relocationScale', '搬迁安置规模', ['安置类型'], 0],
  ['keyCounty', '是否国家乡村振兴重点帮扶县', ['重点帮扶县'], 0.5],
  ['lightTask', '巩固任务较轻', ['是否巩固任务较轻'], 0.3],
  ['coveringTeam', '覆盖工作队', ['负责工作队编号'], 0.15],
];

const CADRE_COLUMNS = [
  ['seq', '序号', [], 0.05],
  ['name', '姓名', [], 0],
  ['gender', '性别', [], 0],
  ['idNumber', '身份证号', ['公民身份号码', '身份证号码'], 0],
  ['birthDate', '出生年月', ['出生日期'], 0.1],
  ['politicalStatus', '政治面貌', [], 0],
  ['partyJoinDate', '入党时间', [], 0],
  ['partyFullDate', '转正时间', [], 0.6],
  ['workStartDate', '参加工作时间', [], 0.2],
  ['unit', '派出单位', ['选派单位', '派出单位名称'], 0],
  ['unitLevel', '派出单位层级', ['单位层级', '选派层级'], 0],
  ['post', '职务职级', ['现任职务'], 0.2],
  ['role', '驻村职务', ['驻村身份', '担任职务'], 0],
  ['teamId', '工作队编号', [], 0.15],
  ['villageCode', '所驻村代码', ['驻村代码'], 0],
  ['village', '所驻村', ['驻村名称', '所驻村名称'], 0],
  ['startDate', '驻村时间', ['驻村开始时间', '到村时间'], 0],
  ['endDate', '离村时间', [], 0.3],
  ['status', '在岗状态', ['状态'], 0],
  ['filed', '备案情况', ['是否备案', '备案时间'], 0],
  ['fullTime', '是否脱产', [], 0.2],
  ['partyRelationMoved', '党组织关系是否转入', ['党组织关系转入所驻村'], 0.2],
  ['phone', '联系电话', ['手机号码'], 0.1],
];

// Two-row headers: a merged group cell over two sub-headers.
const GROUPS = [
  { group: '派出单位', columns: { unit: '名称', unitLevel: '层级' } },
  { group: '所驻村', columns: { villageCode: '村代码', village: '村名称' } },
];

const MONTH_FIELDS = new Set(['birthDate', 'partyJoinDate', 'partyFullDate', 'workStartDate']);
const DATE_FIELDS = new Set(['birthDate', 'partyJoinDate', 'partyFullDate', 'workStartDate', 'startDate', 'endDate']);
const DATE_STYLES = [['cell', 0.35], ['iso', 0.15], ['slash', 0.15], ['dot', 0.1], ['cn', 0.12], ['compact', 0.05], ['serial', 0.08]];
const YES_NO = [[['是', '否'], 0.7], [['√', ''], 0.15], [['Y', 'N'], 0.15]];

/** A county's own layout of its workbook. */
export function countyLayout(county, seed) {
  const rng = Rng.derive(seed, 'layout', county.index);
  const columns = (specs, sheet) =>
    specs
      .filter(([key, , , drop]) => !(drop > 0 && rng.chance(drop)) || (sheet === 'cadres' && key === 'filed'))
      .map(([key, header, aliases]) => ({ key, header: aliases.length > 0 && rng.chance(0.3) ? rng.pick(aliases) : header }));
  const layout = {
    villageSheet: rng.pick(['村庄', '派驻村', '村名单', '村庄名单']),
    cadreSheet: rng.pick(['驻村干部', '人员', '花名册', '第一书记和工作队员']),
    cadresFirst: rng.chance(0.1),
    titleRows: rng.weighted([[0, 0.05], [1, 0.5], [2, 0.45]]),
    twoRowHeader: rng.chance(0.15),
    lineBreaks: rng.chance(0.1),
    spaces: rng.chance(0.05),
    footer: rng.chance(0.5),
    villageColumns: columns(VILLAGE_COLUMNS, 'villages'),
    cadreColumns: columns(CADRE_COLUMNS, 'cadres'),
    dateStyle: rng.weighted(DATE_STYLES),
    mixedDates: rng.weighted([[0.05, 0.5], [0.3, 0.4], [0.6, 0.1]]),
    yesNo: rng.weighted(YES_NO),
    codesAsNumbers: rng.chance(0.2),
    phonesAsNumbers: rng.chance(0.3),
    lowerX: rng.chance(0.3),
    categorySeparator: rng.chance(0.8) ? '、' : ',',
    blankActiveStatus: rng.chance(0.05),
    filingDay: rng.int(10, 25),
    rng,
  };
  return layout;
}

/** The one layout of a batch's CSV export: every column, a few aliases, no title rows. */
export function csvLayout(county, seed) {
  const own = countyLayout(county, seed);
  const canonical = (specs, renamed) => specs.map(([key, header]) => ({ key, header: renamed[key] ?? header }));
  return {
    ...own,
    titleRows: 0,
    twoRowHeader: false,
    lineBreaks: false,
    spaces: false,
    footer: false,
    codesAsNumbers: false,
    phonesAsNumbers: false,
    villageColumns: canonical(VILLAGE_COLUMNS, { county: '县(市、区)', villageCode: '统计用区划代码' }),
    cadreColumns: canonical(CADRE_COLUMNS, { idNumber: '公民身份号码' }),
  };
}

// ---------------------------------------------------------------- values → cells

const pad2 = (n) => String(n).padStart(2, '0');

function excelSerial({ y, m, d }) {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 864e5;
}

function dateCell(value, field, layout) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value; // a planted bad date
  const style = layout.rng.chance(layout.mixedDates) ? layout.rng.weighted(DATE_STYLES) : layout.dateStyle;
  const { y, m, d } = value;
  const month = MONTH_FIELDS.has(field);
  switch (style) {
    case 'cell':
      return new Date(y, m - 1, d); // SheetJS writes a date cell (a serial with a date format)
    case 'serial':
      return excelSerial(value);
    case 'iso':
      return `${y}-${pad2(m)}-${pad2(d)}`;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'dot':
      return month ? `${y}.${pad2(m)}` : `${y}.${pad2(m)}.${pad2(d)}`;
    case 'cn':
      return month ? `${y}年${m}月` : `${y}年${m}月${d}日`;
    case 'compact':
      return month ? `${y}${pad2(m)}` : `${y}${pad2(m)}${pad2(d)}`;
  }
  throw new Error(style);
}

function yesNo(value, layout) {
  if (value === null || value === undefined) return '';
  return value ? layout.yesNo[0] : layout.yesNo[1];
}

function codeCell(code, layout) {
  return layout.codesAsNumbers && /^\d{12}$/.test(code) ? Number(code) : code;
}

function villageCell(v, key, layout, seq) {
  switch (key) {
    case 'seq':
      return seq;
    case 'villageCode':
      return codeCell(v.villageCode, layout);
    case 'categories':
      return v.categories.join(layout.categorySeparator);
    case 'relocationScale':
      return v.relocationScale ?? '';
    case 'keyCounty':
      return yesNo(v.keyCounty, layout);
    case 'lightTask':
      return yesNo(v.lightTask, layout);
    case 'coveringTeam':
      return v.coveringTeam ?? '';
    default:
      return v[key] ?? '';
  }
}

function cadreCell(c, key, layout, header, seq) {
  if (DATE_FIELDS.has(key)) return dateCell(c[key], key, layout);
  switch (key) {
    case 'seq':
      return seq;
    case 'idNumber':
      if (typeof c.idNumber === 'number') return c.idNumber;
      return layout.lowerX && c.idNumber.endsWith('X') ? c.idNumber.slice(0, 17) + 'x' : c.idNumber;
    case 'villageCode':
      return codeCell(c.villageCode, layout);
    case 'status':
      return layout.blankActiveStatus && c.status === '在岗' ? '' : c.status;
    case 'filed':
      if (header === '备案时间') return c.filed ? dateCell(c.filedDate, 'filed', layout) : '';
      return yesNo(c.filed, layout);
    case 'fullTime':
    case 'partyRelationMoved':
      return yesNo(c[key], layout);
    case 'phone':
      return layout.phonesAsNumbers && /^1\d{10}$/.test(c.phone) ? Number(c.phone) : c.phone;
    default:
      return c[key] ?? '';
  }
}

function decorate(header, layout, key) {
  let text = header;
  if (layout.lineBreaks && (key === 'idNumber' || key === 'startDate' || key === 'politicalStatus') && text.length >= 3) {
    text = `${text.slice(0, 2)}\n${text.slice(2)}`;
  }
  if (layout.spaces && text.length === 2) text = `${text[0]}  ${text[1]}`;
  return text;
}

/** A sheet as an array of rows, with its merges, as the county's office lays it out. */
function sheetTable({ columns, rows, cellOf, titles, layout, groups }) {
  const width = columns.length;
  const aoa = [];
  const merges = [];
  for (const title of titles.slice(0, layout.titleRows)) {
    merges.push({ s: { r: aoa.length, c: 0 }, e: { r: aoa.length, c: width - 1 } });
    aoa.push([title]);
  }
  const headerRow = aoa.length;
  const grouped = groups && layout.twoRowHeader ? groupOf(columns) : null;
  if (grouped) {
    const top = [];
    const bottom = [];
    columns.forEach((column, c) => {
      const g = grouped[c];
      if (!g) {
        top.push(decorate(column.header, layout, column.key));
        bottom.push('');
        merges.push({ s: { r: headerRow, c }, e: { r: headerRow + 1, c } });
      } else {
        top.push(g.first ? g.group : '');
        bottom.push(g.sub);
        if (g.first) merges.push({ s: { r: headerRow, c }, e: { r: headerRow, c: c + g.span - 1 } });
      }
    });
    aoa.push(top, bottom);
  } else {
    aoa.push(columns.map((column) => decorate(column.header, layout, column.key)));
  }
  rows.forEach((row, i) => aoa.push(columns.map((column) => cellOf(row, column, i + 1))));
  if (layout.footer) {
    aoa.push([]);
    aoa.push(['合计', `共${rows.length}条`]);
    aoa.push(['填表说明:1.身份证号请以文本格式填写;2.日期格式为“2021-09-01”;3.村代码为12位统计用区划代码。']);
    merges.push({ s: { r: aoa.length - 1, c: 0 }, e: { r: aoa.length - 1, c: width - 1 } });
  }
  return { aoa, merges };
}

function groupOf(columns) {
  const out = new Array(columns.length).fill(null);
  for (const { group, columns: subs } of GROUPS) {
    const keys = Object.keys(subs);
    const at = columns.findIndex((c) => c.key === keys[0]);
    if (at < 0 || columns[at + 1]?.key !== keys[1]) continue;
    keys.forEach((key, k) => (out[at + k] = { group, sub: subs[key], first: k === 0, span: keys.length }));
  }
  return out;
}

export function villageTable(drawn, layout) {
  const { county } = drawn;
  return sheetTable({
    columns: layout.villageColumns,
    rows: drawn.villages,
    cellOf: (v, column, seq) => villageCell(v, column.key, layout, seq),
    titles: [`${county.county}驻村工作队派驻村名单`, `填报单位:中共${county.county}委组织部    填报日期:2026年11月${layout.filingDay}日`],
    layout,
    groups: false,
  });
}

export function cadreTable(drawn, layout) {
  const { county } = drawn;
  return sheetTable({
    columns: layout.cadreColumns,
    rows: drawn.cadres,
    cellOf: (c, column, seq) => cadreCell(c, column.key, layout, column.header, seq),
    titles: [`${county.county}驻村第一书记和工作队员花名册`, `填报单位:中共${county.county}委组织部    填报日期:2026年11月${layout.filingDay}日`],
    layout,
    groups: true,
  });
}

// ---------------------------------------------------------------- CSV

/** A cell as Excel's "CSV UTF-8" export writes it. */
export function csvText(value) {
  let text;
  if (value instanceof Date) text = `${value.getFullYear()}/${value.getMonth() + 1}/${value.getDate()}`;
  else if (typeof value === 'number') text = Number.isInteger(value) && Math.abs(value) >= 1e15 ? value.toExponential(5).toUpperCase().replace('E+', 'E+') : String(value);
  else text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLines(aoa) {
  return aoa.map((row) => row.map(csvText).join(',')).join('\r\n') + '\r\n';
}
