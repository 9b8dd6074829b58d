import type { CatalogDefaults } from '../catalog/catalog-schema';
import type { Indicator } from '../catalog/indicator-schema';
import type { Target } from '../catalog/target-schema';
import { UNITS } from '../catalog/units';
import { approxTolerance } from '../assess/describe-target';
import { extraInputOf, previousKind, targetsForYear } from '../assess/targets-for-year';
import { validRange } from '../rules/validate-value';
import { NOT_AVAILABLE_MARKERS, NO_WORDS, YES_WORDS } from '../parse/parse-cell';
import type { Language } from '../i18n/message';
import { STATUS_WORDS, type StatusWord } from './template-columns';

/** Where the inputs of one template row are, as relative A1 references ("L5"). */
export interface RowReferences {
  readonly value: string;
  readonly note: string;
  readonly previous?: string;
  readonly baseline?: string;
  readonly other?: string;
}

/**
 * The 达标情况 formula of one template row: a native spreadsheet formula (en-US function names, as stored
 * in .xlsx and taken by the add-in's `range.formulas`) that judges the row's value against the targets governing the
 * reporting year, direction-aware, exactly as the engine does, so a bare .xlsx shows 达标/未达标 in Excel,
 * WPS and LibreOffice without the add-in.
 *
 * It uses only functions every one of them has (no LET, no regular expressions). Where a cell holds
 * something the formula cannot read but the engine may (full-width digits, "1,234", "95.2％"), it says
 * 待核对 rather than guess; the add-in and `indicators check` give the verdict then. Derived thresholds
 * (base × 80%, target ± tolerance, ratios) are compared after rounding to 9 decimals, so binary noise
 * cannot flip a value that sits exactly on the boundary.
 */
export function statusFormula(indicator: Indicator, year: number, defaults: CatalogDefaults, refs: RowReferences, language: Language = 'zh-CN'): string {
  const f = new FormulaWriter(indicator, year, defaults, refs, STATUS_WORDS[language]);
  return `=${f.formula()}`;
}

/** Writes the formula of one row; each method returns an expression. */
class FormulaWriter {
  private readonly percent: boolean;
  private readonly extras: readonly string[];

  constructor(
    private readonly indicator: Indicator,
    private readonly year: number,
    private readonly defaults: CatalogDefaults,
    private readonly refs: RowReferences,
    private readonly words: Readonly<Record<StatusWord, string>>,
  ) {
    this.percent = indicator.unit === '%';
    this.extras = [refs.previous, refs.baseline, refs.other].filter((ref): ref is string => ref !== undefined);
  }

  formula(): string {
    const v = this.refs.value;
    const unit = UNITS[this.indicator.unit];
    // the engine's order: unreadable or out-of-range inputs first, then blank, then "no data", then targets
    const notAvailable =
      unit.valueKind === 'text' ? this.word('noData') : `IF(TRIM(${this.refs.note}&"")="",${this.word('invalid')},${this.word('noData')})`;
    let judged: string;
    switch (unit.valueKind) {
      case 'text':
        judged = this.word('qualitative');
        break;
      case 'boolean':
        judged = this.booleanJudgement();
        break;
      case 'ratio':
        judged = this.ratioJudgement();
        break;
      case 'number': {
        const n = this.number(v);
        judged = `IF(ISERROR(${n}),${this.word('unreadable')},IF(${this.outOfRange(n)},${this.word('invalid')},${this.numberJudgement(n)}))`;
        break;
      }
    }
    let formula = `IF(TRIM(${v}&"")="","",IF(${listed(`TRIM(${v}&"")`, NOT_AVAILABLE_MARKERS)},${notAvailable},${judged}))`;
    // an extra input that is filled must be readable and in range, or the engine calls the row invalid
    // (blank or a marker there means missing; past this check "not a number" means exactly that)
    if (this.extras.length > 0) {
      const unreadable = this.extras.map((ref) => `AND(NOT(${missing(ref)}),ISERROR(${this.number(ref)}))`);
      const outOfRange = this.extras.map((ref) => `IF(${this.absent(ref)},FALSE(),${this.outOfRange(this.number(ref))})`);
      formula = `IF(OR(${unreadable.join(',')}),${this.word('unreadable')},IF(OR(${outOfRange.join(',')}),${this.word('invalid')},${formula}))`;
    }
    return formula;
  }

  private word(key: StatusWord): string {
    return `"${this.words[key]}"`;
  }

  /**
   * An extra input without a number: blank, or (once unreadable ones have been refused) a marker such as
   * "—". Blank is tested on its own: some engines read "" as 0 in arithmetic.
   */
  private absent(ref: string): string {
    return `OR(TRIM(${ref}&"")="",ISERROR(${this.number(ref)}))`;
  }

  /**
   * The number in a cell: its text read as a number (a trailing % dropped for % units). A number cell turns
   * into its own text and back (typed values are short decimals), so one short expression serves numbers,
   * numbers stored as text and pasted text alike.
   */
  private number(ref: string): string {
    return this.percent ? `--SUBSTITUTE(TRIM(${ref}&""),"%","")` : `--TRIM(${ref}&"")`;
  }

  private outOfRange(number: string): string {
    const { min, max } = validRange(this.indicator);
    const tests: string[] = [];
    if (min !== undefined) tests.push(`${number}<${literal(min)}`);
    if (max !== undefined) tests.push(`${number}>${literal(max)}`);
    if (UNITS[this.indicator.unit].integer) tests.push(`${number}<>INT(${number})`);
    return tests.length === 0 ? 'FALSE()' : `OR(${tests.join(',')})`;
  }

  /**
   * The engine's rule (assess-entry's overallStatus): a due target missed is 未达标, else one met is 达标;
   * with no due target judged, the upcoming one says 达标 or 未到期; else why nothing could be judged.
   */
  private combine(checks: readonly { check: string; role: 'due' | 'upcoming' }[], unjudged: string): string {
    if (checks.length === 0) return unjudged;
    const due = checks.filter((item) => item.role === 'due').map((item) => item.check);
    const upcoming = checks.filter((item) => item.role === 'upcoming').map((item) => item.check);
    let formula = unjudged;
    for (const check of upcoming) formula = `IF(${check}=1,${this.word('met')},IF(${check}=0,${this.word('notYetDue')},${formula}))`;
    if (due.length > 0) {
      formula = `IF(OR(${due.map((c) => `${c}=0`).join(',')}),${this.word('notMet')},IF(OR(${due.map((c) => `${c}=1`).join(',')}),${this.word('met')},${formula}))`;
    }
    return formula;
  }

  private numberJudgement(n: string): string {
    const checks = targetsForYear(this.indicator, this.year);
    return this.combine(
      checks.map((check) => ({ check: this.numberCheck(check.target, n), role: check.role })),
      this.missingLabel(checks.map((check) => check.target)),
    );
  }

  /** 1 met, 0 not met, "" not judged (an input it needs is missing, or it has no criterion). */
  private numberCheck(target: Target, n: string): string {
    const met = (condition: string) => `IF(${condition},1,0)`;
    const needing = (ref: string | undefined, condition: (other: string) => string) =>
      ref === undefined ? '""' : `IF(${this.absent(ref)},"",${met(condition(this.number(ref)))})`;
    switch (target.kind) {
      case 'min':
        return met(`${n}${target.strict ? '>' : '>='}${literal(target.value)}`);
      case 'max':
        return met(`${n}${target.strict ? '<' : '<='}${literal(target.value)}`);
      case 'count':
        return met(`${n}>=${literal(target.value)}`);
      case 'approx': {
        const tolerance = literal(approxTolerance(target, this.defaults));
        return target.sides === 'both'
          ? met(`ROUND(ABS(${n}-${literal(target.value)}),9)<=${tolerance}`)
          : met(`ROUND(${n}-${literal(target.value)},9)>=-${tolerance}`);
      }
      case 'reduction':
        return needing(this.refs.baseline, (base) => `ROUND(${n}*100-(${base})*${literal(100 - target.percent)},9)<=0`);
      case 'increase':
        return needing(this.refs.previous, (previous) => `${n}>${previous}`);
      case 'decrease':
        return needing(this.refs.previous, (previous) => `${n}<${previous}`);
      case 'notBelowPrevious':
        return needing(this.refs.previous, (previous) => `${n}>=${previous}`);
      case 'relative':
        return needing(this.refs.other, (other) => `${n}${target.comparator}${other}`);
      case 'ratio':
      case 'achieved':
      case 'qualitative':
        return '""';
    }
  }

  private missingLabel(targets: readonly Target[]): string {
    const needed = new Set(targets.map(extraInputOf));
    const labels: [string, string][] = [];
    const { previous, baseline, other } = this.refs;
    if (needed.has('previous') && previous) labels.push([previous, this.word(previousKind(this.indicator) === 'previousTerm' ? 'missingPreviousTerm' : 'missingPrevious')]);
    if (needed.has('baseline') && baseline) labels.push([baseline, this.word('missingBaseline')]);
    if (needed.has('other') && other) labels.push([other, this.word('missingOther')]);
    let label = this.word('notJudged');
    for (const [ref, text] of labels.reverse()) label = `IF(${this.absent(ref)},${text},${label})`;
    return label;
  }

  private booleanJudgement(): string {
    const v = this.refs.value;
    const text = `TRIM(${v}&"")`;
    const achieved = targetsForYear(this.indicator, this.year).some((check) => check.target.kind === 'achieved');
    const check = targetsForYear(this.indicator, this.year).find((item) => item.target.kind === 'achieved');
    const missed = check?.role === 'upcoming' ? this.word('notYetDue') : this.word('notMet');
    const judged = achieved ? `IF(${listed(text, YES_WORDS)},${this.word('met')},${missed})` : this.word('notJudged');
    // a logical TRUE/FALSE reads as "TRUE"/"FALSE", which the engine takes as yes/no too; numbers are refused
    return `IF(OR(${listed(text, YES_WORDS)},${listed(text, NO_WORDS)}),${judged},${this.word('invalid')})`;
  }

  private ratioJudgement(): string {
    const v = this.refs.value;
    const s = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(${v}&""),"：",":"),"∶",":"),"比",":")," ","")`;
    const left = `--LEFT(${s},FIND(":",${s})-1)`;
    const right = `--MID(${s},FIND(":",${s})+1,99)`;
    const checks: { check: string; role: 'due' | 'upcoming' }[] = [];
    for (const check of targetsForYear(this.indicator, this.year)) {
      const target = check.target;
      if (target.kind !== 'ratio') continue;
      const [first, second] = target.value;
      // second/first ≥ t2/t1 ⇔ second·t1 − first·t2 ≥ 0 (all terms positive)
      const favoured =
        target.favours === 'second' ? `(${right})*${literal(first)}-(${left})*${literal(second)}` : `(${left})*${literal(second)}-(${right})*${literal(first)}`;
      checks.push({ check: `IF(ROUND(${favoured},9)>=0,1,0)`, role: check.role });
    }
    const judged = this.combine(checks, this.word('notJudged'));
    return `IF(ISNUMBER(${v}),${this.word('invalid')},IF(ISERROR((${left})+(${right})),${this.word('unreadable')},IF(OR(${left}<=0,${right}<=0),${this.word('invalid')},${judged})))`;
  }
}

/** Blank or marked not-available ("—", "无" …): an extra input the engine treats as not given. */
function missing(ref: string): string {
  const text = `TRIM(${ref}&"")`;
  return `OR(${text}="",${listed(text, NOT_AVAILABLE_MARKERS)})`;
}

/** Whether a text is one of a list of words: MATCH against an inline array (case-insensitive, like the engine). */
function listed(text: string, words: readonly string[]): string {
  return `ISNUMBER(MATCH(${text},{${words.map((w) => `"${w}"`).join(',')}},0))`;
}

function literal(value: number): string {
  // targets are short decimals; String() never uses an exponent for them
  return String(value);
}
