// What each column of the roster means, for the template's 填表说明 sheet. Keyed by the column keys
// of src/normalise/columns.ts; a test fails when a column has no note, so that the two stay together.
import type { CadreKey, LocalizedText, VillageKey } from '../types.js';

export const VILLAGE_NOTES: Readonly<Record<VillageKey, LocalizedText>> = {
  province: { zh: '村所在的省(自治区、直辖市)', en: 'the province (region, municipality) of the village' },
  city: { zh: '村所在的市(州)', en: 'the prefecture-level city of the village' },
  county: { zh: '村所在的县(市、区)', en: 'the county of the village' },
  countyCode: { zh: '县级统计用区划代码;不填时取村代码前6位', en: 'the 6-digit county division code; when blank, the first six digits of the village code' },
  township: { zh: '村所在的乡(镇、街道)', en: 'the township (town, sub-district) of the village' },
  village: { zh: '行政村或易地扶贫搬迁安置社区的名称', en: 'the administrative village or relocation community' },
  villageCode: { zh: '村级统计用区划代码(12位),驻村干部表据此关联', en: 'the 12-digit village division code; the cadre sheet refers to villages by it' },
  categories: { zh: '派驻类型,可填多个,用「、」分隔', en: 'why the village gets a team; several may apply, separated by 、' },
  relocationScale: { zh: '易地扶贫搬迁安置村的安置规模', en: 'the scale of a relocation site' },
  keyCounty: { zh: '是否国家乡村振兴重点帮扶县;不填时按随规则发布的名单判断', en: 'whether the county is a national key-assistance county; when blank, the list shipped with the rules decides' },
  lightTask: { zh: '经批准巩固任务较轻、工作队可适当缩减的村填「是」', en: '是 for a village whose consolidation task is light and whose team was approved smaller' },
  coveringTeam: { zh: '驻在别村、同时覆盖本村的工作队编号(少量、插花安置点)', en: 'the id of a team stationed elsewhere that also covers this village (small relocation sites)' },
};

export const CADRE_NOTES: Readonly<Record<CadreKey, LocalizedText>> = {
  name: { zh: '驻村干部姓名', en: 'the cadre’s name' },
  gender: { zh: '性别,须与身份证号一致', en: 'gender; must agree with the ID number' },
  idNumber: { zh: '18位公民身份号码,末位可为 X;本列为文本格式,请勿改为数值(数值会丢失后三位)', en: 'the 18-character citizen ID number, last character may be X; the column is text: a number loses the last three digits' },
  birthDate: { zh: '出生日期,须与身份证号一致;可不填', en: 'date of birth; must agree with the ID number; may be left blank' },
  politicalStatus: { zh: '政治面貌', en: 'political status' },
  partyJoinDate: { zh: '入党时间;党员必填', en: 'date of joining the party; required for party members' },
  unit: { zh: '派出单位全称', en: 'the full name of the dispatching unit' },
  unitLevel: { zh: '派出单位的层级', en: 'the level of the dispatching unit' },
  post: { zh: '在派出单位的职务职级', en: 'the cadre’s post and rank in the home unit' },
  role: { zh: '在驻村工作队中的职务;第一书记兼任队长的填「第一书记兼队长」', en: 'the role in the work team; a first secretary who also leads the team is 第一书记兼队长' },
  teamId: { zh: '工作队编号,同一工作队的队员填同一编号;不填时每村视为一个工作队', en: 'the team id, the same for every member of one team; when the column is absent, each village is one team' },
  villageCode: { zh: '所驻村的村代码,须是村庄表中的一行', en: 'the code of the village the cadre is posted to; must be a row of the village sheet' },
  village: { zh: '所驻村名称;未填村代码时据此在村庄表中查找', en: 'the name of the village; used to find it in the village sheet when no code is given' },
  startDate: { zh: '到村开始驻村的日期', en: 'the date the posting in the village started' },
  endDate: { zh: '离村或任期届满日期', en: 'the date the cadre left, or the term ends' },
  status: { zh: '在岗状态;只有「在岗」计入工作队人数;不填视为在岗', en: 'posting status; only 在岗 counts towards a team; blank means 在岗' },
  filed: { zh: '选派是否已报同级党委组织部门备案;可填备案日期', en: 'whether the selection was filed with the Party organisation department; a filing date also means yes' },
  phone: { zh: '11位手机号或座机号;文本格式', en: 'an 11-digit mobile or a landline number; text' },
  partyFullDate: { zh: '转为正式党员的时间', en: 'the date of full party membership' },
  workStartDate: { zh: '参加工作时间', en: 'the date the cadre started working' },
  fullTime: { zh: '是否脱产驻村(不再承担原单位工作)', en: 'whether the cadre works in the village full-time' },
  partyRelationMoved: { zh: '党员的组织关系是否转入所驻村', en: 'whether a party member’s organisation relation moved to the village' },
};
