import type { Status } from '../../core/assess/entry';
import type { Severity } from '../../core/i18n/message';

/** How the CLI names an entry's status, in zh-CN and en-US. */
export const STATUS_TEXT: Readonly<Record<Status, { zh: string; en: string }>> = {
  met: { zh: '达标', en: 'met' },
  notMet: { zh: '未达标', en: 'not met' },
  notYetDue: { zh: '未到期', en: 'not yet due' },
  noData: { zh: '无数据', en: 'no data' },
  invalid: { zh: '填报有误', en: 'invalid' },
  notAssessable: { zh: '无法判定', en: 'not assessable' },
};

/** How the CLI names a severity, in zh-CN and en-US. */
export const SEVERITY_TEXT: Readonly<Record<Severity, { zh: string; en: string }>> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};
