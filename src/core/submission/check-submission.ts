import { entryPlace, type Catalog } from '../catalog/catalog';
import { entryKey, type EntryInput } from '../assess/entry';
import type { Field, Severity } from '../i18n/message';
import type { PlanId } from '../catalog/indicator-schema';
import { evaluateReport, type ReportResult } from '../report/evaluate-report';
import { countFindings, reportFindings, type ReportCounts } from '../report/report-findings';

/**
 * What the core needs of a submission: plan, year, organisation and the values as typed. The wire document
 * (the contract layer's submission document) is one; the core does not depend on its schema.
 */
export interface SubmissionInput {
  readonly plan: PlanId;
  readonly year: number;
  readonly organisationId: string;
  readonly values: readonly EntryInput[];
}

/** One thing that stops a submission, tied to the entry it is about (as the API reports it). */
export interface SubmissionFinding {
  /** Position of the entry in `values`, when the finding is about one entry. */
  readonly entryIndex?: number;
  /** The cell (A1) of an uploaded template the finding is about. */
  readonly cell?: string;
  readonly indicatorId?: string;
  readonly unitId?: string;
  readonly field?: Field;
  readonly code: string;
  readonly severity: Severity;
  /** zh-CN, for the person who filled the template. */
  readonly message: string;
  readonly messageEn: string;
  /** The message without the entry it is about (for a client that shows the indicator and township apart). */
  readonly detail?: { readonly zh: string; readonly en: string };
}

/** The engine's verdict on a submission and what keeps it from being accepted. */
export interface SubmissionCheck {
  readonly report: ReportResult;
  /** Errors: the submission cannot be accepted as it is. */
  readonly errors: readonly SubmissionFinding[];
  /** Warnings (target missed, strong swing, projected miss, unusual relation) that carry no 说明 yet. */
  readonly notesRequired: readonly SubmissionFinding[];
  /** True when nothing stops the submission. */
  readonly acceptable: boolean;
  /**
   * The counts by line (src/core/report/report-findings.ts): what the pane, `indicators check` and the
   * server's answers show. `errors` and `notesRequired` above list messages for programs; these count lines.
   */
  readonly counts: ReportCounts;
}

/** The entries of a submission as the engine takes them (the client's `parsed` is ignored on purpose). */
export function submissionEntries(submission: Pick<SubmissionInput, 'values'>): EntryInput[] {
  return submission.values.map((value) => ({
    indicatorId: value.indicatorId,
    ...(value.unitId === undefined ? {} : { unitId: value.unitId }),
    value: value.value,
    ...(value.note == null ? {} : { note: value.note }),
    ...(value.previous === undefined ? {} : { previous: value.previous }),
    ...(value.baseline === undefined ? {} : { baseline: value.baseline }),
    ...(value.other === undefined ? {} : { other: value.other }),
  }));
}

/**
 * Re-parses and re-assesses a submission with the engine and lists what stops it: every error, and every
 * warning whose entry has no 说明 (联网直报: a value that misses a target or swings strongly is accepted only
 * with an explanation). The add-in runs this before sending; the server runs it again on what it receives.
 */
export function checkSubmission(
  catalog: Catalog,
  submission: SubmissionInput,
  /** The engine's input when it is richer than the JSON submission (an .xlsx cell can hold a date/time). */
  entries: readonly EntryInput[] = submissionEntries(submission),
): SubmissionCheck {
  const report = evaluateReport(catalog, { plan: submission.plan, year: submission.year, organisationId: submission.organisationId, entries });
  const indexOf = new Map<string, number>();
  submission.values.forEach((value, index) => {
    const key = entryKey(value.indicatorId, value.unitId);
    if (!indexOf.has(key)) indexOf.set(key, index);
  });
  const errors: SubmissionFinding[] = [];
  const notesRequired: SubmissionFinding[] = [];
  for (const problem of report.problems) {
    errors.push(finding(problem, problem.entryIndex, problem.indicatorId, problem.unitId));
  }
  for (const result of report.results) {
    const entryIndex = indexOf.get(entryKey(result.indicatorId, result.unitId));
    if (result.severity === 'error') {
      for (const message of result.messages.filter((item) => item.severity === 'error')) {
        const found = finding(message, entryIndex, result.indicatorId, result.unitId);
        const at = place(catalog, result.indicatorId, result.unitId);
        errors.push({ ...found, message: `${at.zh}：${found.message}`, messageEn: `${at.en}: ${found.messageEn}`, detail: { zh: found.message, en: found.messageEn } });
      }
    } else if (result.severity === 'warning' && !result.note) {
      const warnings = result.messages.filter((item) => item.severity === 'warning');
      const at = place(catalog, result.indicatorId, result.unitId);
      notesRequired.push({
        ...finding(warnings[0] ?? { code: 'note.required', severity: 'warning', zh: '', en: '' }, entryIndex, result.indicatorId, result.unitId),
        field: 'note',
        message: `${at.zh} 须填写说明：${warnings.map((item) => item.zh).join('；')}`,
        messageEn: `${at.en} needs a note: ${warnings.map((item) => item.en).join('; ')}`,
        detail: { zh: warnings.map((item) => item.zh).join('；'), en: warnings.map((item) => item.en).join('; ') },
      });
    }
  }
  const noted = new Set(report.results.filter((result) => result.note).map((result) => entryKey(result.indicatorId, result.unitId)));
  for (const item of report.consistency) {
    if (item.severity === 'error') {
      errors.push(finding(item, indexOf.get(entryKey(item.indicatorIds[0] ?? '', item.unitId)), item.indicatorIds.join('/'), item.unitId));
    } else if (item.severity === 'warning' && !item.indicatorIds.some((id) => noted.has(entryKey(id, item.unitId)))) {
      // an unusual relation between two values is explained by a note on either of them
      const both = item.indicatorIds.map((id) => place(catalog, id, item.unitId));
      notesRequired.push({
        ...finding(item, indexOf.get(entryKey(item.indicatorIds[0] ?? '', item.unitId)), item.indicatorIds.join('/'), item.unitId),
        field: 'note',
        message: `${both.map((at) => at.zh).join('、')}中至少一项须填写说明：${item.zh}`,
        messageEn: `${both.map((at) => at.en).join(', ')}: one of them needs a note: ${item.en}`,
        detail: { zh: item.zh, en: item.en },
      });
    }
  }
  const counts = countFindings(report, reportFindings(report, submission.values));
  return { report, errors, notesRequired, acceptable: errors.length === 0 && notesRequired.length === 0, counts };
}

/** An entry as people know it: "指标 C-HEA-09 适龄儿童免疫规划疫苗接种率（桂山街道）". */
function place(catalog: Catalog, indicatorId: string, unitId: string | undefined): { zh: string; en: string } {
  const { indicatorName, unitName } = entryPlace(catalog, indicatorId, unitId);
  return {
    zh: `指标 ${indicatorId}${indicatorName ? ` ${indicatorName.zh}` : ''}${unitName ? `（${unitName.zh}）` : ''}`,
    en: `Indicator ${indicatorId}${indicatorName ? ` ${indicatorName.en}` : ''}${unitName ? ` (${unitName.en})` : ''}`,
  };
}

function finding(
  message: { code: string; severity: Severity; field?: Field; zh: string; en: string },
  entryIndex: number | undefined,
  indicatorId: string | undefined,
  unitId: string | undefined,
): SubmissionFinding {
  return {
    ...(entryIndex === undefined ? {} : { entryIndex }),
    ...(indicatorId === undefined ? {} : { indicatorId }),
    ...(unitId === undefined ? {} : { unitId }),
    ...(message.field === undefined ? {} : { field: message.field }),
    code: message.code,
    severity: message.severity,
    message: message.zh,
    messageEn: message.en,
  };
}
