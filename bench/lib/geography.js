// The benchmark's country: 2,800 counties in 31 provinces, with division codes shaped like
// GB/T 2260 (province 2 digits, prefecture 2, county 2). Names are made up, except that the
// national key-assistance counties of the reference list shipped with the rules keep their real
// names and codes, so that the key-county rules see real key counties. Yunnan (53) has 129
// counties: the province scale is Yunnan.
import { readFileSync } from 'node:fs';
import { Rng } from './random.js';

export const NATIONAL_COUNTIES = 2800;
export const PROVINCE_CODE = '53'; // Yunnan: 129 counties

// code, name, prefecture word, county counts close to the real ones (the list is scaled to 2,800)
const PROVINCES = [
  ['11', '北京市', '市辖区', 16], ['12', '天津市', '市辖区', 16], ['13', '河北省', '市', 167],
  ['14', '山西省', '市', 117], ['15', '内蒙古自治区', '盟', 103], ['21', '辽宁省', '市', 100],
  ['22', '吉林省', '市', 60], ['23', '黑龙江省', '市', 121], ['31', '上海市', '市辖区', 16],
  ['32', '江苏省', '市', 95], ['33', '浙江省', '市', 90], ['34', '安徽省', '市', 104],
  ['35', '福建省', '市', 84], ['36', '江西省', '市', 100], ['37', '山东省', '市', 136],
  ['41', '河南省', '市', 157], ['42', '湖北省', '市', 103], ['43', '湖南省', '市', 122],
  ['44', '广东省', '市', 122], ['45', '广西壮族自治区', '市', 111], ['46', '海南省', '市', 25],
  ['50', '重庆市', '市辖区', 38], ['51', '四川省', '州', 183], ['52', '贵州省', '州', 88],
  ['53', '云南省', '州', 129], ['54', '西藏自治区', '地区', 74], ['61', '陕西省', '市', 107],
  ['62', '甘肃省', '州', 86], ['63', '青海省', '州', 44], ['64', '宁夏回族自治区', '市', 22],
  ['65', '新疆维吾尔自治区', '地区', 106],
];

const SYLLABLES = (
  '安宝北昌长成大德东丰福富高广贵海和河红华怀黄会吉建江金景靖开康兰乐丽临龙隆鲁禄罗茂梅蒙勐' +
  '弥明南宁平普启庆仁荣瑞沙山上盛石寿双水顺思泰腾通同威文武西祥新兴秀宣延盐阳永元云镇正中' +
  '墨澜沧孟耿绥巧彝易门峨陆良曲靖师宗砚马关屏边泸西谷雨鹤庆剑川漾濞巍宾洱源'
).split('');

function name2(rng) {
  let a = rng.pick(SYLLABLES);
  let b = rng.pick(SYLLABLES);
  while (b === a) b = rng.pick(SYLLABLES);
  return a + b;
}

function keyCountyList() {
  const text = readFileSync(new URL('../../rules/reference/key-counties.csv', import.meta.url), 'utf8');
  const byProvince = new Map();
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const [province, county, code] = line.split(',');
    if (!byProvince.has(province)) byProvince.set(province, []);
    byProvince.get(province).push({ county, code });
  }
  return byProvince;
}

/** Counts per province scaled so that they sum to `total`, Yunnan kept at 129. */
function scaledCounts(total) {
  const fixed = PROVINCES.find(([code]) => code === PROVINCE_CODE)[3];
  const rest = PROVINCES.filter(([code]) => code !== PROVINCE_CODE);
  const restTotal = rest.reduce((sum, p) => sum + p[3], 0);
  const target = total - fixed;
  const counts = new Map([[PROVINCE_CODE, fixed]]);
  let assigned = 0;
  const shares = rest.map(([code, , , n]) => {
    const exact = (n * target) / restTotal;
    const whole = Math.floor(exact);
    assigned += whole;
    return { code, whole, frac: exact - whole };
  });
  shares.sort((a, b) => b.frac - a.frac || a.code.localeCompare(b.code));
  for (let i = 0; i < target - assigned; i++) shares[i].whole += 1;
  for (const s of shares) counts.set(s.code, s.whole);
  return counts;
}

let cached = null;

/** Every county of the benchmark's country, in a fixed order (by province, then code). */
export function nationalCounties() {
  if (cached) return cached;
  const keys = keyCountyList();
  const counts = scaledCounts(NATIONAL_COUNTIES);
  const counties = [];
  for (const [provinceCode, province, prefectureWord] of PROVINCES) {
    const rng = Rng.derive('geography', provinceCode);
    const n = counts.get(provinceCode);
    const keyCounties = (keys.get(province) ?? []).slice(0, n);
    const used = new Set(keyCounties.map((k) => k.code));
    const codes = keyCounties.map((k) => ({ code: k.code, name: k.county, key: true }));
    // Ordinary counties: 8 to 14 per prefecture, county digits from 21 up (01–20 are districts).
    let prefecture = 1;
    let county = 21;
    let inPrefecture = rng.int(8, 14);
    while (codes.length < n) {
      const code = `${provinceCode}${String(prefecture).padStart(2, '0')}${String(county).padStart(2, '0')}`;
      if (!used.has(code)) {
        used.add(code);
        codes.push({ code, name: null, key: false });
        inPrefecture -= 1;
      }
      county += 1;
      if (inPrefecture === 0 || county > 99) {
        prefecture += 1;
        county = 21;
        inPrefecture = rng.int(8, 14);
      }
    }
    codes.sort((a, b) => a.code.localeCompare(b.code));
    const cityNames = new Map();
    const countyNames = new Set(codes.filter((c) => c.name).map((c) => c.name));
    for (const c of codes) {
      const cityCode = c.code.slice(0, 4);
      if (!cityNames.has(cityCode)) cityNames.set(cityCode, name2(rng) + (prefectureWord === '州' && rng.chance(0.5) ? '市' : prefectureWord));
      let name = c.name;
      while (name === null || (!c.name && countyNames.has(name))) name = name2(rng) + (rng.chance(0.85) ? '县' : '市');
      countyNames.add(name);
      counties.push({ index: counties.length, provinceCode, province, city: cityNames.get(cityCode), cityCode, county: name, code: c.code, key: c.key });
    }
  }
  cached = counties;
  return counties;
}
