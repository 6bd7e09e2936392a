// CSV files: encodings, line numbers, ragged and badly quoted rows.
import { describe, expect, it } from 'vitest';
import { expectLoadError, loadFixture, loadOne, rowsOf, temporaryFolder, writeTemporary } from './support.js';

const ROWS = [
  ['姓名', '身份证号', '所驻村', '驻村时间'],
  ['张三', '110105199001011234', '东村', '2021-09-01'],
  ['刘䶮', '110105199001011234', '𠀀村', '2021/9/1'],
];

describe('encodings', () => {
  it.each(['utf8-bom.csv', 'utf8.csv', 'gb18030.csv'])('%s reads to the same rows', (fixture) => {
    const roster = loadOne(loadFixture(fixture));
    expect(roster.sheets).toHaveLength(1);
    const sheet = roster.sheets[0]!;
    expect(sheet.name).toBe(fixture);
    expect(sheet.file).toBe(loadFixture(fixture));
    expect(rowsOf(sheet.rows)).toEqual(ROWS);
    expect(sheet.merges).toEqual([]);
  });

  it('keeps a four-byte GB18030 character', () => {
    expect(loadOne(loadFixture('gb18030.csv')).sheets[0]!.rows.at(2)![2]).toBe('\u{20000}村');
  });
});

describe('line numbers', () => {
  it('puts each record at the line where it starts, past quoted cells with line breaks', () => {
    const rows = rowsOf(loadOne(loadFixture('multiline.csv')).sheets[0]!.rows);
    expect(rows).toEqual([
      ['姓名', '备注', '村'],
      ['张三', '第一行\n第二行', '东村'],
      [],
      ['李四', '一\n二\n三', '西村'],
      [],
      [],
      ['王五', '', '南村'], // line 7
    ]);
  });

  it('counts CRLF, LF and CR line ends alike, keeps blank lines and drops trailing ones', () => {
    const folder = temporaryFolder();
    const file = writeTemporary(folder, 'mixed.csv', 'a,b\r\n\nc\r"d\r\ne",f\ng\n\n\n');
    expect(rowsOf(loadOne(file).sheets[0]!.rows)).toEqual([['a', 'b'], [], ['c'], ['d\r\ne', 'f'], [], ['g']]);
  });
});

describe('tolerance', () => {
  it('reads ragged rows and stray quotes', () => {
    const file = writeTemporary(temporaryFolder(), 'ragged.csv', 'a,b,c\n1\n1,2,3,4\nx,y"z,w\n');
    expect(rowsOf(loadOne(file).sheets[0]!.rows)).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4'], ['x', 'y"z', 'w']]);
  });

  it('keeps spaces: normalising is not the loader\'s job', () => {
    const file = writeTemporary(temporaryFolder(), 'spaces.csv', ' 姓名 ,性别\u3000\n');
    expect(rowsOf(loadOne(file).sheets[0]!.rows)).toEqual([[' 姓名 ', '性别\u3000']]);
  });

  it('reads a file holding only a byte-order mark as a sheet without rows', () => {
    const file = writeTemporary(temporaryFolder(), 'bom.csv', Buffer.from([0xef, 0xbb, 0xbf]));
    expect(rowsOf(loadOne(file).sheets[0]!.rows)).toEqual([]);
  });

  it('reads a semicolon-separated file as one column (only commas separate)', () => {
    const file = writeTemporary(temporaryFolder(), 'semicolons.csv', '姓名;性别\n张三;男\n');
    expect(rowsOf(loadOne(file).sheets[0]!.rows)).toEqual([['姓名;性别'], ['张三;男']]);
  });
});

describe('broken CSV', () => {
  it('refuses a quote that is never closed, naming the line it opens on', () => {
    const file = writeTemporary(temporaryFolder(), 'unclosed.csv', 'a,b\n"x\ny",z\nc,"open\nd\ne\n');
    const error = expectLoadError(() => loadOne(file), 'CORRUPT', file);
    expect(error.text.en).toContain('starts on line 4');
    expect(error.text.zh).toContain('第 4 行');
  });
});
