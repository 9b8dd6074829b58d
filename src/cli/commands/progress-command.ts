import { describeTarget } from '../../core/assess/describe-target';
import { formatNumber, formatQuantity, formatQuantityEn } from '../../core/assess/format-quantity';
import type { Catalog } from '../../core/catalog/catalog';
import type { Indicator } from '../../core/catalog/indicator-schema';
import { isTownship } from '../../core/catalog/organisation-schema';
import { UNITS } from '../../core/catalog/units';
import { textOf, type Bilingual } from '../../core/i18n/message';
import { assessProgress, ProgressInputError, type PointValue, type ProgressPoint, type ProgressResult } from '../../core/monitoring/progress';
import { parseCell } from '../../core/parse/parse-cell';
import { validateValue } from '../../core/rules/validate-value';
import { seedCatalog } from '../../seed-catalog';
import { parseOptions } from '../main';
import { EXIT, UsageError, writeJson, type CliIo } from '../io';
import { indicatorJson, languageOption } from './options';

/** The years a series may give: the plans' base year and reporting years, and earlier years for context. */
const FIRST_SERIES_YEAR = 2000;
const LAST_SERIES_YEAR = 2030;

const SERIES_EXAMPLE = '--series "2020:5.94,2023:5.0"';

/**
 * `progress --id <id> --series "2020:5.94,2023:5.0" [--unit <unit>] [--json] [--lang]`: the progress status of
 * an indicator's series toward its governing target (src/core/monitoring/progress.ts, Open SDG's method),
 * the plan's baselines added for the years the series does not give.
 */
export function progressCommand(args: string[], io: CliIo): number {
  const options = parseOptions(args, {
    id: { type: 'string' },
    series: { type: 'string' },
    unit: { type: 'string' },
    json: { type: 'boolean', default: false },
    lang: { type: 'string' },
  });
  if (options.id === undefined) throw new UsageError('缺少 --id <指标编号>，例如 --id C-HEA-04（运行 indicators catalog 查看编号）');
  if (options.series === undefined) throw new UsageError(`缺少 --series <年份:值,…>，例如 ${SERIES_EXAMPLE}`);
  const catalog = seedCatalog();
  const indicator = catalog.indicators.get(options.id.normalize('NFKC').trim().toUpperCase());
  if (!indicator) throw new UsageError(`指标编号“${options.id}”不在目录中（运行 indicators catalog 查看编号）`);
  if (options.unit !== undefined || indicator.perUnit) checkUnitOption(indicator, options.unit, catalog);
  const language = languageOption(options.lang);
  const { points, numeric } = parseSeries(options.series, indicator);
  const defaults = catalog.plans[indicator.plan].defaults;
  let result: ProgressResult;
  try {
    result = assessProgress(indicator, numeric ? points : [], { defaults, ...(options.unit === undefined ? {} : { unitId: options.unit }) });
  } catch (error) {
    if (error instanceof ProgressInputError) throw new UsageError(`--series 无法使用：${error.zh}`);
    throw error;
  }
  const notes: Bilingual[] = numeric
    ? []
    : [{ zh: `该指标的值为${UNITS[indicator.unit].nameZh}，不构成数值序列，序列中的值未参与计算`, en: `This indicator's values are ${UNITS[indicator.unit].nameEn}, not a numeric series: the values given were not used` }];
  if (options.json) {
    writeJson(io, {
      indicator: { ...indicatorJson(indicator), baseline: indicator.baseline.map(({ year, value }) => ({ year, value })) },
      input: { series: options.series, unit: options.unit ?? null },
      ...result,
      targetText: describeTarget(result.target.target, indicator, defaults),
      summary: { zh: result.messages[0]?.zh ?? '', en: result.messages[0]?.en ?? '' },
      notes,
    });
    return EXIT.ok;
  }
  const pick = (text: Bilingual) => textOf(text, language);
  const english = language === 'en-US';
  const unitLabel = options.unit === undefined ? '' : english ? ` · unit ${options.unit}` : ` · 填报单元 ${options.unit}`;
  io.stdout.write(english ? `${indicator.id} ${indicator.nameEn} (${indicator.unit})${unitLabel}\n` : `${indicator.id} ${indicator.name}（${indicator.unit}）${unitLabel}\n`);
  io.stdout.write(`${english ? 'Series: ' : '序列：'}${seriesText(result, indicator, english)}\n`);
  const [status, ...rest] = result.messages;
  if (status) io.stdout.write(`${pick(status)}\n`);
  for (const message of [...rest, ...notes]) io.stdout.write(`- ${pick(message)}\n`);
  for (const note of indicator.notes) io.stdout.write(`  ${english ? 'Note' : '注'}：${pick(note)}\n`);
  return EXIT.ok;
}

/** The points as given, oldest first, the plan's baselines marked. */
function seriesText(result: ProgressResult, indicator: Indicator, english: boolean): string {
  if (result.series.length === 0) return english ? '(none)' : '（无）';
  const shown = (value: PointValue) =>
    typeof value === 'number' ? (english ? formatQuantityEn(value, indicator.unit) : formatQuantity(value, indicator.unit)) : `${formatNumber(value.left)}:${formatNumber(value.right)}`;
  return result.series
    .map((point) => {
      const mark = point.source === 'baseline' ? (english ? ' (plan baseline)' : '（规划基期值）') : '';
      const unused = point.used ? '' : english ? ' (not used)' : '（不参与计算）';
      return english ? `${shown(point.value)} in ${point.year}${mark}${unused}` : `${point.year}年 ${shown(point.value)}${mark}${unused}`;
    })
    .join(english ? ', ' : '、');
}

/**
 * Reads `2020:5.94,2023:5.0` (full-width digits and punctuation, 、 and ； as separators accepted): every
 * year a whole number within 2000–2030 and given once, every value one the indicator's unit accepts
 * (suffixes such as ‰ allowed, the unit's valid range enforced; a ratio indicator's values as 2020:1:1.2).
 * `numeric` is false for yes/no and text indicators, whose values are read but form no numeric series.
 */
function parseSeries(raw: string, indicator: Indicator): { points: ProgressPoint[]; numeric: boolean } {
  const unit = UNITS[indicator.unit];
  const items = raw
    .normalize('NFKC')
    .split(/[,、;]/)
    .map((item) => item.trim());
  if (items.every((item) => item === '')) throw new UsageError(`--series 为空；应为“年份:值”，用逗号分隔，例如 ${SERIES_EXAMPLE}`);
  const points: ProgressPoint[] = [];
  const years = new Set<number>();
  for (const item of items) {
    const colon = item.search(/[:]/);
    if (item === '' || colon < 0) throw new UsageError(`--series 中的“${item}”格式不对：每一项应为“年份:值”，例如 ${SERIES_EXAMPLE}`);
    const yearText = item.slice(0, colon).trim();
    const valueText = item.slice(colon + 1).trim();
    if (!/^\d{4}$/.test(yearText)) throw new UsageError(`--series 中的年份“${yearText}”不是四位数年份（在“${item}”中）`);
    const year = Number(yearText);
    if (year < FIRST_SERIES_YEAR || year > LAST_SERIES_YEAR) throw new UsageError(`--series 中的年份${year}超出范围：应在${FIRST_SERIES_YEAR}—${LAST_SERIES_YEAR}年之间`);
    if (years.has(year)) throw new UsageError(`--series 中${year}年出现了不止一次；每个年份只能给一个值`);
    years.add(year);
    const parsed = parseCell(valueText, unit);
    if (!parsed.ok) throw new UsageError(`--series 中${year}年的值无法使用：${parsed.message.zh}`);
    const value = parsed.value;
    if (value.kind === 'number') {
      const problems = validateValue(indicator, value, 'value');
      if (problems.length > 0) throw new UsageError(`--series 中${year}年的值无法使用：${problems.map((problem) => problem.zh).join('；')}`);
      points.push({ year, value: value.value });
    } else if (value.kind === 'ratio') {
      points.push({ year, value: { left: value.left, right: value.right } });
    } else if (value.kind === 'boolean' || value.kind === 'text') {
      // yes/no and text indicators: read, but not a numeric series (the measure reports them not assessable)
    } else {
      throw new UsageError(`--series 中${year}年没有数值（“${valueText}”）；不要列出没有数据的年份`);
    }
  }
  return { points, numeric: unit.valueKind === 'number' || unit.valueKind === 'ratio' };
}

/** `--unit` must name one of the indicator's reporting units, and is required exactly for per-unit indicators. */
function checkUnitOption(indicator: Indicator, unit: string | undefined, catalog: Catalog): void {
  if (!indicator.perUnit) throw new UsageError(`指标 ${indicator.id} 按全县填报，不用 --unit`);
  const units =
    indicator.perUnit.scope === 'township'
      ? catalog.organisations.filter(isTownship).map((organisation) => `${organisation.id}（${organisation.name}）`)
      : indicator.perUnit.units.map((item) => `${item.id}（${item.name}）`);
  if (unit === undefined || !units.some((item) => item.startsWith(`${unit}（`))) {
    throw new UsageError(`指标 ${indicator.id} 按${indicator.perUnit.label}分别填报，--unit 应为：${units.join('、')}`);
  }
}
