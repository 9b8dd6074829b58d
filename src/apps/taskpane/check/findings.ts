/**
 * What 检查 found, as the pane lists it. Pure (no React, no Office.js).
 *
 * The findings and their counts are the core's (src/core/template/template-findings.ts), the same that 提交,
 * `indicators check` and the server show: one finding per line of the sheet (indicator × township or body)
 * with its messages merged, counted once in the worst of 错误 / 未达标 / 预警 / 提示. Here they get the names
 * people read (indicator, township, domain), and are laid out in sections — by category (the default), by
 * 领域 or by 填报单元 — where the same message about several townships of one indicator (未填写本年值 in
 * eight townships) is one row naming them. `problemCells` is the order "下一个问题" walks through.
 */
import { entryPlace, type Catalog } from '../../../core/catalog/catalog';
import { textOf, type Bilingual, type Language } from '../../../core/i18n/message';
import { collapseRepeats, FINDING_CATEGORIES, isSubmittable, type FindingCategory, type ReportCounts } from '../../../core/report/report-findings';
import { parseCellAddress } from '../../../core/template/cell-address';
import type { TemplateCheck } from '../../../core/template/check-template';
import type { TemplateFinding } from '../../../core/template/template-findings';

/** The four categories, in the order the pane shows them. */
export const FINDING_GROUPS = FINDING_CATEGORIES;
export type FindingGroup = FindingCategory;

/** A text in both languages (the core's messages, catalog names). */
export type BilingualText = Bilingual;

/** One message of a finding; `address` when it is about another cell than the finding's first. */
export interface FindingText {
  readonly text: BilingualText;
  readonly address?: string;
}

/** One line of the sheet with something to say (or a problem of the sheet as a whole). */
export interface Finding {
  /** Unique within one check (a React key). */
  readonly id: string;
  readonly group: FindingGroup;
  /** A warning that still needs its 说明. */
  readonly needsNote: boolean;
  /** A1 address of the cell to select, when the finding is about one. */
  readonly address?: string;
  readonly indicatorId?: string;
  /** The indicator's name from the catalog (absent for an unknown code). */
  readonly indicatorName?: BilingualText;
  /** The township or listed body, for per-unit indicators. */
  readonly unitId?: string;
  readonly unitName?: BilingualText;
  /** The indicator's 领域. */
  readonly domain?: BilingualText;
  /** Every message, worst first. */
  readonly messages: readonly FindingText[];
  /** The core's finding it shows. */
  readonly source: TemplateFinding;
}

/** A row of a list: one finding, or the same finding about several reporting units of one indicator. */
export interface FindingRow {
  readonly id: string;
  readonly group: FindingGroup;
  /** At least one; a row of several names every unit and selects the first one's cell. */
  readonly findings: readonly Finding[];
}

/** How the list is cut into sections. */
export const GROUPINGS = ['category', 'domain', 'unit'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** One section of the list: a category, a 领域 or a 填报单元, with the findings (lines) it holds. */
export interface FindingSection {
  readonly key: string;
  /** The category of a section by category (its colour); absent for the other groupings. */
  readonly category?: FindingGroup;
  /** The name of a 领域 or 填报单元 (a category's name comes from the view's strings). */
  readonly title?: BilingualText;
  /** The section of findings about the sheet as a whole, or of county-level lines (by 填报单元). */
  readonly special?: 'wholeSheet' | 'county';
  /** Findings (lines) in it; rows may hold several. */
  readonly count: number;
  readonly rows: readonly FindingRow[];
}

/** The findings of one check, their counts and the cells to walk through. */
export interface CheckSummary {
  readonly findings: readonly Finding[];
  /** The core's counts: the same in 提交, `indicators check` and the server's answers. */
  readonly counts: ReportCounts;
  /** Nothing to fix or explain: no error, no warning without its 说明 (提示 and explained misses may remain). */
  readonly clear: boolean;
  /** The cells of every 错误, 未达标 and 预警, in sheet order, each once: what "下一个问题" walks through. */
  readonly problemCells: readonly string[];
}

/** The findings of a check with their names, in sheet order. */
export function checkFindings(check: TemplateCheck, catalog: Catalog): CheckSummary {
  const findings = check.findings.map((finding, index) => describe(finding, index, catalog));
  const problems = findings.filter((finding) => finding.group !== 'info' && finding.address !== undefined).map((finding) => finding.address as string);
  const problemCells = [...new Set(problems)].sort(bySheetPosition);
  return { findings, counts: check.counts, clear: isSubmittable(check.counts), problemCells };
}

/**
 * The sections of the list for a grouping; by category every category has a section, even an empty one; by
 * 领域 or 填报单元 the rows of a section go worst first, then in sheet order.
 */
export function sectionsOf(summary: CheckSummary, grouping: Grouping, catalog: Catalog): FindingSection[] {
  const { findings } = summary;
  if (grouping === 'category') {
    return FINDING_GROUPS.map((category) => sectionOf(category, findings.filter((finding) => finding.group === category), { category }));
  }
  // within a 领域 or a 填报单元: what to fix first (错误, 未达标, 预警, then 提示), each in sheet order
  const rank = (finding: Finding) => FINDING_GROUPS.indexOf(finding.group);
  const worstFirst = (list: readonly Finding[]) => list.map((finding, index) => ({ finding, index })).sort((a, b) => rank(a.finding) - rank(b.finding) || a.index - b.index).map(({ finding }) => finding);
  const section = (key: string, list: readonly Finding[], extra: Pick<FindingSection, 'title' | 'special'>) => sectionOf(key, worstFirst(list), extra);
  const sheetWide = findings.filter((finding) => finding.indicatorId === undefined || (grouping === 'domain' ? finding.domain === undefined : false));
  const sections: FindingSection[] = [];
  if (sheetWide.length > 0) sections.push(section('sheet', sheetWide, { special: 'wholeSheet' }));
  const rest = findings.filter((finding) => !sheetWide.includes(finding));
  if (grouping === 'domain') {
    const domains: BilingualText[] = [];
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

/** The problem cell after `after` in sheet order (the first one when `after` is absent or the last), or undefined when there is none. */
export function nextProblemCell(summary: Pick<CheckSummary, 'problemCells'>, after?: string): { readonly address: string; readonly position: number } | undefined {
  const cells = summary.problemCells;
  if (cells.length === 0) return undefined;
  const later = after === undefined ? 0 : cells.findIndex((cell) => bySheetPosition(cell, after) > 0);
  const position = later < 0 ? 0 : later; // past the last one: from the top again
  return { address: cells[position] as string, position };
}

/** A bilingual text in the pane's language. */
export function inLanguage(text: BilingualText, language: Language): string {
  return textOf(text, language);
}

function describe(finding: TemplateFinding, index: number, catalog: Catalog): Finding {
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
}

function sectionOf(key: string, findings: readonly Finding[], extra: Pick<FindingSection, 'category' | 'title' | 'special'>): FindingSection {
  const rows = collapseRepeats(findings, (finding) => finding.source).map((members): FindingRow => {
    const first = members[0] as Finding;
    return { id: first.id, group: first.group, findings: members };
  });
  return { key, ...extra, count: findings.length, rows };
}

function bySheetPosition(a: string, b: string): number {
  const pa = position(a);
  const pb = position(b);
  return pa.row - pb.row || pa.column - pb.column;
}

function position(address: string): { row: number; column: number } {
  try {
    return parseCellAddress(address);
  } catch {
    return { row: -1, column: -1 };
  }
}
