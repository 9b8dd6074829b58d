import type { z } from 'zod';
import { PlanCatalogSchema, type PlanCatalog } from './catalog-schema';
import type { Indicator, PlanId } from './indicator-schema';
import { OrganisationsFileSchema, type Organisation } from './organisation-schema';
import { ReportFormFileSchema, type ReportForms } from './report-form-schema';
import type { Target } from './target-schema';
import { UNITS } from './units';

/** The responsible-organisation id meaning "every township reports its own row". */
export const EVERY_TOWNSHIP = 'townships';

/** Both plans' catalogs and the organisations that report them, validated and cross-checked. */
export interface Catalog {
  readonly plans: Readonly<Record<PlanId, PlanCatalog>>;
  readonly organisations: readonly Organisation[];
  /** Every indicator of both plans by id. */
  readonly indicators: ReadonlyMap<string, Indicator>;
  /** The 统计报表 header of each plan's template (seeds/report-form.json); absent: blank fields. */
  readonly reportForms?: ReportForms;
}

/** The raw (parsed JSON) content of the catalog files. */
export interface CatalogFiles {
  readonly women: unknown;
  readonly children: unknown;
  /** seeds/organisations.json: the first list of organisations (the shared endpoint's database owns it afterwards). */
  readonly organisations: unknown;
  /** seeds/report-form.json: the 表号, 制表机关, 批准文号, 有效期至 of this deployment's templates (optional). */
  readonly reportForm?: unknown;
}

/** Both plans' catalogs, validated, before they are joined with the organisations that report them. */
export interface PlanCatalogs {
  readonly women: PlanCatalog;
  readonly children: PlanCatalog;
}

/** Thrown when catalog files do not satisfy the schema or the cross-checks; lists every problem found. */
export class CatalogError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`目录文件有 ${problems.length} 处问题：\n- ${problems.join('\n- ')}`);
    this.name = 'CatalogError';
  }
}

/**
 * Validates the catalog files with the zod schemas and then checks what a schema cannot express:
 * unique ids, the plan of each file, known domains and organisations, milestones in order, source indexes
 * in range, and a unit that fits the target kind. Throws {@link CatalogError} listing every problem.
 */
export function loadCatalog(files: CatalogFiles): Catalog {
  const problems: string[] = [];
  const organisationsFile = parseFile('organisations', OrganisationsFileSchema, files.organisations, problems);
  const plans = parsePlans(files, problems);
  const reportForms = files.reportForm === undefined ? undefined : parseReportForms(files.reportForm, problems);
  if (!organisationsFile || !plans || problems.length > 0) throw new CatalogError(problems);
  return catalogWith(plans, organisationsFile.organisations, reportForms);
}

/**
 * seeds/report-form.json validated: the 统计报表 header of each plan (blank fields where the file says
 * nothing). Throws {@link CatalogError} listing every problem.
 */
export function loadReportForms(file: unknown): ReportForms {
  const problems: string[] = [];
  const forms = parseReportForms(file, problems);
  if (!forms) throw new CatalogError(problems);
  return forms;
}

function parseReportForms(file: unknown, problems: string[]): ReportForms | undefined {
  const parsed = parseFile('report-form', ReportFormFileSchema, file, problems);
  return parsed ? { women: parsed.women, children: parsed.children } : undefined;
}

/** The two plan files validated on their own (what does not depend on the organisations). */
export function loadPlans(files: Pick<CatalogFiles, 'women' | 'children'>): PlanCatalogs {
  const problems: string[] = [];
  const plans = parsePlans(files, problems);
  if (!plans) throw new CatalogError(problems);
  return plans;
}

/**
 * The catalog of the plans for a list of organisations — the shared endpoint's database owns that list
 * (seeded from seeds/organisations.json, grown with `indicators org add`), the CLI and the add-in offline
 * use the seed file. Checks the list (unique ids, no reserved id, every responsible organisation present)
 * and the plans; throws {@link CatalogError} listing every problem.
 */
export function catalogWith(plans: PlanCatalogs, organisations: readonly Organisation[], reportForms?: ReportForms): Catalog {
  const problems: string[] = [];
  const { women, children } = plans;
  const organisationIds = new Set<string>();
  for (const organisation of organisations) {
    if (organisationIds.has(organisation.id)) problems.push(`组织编号重复：${organisation.id}`);
    organisationIds.add(organisation.id);
  }
  if (organisationIds.has(EVERY_TOWNSHIP)) problems.push(`组织编号“${EVERY_TOWNSHIP}”为保留字`);

  const indicators = new Map<string, Indicator>();
  for (const [plan, file] of [['women', women], ['children', children]] as const) {
    if (file.plan !== plan) problems.push(`${plan} 目录文件的 plan 字段为“${file.plan}”`);
    const domainCodes = new Map(file.domains.map((domain) => [domain.name, domain.code]));
    for (const indicator of file.indicators) {
      const where = `指标 ${indicator.id}（${indicator.name}）`;
      if (indicators.has(indicator.id)) problems.push(`${where}：编号重复`);
      indicators.set(indicator.id, indicator);
      if (indicator.plan !== plan) problems.push(`${where}：plan 为“${indicator.plan}”，但位于 ${plan} 目录`);
      if (!indicator.id.startsWith(plan === 'women' ? 'W-' : 'C-')) problems.push(`${where}：编号前缀与规划不符`);
      const code = domainCodes.get(indicator.domain);
      if (code === undefined) problems.push(`${where}：领域“${indicator.domain}”不在 domains 中`);
      else if (indicator.id.slice(2, 5) !== code) problems.push(`${where}：编号中的领域代码应为 ${code}`);
      for (const id of indicator.responsible) {
        if (id !== EVERY_TOWNSHIP && !organisationIds.has(id)) problems.push(`${where}：责任单位“${id}”不在组织名单中`);
      }
      if (indicator.responsible.includes(EVERY_TOWNSHIP) && indicator.perUnit?.scope !== 'township') {
        problems.push(`${where}：只有按乡镇（街道）分列的指标才能由各乡镇填报`);
      }
      problems.push(...checkIndicator(indicator).map((problem) => `${where}：${problem}`));
    }
  }
  for (const file of [women, children]) {
    for (const id of file.retiredIds) {
      if (indicators.has(id)) problems.push(`指标编号 ${id} 已停用（retiredIds），不得再分配给其他指标`);
    }
    for (const rule of file.consistencyRules) {
      const units = new Set<string>();
      for (const id of rule.indicators) {
        const indicator = indicators.get(id);
        if (!indicator || indicator.plan !== file.plan) problems.push(`一致性规则 ${rule.id}：指标 ${id} 不在本规划目录中`);
        else units.add(indicator.unit);
      }
      if (units.size > 1) problems.push(`一致性规则 ${rule.id}：各指标单位不同，无法比较`);
      const scopes = new Set(rule.indicators.map((id) => indicators.get(id)?.perUnit?.scope ?? 'county'));
      if (scopes.size > 1) problems.push(`一致性规则 ${rule.id}：各指标填报范围不同（全县/分乡镇），无法比较`);
    }
  }
  if (problems.length > 0) throw new CatalogError(problems);
  return { plans: { women, children }, organisations, indicators, ...(reportForms ? { reportForms } : {}) };
}

function parsePlans(files: Pick<CatalogFiles, 'women' | 'children'>, problems: string[]): PlanCatalogs | undefined {
  const women = parseFile('women', PlanCatalogSchema, files.women, problems);
  const children = parseFile('children', PlanCatalogSchema, files.children, problems);
  return women && children ? { women, children } : undefined;
}

function parseFile<T>(name: string, schema: z.ZodType<T>, data: unknown, problems: string[]): T | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push(`${name}: ${issue.path.join('.') || '(根)'}: ${issue.message}`);
  }
  return undefined;
}

/** What a schema cannot express about one indicator. */
function checkIndicator(indicator: Indicator): string[] {
  const problems: string[] = [];
  const unit = UNITS[indicator.unit];
  for (const target of [indicator.target, ...indicator.milestones.map((milestone) => milestone.target)]) {
    const fit = unitFitsTarget(target, indicator);
    if (fit) problems.push(fit);
  }
  let previousYear = 0;
  for (const milestone of indicator.milestones) {
    if (milestone.year <= previousYear) problems.push('阶段目标应按年份递增排列');
    if (milestone.year >= indicator.targetYear) problems.push(`阶段目标年份 ${milestone.year} 应早于目标年份 ${indicator.targetYear}`);
    if (milestone.sourceIndex >= indicator.sources.length) problems.push(`阶段目标的 sourceIndex ${milestone.sourceIndex} 超出 sources`);
    previousYear = milestone.year;
  }
  const target = indicator.target;
  if ((target.kind === 'min' || target.kind === 'max') && target.alternatives) {
    for (const alternative of target.alternatives) {
      if (alternative.sourceIndex >= indicator.sources.length) problems.push(`alternatives 的 sourceIndex ${alternative.sourceIndex} 超出 sources`);
    }
  }
  if (target.kind === 'reduction' && target.baseYear >= indicator.targetYear) problems.push('基数年份应早于目标年份');
  if (indicator.range) {
    const { min, max } = indicator.range;
    if (min !== undefined && unit.min !== undefined && min < unit.min) problems.push(`range.min 小于单位${unit.id}的下限`);
    if (max !== undefined && unit.max !== undefined && max > unit.max) problems.push(`range.max 大于单位${unit.id}的上限`);
    if (min !== undefined && max !== undefined && min > max) problems.push('range.min 大于 range.max');
  }
  for (const target of [indicator.target, ...indicator.milestones.map((milestone) => milestone.target)]) {
    const value = 'value' in target && typeof target.value === 'number' ? target.value : undefined;
    if (value !== undefined) {
      const min = indicator.range?.min ?? unit.min;
      const max = indicator.range?.max ?? unit.max;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) problems.push(`目标值 ${value} 超出单位${unit.id}的有效范围`);
      // a plausible range is a data-quality bound: it may never make a target itself implausible
      const plausible = indicator.plausible;
      if (plausible && ((plausible.min !== undefined && value < plausible.min) || (plausible.max !== undefined && value > plausible.max))) problems.push(`目标值 ${value} 不在合理范围（plausible）内：合理范围不得比目标更严`);
    }
  }
  if (indicator.plausible) {
    const { min, max } = indicator.plausible;
    const validMin = indicator.range?.min ?? unit.min;
    const validMax = indicator.range?.max ?? unit.max;
    if (unit.valueKind !== 'number') problems.push('合理范围（plausible）只适用于数值单位');
    if (min === undefined && max === undefined) problems.push('合理范围（plausible）至少要有 min 或 max');
    if (min !== undefined && max !== undefined && min > max) problems.push('plausible.min 大于 plausible.max');
    if (min !== undefined && ((validMin !== undefined && min <= validMin) || (validMax !== undefined && min > validMax))) problems.push('plausible.min 应在有效范围之内且高于其下限');
    if (max !== undefined && ((validMax !== undefined && max >= validMax) || (validMin !== undefined && max < validMin))) problems.push('plausible.max 应在有效范围之内且低于其上限');
  }
  return problems;
}

/** Whether the unit can hold the values a target judges; a problem description when not. */
function unitFitsTarget(target: Target, indicator: Indicator): string | undefined {
  const kind = UNITS[indicator.unit].valueKind;
  switch (target.kind) {
    case 'ratio':
      return kind === 'ratio' ? undefined : '比例目标的单位应为“比例”';
    case 'achieved':
      return kind === 'boolean' ? undefined : '“实现”类目标的单位应为“是/否”';
    case 'qualitative':
      // a qualitative final target may sit on a numeric indicator whose milestones are numeric (农村卫生厕所)
      return kind === 'text' || indicator.milestones.length > 0 ? undefined : '定性目标的单位应为“文字”';
    case 'count':
      return UNITS[indicator.unit].integer ? undefined : '数量目标的单位应为整数单位（名、个、所、家、次、人）';
    default:
      return kind === 'number' ? undefined : `${target.kind} 目标的单位应为数值单位`;
  }
}

/** The indicators of one plan, in catalog order. */
export function indicatorsOf(catalog: Catalog, plan: PlanId): readonly Indicator[] {
  return catalog.plans[plan].indicators;
}

/**
 * A reporting unit as people know it: a body listed by the indicator (县委, 县政府 …), else an organisation's
 * short name (桂山街道, 卫健局); an unknown id is shown as it is.
 */
export function reportingUnitName(catalog: Catalog, unitId: string, indicator?: Indicator): { zh: string; en: string } {
  const listed = indicator?.perUnit?.scope === 'list' ? indicator.perUnit.units.find((unit) => unit.id === unitId) : undefined;
  if (listed) return { zh: listed.name, en: listed.nameEn };
  const organisation = catalog.organisations.find((candidate) => candidate.id === unitId);
  return organisation ? { zh: organisation.shortName, en: organisation.nameEn } : { zh: unitId, en: unitId };
}

/** An entry (an indicator, per unit: for a township or listed body) named as people know it, in both languages. */
export interface EntryPlace {
  readonly indicatorId: string;
  /** The indicator's name; absent for an id the catalog does not know. */
  readonly indicatorName?: { readonly zh: string; readonly en: string };
  readonly unitId?: string;
  readonly unitName?: { readonly zh: string; readonly en: string };
}

/** The place of an entry: what the 检查 and 提交 lists and the endpoint's messages name. */
export function entryPlace(catalog: Catalog, indicatorId: string, unitId?: string): EntryPlace {
  const indicator = catalog.indicators.get(indicatorId);
  return {
    indicatorId,
    ...(indicator ? { indicatorName: { zh: indicator.name, en: indicator.nameEn } } : {}),
    ...(unitId === undefined ? {} : { unitId, unitName: reportingUnitName(catalog, unitId, indicator) }),
  };
}

/** One indicator by id, or `undefined`. */
export function findIndicator(catalog: Catalog, id: string): Indicator | undefined {
  return catalog.indicators.get(id);
}
