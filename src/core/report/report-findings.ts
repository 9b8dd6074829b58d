/**
 * 问题清单与计数 / The one list of findings of a report and the one set of counts, which the task pane's 检查
 * and 提交, `indicators check` and the server all show, so that the numbers people read agree everywhere.
 *
 * The unit is the **line**: one indicator (× one township or listed body) of the report. Every message about
 * a line — the engine's own, a consistency rule naming it, a problem the sheet reader found in one of its
 * cells — is merged into one finding, and the line is counted once, in the worst of four categories:
 *
 * - `error` 错误: something on the line cannot be right or is missing (it cannot be submitted);
 * - `notMet` 未达标: a due target is missed;
 * - `warning` 预警: a swing, a projected miss, an unusual relation, a missing input … ;
 * - `info` 提示: information only (未到期, a not-available marker with its note, progress text …).
 *
 * A line that only meets its targets is not a finding. Problems that belong to no line (the report's year,
 * the sheet's metadata, an unknown indicator code, a repeated row) are findings of their own, one each.
 * `needsNote` marks a line whose warning still waits for its 说明 (a consistency warning asks it of the first
 * line it names, and is answered by a note on any of them) — exactly what `checkSubmission` requires.
 */
import type { EntryInput, EntryResult, Status } from '../assess/entry';
import { entryKey } from '../assess/entry';
import type { Bilingual, Language, Message, Severity } from '../i18n/message';
import type { ReportResult } from './evaluate-report';

/** The four categories, in the order they are shown. */
export const FINDING_CATEGORIES = ['error', 'notMet', 'warning', 'info'] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

/** What each category is called, everywhere. */
export const CATEGORY_NAMES: Readonly<Record<FindingCategory, Bilingual>> = {
  error: { zh: '错误', en: 'Errors' },
  notMet: { zh: '未达标', en: 'Targets missed' },
  warning: { zh: '预警', en: 'Warnings' },
  info: { zh: '提示', en: 'Notes' },
};

/** A message of a finding; `cell` when a sheet reader found it in a cell of its own. */
export interface FindingMessage extends Message {
  readonly cell?: string;
}

/** A problem a sheet reader found (metadata, a percent format …), placed on a line where it could be. */
export interface SheetProblem extends FindingMessage {
  /** The line (position in the report's input) the problem is about, when it is about one. */
  readonly entryIndex?: number;
  readonly indicatorId?: string;
  readonly unitId?: string;
}

/** One line with something to say, or one problem of the report as a whole. */
export interface ReportFinding {
  /** `line`: one indicator (× reporting unit) of the report; `report`: about the report or sheet, or a row that is no line. */
  readonly kind: 'line' | 'report';
  readonly category: FindingCategory;
  /** A warning on this line still needs its 说明 before the report can be submitted. */
  readonly needsNote: boolean;
  readonly indicatorId?: string;
  readonly unitId?: string;
  /** Position in the report's input: the line's entry, or the entry a report problem is about. */
  readonly entryIndex?: number;
  /** The line's verdict. */
  readonly status?: Status;
  /** The line's 说明, if it has one. */
  readonly note?: string;
  /** Every message, worst first, each once. */
  readonly messages: readonly FindingMessage[];
}

/** The counts every view and program shows. */
export interface ReportCounts {
  /** Lines of the report (entries judged). */
  readonly lines: number;
  /** Lines with something entered in this year's value (a number, a word, a not-available marker). */
  readonly filled: number;
  readonly byStatus: Readonly<Record<Status, number>>;
  /** Findings per category (lines, plus problems of the report as a whole). */
  readonly error: number;
  readonly notMet: number;
  readonly warning: number;
  readonly info: number;
  /** Lines whose warning still needs a 说明. */
  readonly notesRequired: number;
}

/** The message code of "target met": not a finding. */
const MET_CODE = 'assess.met';
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

interface LineDraft {
  readonly entryIndex: number | undefined;
  readonly result: EntryResult;
  readonly messages: FindingMessage[];
  /** It has a warning of its own (or a consistency warning it must answer) that asks for a 说明. */
  noteDuty: boolean;
}

/**
 * Every finding of a report, in the order of its input (problems of the report as a whole first). `entries`:
 * the report's input (it places the lines); `sheetProblems`: what a sheet reader found besides.
 */
export function reportFindings(report: ReportResult, entries: readonly Pick<EntryInput, 'indicatorId' | 'unitId'>[], sheetProblems: readonly SheetProblem[] = []): ReportFinding[] {
  const indexOf = new Map<string, number>();
  entries.forEach((entry, index) => {
    const key = entryKey(entry.indicatorId, entry.unitId);
    if (!indexOf.has(key)) indexOf.set(key, index);
  });
  const lines = new Map<string, LineDraft>();
  for (const result of report.results) {
    const key = entryKey(result.indicatorId, result.unitId);
    const own = result.messages.filter((message) => message.code !== MET_CODE);
    lines.set(key, { entryIndex: indexOf.get(key), result, messages: [...own], noteDuty: result.severity === 'warning' });
  }
  const lineAt = new Map<number, LineDraft>();
  for (const line of lines.values()) if (line.entryIndex !== undefined) lineAt.set(line.entryIndex, line);

  for (const finding of report.consistency) {
    const named = finding.indicatorIds.map((id) => lines.get(entryKey(id, finding.unitId))).filter((line): line is LineDraft => line !== undefined);
    const { code, severity, zh, en } = finding;
    const message: FindingMessage = { code, severity, zh, en, ...(finding.field === undefined ? {} : { field: finding.field }) };
    for (const line of named) line.messages.push(message);
    // an unusual relation is explained by a note on either value; the first value named is asked for it
    const first = named[0];
    if (severity === 'warning' && first && !named.some((line) => line.result.note)) first.noteDuty = true;
  }

  const others: ReportFinding[] = [];
  for (const problem of report.problems) {
    others.push(problemFinding(problem));
  }
  for (const problem of sheetProblems) {
    const line = problem.entryIndex === undefined ? undefined : lineAt.get(problem.entryIndex);
    if (line) {
      line.messages.push(messageOf(problem));
      continue;
    }
    others.push(problemFinding(problem));
  }

  const findings: ReportFinding[] = [...others];
  for (const line of lines.values()) {
    if (line.messages.length === 0) continue;
    const { result } = line;
    const messages = ordered(line.messages);
    const worst = messages[0]?.severity ?? 'info';
    const category: FindingCategory = worst === 'error' ? 'error' : result.status === 'notMet' ? 'notMet' : worst === 'warning' ? 'warning' : 'info';
    findings.push({
      kind: 'line',
      category,
      needsNote: (category === 'notMet' || category === 'warning') && line.noteDuty && !result.note,
      indicatorId: result.indicatorId,
      ...(result.unitId === undefined ? {} : { unitId: result.unitId }),
      ...(line.entryIndex === undefined ? {} : { entryIndex: line.entryIndex }),
      status: result.status,
      ...(result.note === undefined ? {} : { note: result.note }),
      messages,
    });
  }
  // in the order of the input: the report's own problems (no line) first
  return findings.map((finding, order) => ({ finding, order })).sort((a, b) => (a.finding.entryIndex ?? -1) - (b.finding.entryIndex ?? -1) || a.order - b.order).map(({ finding }) => finding);
}

/** The counts of a report and its findings. */
export function countFindings(report: ReportResult, findings: readonly ReportFinding[]): ReportCounts {
  const counts = { error: 0, notMet: 0, warning: 0, info: 0 };
  let notesRequired = 0;
  for (const finding of findings) {
    counts[finding.category] += 1;
    if (finding.needsNote) notesRequired += 1;
  }
  return { lines: report.results.length, filled: report.results.filter(isFilled).length, byStatus: { ...report.summary.byStatus }, ...counts, notesRequired };
}

/** Nothing keeps the report from being submitted: no error, no warning without its 说明. */
export function isSubmittable(counts: ReportCounts): boolean {
  return counts.error === 0 && counts.notesRequired === 0;
}

/** "错误 3 · 未达标 2 · 预警 4 · 提示 6；须填写说明 5": the same sentence in the pane, the CLI and the server's answers. */
export function countsText(counts: ReportCounts, language: Language): string {
  const en = language === 'en-US';
  const parts = FINDING_CATEGORIES.map((category) => `${en ? CATEGORY_NAMES[category].en : CATEGORY_NAMES[category].zh} ${counts[category]}`).join(' · ');
  if (counts.notesRequired === 0) return parts;
  return en ? `${parts}; ${counts.notesRequired} need${counts.notesRequired === 1 ? 's' : ''} a note` : `${parts}；须填写说明 ${counts.notesRequired}`;
}

/** "已填 36/59": lines with this year's value entered, of all lines. */
export function completenessText(counts: Pick<ReportCounts, 'filled' | 'lines'>, language: Language): string {
  return language === 'en-US' ? `Filled ${counts.filled}/${counts.lines}` : `已填 ${counts.filled}/${counts.lines}`;
}

function isFilled(result: EntryResult): boolean {
  // null: something was typed that could not be read
  return result.value === null || result.value.kind !== 'blank';
}

function categoryOf(severity: Severity): FindingCategory {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'info';
}

/** A problem that is not about one line of the sheet (or whose line has nothing else to say) as a finding of its own. */
function problemFinding(problem: SheetProblem): ReportFinding {
  return {
    kind: 'report',
    category: categoryOf(problem.severity),
    needsNote: false,
    ...(problem.indicatorId === undefined ? {} : { indicatorId: problem.indicatorId }),
    ...(problem.unitId === undefined ? {} : { unitId: problem.unitId }),
    ...(problem.entryIndex === undefined ? {} : { entryIndex: problem.entryIndex }),
    messages: [messageOf(problem)],
  };
}

function messageOf(message: FindingMessage): FindingMessage {
  const { code, severity, zh, en, field, cell } = message;
  return { code, severity, zh, en, ...(field === undefined ? {} : { field }), ...(cell === undefined ? {} : { cell }) };
}

/** Worst first, keeping the order within a severity; the same text on the same cell once. */
function ordered(messages: readonly FindingMessage[]): FindingMessage[] {
  const seen = new Set<string>();
  return messages
    .map((message, index) => ({ message, index }))
    .sort((a, b) => RANK[a.message.severity] - RANK[b.message.severity] || a.index - b.index)
    .map(({ message }) => message)
    .filter((message) => {
      const key = `${message.cell ?? message.field ?? ''}\u0000${message.zh}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Findings said the same way about several reporting units of one indicator (未填写本年值 in eight
 * townships) as one group, in the order of their first finding; every other finding a group of one. Lists
 * show a group as one line naming the units (and select the first one's cell); counts still count each line.
 */
export function collapseRepeats<T>(items: readonly T[], findingOf: (item: T) => ReportFinding): T[][] {
  const groups: T[][] = [];
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const finding = findingOf(item);
    if (finding.kind !== 'line' || finding.unitId === undefined || finding.indicatorId === undefined) {
      groups.push([item]);
      continue;
    }
    const key = [finding.category, finding.needsNote, finding.note ?? '', finding.indicatorId, ...finding.messages.map((message) => `${message.code}\u0001${message.zh}`)].join('\u0000');
    const group = byKey.get(key);
    if (group) group.push(item);
    else {
      const created = [item];
      byKey.set(key, created);
      groups.push(created);
    }
  }
  return groups;
}
