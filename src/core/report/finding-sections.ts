/**
 * The findings of a check as lists show them (the task pane's 检查, the web portal's quick check): each with
 * the names people read (indicator, township, 领域), laid out in sections — by category (the default), by
 * 领域 or by 填报单元 — where the same message about several townships of one indicator (未填写本年值 in
 * eight townships) is one row naming them (`collapseRepeats`). The findings and their counts are those of
 * report-findings.ts: a section counts lines, as everywhere. Pure.
 */
import { entryPlace, type Catalog } from '../catalog/catalog';
import type { Bilingual } from '../i18n/message';
import { collapseRepeats, FINDING_CATEGORIES, type FindingCategory, type ReportFinding } from './report-findings';

/** A finding placed in a sheet: its first cell (src/core/template/template-findings.ts gives one). */
export interface PlacedFinding extends ReportFinding {
  /** The cell to select (A1); absent for a problem of the sheet as a whole. */
  readonly cell?: string;
}

/** One message of a finding; `address` when it is about another cell than the finding's first. */
export interface FindingText {
  readonly text: Bilingual;
  readonly address?: string;
}

/** One line of the sheet with something to say (or a problem of the sheet as a whole), with its names. */
export interface NamedFinding {
  /** Unique within one check (a React key). */
  readonly id: string;
  readonly group: FindingCategory;
  /** A warning that still needs its 说明. */
  readonly needsNote: boolean;
  /** A1 address of the cell to select, when the finding is about one. */
  readonly address?: string;
  readonly indicatorId?: string;
  /** The indicator's name from the catalog (absent for an unknown code). */
  readonly indicatorName?: Bilingual;
  /** The township or listed body, for per-unit indicators. */
  readonly unitId?: string;
  readonly unitName?: Bilingual;
  /** The indicator's 领域. */
  readonly domain?: Bilingual;
  /** Every message, worst first. */
  readonly messages: readonly FindingText[];
  /** The core's finding it shows. */
  readonly source: PlacedFinding;
}

/** A row of a list: one finding, or the same finding about several reporting units of one indicator. */
export interface FindingRow {
  readonly id: string;
  readonly group: FindingCategory;
  /** At least one; a row of several names every unit and selects the first one's cell. */
  readonly findings: readonly NamedFinding[];
}

/** How a list is cut into sections. */
export const GROUPINGS = ['category', 'domain', 'unit'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** One section of a list: a category, a 领域 or a 填报单元, with the findings (lines) it holds. */
export interface FindingSection {
  readonly key: string;
  /** The category of a section by category (its colour); absent for the other groupings. */
  readonly category?: FindingCategory;
  /** The name of a 领域 or 填报单元 (a category's name comes from the view's strings). */
  readonly title?: Bilingual;
  /** The section of findings about the sheet as a whole, or of county-level lines (by 填报单元). */
  readonly special?: 'wholeSheet' | 'county';
  /** Findings (lines) in it; rows may hold several. */
  readonly count: number;
  readonly rows: readonly FindingRow[];
}

/** The findings of a check with their names from the catalog, in the order given (sheet order). */
export function nameFindings(findings: readonly PlacedFinding[], catalog: Catalog): NamedFinding[] {
  return findings.map((finding, index) => {
    const indicator = finding.indicatorId === undefined ? undefined : catalog.indicators.get(finding.indicatorId);
    const place = finding.indicatorId === undefined ? {} : entryPlace(catalog, finding.indicatorId, finding.unitId);
    const domain = indicator ? catalog.plans[indicator.plan].domains.find((candidate) => candidate.name === indicator.domain) : undefined;
    const address = finding.cell;
    return {
      id: `${finding.category}:${address ?? '-'}:${index}`,
      group: finding.category,
      needsNote: finding.needsNote,
      ...(address === undefined ? {} : { address }),
      ...place,
      ...(domain ? { domain: { zh: domain.name, en: domain.nameEn } } : {}),
      messages: finding.messages.map((message) => ({ text: { zh: message.zh, en: message.en }, ...(message.cell === undefined || message.cell === address ? {} : { address: message.cell }) })),
      source: finding,
    };
  });
}

/**
 * The sections of a list for a grouping; by category every category has a section, even an empty one; by
 * 领域 or 填报单元 the rows of a section go worst first, then in sheet order.
 */
export function findingSections(findings: readonly NamedFinding[], grouping: Grouping, catalog: Catalog): FindingSection[] {
  if (grouping === 'category') {
    return FINDING_CATEGORIES.map((category) => sectionOf(category, findings.filter((finding) => finding.group === category), { category }));
  }
  // within a 领域 or a 填报单元: what to fix first (错误, 未达标, 预警, then 提示), each in sheet order
  const rank = (finding: NamedFinding) => FINDING_CATEGORIES.indexOf(finding.group);
  const worstFirst = (list: readonly NamedFinding[]) => list.map((finding, index) => ({ finding, index })).sort((a, b) => rank(a.finding) - rank(b.finding) || a.index - b.index).map(({ finding }) => finding);
  const section = (key: string, list: readonly NamedFinding[], extra: Pick<FindingSection, 'title' | 'special'>) => sectionOf(key, worstFirst(list), extra);
  const sheetWide = findings.filter((finding) => finding.indicatorId === undefined || (grouping === 'domain' ? finding.domain === undefined : false));
  const sections: FindingSection[] = [];
  if (sheetWide.length > 0) sections.push(section('sheet', sheetWide, { special: 'wholeSheet' }));
  const rest = findings.filter((finding) => !sheetWide.includes(finding));
  if (grouping === 'domain') {
    const domains: Bilingual[] = [];
    for (const finding of rest) if (finding.domain && !domains.some((domain) => domain.zh === finding.domain?.zh)) domains.push(finding.domain);
    for (const domain of domains) sections.push(section(`domain:${domain.zh}`, rest.filter((finding) => finding.domain?.zh === domain.zh), { title: domain }));
    return sections;
  }
  const county = rest.filter((finding) => finding.unitId === undefined);
  if (county.length > 0) sections.push(section('county', county, { special: 'county' }));
  const order = new Map(catalog.organisations.map((organisation, index) => [organisation.id, index]));
  const units = [...new Set(rest.filter((finding) => finding.unitId !== undefined).map((finding) => finding.unitId as string))];
  units.sort((a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER));
  for (const unitId of units) {
    const inUnit = rest.filter((finding) => finding.unitId === unitId);
    sections.push(section(`unit:${unitId}`, inUnit, { title: inUnit[0]?.unitName ?? { zh: unitId, en: unitId } }));
  }
  return sections;
}

function sectionOf(key: string, findings: readonly NamedFinding[], extra: Pick<FindingSection, 'category' | 'title' | 'special'>): FindingSection {
  const rows = collapseRepeats(findings, (finding) => finding.source).map((members): FindingRow => {
    const first = members[0] as NamedFinding;
    return { id: first.id, group: first.group, findings: members };
  });
  return { key, ...extra, count: findings.length, rows };
}
