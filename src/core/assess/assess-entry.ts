import Big from 'big.js';
import type { CatalogDefaults } from '../catalog/catalog-schema';
import type { Indicator } from '../catalog/indicator-schema';
import type { Target } from '../catalog/target-schema';
import { UNITS } from '../catalog/units';
import { FIELD_LABELS, type Field, type Message, type Severity } from '../i18n/message';
import type { CellValue, RawCell } from '../parse/cell-value';
import { parseCell } from '../parse/parse-cell';
import { plausibilityCheck, validateValue } from '../rules/validate-value';
import { projectionWarning, type Observation } from '../warnings/projection';
import { swingWarning } from '../warnings/swing';
import { approxTolerance, describeTarget } from './describe-target';
import type { EntryInput, EntryResult, Status, TargetVerdict } from './entry';
import { formatDifference, formatDifferenceEn, formatQuantity, formatQuantityEn } from './format-quantity';
import { judgeTarget, type JudgeInputs, type MissingInput } from './judge-target';
import { extraInputOf, isRecurring, previousKind, targetsForYear, type TargetCheck } from './targets-for-year';

/** What an assessment needs beside the entry: the reporting year and the catalog's defaults. */
export interface AssessContext {
  readonly year: number;
  readonly defaults: CatalogDefaults;
}

type Parsed = { value: CellValue | null; errors: Message[] };

/**
 * Parses, validates and assesses one entry against the targets that govern the reporting year,
 * direction-aware (a mortality rate under its ceiling meets it) and exact at the boundary; adds the
 * early warnings (strong swing, projected miss) and says everything in zh-CN and en-US.
 */
export function assessEntry(indicator: Indicator, input: EntryInput, context: AssessContext): EntryResult {
  const year = context.year;
  const note = input.note?.trim() ? input.note.trim() : undefined;
  const previousLabel = previousKind(indicator) === 'previousTerm' ? { zh: '上届值', en: 'previous term\'s value' } : undefined;
  // an absent value (a JSON entry without "value") is a blank cell, not a crash
  const value = read(indicator, input.value ?? null, 'value');
  const previous = read(indicator, input.previous, 'previous', previousLabel);
  const baseline = read(indicator, input.baseline, 'baseline');
  const other = read(indicator, input.other, 'other');
  const base: ResultBase = {
    indicatorId: indicator.id,
    unitId: input.unitId,
    year,
    value: value.value,
    previous: input.previous === undefined ? undefined : previous.value,
    baseline: input.baseline === undefined ? undefined : baseline.value,
    other: input.other === undefined ? undefined : other.value,
    note,
  };
  const errors = [...value.errors, ...previous.errors, ...baseline.errors, ...other.errors];
  if (errors.length > 0) return result(base, 'invalid', errors, NO_TARGETS);
  const current = value.value as CellValue;
  if (current.kind === 'blank') return result(base, 'noData', [missingValue(indicator)], NO_TARGETS);
  if (current.kind === 'notAvailable') {
    // a qualitative item is optional: "无" there says "nothing to report", not a missing figure
    if (UNITS[indicator.unit].valueKind === 'text') return result(base, 'noData', [missingValue(indicator)], NO_TARGETS);
    if (!note) return result(base, 'invalid', [noteRequired(current.marker)], NO_TARGETS);
    return result(base, 'noData', [{ code: 'value.notAvailable', severity: 'info', field: 'value', zh: `已标注“${current.marker}”（无数据/不适用），说明：${note}`, en: `Marked "${current.marker}" (not available), with the note: ${note}` }], NO_TARGETS);
  }
  if (current.kind === 'text') {
    return result(base, 'notAssessable', [{ code: 'assess.qualitative', severity: 'info', field: 'value', zh: '定性目标：已记录进展情况，不作达标判定', en: 'Qualitative target: progress recorded, not judged' }], NO_TARGETS);
  }
  // outside the catalog's plausible range: an error, unless the 说明 confirms this very value
  const plausibility = plausibilityCheck(indicator, current, note);
  if (plausibility.some((message) => message.severity === 'error')) return result(base, 'invalid', plausibility, NO_TARGETS);

  const inputs: JudgeInputs = {
    value: current,
    ...(usable(previous.value) ? { previous: previous.value } : {}),
    ...(usable(baseline.value) ? { baseline: baseline.value } : {}),
    ...(usable(other.value) ? { other: other.value } : {}),
  };
  const checks = targetsForYear(indicator, year);
  const verdicts: TargetVerdict[] = [];
  const messages: Message[] = [];
  const missing = new Set<MissingInput>();
  const unjudged: TargetVerdict[] = [];
  for (const check of checks) {
    const verdict = judgeTarget(check.target, inputs, context.defaults);
    const described: TargetVerdict = { year: check.year, role: check.role, description: describeTarget(check.target, indicator, context.defaults), outcome: verdict.outcome };
    if (verdict.outcome === 'notAssessable') {
      if (verdict.missing) missing.add(verdict.missing);
      else unjudged.push(described);
    }
    verdicts.push(described);
  }
  const status = overallStatus(verdicts);
  messages.push(verdictMessage(indicator, inputs, status, verdicts, checks, year, context.defaults));
  if (status === 'met') {
    const ahead = upcomingShortfall(indicator, inputs, verdicts, checks, year, context.defaults);
    if (ahead) messages.push(ahead);
  }
  for (const field of missing) messages.push(missingInput(indicator, field, checks.find((c) => extraInputOf(c.target) === field)?.target));
  for (const verdict of unjudged) {
    messages.push({ code: 'assess.unquantifiedTarget', severity: 'info', field: 'value', zh: `${verdict.year}年目标“${verdict.description.zh}”无法按数值判定，需人工评估`, en: `The ${verdict.year} target "${verdict.description.en}" cannot be judged on a number; assess it by hand` });
  }
  messages.push(...alternativeMessages(indicator, inputs, checks, context));
  messages.push(...plausibility);
  if (current.kind === 'number') messages.push(...earlyWarnings(indicator, current.value, inputs.previous, checks, year, context.defaults));
  return result(base, status, messages, verdicts);
}

type ResultBase = Pick<EntryResult, 'indicatorId' | 'unitId' | 'year' | 'value' | 'previous' | 'baseline' | 'other' | 'note'>;

/** The result object, built in one go (this is the hot path of a million-cell check); absent inputs stay absent. */
const NO_TARGETS: readonly TargetVerdict[] = Object.freeze([]);

function result(base: ResultBase, status: Status, messages: Message[], targets: readonly TargetVerdict[]): EntryResult {
  let severity: Severity = status === 'notMet' ? 'warning' : 'info';
  for (const message of messages) if (message.severity === 'error' || (message.severity === 'warning' && severity === 'info')) severity = message.severity;
  const entry: { -readonly [K in keyof EntryResult]: EntryResult[K] } = { indicatorId: base.indicatorId, year: base.year, status, severity, value: base.value, targets, messages };
  if (base.unitId !== undefined) entry.unitId = base.unitId;
  if (base.previous !== undefined) entry.previous = base.previous;
  if (base.baseline !== undefined) entry.baseline = base.baseline;
  if (base.other !== undefined) entry.other = base.other;
  if (base.note !== undefined) entry.note = base.note;
  return entry;
}

function read(indicator: Indicator, raw: RawCell, field: Field, label?: { zh: string; en: string }): Parsed {
  if (raw === undefined) return { value: null, errors: [] };
  const outcome = parseCell(raw, UNITS[indicator.unit], field);
  if (!outcome.ok) return { value: null, errors: [relabel(outcome.message, field, label)] };
  const problems = validateValue(indicator, outcome.value, field);
  if (problems.length === 0) return { value: outcome.value, errors: problems };
  const errors: Message[] = [];
  for (const problem of problems) if (problem.severity === 'error') errors.push(relabel(problem, field, label));
  return { value: outcome.value, errors };
}

function relabel(message: Message, field: Field, label?: { zh: string; en: string }): Message {
  if (!label) return message;
  const generic = FIELD_LABELS[field];
  return { ...message, zh: message.zh.replace(generic.zh, label.zh), en: message.en.replace(generic.en, label.en) };
}

function usable(value: CellValue | null): value is CellValue {
  return value !== null && value.kind !== 'blank' && value.kind !== 'notAvailable';
}

/**
 * The due targets decide: one missed is 未达标, else one met is 达标. Only when no target is due yet does the
 * upcoming one speak: met already (达标), or not yet (未到期, `notYetDue`). Unjudgeable targets do not decide.
 */
function overallStatus(verdicts: readonly TargetVerdict[]): Status {
  let due: Status | undefined;
  let upcoming: Status | undefined;
  for (const verdict of verdicts) {
    if (verdict.outcome === 'notAssessable') continue;
    if (verdict.role === 'due') {
      if (verdict.outcome === 'notMet') return 'notMet';
      due = 'met';
    } else upcoming = verdict.outcome === 'met' ? 'met' : 'notYetDue';
  }
  return due ?? upcoming ?? 'notAssessable';
}

function verdictMessage(indicator: Indicator, inputs: JudgeInputs, status: Status, verdicts: readonly TargetVerdict[], checks: readonly TargetCheck[], year: number, defaults: CatalogDefaults): Message {
  const value = inputs.value;
  const shown = value.kind === 'number' ? formatQuantity(value.text, indicator.unit) : value.kind === 'boolean' || value.kind === 'ratio' ? value.text : '';
  const shownEn = value.kind === 'number' ? formatQuantityEn(value.text, indicator.unit) : shown;
  const decisive = decisiveVerdict(verdicts, status);
  if (status === 'notAssessable' || !decisive) {
    return { code: 'assess.notAssessable', severity: 'info', field: 'value', zh: `本年值${shown}：目标无法判定`, en: `This year's value ${shownEn}: the target cannot be judged` };
  }
  const yearly = isRecurring(indicator) && decisive.year === year;
  const target = yearly ? `目标${decisive.description.zh}（每年均须达到）` : `${decisive.year}年目标${decisive.description.zh}`;
  const targetEn = yearly ? `the target ${decisive.description.en} (due every year)` : `the ${decisive.year} target ${decisive.description.en}`;
  if (status === 'met') {
    return { code: 'assess.met', severity: 'info', field: 'value', zh: `达标：本年值${shown}，${target}`, en: `Met: this year's value ${shownEn}, ${targetEn}` };
  }
  if (status === 'notMet') {
    const late = decisive.year < year ? `（${decisive.year}年已到期）` : '';
    return { code: 'assess.notMet', severity: 'warning', field: 'value', zh: `未达标：本年值${shown}，未达到${target}${late}`, en: `Not met: this year's value ${shownEn} misses ${targetEn}` };
  }
  const left = decisive.year - year;
  const check = checks.find((item) => item.role === 'upcoming');
  const gap = check ? gapTo(check.target, inputs, indicator, defaults) : undefined;
  return {
    code: 'assess.notYetDue',
    severity: 'info',
    field: 'value',
    zh: `未到目标年份：本年值${shown}，距${target}${gap ? `尚差${gap.zh}` : '尚未达到'}（距目标年份还有${left}年，不计为未达标）`,
    en: `Not yet due: this year's value ${shownEn} is ${gap ? `${gap.en} short of` : 'not yet at'} ${targetEn} (${left} ${left === 1 ? 'year' : 'years'} left; not counted as a miss)`,
  };
}

/** A due target is met and the next one is not reached yet: say how far it is (information, not a miss). */
function upcomingShortfall(indicator: Indicator, inputs: JudgeInputs, verdicts: readonly TargetVerdict[], checks: readonly TargetCheck[], year: number, defaults: CatalogDefaults): Message | undefined {
  const verdict = verdicts.find((item) => item.role === 'upcoming' && item.outcome === 'notMet');
  const check = checks.find((item) => item.role === 'upcoming');
  if (!verdict || !check) return undefined;
  const gap = gapTo(check.target, inputs, indicator, defaults);
  const left = verdict.year - year;
  return {
    code: 'assess.upcomingNotYetMet',
    severity: 'info',
    field: 'value',
    zh: `距${verdict.year}年目标${verdict.description.zh}${gap ? `尚差${gap.zh}` : '尚未达到'}（还有${left}年）`,
    en: `${gap ? `${gap.en} short of` : 'Not yet at'} the ${verdict.year} target ${verdict.description.en} (${left} ${left === 1 ? 'year' : 'years'} left)`,
  };
}

/**
 * How far a value is from a numeric target it does not meet: to the floor (min, count), the ceiling (max),
 * the band (左右) or the reduced base-year value; undefined where no distance means anything (ratios, trends).
 */
export function gapTo(target: Target, inputs: JudgeInputs, indicator: Indicator, defaults: CatalogDefaults): { zh: string; en: string } | undefined {
  if (inputs.value.kind !== 'number') return undefined;
  const value = new Big(inputs.value.value);
  let threshold: Big | undefined;
  switch (target.kind) {
    case 'min':
    case 'count':
      threshold = new Big(target.value);
      break;
    case 'max':
      threshold = new Big(target.value);
      break;
    case 'approx': {
      const tolerance = approxTolerance(target, defaults);
      threshold = value.lt(target.value) ? new Big(target.value).minus(tolerance) : target.sides === 'both' ? new Big(target.value).plus(tolerance) : undefined;
      break;
    }
    case 'reduction':
      if (inputs.baseline?.kind === 'number') threshold = new Big(inputs.baseline.value).times(new Big(100).minus(target.percent)).div(100);
      break;
    default:
      threshold = undefined;
  }
  if (threshold === undefined) return undefined;
  const distance = Number(value.minus(threshold).abs().toFixed(6));
  if (distance === 0) return undefined;
  return { zh: formatDifference(distance, indicator.unit), en: formatDifferenceEn(distance, indicator.unit) };
}

/** The verdict a message names: the first miss, or else the latest target met. */
function decisiveVerdict(verdicts: readonly TargetVerdict[], status: Status): TargetVerdict | undefined {
  if (status === 'notMet' || status === 'notYetDue') {
    for (const verdict of verdicts) if (verdict.outcome === 'notMet') return verdict;
    return undefined;
  }
  for (let i = verdicts.length - 1; i >= 0; i -= 1) if (verdicts[i]?.outcome === 'met') return verdicts[i];
  return undefined;
}

function missingValue(indicator: Indicator): Message {
  const unit = UNITS[indicator.unit];
  if (unit.valueKind === 'text') {
    return { code: 'value.blankQualitative', severity: 'info', field: 'value', zh: '未填写进展情况（定性目标，可不填）', en: 'No progress described (qualitative target; optional)' };
  }
  return {
    code: 'value.missing',
    severity: 'error',
    field: 'value',
    zh: `未填写本年值：应填写${unit.expectZh}；确无数据时填“—”并在说明中注明原因`,
    en: `This year's value is missing: enter ${unit.expectEn}, or "—" with a note saying why there is no data`,
  };
}

function noteRequired(marker: string): Message {
  return {
    code: 'note.requiredForNotAvailable',
    severity: 'error',
    field: 'note',
    zh: `本年值标注为“${marker}”（无数据/不适用），须在说明栏注明原因`,
    en: `This year's value is marked "${marker}" (not available): say why in the note`,
  };
}

function missingInput(indicator: Indicator, field: MissingInput, target: Target | undefined): Message {
  const term = previousKind(indicator) === 'previousTerm';
  const what =
    field === 'previous'
      ? term ? { zh: '上届值', en: 'the previous term\'s value' } : { zh: '上年值', en: 'last year\'s value' }
      : field === 'baseline'
        ? { zh: `${target?.kind === 'reduction' ? target.baseYear : ''}年基期值`, en: `the ${target?.kind === 'reduction' ? target.baseYear : ''} base-year value` }
        : { zh: target?.kind === 'relative' ? `比较值（${target.other}）` : '比较值', en: target?.kind === 'relative' ? `the comparison value (${target.otherEn})` : 'the comparison value' };
  return {
    code: `assess.missing.${field}`,
    severity: 'warning',
    field,
    zh: `无法判定是否达标：请填写${what.zh}`,
    en: `Cannot judge the target: enter ${what.en}`,
  };
}

/** Where the plan states the same target with another number, say how that number would judge the value. */
function alternativeMessages(indicator: Indicator, inputs: JudgeInputs, checks: ReturnType<typeof targetsForYear>, context: AssessContext): Message[] {
  const messages: Message[] = [];
  for (const check of checks) {
    const target = check.target;
    if ((target.kind !== 'min' && target.kind !== 'max') || !target.alternatives) continue;
    const main = judgeTarget(target, inputs, context.defaults).outcome;
    for (const alternative of target.alternatives) {
      const other = judgeTarget({ ...target, value: alternative.value }, inputs, context.defaults).outcome;
      if (other === main || other === 'notAssessable') continue;
      const source = indicator.sources[alternative.sourceIndex];
      const where = source ? `${source.part}${source.item ? `第${source.item}条` : ''}` : '规划另处';
      const quantity = formatQuantity(alternative.value, indicator.unit);
      messages.push({
        code: 'assess.conflictingTarget',
        severity: 'info',
        field: 'value',
        zh: `注意：规划${where}中该目标为${quantity}，按该值则${other === 'met' ? '达标' : '未达标'}（规划前后不一致，本系统按主要目标判定）`,
        en: `Note: the plan's ${source?.part ?? 'text'} states ${formatQuantityEn(alternative.value, indicator.unit)} for this target, under which the value is ${other === 'met' ? 'met' : 'not met'} (the plan is inconsistent; the main goal is used)`,
      });
    }
  }
  return messages;
}

function earlyWarnings(
  indicator: Indicator,
  value: number,
  previous: CellValue | undefined,
  checks: ReturnType<typeof targetsForYear>,
  year: number,
  defaults: CatalogDefaults,
): Message[] {
  if (previousKind(indicator) === 'previousTerm') return [];
  const messages: Message[] = [];
  const last = previous?.kind === 'number' ? previous.value : undefined;
  if (last !== undefined) {
    const swing = swingWarning(indicator, value, last, defaults);
    if (swing) messages.push(swing);
  }
  let upcoming: TargetCheck | undefined;
  for (const check of checks) if (check.role === 'upcoming') upcoming = check;
  if (!upcoming) return messages;
  const observations: Observation[] = [];
  for (const b of indicator.baseline) {
    // a baseline for last year gives way to the reported previous value, but counts when none was reported
    if (b.year >= 2020 && b.year < year && !(last !== undefined && b.year === year - 1)) observations.push({ year: b.year, value: b.value });
  }
  if (last !== undefined) observations.push({ year: year - 1, value: last });
  observations.push({ year, value });
  const projection = projectionWarning(indicator, upcoming, observations, defaults);
  if (projection) messages.push(projection);
  return messages;
}

