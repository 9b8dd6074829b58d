/**
 * What 检查 found, as rows for people to read: one row per message per cell, with the indicator, the
 * reporting unit, the cell and the message in both languages, put into the four groups of the task pane —
 * 错误 / 未达标 / 波动预警 / 提示. Pure (no React, no Office.js): the Check view lists them, the Submit view can
 * reuse them for its pre-flight.
 *
 * The mapping, from the core's verdicts (the same the sheet's flags are drawn from, src/core/template/template-flags.ts):
 * - `error` (错误): every message of severity error — unreadable or impossible values (invalid), required
 *   values missing, consistency errors, reading problems (unknown code, damaged metadata …);
 * - `notMet` (未达标): a warning that a due target is missed (`assess.notMet`) on an entry whose status is
 *   notMet — the cells the sheet fills red;
 * - `warning` (波动预警): every other warning — strong year-over-year swings, projected misses (达标预警),
 *   unusual relations, a missing previous value …;
 * - `info` (提示): messages of severity info (qualitative targets, not-available markers, a future target not
 *   reached yet — `assess.notYetDue` 未到期, which needs no note …), except the plain "target met"
 *   confirmation, which is not a finding. In an interim year the early warnings (达标预警, swings) are what
 *   needs a note.
 */
import { entryPlace, type Catalog } from '../../../core/catalog/catalog';
import { entryKey, type Status } from '../../../core/assess/entry';
import { textOf, type Field, type Language, type Message, type Severity } from '../../../core/i18n/message';
import { parseCellAddress } from '../../../core/template/cell-address';
import type { TemplateCheck } from '../../../core/template/check-template';
import { entriesByKey, type ReadEntry } from '../../../core/template/read-template';
import { flagCellFor } from '../../../core/template/template-flags';

/** The four groups, in the order the pane shows them. */
export const FINDING_GROUPS = ['error', 'notMet', 'warning', 'info'] as const;
export type FindingGroup = (typeof FINDING_GROUPS)[number];

/** A text in both languages (the core's messages, catalog names). */
export interface BilingualText {
  readonly zh: string;
  readonly en: string;
}

/** One row of the list: a message about one cell (or about the sheet as a whole, without a cell). */
export interface Finding {
  /** Unique within one check (a React key). */
  readonly id: string;
  readonly group: FindingGroup;
  readonly severity: Severity;
  /** The core's stable message code (`value.outOfRange`, `warning.swing` …). */
  readonly code: string;
  readonly field?: Field;
  /** A1 address of the cell the message is about, when it is about one. */
  readonly address?: string;
  readonly indicatorId?: string;
  /** The indicator's name from the catalog (absent for an unknown code). */
  readonly indicatorName?: BilingualText;
  /** The township or listed body, for per-unit indicators. */
  readonly unitId?: string;
  readonly unitName?: BilingualText;
  readonly message: BilingualText;
}

/** The findings of one check by group, in sheet order, with counts. */
export interface GroupedFindings {
  readonly groups: Readonly<Record<FindingGroup, readonly Finding[]>>;
  readonly counts: Readonly<Record<FindingGroup, number>>;
  readonly total: number;
  /** Nothing to fix or explain: no 错误, no 未达标, no 波动预警 (提示 may remain). */
  readonly clear: boolean;
}

/** The message code the "target met" confirmation has: not listed. */
const MET_CODE = 'assess.met';

/** The group of one message of the core (`status`: the entry's, for messages about an entry). */
export function findingGroupOf(message: Pick<Message, 'severity' | 'code'>, status?: Status): FindingGroup {
  if (message.severity === 'error') return 'error';
  if (message.severity === 'info') return 'info';
  // the same rule the sheet's flags use for their red "missed" colour
  return status === 'notMet' && message.code.startsWith('assess.not') ? 'notMet' : 'warning';
}

/** Every finding of a check, in sheet order (sheet-wide ones first), without repeats. */
export function collectFindings(check: TemplateCheck, catalog: Catalog): Finding[] {
  const { read, report } = check;
  const drafts: Omit<Finding, 'id'>[] = [];
  const about = (indicatorId: string | undefined, unitId: string | undefined) => (indicatorId === undefined ? {} : entryPlace(catalog, indicatorId, unitId));
  const add = (message: Message, group: FindingGroup, address: string | undefined, indicatorId?: string, unitId?: string) => {
    drafts.push({
      group,
      severity: message.severity,
      code: message.code,
      ...(message.field === undefined ? {} : { field: message.field }),
      ...(address === undefined ? {} : { address }),
      ...about(indicatorId, unitId),
      message: { zh: message.zh, en: message.en },
    });
  };

  for (const problem of read.problems) add(problem, findingGroupOf(problem), problem.cell, problem.indicatorId, problem.unitId);
  for (const problem of report.problems) {
    const entry: ReadEntry | undefined = problem.entryIndex === undefined ? undefined : read.entries[problem.entryIndex];
    const address = entry ? (problem.field === 'unit' ? (entry.cells.unitName ?? entry.cells.id) : entry.cells.id) : undefined;
    add(problem, findingGroupOf(problem), address, problem.indicatorId ?? entry?.indicatorId, problem.unitId ?? entry?.unitId);
  }
  const entryOf = entriesByKey(read);
  for (const result of report.results) {
    const entry = entryOf.get(entryKey(result.indicatorId, result.unitId));
    for (const message of result.messages) {
      if (message.code === MET_CODE) continue;
      add(message, findingGroupOf(message, result.status), entry ? flagCellFor(entry.cells, message.field) : undefined, result.indicatorId, result.unitId);
    }
  }
  for (const finding of report.consistency) {
    for (const indicatorId of finding.indicatorIds) {
      const entry = entryOf.get(entryKey(indicatorId, finding.unitId));
      add(finding, findingGroupOf(finding), entry?.cells.value, indicatorId, finding.unitId);
    }
  }

  const seen = new Set<string>();
  const unique = drafts.filter((draft) => {
    const key = `${draft.group}\u0000${draft.address ?? ''}\u0000${draft.indicatorId ?? ''}\u0000${draft.unitId ?? ''}\u0000${draft.message.zh}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((draft, index) => ({ draft, index, at: position(draft.address) }))
    .sort((a, b) => a.at.row - b.at.row || a.at.column - b.at.column || a.index - b.index)
    .map(({ draft, index }) => ({ id: `${draft.group}:${draft.address ?? '-'}:${draft.code}:${index}`, ...draft }));
}

/** Findings into the four groups, keeping their order. */
export function groupFindings(findings: readonly Finding[]): GroupedFindings {
  const groups: Record<FindingGroup, Finding[]> = { error: [], notMet: [], warning: [], info: [] };
  for (const finding of findings) groups[finding.group].push(finding);
  const counts = { error: groups.error.length, notMet: groups.notMet.length, warning: groups.warning.length, info: groups.info.length };
  return { groups, counts, total: findings.length, clear: counts.error + counts.notMet + counts.warning === 0 };
}

/** collectFindings, then groupFindings. */
export function checkFindings(check: TemplateCheck, catalog: Catalog): GroupedFindings {
  return groupFindings(collectFindings(check, catalog));
}

/** A bilingual text in the pane's language. */
export function inLanguage(text: BilingualText, language: Language): string {
  return textOf(text, language);
}

function position(address: string | undefined): { row: number; column: number } {
  if (address === undefined) return { row: -1, column: -1 };
  try {
    return parseCellAddress(address);
  } catch {
    return { row: -1, column: -1 };
  }
}
