/**
 * What 检查 found, as the pane lists it. Pure (no React, no Office.js).
 *
 * The findings and their counts are the core's (src/core/template/template-findings.ts), the same that 提交,
 * `indicators check` and the server show: one finding per line of the sheet (indicator × township or body)
 * with its messages merged, counted once in the worst of 错误 / 未达标 / 预警 / 提示. Their names and the
 * sections of the list — by category (the default), by 领域 or by 填报单元, the same message about several
 * townships of one indicator as one row — are the core's too (src/core/report/finding-sections.ts), shared
 * with the web portal's quick check. Here: the summary the pane shows and `problemCells`, the order
 * "下一个问题" walks through.
 */
import type { Catalog } from '../../../core/catalog/catalog';
import { textOf, type Bilingual, type Language } from '../../../core/i18n/message';
import { nameFindings, type NamedFinding } from '../../../core/report/finding-sections';
import { FINDING_CATEGORIES, isSubmittable, type FindingCategory, type ReportCounts } from '../../../core/report/report-findings';
import { parseCellAddress } from '../../../core/template/cell-address';
import type { TemplateCheck } from '../../../core/template/check-template';

export { GROUPINGS, type FindingRow, type FindingSection, type FindingText, type Grouping } from '../../../core/report/finding-sections';

/** The four categories, in the order the pane shows them. */
export const FINDING_GROUPS = FINDING_CATEGORIES;
export type FindingGroup = FindingCategory;

/** A text in both languages (the core's messages, catalog names). */
export type BilingualText = Bilingual;

/** One line of the sheet with something to say (or a problem of the sheet as a whole), with its names. */
export type Finding = NamedFinding;

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
  const findings = nameFindings(check.findings, catalog);
  const problems = findings.filter((finding) => finding.group !== 'info' && finding.address !== undefined).map((finding) => finding.address as string);
  const problemCells = [...new Set(problems)].sort(bySheetPosition);
  return { findings, counts: check.counts, clear: isSubmittable(check.counts), problemCells };
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
