import type { Message } from '../core/i18n/message';
import { cellAddress } from '../core/template/cell-address';
import type { XlsxLimits, XlsxRefusal } from './xlsx-limits';

/**
 * Every way the bounded reader says no, with its words. Each message names the limit that was hit (with
 * the numbers) and what the person can do about it; the unreadable-file messages are the ones `check`
 * and the upload have always given.
 */

/** Thrown inside the reader to stop at once; `readWorkbookGrids` turns it into its result. */
export class XlsxRefusalError extends Error {
  constructor(readonly refusal: XlsxRefusal) {
    super(refusal.en);
    this.name = 'XlsxRefusalError';
  }
}

/** Stops reading with a refusal. */
export function refuse(refusal: XlsxRefusal): never {
  throw new XlsxRefusalError(refusal);
}

/** The refusal as the `Message` that `readXlsx`'s callers have always shown. */
export function refusalMessage(refusal: XlsxRefusal): Message {
  return { code: refusal.code, severity: 'error', zh: refusal.zh, en: refusal.en };
}

const RESAVE_ZH = '请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）再上传';
const RESAVE_EN = 'open it in Excel or WPS, save it as an Excel workbook (.xlsx) and upload that';
const CLEAN_ZH = '请删除图片、图表等与填报无关的内容后重新上传';
const CLEAN_EN = 'delete pictures, charts and anything else the report does not need, and upload again';

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? mb.toFixed(0) : mb.toFixed(1);
}

export const notXlsx = (): XlsxRefusal => ({
  code: 'xlsx.notXlsx',
  status: 422,
  zh: '文件不是 Excel 工作簿（.xlsx）；请上传或指定由模板填写的 .xlsx 文件',
  en: 'The file is not an Excel workbook (.xlsx)',
});

export const legacyOrEncrypted = (): XlsxRefusal => ({
  code: 'xlsx.legacyOrEncrypted',
  status: 422,
  zh: '文件是旧版 .xls 格式或已加密，无法读取；请在 Excel/WPS 中“另存为”Excel 工作簿（.xlsx），不要设置打开密码',
  en: 'The file is a legacy .xls or an encrypted workbook; save it as an unencrypted .xlsx',
});

export const damaged = (reason: string): XlsxRefusal => ({
  code: 'xlsx.damaged',
  status: 422,
  zh: `文件已损坏，无法作为 .xlsx 读取（${reason}）`,
  en: `The file is damaged and cannot be read as .xlsx (${reason})`,
});

export const tooManyEntries = (count: number, limits: XlsxLimits): XlsxRefusal => ({
  code: 'xlsx.tooManyEntries',
  status: 422,
  zh: `文件内含 ${count} 个部件，超过上限 ${limits.maxEntries} 个（填报模板只有十几个）；${CLEAN_ZH}（也可用 Excel 或 WPS“另存为”新的 .xlsx）`,
  en: `The file holds ${count} parts, more than the limit of ${limits.maxEntries} (a template has about 16); ${CLEAN_EN}, or ${RESAVE_EN}`,
});

export const entryTooLarge = (name: string, bytes: number, limits: XlsxLimits): XlsxRefusal => ({
  code: 'xlsx.entryTooLarge',
  status: 413,
  zh: `文件中的部件“${name}”解压后有 ${megabytes(bytes)} MB，超过单个部件 ${megabytes(limits.maxEntryBytes)} MB 的上限；${CLEAN_ZH}`,
  en: `The part "${name}" is ${megabytes(bytes)} MB uncompressed, more than the limit of ${megabytes(limits.maxEntryBytes)} MB per part; ${CLEAN_EN}`,
});

export const totalTooLarge = (bytes: number, limits: XlsxLimits): XlsxRefusal => ({
  code: 'xlsx.totalTooLarge',
  status: 413,
  zh: `文件解压后共 ${megabytes(bytes)} MB，超过 ${megabytes(limits.maxTotalBytes)} MB 的上限；${CLEAN_ZH}`,
  en: `The file is ${megabytes(bytes)} MB uncompressed, more than the limit of ${megabytes(limits.maxTotalBytes)} MB; ${CLEAN_EN}`,
});

export const compressionRatio = (name: string, ratio: number, limits: XlsxLimits): XlsxRefusal => ({
  code: 'xlsx.compressionRatio',
  status: 422,
  zh: `文件中的部件“${name}”压缩比为 ${Math.round(ratio)}:1，超过 ${limits.maxRatio}:1 的上限（正常的工作簿不超过 20:1，像是恶意构造的压缩包）；${RESAVE_ZH}`,
  en: `The part "${name}" is compressed ${Math.round(ratio)}:1, more than the limit of ${limits.maxRatio}:1 (real workbooks stay under 20:1); ${RESAVE_EN}`,
});

export const sizeMismatch = (name: string, declared: number): XlsxRefusal => ({
  code: 'xlsx.sizeMismatch',
  status: 422,
  zh: `文件中的部件“${name}”解压后的实际大小与文件记录的 ${declared} 字节不符，文件已损坏或被篡改，已停止读取；${RESAVE_ZH}`,
  en: `The part "${name}" inflates to more or fewer bytes than the ${declared} it declares: the file is damaged or tampered with; ${RESAVE_EN}`,
});

export const inflatedTooMuch = (limits: XlsxLimits): XlsxRefusal => ({
  code: 'xlsx.totalTooLarge',
  status: 413,
  zh: `读取文件时解压的内容超过 ${megabytes(limits.maxTotalBytes)} MB 的上限，已停止读取；${CLEAN_ZH}`,
  en: `Reading the file inflated more than the limit of ${megabytes(limits.maxTotalBytes)} MB; ${CLEAN_EN}`,
});

export const doctype = (part: string): XlsxRefusal => ({
  code: 'xlsx.doctype',
  status: 422,
  zh: `文件中的部件“${part}”含有 DOCTYPE 声明（.xlsx 不使用 DOCTYPE，为安全起见不予读取）；${RESAVE_ZH}`,
  en: `The part "${part}" has a DOCTYPE declaration (.xlsx files have none; refused for safety); ${RESAVE_EN}`,
});

export const tooManySheets = (limits: XlsxLimits): XlsxRefusal => ({
  code: 'xlsx.tooManySheets',
  status: 422,
  zh: `工作簿的工作表超过 ${limits.maxSheets} 个的上限（填报模板只有一两个）；请只保留填报模板工作表，删除其他工作表后重新上传`,
  en: `The workbook has more than ${limits.maxSheets} sheets (a template has one or two); keep only the template sheet and upload again`,
});

export const tooManySharedStrings = (limits: XlsxLimits): XlsxRefusal => ({
  code: 'xlsx.tooManySharedStrings',
  status: 422,
  zh: `工作簿的共享字符串超过 ${limits.maxSharedStrings} 个的上限（填报模板约 400 个）；请只保留填报模板工作表，删除其他工作表后重新上传`,
  en: `The workbook has more than ${limits.maxSharedStrings} shared strings (a template has about 400); keep only the template sheet and upload again`,
});

export const tooManyCellFormats = (limits: XlsxLimits): XlsxRefusal => ({
  code: 'xlsx.tooManyCellFormats',
  status: 422,
  zh: `工作簿的单元格格式超过 ${limits.maxCellFormats} 种的上限；${RESAVE_ZH}`,
  en: `The workbook has more than ${limits.maxCellFormats} cell formats; ${RESAVE_EN}`,
});

export const tooManyMergeRanges = (sheet: string, limits: XlsxLimits): XlsxRefusal => ({
  code: 'xlsx.tooManyMergeRanges',
  status: 422,
  sheet,
  zh: `工作表“${sheet}”的合并单元格区域超过 ${limits.maxMergeRanges} 个的上限（填报模板约 15 个）；请取消多余的合并单元格后重新上传`,
  en: `Sheet "${sheet}" has more than ${limits.maxMergeRanges} merged ranges (a template has about 15); unmerge the extra ones and upload again`,
});

/** A cell with a value outside the grid the reader keeps: named, with the limits and the way out. */
export const cellOutOfRange = (sheet: string, row: number, column: number, limits: XlsxLimits): XlsxRefusal => {
  const cell = cellAddress(row, column);
  const corner = cellAddress(limits.maxRows - 1, limits.maxColumns - 1);
  return {
    code: 'xlsx.cellOutOfRange',
    status: 422,
    sheet,
    cell,
    zh: `工作表“${sheet}”的单元格 ${cell} 有内容，超出了读取范围（前 ${limits.maxRows} 行、前 ${limits.maxColumns} 列，即 A1:${corner}），填报模板不会用到这么远的单元格；请删除该单元格的内容后重新上传`,
    en: `Sheet "${sheet}": cell ${cell} has content outside the range read (the first ${limits.maxRows} rows and ${limits.maxColumns} columns, A1:${corner}); delete that content and upload again`,
  };
};

export const otherOrganisation = (sheet: string, organisationId: string, expected: string): XlsxRefusal => ({
  code: 'xlsx.otherOrganisation',
  status: 403,
  sheet,
  organisationId,
  zh: `工作表“${sheet}”是为单位“${organisationId}”生成的模板，不能以本单位（${expected}）的名义提交；请下载本单位的模板填报`,
  en: `Sheet "${sheet}" is a template made for "${organisationId}", not for "${expected}"; download your own organisation's template`,
});

export const sheetNotFound = (wanted: string, names: readonly string[]): XlsxRefusal => ({
  code: 'xlsx.sheetNotFound',
  status: 422,
  sheet: wanted,
  zh: `工作簿中没有名为“${wanted}”的工作表（现有工作表：${names.join('、') || '无'}）；请检查工作表名称`,
  en: `The workbook has no sheet named "${wanted}" (its sheets: ${names.join(', ') || 'none'})`,
});
