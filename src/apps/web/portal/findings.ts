/**
 * The quick check's findings as the task pane's 检查 lists them (src/apps/taskpane/check/findings.ts: the
 * same sections — by category, 领域 or 填报单元 — the same collapsing of one message about several townships
 * into one row). Pure. The web app may not import the pane; when a third user appears, this moves to src/ui.
 */
import { entryPlace, type Catalog } from '../../../core/catalog/catalog';
import type { Bilingual } from '../../../core/i18n/message';
import { collapseRepeats, FINDING_CATEGORIES, type FindingCategory } from '../../../core/report/report-findings';
import type { TemplateCheck } from '../../../core/template/check-template';
import type { TemplateFinding } from '../../../core/template/template-findings';

export interface Finding {
  readonly id: string;
  readonly group: FindingCategory;
  readonly needsNote: boolean;
  readonly address?: string;
  readonly indicatorId?: string;
  readonly indicatorName?: Bilingual;
  readonly unitId?: string;
  readonly unitName?: Bilingual;
  readonly domain?: Bilingual;
  readonly messages: readonly { readonly text: Bilingual; readonly address?: string }[];
  readonly source: TemplateFinding;
}

export interface FindingRow {
  readonly id: string;
  readonly group: FindingCategory;
  readonly findings: readonly Finding[];
}

export const GROUPINGS = ['category', 'domain', 'unit'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface FindingSection {
  readonly key: string;
  readonly category?: FindingCategory;
  readonly title?: Bilingual;
  readonly special?: 'wholeSheet' | 'county';
  readonly count: number;
  readonly rows: readonly FindingRow[];
}

/** The findings of a check with their names, in sheet order. */
export function describeFindings(check: TemplateCheck, catalog: Catalog): Finding[] {
  return check.findings.map((finding, index) => {
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

/** The sections for a grouping: by category every category has one (even empty); otherwise worst first, then sheet order. */
export function sectionsOf(findings: readonly Finding[], grouping: Grouping, catalog: Catalog): FindingSection[] {
  if (grouping === 'category') return FINDING_CATEGORIES.map((category) => sectionOf(category, findings.filter((finding) => finding.group === category), { category }));
  const rank = (finding: Finding) => FINDING_CATEGORIES.indexOf(finding.group);
  const worstFirst = (list: readonly Finding[]) => list.map((finding, index) => ({ finding, index })).sort((a, b) => rank(a.finding) - rank(b.finding) || a.index - b.index).map(({ finding }) => finding);
  const section = (key: string, list: readonly Finding[], extra: Pick<FindingSection, 'title' | 'special'>) => sectionOf(key, worstFirst(list), extra);
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

function sectionOf(key: string, findings: readonly Finding[], extra: Pick<FindingSection, 'category' | 'title' | 'special'>): FindingSection {
  const rows = collapseRepeats(findings, (finding) => finding.source).map((members): FindingRow => {
    const first = members[0] as Finding;
    return { id: first.id, group: first.group, findings: members };
  });
  return { key, ...extra, count: findings.length, rows };
}
