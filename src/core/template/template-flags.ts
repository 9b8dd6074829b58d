import { entryKey, type EntryResult, type Status } from '../assess/entry';
import type { Language, Message, Severity } from '../i18n/message';
import { textOf } from '../i18n/message';
import type { ReportResult } from '../report/evaluate-report';
import { entriesByKey, FOOTER_PROBLEM_CODES, type EntryCells, type TemplateRead } from './read-template';

/** How a flagged cell is marked: invalid amber, missed target red, other warnings orange. */
export type FlagKind = 'error' | 'notMet' | 'warning';

/** A cell to mark in the sheet, with the note to attach to it. */
export interface CellFlag {
  /** A1 address. */
  readonly address: string;
  readonly kind: FlagKind;
  readonly severity: Severity;
  /** The messages about this cell, one per line, in the requested language. */
  readonly note: string;
  readonly indicatorId?: string;
  readonly unitId?: string;
}

/** The status of a row, for hosts that cannot draw conditional formats (ExcelApi 1.1): filled directly. */
export interface StatusCell {
  readonly address: string;
  readonly kind: 'met' | 'notMet' | 'notYetDue' | 'error';
}

/** Everything to draw into a sheet after a check. */
export interface TemplateFlags {
  readonly flags: readonly CellFlag[];
  readonly statusCells: readonly StatusCell[];
}

const RANK: Record<FlagKind, number> = { warning: 0, notMet: 1, error: 2 };

/**
 * Turns the engine's verdict on a template read back into cell flags: every message lands on the cell it
 * is about (the value, the note, the previous value …), several messages on one cell become one note, and
 * the worst decides the colour. Pure: the add-in's workbook adapter draws them, the CLI prints them.
 */
export function templateFlags(read: TemplateRead, report: ReportResult, language: Language = 'zh-CN'): TemplateFlags {
  const byAddress = new Map<string, { kind: FlagKind; severity: Severity; lines: string[]; indicatorId?: string; unitId?: string }>();
  const add = (address: string | undefined, kind: FlagKind, severity: Severity, message: Pick<Message, 'zh' | 'en'>, indicatorId?: string, unitId?: string) => {
    if (!address) return;
    const existing = byAddress.get(address);
    const line = textOf(message, language);
    if (!existing) {
      byAddress.set(address, { kind, severity, lines: [line], ...(indicatorId ? { indicatorId } : {}), ...(unitId ? { unitId } : {}) });
      return;
    }
    if (!existing.lines.includes(line)) existing.lines.push(line);
    if (RANK[kind] > RANK[existing.kind]) existing.kind = kind;
    if (severity === 'error' || (severity === 'warning' && existing.severity === 'info')) existing.severity = severity;
  };
  const entryOf = entriesByKey(read);

  for (const problem of read.problems) {
    // a blank 填表人 or 联系电话 is only a 提示, but its cell is marked so the blank line is seen
    if (problem.severity === 'info' && !FOOTER_PROBLEM_CODES.has(problem.code)) continue;
    add(problem.cell, problem.severity === 'error' ? 'error' : 'warning', problem.severity, problem, problem.indicatorId, problem.unitId);
  }
  for (const problem of report.problems) {
    if (problem.severity === 'info' || problem.entryIndex === undefined) continue;
    const entry = read.entries[problem.entryIndex];
    if (!entry) continue;
    const address = problem.field === 'unit' ? (entry.cells.unitName ?? entry.cells.id) : entry.cells.id;
    add(address, problem.severity === 'error' ? 'error' : 'warning', problem.severity, problem, entry.indicatorId, entry.unitId);
  }
  const statusCells: StatusCell[] = [];
  for (const result of report.results) {
    const entry = entryOf.get(entryKey(result.indicatorId, result.unitId));
    if (!entry) continue;
    const status = statusKind(result.status);
    if (status && entry.cells.status) statusCells.push({ address: entry.cells.status, kind: status });
    if (result.severity === 'info') continue;
    for (const message of result.messages) {
      if (message.severity === 'info') continue;
      const kind: FlagKind = message.severity === 'error' ? 'error' : isMiss(message, result) ? 'notMet' : 'warning';
      add(flagCellFor(entry.cells, message.field), kind, message.severity, message, result.indicatorId, result.unitId);
    }
  }
  for (const finding of report.consistency) {
    if (finding.severity === 'info') continue;
    for (const indicatorId of finding.indicatorIds) {
      const entry = entryOf.get(entryKey(indicatorId, finding.unitId));
      add(entry?.cells.value, finding.severity === 'error' ? 'error' : 'warning', finding.severity, finding, indicatorId, finding.unitId);
    }
  }
  const flags = [...byAddress].map(([address, flag]) => ({
    address,
    kind: flag.kind,
    severity: flag.severity,
    note: flag.lines.join('\n'),
    ...(flag.indicatorId ? { indicatorId: flag.indicatorId } : {}),
    ...(flag.unitId ? { unitId: flag.unitId } : {}),
  }));
  return { flags, statusCells };
}

function statusKind(status: Status): StatusCell['kind'] | undefined {
  if (status === 'met') return 'met';
  if (status === 'notMet') return 'notMet';
  if (status === 'notYetDue') return 'notYetDue';
  if (status === 'invalid') return 'error';
  return undefined;
}

function isMiss(message: Message, result: EntryResult): boolean {
  return result.status === 'notMet' && message.code.startsWith('assess.not');
}

/** The cell a message about an entry's field lands on (the value cell when the field has no cell of its own). */
export function flagCellFor(cells: EntryCells, field: Message['field']): string | undefined {
  switch (field) {
    case 'note':
      return cells.note ?? cells.value;
    case 'previous':
      return cells.previous ?? cells.value;
    case 'baseline':
      return cells.baseline ?? cells.value;
    case 'other':
      return cells.other ?? cells.value;
    case 'unit':
      return cells.unitName ?? cells.id;
    case 'indicator':
      return cells.id;
    default:
      return cells.value;
  }
}
