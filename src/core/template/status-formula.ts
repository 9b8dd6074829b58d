import type { CatalogDefaults } from '../catalog/catalog-schema';
import type { Indicator } from '../catalog/indicator-schema';
import type { Target } from '../catalog/target-schema';
import { UNITS } from '../catalog/units';
import { approxTolerance } from '../assess/describe-target';
import { extraInputOf, previousKind, targetsForYear } from '../assess/targets-for-year';
import { validRange } from '../rules/validate-value';
import { NOT_AVAILABLE_MARKERS, NO_WORDS, YES_WORDS } from '../parse/parse-cell';
import type { Language } from '../i18n/message';
import Big from 'big.js';
import { STATUS_WORDS, type StatusWord } from './template-columns';

/** What a row's hidden judged cell holds instead of a number: the reason there is none (blank is ""). */
const JUDGED_CODES = { notAvailable: '—', unreadable: '?', invalid: '!' } as const;

/** Where the inputs of one template row are, as relative A1 references ("L5"). */
export interface RowReferences {
  readonly value: string;
  readonly note: string;
  readonly previous?: string;
  readonly baseline?: string;
  readonly other?: string;
  /** The row's hidden cell holding {@link judgedNumberFormula} (numeric indicators): the status formula judges that number. */
  readonly judged: string;
  /** The row's hidden cell holding {@link parsedNumberFormula} (numeric indicators): the value read once, for the judged cell. */
  readonly parsed?: string;
  /**
   * A qualitative row's other text cell: `value` is its 进展情况, and where that is blank the reader takes
   * 本年值 (a version-1 habit, or a sheet whose protection was lifted), so the formula does too.
   */
  readonly fallback?: string;
}

/**
 * The consistency rules (src/core/rules/consistency.ts) a row takes part in, for its status formula: per
 * rule of severity error, the judged-number cells of the rule's indicators in the rule's order
 * ({@link judgedNumberFormula}, found by indicator code so that sorting cannot break them; `undefined` for an
 * indicator the sheet does not have) and where this row stands among them.
 */
export interface ConsistencyLinks {
  readonly chains: readonly { readonly cells: readonly (string | undefined)[]; readonly position: number }[];
}

/**
 * The 达标情况 formula of one template row: a native spreadsheet formula (en-US function names, as stored
 * in .xlsx and taken by the add-in's `range.formulas`) that judges the row's value against the targets governing the
 * reporting year, direction-aware, exactly as the engine does, so a bare .xlsx shows 达标/未达标 in Excel,
 * WPS and LibreOffice without the add-in.
 *
 * It uses only functions every one of them has (no LET, no regular expressions). It reads a cell as the
 * engine does: full-width input (９５．２, ９３％) folded by ASC(); a number shown through a percent format
 * (a typed "95%", stored as 0.95) found by CELL("format") ("P0", "P2" …) and read as the percentage shown —
 * for a % indicator ×100, rounded to the decimals shown; for any other unit a wrong unit, 有误, as a typed "%"
 * is. Where a cell holds something the formula still cannot read but the engine may ("1,234" in some
 * locales), it says 待核对 rather than guess; the add-in and `indicators check` give the verdict then.
 * Derived thresholds (base × 80%, target ± tolerance, ratios) are compared after rounding to 9 decimals, so
 * binary noise cannot flip a value that sits exactly on the boundary. With `links`, a value that breaks a
 * consistency rule of severity error (5岁以下儿童死亡率 below 婴儿死亡率) says 逻辑有误, as the engine's error.
 * A numeric row reads its value once, in its hidden 校验值 cell ({@link judgedNumberFormula}); the status
 * formula judges that number, and only says why there is none (blank, 无数据, 有误, 待核对) otherwise — which
 * keeps the formulas short enough for Excel's 8,192 characters and the add-in's payload.
 */
export function statusFormula(indicator: Indicator, year: number, defaults: CatalogDefaults, refs: RowReferences, language: Language = 'zh-CN', links?: ConsistencyLinks): string {
  const f = new FormulaWriter(indicator, year, defaults, refs, STATUS_WORDS[language], links);
  return `=${f.formula()}`;
}

/**
 * This year's value of a numeric row read as a number — full-width folded, a percent format read as the
 * percentage shown — or an error where the text is no number: written once into a hidden cell, so the
 * judged cell names it three times in a few characters instead of repeating the reading.
 */
export function parsedNumberFormula(indicator: Indicator, year: number, defaults: CatalogDefaults, refs: RowReferences): string {
  const f = new FormulaWriter(indicator, year, defaults, refs, STATUS_WORDS['zh-CN']);
  return `=${f.parsedNumber()}`;
}

/**
 * The number a numeric row is judged by, or "" when it has none the engine would judge: a value read as a
 * number (full-width folded, percent formats read as shown), of the right unit, in range, with readable and
 * in-range extra inputs — exactly the entries the engine assesses against targets and compares in its
 * consistency rules (checkConsistency). Written into the row's hidden 校验值 cell: its own status formula
 * judges it, and the other rows of a consistency rule look it up by indicator code (no circular reference).
 */
export function judgedNumberFormula(indicator: Indicator, year: number, defaults: CatalogDefaults, refs: RowReferences): string {
  const f = new FormulaWriter(indicator, year, defaults, refs, STATUS_WORDS['zh-CN']);
  return `=${f.judgedNumber()}`;
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
    private readonly links?: ConsistencyLinks,
  ) {
    this.percent = indicator.unit === '%';
    this.extras = [refs.previous, refs.baseline, refs.other].filter((ref): ref is string => ref !== undefined);
  }

  formula(): string {
    const unit = UNITS[this.indicator.unit];
    const fallback = unit.valueKind === 'text' ? this.refs.fallback : undefined;
    const v = fallback === undefined ? this.refs.value : `IF(${this.text(this.refs.value)}="",${fallback},${this.refs.value})`;
    const noteBlank = `${this.text(this.refs.note)}=""`;
    if (unit.valueKind === 'number') {
      // the hidden cell says it all: the number to judge, or why there is none (judgedNumber)
      const j = this.refs.judged;
      return `IF(ISNUMBER(${j}),${this.consistent(j, this.numberJudgement(j))},IF(${j}="","",IF(${j}="${JUDGED_CODES.notAvailable}",IF(${noteBlank},${this.word('invalid')},${this.word('noData')}),IF(${j}="${JUDGED_CODES.unreadable}",${this.word('unreadable')},${this.word('invalid')}))))`;
    }
    // the engine's order: unreadable or invalid inputs first, then blank, then "no data", then targets
    const notAvailable = unit.valueKind === 'text' ? this.word('noData') : `IF(${noteBlank},${this.word('invalid')},${this.word('noData')})`;
    const judged = unit.valueKind === 'text' ? this.word('qualitative') : unit.valueKind === 'boolean' ? this.booleanJudgement() : this.ratioJudgement();
    return `IF(${this.text(v)}="","",IF(${listed(this.text(v), NOT_AVAILABLE_MARKERS)},${notAvailable},${judged}))`;
  }

  private word(key: StatusWord): string {
    return `"${this.words[key]}"`;
  }

  /**
   * See {@link judgedNumberFormula}: the row's number when the engine would judge it, else why not —
   * "" blank, "—" marked not available, "?" unreadable here (待核对), "!" invalid (有误). Each input is read
   * once: a code per input (0 fine or absent, 1 unreadable, 2 invalid), the worst decides, as the engine
   * makes a row invalid for an error in any of its inputs.
   */
  /** See {@link parsedNumberFormula}. */
  parsedNumber(): string {
    return this.number(this.refs.value);
  }

  judgedNumber(): string {
    const v = this.refs.value;
    if (UNITS[this.indicator.unit].valueKind !== 'number') return '""';
    // this year's value as read once in its own hidden cell (where there is one)
    const valueNumber = this.refs.parsed ?? this.number(v);
    // per input: 0 a number in range, 1 unreadable here, 2 invalid; the value also -2 blank, -1 a marker;
    // an extra input that is blank or marked is absent (-3). The worst (highest) code decides.
    const code = (ref: string, number: string, implausible = '0') => {
      const read = `IFERROR(IF(${this.outOfRange(number)},2,${implausible}),1)`;
      return this.percent ? read : `IF(${this.wrongUnit(ref)},2,${read})`;
    };
    const codes = [
      // one MATCH tells blank ("" first in the list) from a marker; no match: a value to read
      `IFERROR(IF(MATCH(${this.text(v)},{${['', ...NOT_AVAILABLE_MARKERS].map((word) => `"${word}"`).join(',')}},0)=1,-2,-1),${code(v, valueNumber, this.implausible(valueNumber))})`,
      ...this.extras.map((ref) => `IF(${missing(ref)},-3,${code(ref, this.number(ref))})`),
    ];
    const worst = codes.length === 1 ? codes[0] : `MAX(${codes.join(',')})`;
    return `CHOOSE(${worst}+3,"","${JUDGED_CODES.notAvailable}",${valueNumber},"${JUDGED_CODES.unreadable}","${JUDGED_CODES.invalid}")`;
  }

  /**
   * A value outside the indicator's plausible range (0.95 typed for 95%) is an error for the engine unless
   * the 说明 confirms that very value (【确认】0.95): 2 (有误) without a confirmation; with one the formula
   * cannot check the number it names, so 1 (待核对) — the add-in and `indicators check` tell.
   */
  private implausible(number: string): string {
    const plausible = this.indicator.plausible;
    if (!plausible) return '0';
    const outside = [plausible.min === undefined ? undefined : `${number}<${literal(plausible.min)}`, plausible.max === undefined ? undefined : `${number}>${literal(plausible.max)}`].filter((test): test is string => test !== undefined);
    if (outside.length === 0) return '0';
    return `IF(${outside.length === 1 ? outside[0] : `OR(${outside.join(',')})`},IF(ISNUMBER(FIND("确认",${this.refs.note})),1,2),0)`;
  }

  /**
   * The status, or 逻辑有误 where the value breaks a consistency rule of severity error: the engine compares
   * each number with the next one reported in the rule's order (a blank in the middle does not hide the
   * break between its neighbours), so this row looks at its nearest reported neighbour on either side.
   */
  private consistent(n: string, status: string): string {
    const breaks: string[] = [];
    for (const chain of this.links?.chains ?? []) {
      const before = chain.cells.slice(0, chain.position).reverse();
      const after = chain.cells.slice(chain.position + 1);
      const nearest = (cells: readonly (string | undefined)[], broken: (neighbour: string) => string) => {
        let test = 'FALSE()';
        for (const cell of [...cells].reverse()) if (cell !== undefined) test = `IF(ISNUMBER(${cell}),${broken(cell)},${test})`;
        return test;
      };
      if (before.some((cell) => cell !== undefined)) breaks.push(nearest(before, (cell) => `${cell}>${n}`));
      if (after.some((cell) => cell !== undefined)) breaks.push(nearest(after, (cell) => `${n}>${cell}`));
    }
    return breaks.length === 0 ? status : `IF(OR(${breaks.join(',')}),${this.word('inconsistent')},${status})`;
  }

  /**
   * The text of a cell as the engine reads it: full-width forms folded (ASC; the ideographic space too, which
   * LibreOffice's ASC keeps), surrounding blanks trimmed.
   */
  private text(ref: string): string {
    return textOf(ref);
  }

  /** A number shown through a percent format: what a typed "95%" becomes (0.95, format "0%"). */
  private percentShown(ref: string): string {
    return `AND(ISNUMBER(${ref}),LEFT(CELL("format",${ref}))="P")`;
  }

  /**
   * A percentage where the unit is not %: a percent-formatted number or a typed "%" — the engine refuses it
   * (the wrong unit), so the row is 有误. Never for % indicators.
   */
  private wrongUnit(ref: string): string {
    return this.percent ? 'FALSE()' : `OR(${this.percentShown(ref)},ISNUMBER(FIND("%",${this.text(ref)})))`;
  }

  /**
   * An extra input without a number: blank, or (once unreadable ones have been refused) a marker such as
   * "—". Blank is tested on its own: some engines read "" as 0 in arithmetic.
   */
  private absent(ref: string): string {
    return `OR(${this.text(ref)}="",ISERROR(${this.number(ref)}))`;
  }

  /**
   * The number in a cell: its text read as a number (full-width folded, a trailing % dropped for % units). A
   * number cell turns into its own text and back (typed values are short decimals), so one short expression
   * serves numbers, numbers stored as text and pasted text alike. For % units a percent-formatted number is
   * the percentage it shows: ×100, rounded to the decimals of its format (CELL's "P2" → 2), as the reader
   * takes the shown "95.25%".
   */
  private number(ref: string): string {
    // surrounding blanks need no TRIM: a number's text may have them; blanks inside make it no number, as for the engine
    const text = `SUBSTITUTE(ASC(${ref}&""),"\u3000"," ")`;
    if (!this.percent) return `--${text}`;
    return `IF(${this.percentShown(ref)},ROUND(ROUND(${ref}*100,9),--MID(CELL("format",${ref}),2,1)),--SUBSTITUTE(${text},"%",""))`;
  }

  /** Whether a number is out of the indicator's valid range or not whole where it must be; a two-sided range names the number once. */
  private outOfRange(number: string): string {
    const { min, max } = validRange(this.indicator);
    const tests: string[] = [];
    if (min !== undefined && max !== undefined) {
      const middle = Number(new Big(min).plus(max).div(2));
      const half = Number(new Big(max).minus(min).div(2));
      tests.push(`ROUND(ABS(${number}-${literal(middle)}),9)>${literal(half)}`);
    } else {
      if (min !== undefined) tests.push(`${number}<${literal(min)}`);
      if (max !== undefined) tests.push(`${number}>${literal(max)}`);
    }
    if (UNITS[this.indicator.unit].integer) tests.push(`MOD(${number},1)<>0`);
    return tests.length === 0 ? 'FALSE()' : tests.length === 1 ? (tests[0] as string) : `OR(${tests.join(',')})`;
  }

  /**
   * The engine's rule (assess-entry's overallStatus): a due target missed is 未达标, else one met is 达标;
   * with no due target judged, the upcoming one says 达标 or 未到期; else why nothing could be judged.
   */
  private combine(checks: readonly { check: string; role: 'due' | 'upcoming' }[], unjudged: string): string {
    if (checks.length === 0) return unjudged;
    const due = checks.filter((item) => item.role === 'due').map((item) => item.check);
    const upcoming = checks.filter((item) => item.role === 'upcoming').map((item) => item.check);
    // checks are 0 not met, 1 met, 2 not judged: CHOOSE names each check once
    let formula = unjudged;
    for (const check of upcoming) formula = `CHOOSE(${check}+1,${this.word('notYetDue')},${this.word('met')},${formula})`;
    if (due.length > 0) {
      // any due target missed → 未达标; else any met → 达标: the lowest code
      formula = `CHOOSE(${due.length === 1 ? due[0] : `MIN(${due.join(',')})`}+1,${this.word('notMet')},${this.word('met')},${formula})`;
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

  /** 1 met, 0 not met, 2 not judged (an input it needs is missing — blank, marked, not a number —, or it has no criterion). */
  private numberCheck(target: Target, n: string): string {
    const met = (condition: string) => `IF(${condition},1,0)`;
    const needing = (ref: string | undefined, condition: (other: string) => string) =>
      ref === undefined ? '2' : `IF(${this.text(ref)}="",2,IFERROR(${met(condition(this.number(ref)))},2))`;
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
        return '2';
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
    const text = this.text(v);
    const achieved = targetsForYear(this.indicator, this.year).some((check) => check.target.kind === 'achieved');
    const check = targetsForYear(this.indicator, this.year).find((item) => item.target.kind === 'achieved');
    const missed = check?.role === 'upcoming' ? this.word('notYetDue') : this.word('notMet');
    const judged = achieved ? `IF(${listed(text, YES_WORDS)},${this.word('met')},${missed})` : this.word('notJudged');
    // a logical TRUE/FALSE reads as "TRUE"/"FALSE", which the engine takes as yes/no too; numbers are refused
    return `IF(OR(${listed(text, YES_WORDS)},${listed(text, NO_WORDS)}),${judged},${this.word('invalid')})`;
  }

  private ratioJudgement(): string {
    const v = this.refs.value;
    const s = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${this.text(v)},"∶",":"),"比",":")," ","")`;
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

/** See FormulaWriter.text. */
function textOf(ref: string): string {
  return `TRIM(SUBSTITUTE(ASC(${ref}&""),"\u3000"," "))`;
}

/** Blank or marked not-available ("—", "无" …): an extra input the engine treats as not given (one MATCH, "" listed too). */
function missing(ref: string): string {
  return listed(textOf(ref), ['', ...NOT_AVAILABLE_MARKERS]);
}

/** Whether a text is one of a list of words: MATCH against an inline array (case-insensitive, like the engine). */
function listed(text: string, words: readonly string[]): string {
  return `ISNUMBER(MATCH(${text},{${words.map((w) => `"${w}"`).join(',')}},0))`;
}

function literal(value: number): string {
  // targets are short decimals; String() never uses an exponent for them
  return String(value);
}
