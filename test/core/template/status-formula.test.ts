import { HyperFormula } from 'hyperformula';
import Big from 'big.js';
import { seedCatalog } from '../../../src/seed-catalog';
import { assessEntry } from '../../../src/core/assess/assess-entry';
import type { Status } from '../../../src/core/assess/entry';
import { targetsForYear } from '../../../src/core/assess/targets-for-year';
import { approxTolerance } from '../../../src/core/assess/describe-target';
import type { Indicator } from '../../../src/core/catalog/indicator-schema';
import { UNITS } from '../../../src/core/catalog/units';
import { validRange } from '../../../src/core/rules/validate-value';
import { judgedNumberFormula, statusFormula } from '../../../src/core/template/status-formula';
import { STATUS_WORDS } from '../../../src/core/template/template-columns';
import { lineInputs } from '../../../src/core/template/template-rows';
import { shownPercent } from '../../../src/core/template/read-template';
import { asc, formatKey, registerSpreadsheetFunctions, setCellFormats } from './spreadsheet-functions';

/**
 * The 达标情况 formulas, computed by a real spreadsheet engine (HyperFormula, with the ASC and CELL functions
 * Excel, WPS and LibreOffice have), must give the engine's verdict for every indicator, in several reporting
 * years, on boundary values of every target kind — typed plainly, in full-width forms (９５．２) and through a
 * percent format (a typed "95%" stored as 0.95) — or say 待核对 (the formula cannot read the cell) and never
 * contradict the engine.
 */
registerSpreadsheetFunctions();
const catalog = seedCatalog();
const words = STATUS_WORDS['zh-CN'];
const COMPATIBLE: Record<string, readonly Status[]> = {
  '': ['noData'],
  [words.met]: ['met'],
  [words.notMet]: ['notMet'],
  [words.notYetDue]: ['notYetDue'],
  [words.invalid]: ['invalid'],
  [words.noData]: ['noData'],
  [words.qualitative]: ['notAssessable'],
  [words.notJudged]: ['notAssessable'],
  [words.missingPrevious]: ['notAssessable'],
  [words.missingPreviousTerm]: ['notAssessable'],
  [words.missingBaseline]: ['notAssessable'],
  [words.missingOther]: ['notAssessable'],
  [words.unreadable]: ['met', 'notMet', 'notYetDue', 'invalid', 'noData', 'notAssessable'],
};

type Cell = string | number | boolean | null;
type Input = 'value' | 'previous' | 'baseline' | 'other';
interface Case {
  value: Cell;
  note?: string;
  previous?: Cell;
  baseline?: Cell;
  other?: Cell;
  /** Number formats of the input cells (General where absent), e.g. { value: '0.0%' }. */
  formats?: Partial<Record<Input, string>>;
}

/** The full-width form of a typed text (９５．２％). */
function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

/** The percent format that shows a step's decimals: 0.1 → "0.0%". */
function percentFormat(step: number): string {
  const decimals = String(step).split('.')[1]?.length ?? 0;
  return decimals === 0 ? '0%' : `0.${'0'.repeat(decimals)}%`;
}

/** What the reader hands the engine for an input cell: a percent-formatted number as the percentage shown. */
function engineRaw(testCase: Case, input: Input): Cell | undefined {
  const cell = testCase[input];
  const format = testCase.formats?.[input];
  return typeof cell === 'number' && format?.includes('%') ? shownPercent(cell, format) : cell;
}

/** Cell contents as a spreadsheet holds them: text stays text (HyperFormula needs a leading apostrophe). */
function sheetCell(cell: Cell | undefined): Cell {
  if (cell === undefined || cell === null) return null;
  return typeof cell === 'string' ? `'${cell}` : cell;
}

function step(indicator: Indicator): number[] {
  return UNITS[indicator.unit].integer ? [1] : [0.1, 0.01, 1];
}

function numberCases(indicator: Indicator, year: number): Case[] {
  const { min = 0, max } = validRange(indicator);
  const thresholds = new Set<number>();
  const cases: Case[] = [];
  const previousValues = new Set<number>([50]);
  for (const check of targetsForYear(indicator, year)) {
    const target = check.target;
    const defaults = catalog.plans[indicator.plan].defaults;
    switch (target.kind) {
      case 'min':
      case 'max':
      case 'count':
        thresholds.add(target.value);
        break;
      case 'approx': {
        const tolerance = approxTolerance(target, defaults);
        thresholds.add(target.value);
        thresholds.add(Number(new Big(target.value).minus(tolerance)));
        thresholds.add(Number(new Big(target.value).plus(tolerance)));
        break;
      }
      case 'reduction':
        for (const base of [10, 12.3, 7]) {
          const limit = Number(new Big(base).times(100 - target.percent).div(100));
          for (const value of [limit, ...step(indicator).flatMap((s) => [limit + s, limit - s])]) cases.push({ value: round(value), baseline: base });
        }
        cases.push({ value: 5 }, { value: 5, baseline: '无' }, { value: fullWidth('8'), baseline: fullWidth('12.3') }); // no base-year value; full-width
        break;
      case 'increase':
      case 'decrease':
      case 'notBelowPrevious':
        for (const previous of [3, 45.5]) {
          previousValues.add(previous);
          for (const value of [previous, ...step(indicator).flatMap((s) => [previous + s, previous - s])]) cases.push({ value: round(value), previous });
        }
        cases.push({ value: 4 }); // no previous value
        break;
      case 'relative':
        for (const other of [30, 48.7]) {
          for (const value of [other, ...step(indicator).flatMap((s) => [other + s, other - s])]) cases.push({ value: round(value), other });
        }
        cases.push({ value: 40 });
        break;
      default:
        break;
    }
  }
  const percent = indicator.unit === '%';
  for (const threshold of thresholds) {
    for (const value of [threshold, ...step(indicator).flatMap((s) => [threshold + s, threshold - s])]) cases.push({ value: round(value) });
    // typed in full-width forms, and (for %) typed as "95.2%", which the spreadsheet stores as 0.952 with a percent format
    const [first = 1, ...others] = step(indicator);
    for (const value of [threshold, threshold + first, threshold - first]) {
      cases.push({ value: fullWidth(String(round(value))) });
      if (percent) cases.push({ value: round(value / 100), formats: { value: percentFormat(first) } });
    }
    if (percent) for (const s of others) cases.push({ value: round((threshold - s) / 100), formats: { value: percentFormat(s) } });
    // a percentage shown rounded: 94.96 through "0.0%" shows (and is judged as) 95.0%
    if (percent) cases.push({ value: round((threshold - 0.04) / 100), formats: { value: '0.0%' } }, { value: round((threshold + 0.05) / 100), formats: { value: '0%' } });
  }
  cases.push(
    { value: min + 1 },
    { value: String(min + 2) }, // a number stored as text
    { value: '９３' }, // full-width: the engine reads it, the formula says 待核对
    { value: 'abc' },
    { value: min - 1 },
    { value: '—' },
    { value: '—', note: '统计口径调整，本年无数据' },
    { value: null },
    { value: null, previous: 'x' }, // an unreadable previous value makes the row invalid even when blank
    { value: min + 1, previous: '—' }, // "no data last year": missing, not unreadable
    { value: min + 1, previous: -5 },
    { value: min + 1, previous: [...previousValues][0] ?? 50 },
  );
  if (max !== undefined) cases.push({ value: max + 1 }, { value: max });
  if (UNITS[indicator.unit].integer) cases.push({ value: min + 1.5 });
  if (percent) {
    cases.push({ value: `${min + 3}%` }, { value: fullWidth(`${min + 3}%`) }, { value: `\u3000${fullWidth(String(min + 4))}\u3000` });
    cases.push({ value: min + 1, previous: 0.455, formats: { previous: '0.0%' } }, { value: 0.46, previous: 45.5, formats: { value: '0%' } });
  } else {
    // a percentage where the unit is not %: the engine refuses the wrong unit
    cases.push({ value: 0.03, formats: { value: '0%' } }, { value: '3%' }, { value: fullWidth('3%') }, { value: min + 1, previous: 0.5, formats: { previous: '0%' } });
  }
  cases.push({ value: fullWidth(String(min + 1)), previous: fullWidth('45.5') });
  // outside the plausible range: an error unless the note confirms the value; the formula cannot check the number named
  if (indicator.plausible?.min !== undefined) cases.push({ value: indicator.plausible.min / 2 }, { value: indicator.plausible.min / 2, note: `【确认】${indicator.plausible.min / 2} 本年确实如此` }, { value: indicator.plausible.min / 2, note: '数据已核实' });
  return cases;
}

function round(value: number): number {
  return Number(value.toFixed(10));
}

function casesFor(indicator: Indicator, year: number): Case[] {
  switch (UNITS[indicator.unit].valueKind) {
    case 'number':
      return numberCases(indicator, year);
    case 'ratio':
      return [...['2:3', '1:1.5', '3:2', '2:2.9', '2:3.1', '2：3', '２：３', '３∶２', '1比2', '0:3', 'abc', '—', null, 0.5].map((value): Case => ({ value }))];
    case 'boolean':
      return [...['是', '否', '已完成', '未开展', '√', 'x', 'ＹＥＳ', '　否　', '—', '－－', null, true, 1].map((value): Case => ({ value })), { value: '—', note: '不适用' }];
    case 'text':
      return ['本年度开展了专项行动', '—', null, 12].map((value): Case => ({ value }));
  }
}

const MARKERS = new Set(['-', '--', '—', '——', '―', '/', '无', '暂无', '无数据', '不适用', '不涉及', 'N/A', 'NA']);

/**
 * Whether every input of a case is something a formula reads: numbers (percent-formatted too), plain decimals
 * (full-width ones as well: ASC folds them), with a % sign, markers, blanks.
 */
function formulaReadable(indicator: Indicator, testCase: Case): boolean {
  const text = (cell: Cell | undefined) => asc(String(cell)).replace(/\u3000/g, ' ').trim();
  const plain = (cell: Cell | undefined) =>
    cell === undefined || cell === null || typeof cell === 'number' || text(cell) === '' || MARKERS.has(text(cell)) || /^-?\d+(\.\d+)?%?$/.test(text(cell));
  const kind = UNITS[indicator.unit].valueKind;
  const valueReadable = kind === 'ratio' ? testCase.value === null || typeof testCase.value === 'number' || MARKERS.has(text(testCase.value)) || /^\d+(\.\d+)?\s*[:：∶比]\s*\d+(\.\d+)?$/.test(text(testCase.value)) : kind === 'number' ? plain(testCase.value) : true;
  // a 说明 confirming an implausible value names a number the formula does not read
  const confirming = testCase.note?.includes('确认') === true;
  return valueReadable && !confirming && plain(testCase.previous) && plain(testCase.baseline) && plain(testCase.other);
}

describe('status formulas computed by HyperFormula agree with the engine', () => {
  const years = [2021, 2023, 2025, 2030];
  for (const plan of ['women', 'children'] as const) {
    test(`${plan}: every indicator, boundary values, years ${years.join('/')}`, () => {
      const rows: Cell[][] = [];
      const formats = new Map<string, string>();
      const expectations: { indicator: Indicator; year: number; testCase: Case; status: Status }[] = [];
      for (const indicator of [...catalog.indicators.values()].filter((candidate) => candidate.plan === plan)) {
        const inputs = lineInputs(indicator);
        const defaults = catalog.plans[plan].defaults;
        for (const year of years) {
          for (const testCase of casesFor(indicator, year)) {
            const row = rows.length + 1;
            // columns: H baseline, I previous, J other, K value, L status, M note, N the hidden judged number
            const refs = {
              value: `K${row}`,
              note: `M${row}`,
              ...(inputs.previous ? { previous: `I${row}` } : {}),
              ...(inputs.baseline ? { baseline: `H${row}` } : {}),
              ...(inputs.other ? { other: `J${row}` } : {}),
              judged: `N${row}`,
            };
            const formula = statusFormula(indicator, year, defaults, refs);
            const judged = UNITS[indicator.unit].valueKind === 'number' ? judgedNumberFormula(indicator, year, defaults, refs) : null;
            rows.push([null, null, null, null, null, null, null, sheetCell(testCase.baseline), sheetCell(testCase.previous), sheetCell(testCase.other), sheetCell(testCase.value), formula, sheetCell(testCase.note), judged]);
            for (const [input, column] of [['baseline', 7], ['previous', 8], ['other', 9], ['value', 10]] as const) {
              const format = testCase.formats?.[input];
              if (format) formats.set(formatKey(0, row - 1, column), format);
            }
            const blank = (cell: Cell | undefined) => cell === undefined || cell === null || cell === '';
            const result = assessEntry(
              indicator,
              {
                indicatorId: indicator.id,
                value: engineRaw(testCase, 'value') ?? null,
                ...(testCase.note ? { note: testCase.note } : {}),
                ...(inputs.previous && !blank(testCase.previous) ? { previous: engineRaw(testCase, 'previous') } : {}),
                ...(inputs.baseline && !blank(testCase.baseline) ? { baseline: engineRaw(testCase, 'baseline') } : {}),
                ...(inputs.other && !blank(testCase.other) ? { other: engineRaw(testCase, 'other') } : {}),
              },
              { year, defaults },
            );
            expectations.push({ indicator, year, testCase, status: result.status });
          }
        }
      }
      setCellFormats(formats);
      const hf = HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3' });
      const values = hf.getSheetValues(0);
      const disagreements: string[] = [];
      const seen = new Set<string>();
      expectations.forEach(({ indicator, year, testCase, status }, index) => {
        const shown = values[index]?.[11];
        const word = typeof shown === 'string' ? shown : `<${JSON.stringify(shown)}>`;
        seen.add(word);
        // 待核对 is only allowed where a cell holds something the formula cannot read (全角, "abc" …)
        if (word === words.unreadable && formulaReadable(indicator, testCase)) {
          disagreements.push(`${indicator.id} ${year} ${JSON.stringify(testCase)}: formula says 待核对 on plain input, engine ${status}`);
        } else if (!(COMPATIBLE[word] ?? []).includes(status)) {
          disagreements.push(`${indicator.id} ${year} ${JSON.stringify(testCase)}: formula "${word}", engine ${status}`);
        }
      });
      hf.destroy();
      expect(disagreements).toEqual([]);
      // the comparison is not vacuous: the formulas judged both ways and flagged bad input
      for (const word of [words.met, words.notMet, words.notYetDue, words.invalid, words.noData, words.unreadable]) expect(seen).toContain(word);
      expect(expectations.length).toBeGreaterThan(1000);
      // full-width and percent-formatted input were judged, not merely tolerated
      expect(expectations.filter(({ testCase }) => testCase.formats !== undefined).length).toBeGreaterThan(100);
      expect(expectations.filter(({ testCase }) => /[\uFF10-\uFF19]/.test(String(testCase.value))).length).toBeGreaterThan(500);
    });
  }
});
