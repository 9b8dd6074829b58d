import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR, type Indicator, type PlanId } from '../../core/catalog/indicator-schema';
import type { Language } from '../../core/i18n/message';
import { UsageError } from '../io';

/** The `--plan` option: women or children (妇女/儿童 accepted too). */
export function planOption(value: string): PlanId {
  if (value === 'women' || value === '妇女') return 'women';
  if (value === 'children' || value === '儿童') return 'children';
  throw new UsageError(`--plan 应为 women（妇女）或 children（儿童），收到“${value}”`);
}

/** The `--year` option: a reporting year of the plans; defaults to the current year within 2021–2030. */
export function yearOption(value: string | undefined, now: Date = new Date()): number {
  if (value === undefined) return Math.min(PLAN_LAST_YEAR, Math.max(PLAN_FIRST_YEAR, now.getFullYear()));
  const year = Number(value.normalize('NFKC').trim());
  if (!Number.isInteger(year) || year < PLAN_FIRST_YEAR || year > PLAN_LAST_YEAR) {
    throw new UsageError(`--year 应为${PLAN_FIRST_YEAR}—${PLAN_LAST_YEAR}之间的年份，收到“${value}”`);
  }
  return year;
}

/** The `--lang` option: zh-CN (default) or en-US. */
export function languageOption(value: string | undefined): Language {
  if (value === undefined || value === 'zh' || value === 'zh-CN') return 'zh-CN';
  if (value === 'en' || value === 'en-US') return 'en-US';
  throw new UsageError(`--lang 应为 zh-CN 或 en-US，收到“${value}”`);
}

/** What `--json` answers say of the indicator they are about (assess, progress). */
export function indicatorJson(indicator: Indicator) {
  const { id, name, nameEn, unit, target, targetYear, milestones } = indicator;
  return { id, name, nameEn, unit, target, targetYear, milestones };
}
