/**
 * The findings of a template sheet (src/core/report/report-findings.ts) with their cells: the reader's own
 * problems placed on the line whose cell they are about, every message tied to the cell the sheet's flags
 * use for it, and each finding's first cell — the one 检查 and 提交 select and `indicators check` prints.
 */
import { countFindings, reportFindings, type FindingMessage, type ReportCounts, type ReportFinding, type SheetProblem } from '../report/report-findings';
import type { ReportResult } from '../report/evaluate-report';
import type { TemplateRead } from './read-template';
import { flagCellFor } from './template-flags';

/** A message of a template finding, with its cell when it has one. */
export interface TemplateFindingMessage extends FindingMessage {
  readonly cell?: string;
}

/** A finding of a template sheet: the report's finding, its first cell and every message's cell. */
export interface TemplateFinding extends ReportFinding {
  /** The cell to select (A1): the first message's; absent for a problem of the sheet as a whole. */
  readonly cell?: string;
  readonly messages: readonly TemplateFindingMessage[];
}

/** The findings of a sheet read back and evaluated, in sheet order, and their counts. */
export function templateFindings(read: TemplateRead, report: ReportResult): { readonly findings: readonly TemplateFinding[]; readonly counts: ReportCounts } {
  // a reader's problem in a cell of a line belongs to that line
  const lineOfCell = new Map<string, number>();
  read.entries.forEach((entry, index) => {
    for (const cell of Object.values(entry.cells)) if (cell !== undefined && !lineOfCell.has(cell)) lineOfCell.set(cell, index);
  });
  const sheetProblems: SheetProblem[] = read.problems.map((problem) => {
    const entryIndex = problem.cell === undefined ? undefined : lineOfCell.get(problem.cell);
    return entryIndex === undefined ? problem : { ...problem, entryIndex };
  });
  const found = reportFindings(report, read.entries, sheetProblems);
  const findings = found.map((finding): TemplateFinding => {
    const entry = finding.entryIndex === undefined ? undefined : read.entries[finding.entryIndex];
    const messages = finding.messages.map((message): TemplateFindingMessage => {
      if (message.cell !== undefined || !entry) return message;
      // a problem of the report about an entry (a repeated row, a wrong township) is about its code or unit cell
      const cell = finding.kind === 'report' ? (message.field === 'unit' ? (entry.cells.unitName ?? entry.cells.id) : entry.cells.id) : flagCellFor(entry.cells, message.field);
      return cell === undefined ? message : { ...message, cell };
    });
    const cell = messages.find((message) => message.cell !== undefined)?.cell;
    return { ...finding, ...(cell === undefined ? {} : { cell }), messages };
  });
  return { findings, counts: countFindings(report, findings) };
}
