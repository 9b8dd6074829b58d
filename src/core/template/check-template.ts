import type { Catalog } from '../catalog/catalog';
import type { Language, Severity } from '../i18n/message';
import { evaluateReport, type ReportResult } from '../report/evaluate-report';
import { readTemplate, reportInputOf, type SheetGrid, type TemplateRead, type TemplateReadOutcome } from './read-template';
import { templateFlags, type TemplateFlags } from './template-flags';

/** A template sheet read back, judged by the engine and turned into cell flags. */
export interface TemplateCheck {
  readonly read: TemplateRead;
  readonly report: ReportResult;
  readonly flags: TemplateFlags;
  /** Counts over the reading problems and the engine's findings together. */
  readonly counts: Readonly<Record<Severity, number>>;
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
  const counts: Record<Severity, number> = { ...report.summary.bySeverity };
  for (const problem of read.problems) counts[problem.severity] += 1;
  return { kind: 'template', check: { read, report, flags: templateFlags(read, report, language), counts } };
}
