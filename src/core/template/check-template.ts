import type { Catalog } from '../catalog/catalog';
import type { Language } from '../i18n/message';
import { evaluateReport, type ReportResult } from '../report/evaluate-report';
import type { ReportCounts } from '../report/report-findings';
import { readTemplate, reportInputOf, type SheetGrid, type TemplateRead, type TemplateReadOutcome } from './read-template';
import { templateFindings, type TemplateFinding } from './template-findings';
import { templateFlags, type TemplateFlags } from './template-flags';

/** A template sheet read back, judged by the engine and turned into cell flags. */
export interface TemplateCheck {
  readonly read: TemplateRead;
  readonly report: ReportResult;
  readonly flags: TemplateFlags;
  /** One finding per line with something to say (messages merged), and per problem of the sheet as a whole. */
  readonly findings: readonly TemplateFinding[];
  /** The counts 检查, 提交, `indicators check` and the server all show (src/core/report/report-findings.ts). */
  readonly counts: ReportCounts;
}

/** Reads, evaluates and flags one sheet: what the add-in's 检查 and `indicators check` both run. */
export function checkTemplate(
  grid: SheetGrid,
  catalog: Catalog,
  language: Language = 'zh-CN',
): { readonly kind: 'template'; readonly check: TemplateCheck } | Extract<TemplateReadOutcome, { kind: 'notTemplate' }> {
  const outcome = readTemplate(grid, catalog);
  if (outcome.kind === 'notTemplate') return outcome;
  const read = outcome.read;
  const report = evaluateReport(catalog, reportInputOf(read));
  const { findings, counts } = templateFindings(read, report);
  return { kind: 'template', check: { read, report, flags: templateFlags(read, report, language), findings, counts } };
}
