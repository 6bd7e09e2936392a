// Every message the load stage gives: one place, both languages. Each names the file as the
// user gave it, says what is wrong and what to do.
import { LoadError, type LoadErrorCode } from '../errors.js';
import type { LocalizedText } from '../types.js';

function fail(code: LoadErrorCode, file: string, zh: string, en: string, cause?: unknown): LoadError {
  const error = new LoadError(code, { zh: `${file}: ${zh}`, en: `${file}: ${en}` });
  if (cause !== undefined) error.cause = cause;
  return error;
}

const RESAVE_ZH = '请在 Excel/WPS 中打开并另存后再检查';
const RESAVE_EN = 'save it again from Excel/WPS and check again';
const AS_XLSX_ZH = '请在 Excel/WPS 中另存为 .xlsx 后再检查';
const AS_XLSX_EN = 'save the roster as .xlsx in Excel/WPS and check again';

export const problem = {
  noFiles: (path: string) =>
    fail('NO_ROSTER', path, '没有可读取的名册文件', 'holds no roster file to read'),

  notFound: (file: string) =>
    fail('NOT_FOUND', file, '找不到该文件,请检查路径是否正确', 'no such file; check the path'),

  isFolder: (file: string) =>
    fail('NOT_A_SPREADSHEET', file,
      '这是文件夹而不是文件,请指定名册文件(.xlsx、.xls、.ods 或 .csv)',
      'is a folder, not a file; name the roster file (.xlsx, .xls, .ods or .csv)'),

  notAFile: (file: string) =>
    fail('UNREADABLE', file, '不是普通文件,请指定保存在磁盘上的名册文件',
      'is not a regular file; name a roster file saved on disk'),

  unreadable: (file: string, reason: string, cause: unknown) =>
    fail('UNREADABLE', file, `无法读取该文件(${reason}),请检查文件权限`,
      `cannot be read (${reason}); check the file's permissions`, cause),

  empty: (file: string) =>
    fail('EMPTY', file, '文件是空的(0 字节),请重新导出或另存名册后再检查',
      'the file is empty (0 bytes); export or save the roster again and check again'),

  csvTooLarge: (file: string, size: number, limit: number) =>
    fail('TOO_LARGE', file,
      `CSV 文件大小 ${formatBytes(size)},超过可读取的 ${formatBytes(limit)};请按县拆分为多个文件再检查`,
      `the CSV file is ${formatBytes(size)}, more than the ${formatBytes(limit)} a CSV file can be; split it by county and check the files together`),

  fileTooLarge: (file: string, size: number, limit: number) =>
    fail('TOO_LARGE', file,
      `文件大小 ${formatBytes(size)},超过上限 ${formatBytes(limit)};如确为正常名册,请用 --max-file-size 调高上限`,
      `the file is ${formatBytes(size)}, more than the limit of ${formatBytes(limit)}; ` +
        'if it is a genuine roster, raise the limit with --max-file-size'),

  unzipsTooLarge: (file: string, limit: number) =>
    fail('TOO_LARGE', file,
      `解压后超过 ${formatBytes(limit)}(压缩炸弹或异常文件);如确为正常名册,请用 --max-unzipped-size 调高上限`,
      `unpacks to more than ${formatBytes(limit)} (a zip bomb or an abnormal file); ` +
        'if it is a genuine roster, raise the limit with --max-unzipped-size'),

  tooManyCells: (file: string, limit: number) =>
    fail('TOO_LARGE', file,
      `展开后超过 ${limit.toLocaleString('en-US')} 个单元格(大量重复的行列,或覆盖整张表的链接);` +
        '请删除多余的行列后另存,或用 --max-unzipped-size 调高上限',
      `expands to more than ${limit.toLocaleString('en-US')} cells (rows or columns repeated many times, ` +
        'or links over whole sheets); delete the surplus rows and columns and save it again, ' +
        'or raise the limit with --max-unzipped-size'),

  tooManyParts: (file: string, count: number, limit: number) =>
    fail('TOO_LARGE', file,
      `压缩包内有 ${count} 个部件,超过工作簿可能有的 ${limit} 个;${RESAVE_ZH}`,
      `holds ${count} parts, more than the ${limit} a workbook can have; ${RESAVE_EN}`),

  pdf: (file: string) =>
    fail('NOT_A_SPREADSHEET', file,
      '这是 PDF 文件,不是电子表格;请提交 Excel/WPS 表格(.xlsx)或 CSV 文件',
      'is a PDF, not a spreadsheet; submit the roster as an Excel/WPS workbook (.xlsx) or a CSV file'),

  binary: (file: string) =>
    fail('NOT_A_SPREADSHEET', file, `不是电子表格或 CSV 文件(内容是二进制数据);${AS_XLSX_ZH}`,
      `is not a spreadsheet or a CSV file (its content is binary data); ${AS_XLSX_EN}`),

  utf16: (file: string) =>
    fail('NOT_A_SPREADSHEET', file,
      '这是 UTF-16 编码的文本(Excel 的“Unicode 文本”格式);请另存为 .xlsx 或“CSV UTF-8”后再检查',
      `is UTF-16 text (Excel's "Unicode Text" format); save it as .xlsx or "CSV UTF-8" and check again`),

  webPage: (file: string) =>
    fail('NOT_A_SPREADSHEET', file, '这是网页(HTML)或 XML 文件,不是电子表格;请在 Excel/WPS 中打开,另存为 .xlsx 后再检查',
      'is a web page (HTML) or an XML file, not a spreadsheet; open it in Excel/WPS, save it as .xlsx and check again'),

  wordDocument: (file: string) =>
    fail('NOT_A_SPREADSHEET', file, '这是 Word 文档,不是电子表格;请把名册做成 Excel/WPS 表格(.xlsx)后再检查',
      'is a Word document, not a spreadsheet; put the roster in an Excel/WPS workbook (.xlsx) and check again'),

  presentation: (file: string) =>
    fail('NOT_A_SPREADSHEET', file, '这是 PowerPoint 演示文稿,不是电子表格;请提交 Excel/WPS 表格(.xlsx)',
      'is a PowerPoint presentation, not a spreadsheet; submit an Excel/WPS workbook (.xlsx)'),

  otherOfficeFile: (file: string) =>
    fail('NOT_A_SPREADSHEET', file, `是 Office 文件,但不是电子表格;${AS_XLSX_ZH}`,
      `is an Office file but not a spreadsheet; ${AS_XLSX_EN}`),

  zipArchive: (file: string) =>
    fail('NOT_A_SPREADSHEET', file, '这是压缩包,不是电子表格;请解压后检查其中的名册文件',
      'is a zip archive, not a workbook; unzip it and check the roster inside'),

  appleNumbers: (file: string) =>
    fail('UNREADABLE', file, '这是苹果 Numbers 文件;请在 Numbers 中导出为 Excel(.xlsx)后再检查',
      'is an Apple Numbers file; export it to Excel (.xlsx) and check again'),

  binaryWorkbook: (file: string) =>
    fail('UNREADABLE', file, 'Excel 二进制工作簿(.xlsb)无法检查;请另存为 .xlsx 后再检查',
      'is an Excel binary workbook (.xlsb), which zhucun does not read; save it as .xlsx and check again'),

  unsupportedCompression: (file: string, method: number) =>
    fail('UNREADABLE', file, `使用了 Excel/WPS 不会使用的压缩方式(${method});${RESAVE_ZH}`,
      `uses a compression method Excel/WPS never write (${method}); ${RESAVE_EN}`),

  damaged: (file: string, detail: LocalizedText, cause?: unknown) =>
    fail('CORRUPT', file, `文件已损坏或不完整(${detail.zh});${RESAVE_ZH}`,
      `the file is damaged or incomplete (${detail.en}); ${RESAVE_EN}`, cause),

  encrypted: (file: string) =>
    fail('ENCRYPTED', file, '文件已加密(设有打开密码),请在 Excel/WPS 中取消密码后另存再检查',
      'the workbook is encrypted (password-protected); save it without a password and check again'),

  unclosedQuote: (file: string, line: number, cause: unknown) =>
    fail('CORRUPT', file,
      `第 ${line} 行开始的引号没有闭合,CSV 文件不完整;请修正该行,或从 Excel/WPS 重新导出`,
      `the quoted field that starts on line ${line} is never closed; fix that line or export the CSV again from Excel/WPS`,
      cause),

  tooHardToRead: (file: string, timeoutMs: number, cause: unknown) =>
    fail('UNREADABLE', file,
      `读取超过 ${Math.round(timeoutMs / 1000)} 秒或占用内存过多(文件可能已损坏或被篡改);请在 Excel/WPS 中另存为 .xlsx 后再检查`,
      `reading it took more than ${Math.round(timeoutMs / 1000)} s or too much memory (the file may be damaged or crafted); ` +
        'save it as .xlsx in Excel/WPS and check again', cause),

  unreadableWorkbook: (file: string, cause: unknown) =>
    fail('UNREADABLE', file, `无法读取该工作簿(文件可能已损坏,或格式不受支持);${RESAVE_ZH}`,
      `the workbook cannot be read (it may be damaged, or in a form zhucun does not read); ${RESAVE_EN}`, cause),
};

/** What is damaged, for problem.damaged. */
export const damage = {
  noZipDirectory: { zh: '找不到压缩包目录,文件不完整', en: 'no zip directory: the file is cut short' },
  splitZip: { zh: '分卷压缩包', en: 'a zip split over several files' },
  zip64: { zh: 'ZIP64 目录缺失', en: 'ZIP64 directory missing' },
  zipDirectory: { zh: '压缩包目录损坏', en: 'zip directory broken' },
  zipDirectoryPastEnd: { zh: '压缩包目录超出文件末尾', en: 'zip directory past the end of the file' },
  partHeader: { zh: '压缩包部件头缺失', en: 'zip part header missing' },
  partPastEnd: { zh: '压缩包部件超出文件末尾', en: 'zip part past the end of the file' },
  partSize: (part: string) => ({ zh: `部件 ${part} 大小不符`, en: `zip part ${part} has the wrong size` }),
  partChecksum: (part: string) => ({ zh: `部件 ${part} 校验失败`, en: `zip part ${part} fails its checksum` }),
  partInflate: (part: string) => ({ zh: `部件 ${part} 无法解压`, en: `zip part ${part} cannot be inflated` }),
  compoundFile: { zh: '复合文档结构损坏', en: 'compound file structure broken' },
  sheetListedTwice: { zh: '工作簿重复列出同一工作表', en: 'the workbook lists one worksheet twice' },
  rowsBeyondExcel: (sheet: string) => ({ zh: `工作表“${sheet}”有超出 Excel 最后一行的单元格`, en: `sheet "${sheet}" has cells below Excel's last row` }),
  columnsBeyondExcel: (sheet: string) => ({ zh: `工作表“${sheet}”有超出 Excel 最后一列的单元格`, en: `sheet "${sheet}" has cells right of Excel's last column` }),
  sharedStringMissing: (sheet: string) => ({ zh: `工作表“${sheet}”引用了不存在的共享字符串`, en: `sheet "${sheet}" refers to a shared string that is not in the workbook` }),
  inlineStringBroken: (sheet: string) => ({ zh: `工作表“${sheet}”有无法读取的文本单元格`, en: `sheet "${sheet}" has a text cell that cannot be read` }),
};

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || Number.isInteger(value) ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}
