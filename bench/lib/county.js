// One county's roster, drawn from the county's own random stream: villages, teams and cadres as
// plain values first (`drawCounty`), then laid out the way the county's office fills its
// workbook (`countyLayout`, `villageTable`, `cadreTable`): title rows, header aliases, date
// spellings, yes/no marks. Defects are planted at the rates in DEFECT_RATES and counted.
import { Rng } from './random.js';

export const AS_OF = { y: 2026, m: 11, d: 27 };

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞辉鹏红建波宁丹春云峰文斌林燕东琴海晓萍志俊雪荣梅琳亮婷浩宇凯莉倩玲成龙兵彬欣怡佳鑫婧睿'.split('');
const TOWNSHIP_WORDS = '城关新街大寨河口坝子石桥龙潭金山中和太平永安长岭平坝双河白沙黄泥红岩青龙团结胜利民主和平'.match(/../g);
const VILLAGE_WORDS = '团结新民勐朗糯福竹塘富邦东回南岭谦六酒井发展河沙坝木瓜箐马鞍山老寨新寨大坪小河边岔河田坝松林干海子水井湾核桃箐'.match(/../g);
const VILLAGE_SUFFIX = ['村', '村', '村', '村委会', '社区'];

/** Rates per cadre row (or per village row, or per team) of the planted defects. */
export const DEFECT_RATES = {
  idCheckDigit: 0.004, // a wrong GB 11643 check digit
  idAsNumber: 0.001, // typed as a number: Excel keeps 15 digits
  roleMisspelt: 0.003, // 对员, 第一书纪, 付队长
  genderMismatch: 0.002,
  birthMismatch: 0.002,
  missingName: 0.002,
  missingUnitLevel: 0.001,
  missingStart: 0.001,
  badDate: 0.001, // 2025.13.01, 2025年2月30日
  unknownVillage: 0.002, // a village code that is not in the village sheet
  unfiled: 0.015,
  notFullTime: 0.005,
  partyNotMoved: 0.01,
  postedTwice: 0.002, // the same person again, in another team of the county
  underage: 0.0005,
  firstSecretaryNotMember: 0.005, // per team
  teamNoLeader: 0.01, // per team
  twoFirstSecretaries: 0.003, // per team
  badVillageCode: 0.002, // per village row: 11 digits
  tuopinWithoutTeam: 0.5, // per county: one 脱贫村 with no team
  duplicateVillage: 0.05, // per county: one village listed twice
  uncoveredRelocation: 0.05, // per small relocation site
  crossCounty: 0.1, // per county: a person also posted in the next county
};

// ---------------------------------------------------------------- dates

export function date(y, m, d) {
  return { y, m, d };
}

function daysInMonth(y, m) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function dayNumber({ y, m, d }) {
  return Date.UTC(y, m - 1, d) / 864e5;
}

function fromDayNumber(n) {
  const t = new Date(n * 864e5);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function randomDate(rng, from, to) {
  return fromDayNumber(rng.int(dayNumber(from), dayNumber(to)));
}

function addYears(dt, years) {
  const y = dt.y + years;
  return { y, m: dt.m, d: Math.min(dt.d, daysInMonth(y, dt.m)) };
}

const pad2 = (n) => String(n).padStart(2, '0');

// ---------------------------------------------------------------- ID numbers (GB 11643)

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idCheckDigit(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

function idNumber(region, birth, seq, male) {
  // The 17th digit is odd for men, even for women.
  const s = seq - (seq % 2) + (male ? 1 : 0);
  const first17 = `${region}${birth.y}${pad2(birth.m)}${pad2(birth.d)}${String(s).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

// ---------------------------------------------------------------- names

function personName(rng) {
  const n = rng.chance(0.7) ? 2 : 1;
  let given = '';
  for (let i = 0; i < n; i++) given += rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

function phone(rng) {
  if (rng.chance(0.03)) return `0${rng.int(851, 879)}-${rng.int(2000000, 8999999)}`;
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.int(0, 9)}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
}

// ---------------------------------------------------------------- units

const CENTRAL_UNITS = ['国家开发银行', '中国农业银行', '国家电网有限公司', '中国建设银行', '中国移动通信集团', '国家林业和草原局'];
const PROVINCE_DEPTS = ['农业农村厅', '财政厅', '教育厅', '卫生健康委员会', '交通运输厅', '自然资源厅', '乡村振兴局', '发展和改革委员会'];
const CITY_DEPTS = ['财政局', '农业农村局', '人力资源和社会保障局', '住房和城乡建设局', '水务局', '市场监督管理局'];
const COUNTY_DEPTS = ['教育体育局', '卫生健康局', '农业农村局', '林业和草原局', '自然资源局', '乡村振兴局', '民政局', '司法局', '人民法院', '税务局', '供销合作社'];
const POSTS = {
  中央: ['处长', '副处长', '一级主任科员', '二级调研员'],
  省: ['副处长', '一级主任科员', '二级主任科员', '四级调研员'],
  市: ['科长', '副科长', '三级主任科员', '一级科员'],
  县: ['副局长', '股长', '四级主任科员', '一级科员', '科员', '办事员'],
  乡: ['副镇长', '党政办主任', '科员', '事业编工作人员'],
};

function unitOf(rng, county, level, township) {
  switch (level) {
    case '中央':
      return rng.pick(CENTRAL_UNITS);
    case '省':
      return county.province + rng.pick(PROVINCE_DEPTS);
    case '市':
      return county.city + rng.pick(CITY_DEPTS);
    case '县':
      return county.county + rng.pick(COUNTY_DEPTS);
    default:
      return `${county.county}${township}人民政府`;
  }
}

// ---------------------------------------------------------------- the county, as values

const TEAM_CATEGORIES = [
  [['脱贫村'], 0.8],
  [['脱贫村', '党组织软弱涣散村'], 0.03],
  [['乡村振兴任务重的村'], 0.07],
  [['党组织软弱涣散村'], 0.04],
  [['易地扶贫搬迁安置村'], 0.02],
  [['脱贫村', '易地扶贫搬迁安置村'], 0.02],
  [['其他'], 0.02],
];

/**
 * Draws one county. `crossPeople` are people also posted in a neighbouring county (each
 * `{ person, from }`): they join this county's teams as members.
 */
export function drawCounty(county, seed, crossPeople = []) {
  const rng = Rng.derive(seed, 'county', county.index);
  const defects = Object.create(null);
  const plant = (kind) => (defects[kind] = (defects[kind] ?? 0) + 1);
  const usedIds = new Set();

  // Townships and villages
  const townshipCount = rng.int(8, 18);
  const townships = [];
  const townshipNames = new Set();
  while (townships.length < townshipCount) {
    const name = rng.pick(TOWNSHIP_WORDS) + (rng.chance(0.7) ? '镇' : '乡');
    if (townshipNames.has(name)) continue;
    townshipNames.add(name);
    townships.push({ name, code: String(100 + townships.length), villages: 0 });
  }
  // Yunnan's counties have about 68 teams each (8,800 in 129), the nation's about 61 (172,000 in 2,800).
  const teamCount = county.provinceCode === '53' ? rng.int(62, 75) : rng.int(55, 67);
  const villageCount = rng.int(120, 200);
  const villages = [];
  for (let i = 0; i < villageCount; i++) {
    const township = rng.pick(townships);
    const code = `${county.code}${township.code}${String(200 + township.villages++).padStart(3, '0')}`;
    villages.push({
      province: county.province,
      city: county.city,
      county: county.county,
      countyCode: county.code,
      township: township.name,
      village: rng.pick(VILLAGE_WORDS) + rng.pick(VILLAGE_SUFFIX),
      villageCode: code,
      categories: ['其他'],
      relocationScale: null,
      keyCounty: county.key,
      lightTask: false,
      coveringTeam: null,
      team: null,
    });
  }
  villages.sort((a, b) => a.villageCode.localeCompare(b.villageCode));
  const order = rng.shuffle(villages.map((_, i) => i));
  const teamVillages = order.slice(0, teamCount).map((i) => villages[i]);
  const otherVillages = order.slice(teamCount).map((i) => villages[i]);

  // Teams
  const teams = [];
  teamVillages.sort((a, b) => a.villageCode.localeCompare(b.villageCode));
  teamVillages.forEach((village, i) => {
    village.categories = rng.weighted(TEAM_CATEGORIES);
    if (rng.chance(0.03)) village.categories = village.categories.map((c) => (c === '脱贫村' ? '原贫困村' : c));
    if (village.categories.includes('易地扶贫搬迁安置村')) village.relocationScale = rng.pick(['整村', '接近整村']);
    const size = county.key
      ? rng.weighted([[2, 0.01], [3, 0.3], [4, 0.5], [5, 0.19]])
      : rng.weighted([[2, 0.02], [3, 0.77], [4, 0.16], [5, 0.05]]);
    if (size === 2) plant('teamOfTwo');
    if (size === 2 && rng.chance(0.5)) village.lightTask = true;
    const team = { id: `${county.code}-${String(i + 1).padStart(3, '0')}`, village, size, members: [] };
    village.team = team;
    teams.push(team);
  });

  // The villages with no team: ordinary ones, and small relocation sites covered from elsewhere.
  for (const village of otherVillages) {
    if (rng.chance(0.1)) {
      village.categories = ['易地扶贫搬迁安置村'];
      village.relocationScale = rng.pick(['少量', '插花']);
      const near = teams.filter((t) => t.village.township === village.township);
      if (rng.chance(DEFECT_RATES.uncoveredRelocation)) plant('uncoveredRelocation');
      else village.coveringTeam = (near.length > 0 ? rng.pick(near) : rng.pick(teams)).id;
    } else {
      village.categories = [rng.chance(0.85) ? '其他' : '一般村'];
    }
  }
  if (rng.chance(DEFECT_RATES.tuopinWithoutTeam)) {
    rng.pick(otherVillages).categories = ['脱贫村'];
    plant('tuopinWithoutTeam');
  }

  // People
  const addDays = (dt, n) => fromDayNumber(dayNumber(dt) + n);
  const newPerson = (role, teamStart) => {
    const firstSecretary = role.startsWith('第一书记');
    const age = firstSecretary ? rng.int(30, 52) : rng.int(24, 57);
    const birth = randomDate(rng, date(AS_OF.y - age - 1, AS_OF.m, AS_OF.d), date(AS_OF.y - age, AS_OF.m, AS_OF.d - 1));
    const male = rng.chance(0.7);
    let id;
    do id = idNumber(county.code, birth, rng.int(1, 899), male);
    while (usedIds.has(id));
    usedIds.add(id);
    const politicalStatus = firstSecretary
      ? '中共党员'
      : rng.weighted([['中共党员', 0.8], ['群众', 0.1], ['共青团员', 0.05], ['民主党派', 0.03], ['中共预备党员', 0.02]]);
    let partyJoinDate = null;
    if (politicalStatus === '中共党员') {
      const join = addYears(birth, rng.int(20, 30));
      partyJoinDate = dayNumber(join) < dayNumber(date(2024, 6, 1)) ? date(join.y, join.m, 1) : date(2018 + rng.int(0, 5), rng.int(1, 12), 1);
    } else if (politicalStatus === '中共预备党员') {
      partyJoinDate = date(2026, rng.int(1, 6), 1);
    }
    const level = rng.weighted([['县', 0.55], ['市', 0.2], ['省', 0.15], ['乡', 0.07], ['中央', 0.03]]);
    const start = rng.chance(0.7) ? teamStart : randomDate(rng, date(2024, 12, 1), date(2026, 10, 31));
    return {
      name: personName(rng),
      gender: male ? '男' : '女',
      idNumber: id,
      birthDate: birth,
      politicalStatus,
      partyJoinDate,
      partyFullDate: partyJoinDate && politicalStatus === '中共党员' ? addYears(partyJoinDate, 1) : null,
      unit: null,
      unitLevel: level,
      post: rng.chance(0.1) ? `${rng.pick(POSTS[level])},${rng.pick(POSTS[level])}` : rng.pick(POSTS[level]),
      role,
      teamId: null,
      villageCode: null,
      village: null,
      startDate: start,
      endDate: null,
      status: '在岗',
      filed: true,
      filedDate: addDays(start, rng.int(3, 40)),
      phone: phone(rng),
      workStartDate: addYears(birth, rng.int(21, 25)),
      fullTime: true,
      partyRelationMoved: politicalStatus === '中共党员' || politicalStatus === '中共预备党员' ? true : null,
    };
  };
  const cadres = [];
  const post = (person, team) => {
    person.teamId = team.id;
    person.villageCode = team.village.villageCode;
    person.village = team.village.village;
    if (person.unit === null) person.unit = unitOf(rng, county, person.unitLevel, team.village.township);
    team.members.push(person);
    cadres.push(person);
  };
  for (const team of teams) {
    const size = team.size;
    const teamStart = rng.weighted([
      [() => randomDate(rng, date(2025, 1, 1), date(2026, 10, 31)), 0.8],
      [() => randomDate(rng, date(2024, 12, 1), date(2024, 12, 31)), 0.15],
      [() => randomDate(rng, date(2023, 6, 1), date(2024, 11, 20)), 0.05],
    ])();
    let roles = rng.chance(0.7) || size < 3 ? ['第一书记兼队长'] : ['第一书记', '队长'];
    if (rng.chance(DEFECT_RATES.teamNoLeader)) {
      roles = ['第一书记'];
      plant('teamNoLeader');
    }
    while (roles.length < size) roles.push('队员');
    if (size >= 3 && rng.chance(DEFECT_RATES.twoFirstSecretaries)) {
      roles[roles.length - 1] = '第一书记';
      plant('twoFirstSecretaries');
    }
    for (const role of roles) {
      const person = newPerson(role, teamStart);
      if (role.startsWith('第一书记') && rng.chance(DEFECT_RATES.firstSecretaryNotMember)) {
        person.politicalStatus = rng.pick(['中共预备党员', '群众']);
        person.partyJoinDate = person.politicalStatus === '群众' ? null : date(2026, 3, 1);
        person.partyFullDate = null;
        plant('firstSecretaryNotMember');
      }
      post(person, team);
    }
    // A member rotated out now and then, kept on the roster with its end date.
    if (rng.chance(0.01)) {
      const gone = newPerson('队员', randomDate(rng, date(2023, 3, 1), date(2024, 6, 30)));
      gone.startDate = randomDate(rng, date(2023, 3, 1), date(2024, 6, 30));
      gone.status = rng.pick(['已轮换', '期满离岗', '已召回']);
      gone.endDate = randomDate(rng, date(2024, 12, 1), date(2025, 6, 30));
      post(gone, team);
    }
  }
  for (const { person } of crossPeople) {
    post({ ...person, unit: null, teamId: null }, rng.pick(teams));
    plant('crossCounty');
  }

  // Defects on cadre rows
  const rows = cadres.length;
  const some = (rate) => {
    const n = Math.floor(rows * rate) + (rng.next() < (rows * rate) % 1 ? 1 : 0);
    const picked = new Set();
    while (picked.size < Math.min(n, rows)) picked.add(rng.int(0, rows - 1));
    return [...picked].map((i) => cadres[i]);
  };
  for (const c of some(DEFECT_RATES.postedTwice)) {
    const other = rng.pick(teams.filter((t) => t.id !== c.teamId));
    post({ ...c, role: '队员', unit: null, startDate: randomDate(rng, date(2025, 1, 1), date(2026, 10, 31)) }, other);
    plant('postedTwice');
  }
  for (const c of some(DEFECT_RATES.idCheckDigit)) {
    const last = c.idNumber[17];
    c.idNumber = c.idNumber.slice(0, 17) + (last === '0' ? '1' : last === 'X' ? '7' : '0');
    plant('idCheckDigit');
  }
  for (const c of some(DEFECT_RATES.idAsNumber)) {
    if (c.idNumber.endsWith('X')) continue;
    c.idNumber = Number(c.idNumber); // Excel rounds it to 15 significant digits
    plant('idAsNumber');
  }
  for (const c of some(DEFECT_RATES.roleMisspelt)) {
    c.role = { 队员: '对员', 第一书记: '第一书纪', 第一书记兼队长: '第一书记兼对长', 队长: '付队长' }[c.role] ?? c.role;
    plant('roleMisspelt');
  }
  for (const c of some(DEFECT_RATES.genderMismatch)) {
    c.gender = c.gender === '男' ? '女' : '男';
    plant('genderMismatch');
  }
  for (const c of some(DEFECT_RATES.birthMismatch)) {
    c.birthDate = addDays(c.birthDate, rng.int(30, 400));
    plant('birthMismatch');
  }
  for (const c of some(DEFECT_RATES.missingName)) (c.name = ''), plant('missingName');
  for (const c of some(DEFECT_RATES.missingUnitLevel)) (c.unitLevel = ''), plant('missingUnitLevel');
  for (const c of some(DEFECT_RATES.missingStart)) (c.startDate = null), plant('missingStart');
  for (const c of some(DEFECT_RATES.badDate)) (c.startDate = rng.pick(['2025.13.01', '2025年2月30日', '2025-00-10'])), plant('badDate');
  for (const c of some(DEFECT_RATES.unknownVillage)) (c.villageCode = `${county.code}199${String(rng.int(200, 299))}`), plant('unknownVillage');
  for (const c of some(DEFECT_RATES.unfiled)) (c.filed = false), plant('unfiled');
  for (const c of some(DEFECT_RATES.notFullTime)) (c.fullTime = false), plant('notFullTime');
  for (const c of some(DEFECT_RATES.partyNotMoved)) if (c.partyRelationMoved) (c.partyRelationMoved = false), plant('partyNotMoved');
  for (const c of some(DEFECT_RATES.underage)) (c.startDate = addYears(c.birthDate, 16)), plant('underage');

  // Defects on village rows
  for (const v of villages) {
    if (rng.chance(DEFECT_RATES.badVillageCode)) {
      v.villageCode = v.villageCode.slice(0, 11);
      plant('badVillageCode');
    }
  }
  const villageRows = villages.slice();
  if (rng.chance(DEFECT_RATES.duplicateVillage)) {
    const twice = rng.pick(otherVillages);
    villageRows.splice(villageRows.indexOf(twice) + 1, 0, twice);
    plant('duplicateVillage');
  }

  return { county, villages: villageRows, cadres: cadres.sort(byTeamThenRole), teams: teams.length, defects };
}

const ROLE_ORDER = { 第一书记兼队长: 0, 第一书记: 1, 队长: 2 };

function byTeamThenRole(a, b) {
  if (a.teamId !== b.teamId) return a.teamId < b.teamId ? -1 : 1;
  return (ROLE_ORDER[a.role] ?? 3) - (ROLE_ORDER[b.role] ?? 3);
}

/** A person who is also posted in the next county (the national and province batches see both). */
export function crossCountyPerson(county, seed) {
  const rng = Rng.derive(seed, 'cross', county.index);
  if (!rng.chance(DEFECT_RATES.crossCounty)) return null;
  const age = rng.int(26, 50);
  const birth = randomDate(rng, date(AS_OF.y - age - 1, 12, 1), date(AS_OF.y - age, 11, 1));
  const male = rng.chance(0.7);
  return {
    name: personName(rng),
    gender: male ? '男' : '女',
    idNumber: idNumber(county.code, birth, rng.int(900, 999), male),
    birthDate: birth,
    politicalStatus: '中共党员',
    partyJoinDate: date(birth.y + 22, rng.int(1, 12), 1),
    partyFullDate: date(birth.y + 23, 1, 1),
    unit: null,
    unitLevel: '省',
    post: '一级主任科员',
    role: '队员',
    teamId: null,
    villageCode: null,
    village: null,
    startDate: randomDate(rng, date(2025, 1, 1), date(2026, 6, 30)),
    endDate: null,
    status: '在岗',
    filed: true,
    filedDate: date(2026, 7, 1),
    phone: phone(rng),
    workStartDate: date(birth.y + 23, 7, 1),
    fullTime: true,
    partyRelationMoved: true,
  };
}
