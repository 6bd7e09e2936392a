// A CSV pair big enough for a roster to be judged on two threads (src/batch/split-roster.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCharacter } from '../../src/checks/gb11643.js';

/** Three cadres each: past the 200,000 cadre rows from which a roster is split. */
const VILLAGES = 67_000;

/**
 * A CSV pair the size of a large province, big enough to be split, with defects planted every few
 * hundred rows. Its ID numbers are all different (a thousand per birth date) but the planted ones.
 */
export function largeCsvPair(): string {
  const folder = mkdtempSync(join(tmpdir(), 'zhucun-split-'));
  const villages = ['序号,省,市,县,县代码,乡镇,村,村代码,村类别,搬迁安置规模,是否巩固任务较轻'];
  const cadres = ['序号,姓名,性别,身份证号码,出生年月,政治面貌,入党时间,派出单位名称,单位层级,驻村职务,所驻村代码,所驻村名称,驻村时间,在岗状态,备案情况,是否脱产'];
  const roles = ['第一书记兼队长', '队员', '队员'];
  for (let v = 0; v < VILLAGES; v++) {
    const code = `330127${String(100000 + v).padStart(6, '0')}`;
    const category = v % 311 === 0 ? '' : '脱贫村'; // a required cell left blank
    villages.push(`${v + 1},浙江省,杭州市,淳安县,330127,千岛湖镇,村${v},${code},${category},,否`);
    roles.forEach((role, r) => {
      const n = v * 3 + r;
      const births = Math.floor(n / 1000);
      const birth = `${1970 + (births % 30)}${String((Math.floor(births / 30) % 12) + 1).padStart(2, '0')}${String((Math.floor(births / 360) % 28) + 1).padStart(2, '0')}`;
      const first17 = `330127${birth}${String(n % 1000).padStart(3, '0')}`;
      const id = n % 401 === 5 ? cadres.at(-1)!.split(',')[3]! : `${first17}${checkCharacter(first17)}`; // a person posted twice
      const village = n % 503 === 7 ? '330127999999' : code; // a village not in the village sheet
      const start = n % 277 === 3 ? '2025-02-30' : '2025-03-01'; // no such day
      const born = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`;
      cadres.push(`${n + 1},干部${n},${Number(first17[16]) % 2 ? '男' : '女'},${id},${born},中共党员,2003-04-01,淳安县农业农村局,县,${role},${village},村${v},${start},在岗,是,是`);
    });
  }
  writeFileSync(join(folder, 'villages.csv'), `${villages.join('\n')}\n`);
  writeFileSync(join(folder, 'cadres.csv'), `${cadres.join('\n')}\n`);
  return folder;
}

