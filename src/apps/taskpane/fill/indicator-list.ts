/**
 * What the Fill view lists under the choices: the indicators an organisation reports for a plan and year —
 * the same lines the template gets (the core's `templateLines`, which `buildTemplate` uses), one entry per
 * indicator with its rows counted, its target for the year as the template writes it (`targetText`), its
 * sources and the catalog's notes. Pure: unit-tested against `buildTemplate`'s own rows.
 */
import { type Catalog } from '../../../core/catalog/catalog';
import type { Indicator, Note, PlanId, Source } from '../../../core/catalog/indicator-schema';
import { isTownship, type Organisation } from '../../../core/catalog/organisation-schema';
import { UNITS } from '../../../core/catalog/units';
import { targetsForYear } from '../../../core/assess/targets-for-year';
import { targetText } from '../../../core/template/build-template';
import { templateLines } from '../../../core/template/template-rows';
import type { Language } from '../../../core/i18n/message';

/** How much of an indicator's governing targets the plan leaves unquantified (qualitative: never judged). */
export type NotJudged = 'none' | 'some' | 'all';

/** One indicator as the Fill view lists it, texts in the requested language. */
export interface FillIndicator {
  readonly id: string;
  readonly indicator: Indicator;
  readonly name: string;
  readonly unit: string;
  /** The targets governing the reporting year, exactly as in the template's 目标 column (※ when flagged). */
  readonly target: string;
  /** The template rows of this indicator for the organisation (1, or one per township / listed body). */
  readonly rows: number;
  /** For per-unit indicators: which unit a row is (township, listed body) and the units this organisation fills. */
  readonly perUnit?: {
    readonly scope: 'township' | 'list';
    readonly label: string;
    readonly units: readonly string[];
    /** A township filling its own row of a per-township indicator. */
    readonly ownRowOnly: boolean;
  };
  readonly notJudged: NotJudged;
  /** Notes the person must see: the plan is vague (ambiguity) or contradicts itself (conflict). */
  readonly warnings: readonly Note[];
  /** The other notes (interpretation, source errors, unit conventions), shown with the sources. */
  readonly otherNotes: readonly Note[];
  readonly sources: readonly Source[];
}

/** The indicators of one plan's domain, in the template's order. */
export interface FillDomain {
  readonly name: string;
  readonly indicators: readonly FillIndicator[];
}

export interface FillIndicatorList {
  readonly domains: readonly FillDomain[];
  /** Distinct indicators. */
  readonly indicatorCount: number;
  /** Template rows (per-unit indicators count once per unit). */
  readonly rowCount: number;
}

export interface FillListRequest {
  readonly plan: PlanId;
  readonly year: number;
  /** Absent: every indicator of the plan (the all-indicator template). */
  readonly organisation?: Organisation;
  readonly language: Language;
}

/** The indicators an organisation (or, without one, everybody) reports for a plan and year, grouped by domain. */
export function fillIndicatorList(catalog: Catalog, request: FillListRequest): FillIndicatorList {
  const { plan, year, organisation, language } = request;
  const zh = language === 'zh-CN';
  const planCatalog = catalog.plans[plan];
  const domainNames = new Map(planCatalog.domains.map((domain) => [domain.name, zh ? domain.name : domain.nameEn]));
  const lines = templateLines(catalog, plan, organisation);

  // lines of one indicator are consecutive (templateLines emits an indicator's units together)
  const byIndicator = new Map<string, { indicator: Indicator; units: string[] }>();
  for (const line of lines) {
    const entry = byIndicator.get(line.indicator.id) ?? { indicator: line.indicator, units: [] };
    if (line.unit) entry.units.push(zh ? line.unit.name : line.unit.nameEn);
    byIndicator.set(line.indicator.id, entry);
  }

  const domains: { name: string; indicators: FillIndicator[] }[] = [];
  for (const { indicator, units } of byIndicator.values()) {
    const domainName = domainNames.get(indicator.domain) ?? indicator.domain;
    let domain = domains[domains.length - 1];
    if (!domain || domain.name !== domainName) {
      domain = { name: domainName, indicators: [] };
      domains.push(domain);
    }
    domain.indicators.push(describe(indicator, units, year, language, planCatalog.defaults, organisation));
  }
  return { domains, indicatorCount: byIndicator.size, rowCount: lines.length };
}

function describe(
  indicator: Indicator,
  units: readonly string[],
  year: number,
  language: Language,
  defaults: Catalog['plans']['women']['defaults'],
  organisation: Organisation | undefined,
): FillIndicator {
  const zh = language === 'zh-CN';
  const perUnit = indicator.perUnit;
  const checks = targetsForYear(indicator, year);
  const qualitative = checks.filter((check) => check.target.kind === 'qualitative').length;
  return {
    id: indicator.id,
    indicator,
    name: zh ? indicator.name : indicator.nameEn,
    unit: zh ? indicator.unit : UNITS[indicator.unit].nameEn,
    target: targetText(indicator, year, language, defaults),
    rows: Math.max(1, units.length),
    ...(perUnit
      ? {
          perUnit: {
            scope: perUnit.scope,
            label: zh ? perUnit.label : perUnit.labelEn,
            units,
            ownRowOnly: perUnit.scope === 'township' && organisation !== undefined && isTownship(organisation),
          },
        }
      : {}),
    notJudged: qualitative === 0 ? 'none' : qualitative === checks.length ? 'all' : 'some',
    warnings: indicator.notes.filter((note) => note.kind === 'ambiguity' || note.kind === 'conflict'),
    otherNotes: indicator.notes.filter((note) => note.kind !== 'ambiguity' && note.kind !== 'conflict'),
    sources: indicator.sources,
  };
}

/** How many indicators each organisation reports for a plan (by id), for the organisation picker. */
export function indicatorCounts(catalog: Catalog, plan: PlanId): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const organisation of catalog.organisations) {
    counts.set(organisation.id, new Set(templateLines(catalog, plan, organisation).map((line) => line.indicator.id)).size);
  }
  return counts;
}
