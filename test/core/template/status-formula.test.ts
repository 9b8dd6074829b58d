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
import { statusFormula } from '../../../src/core/template/status-formula';
import { STATUS_WORDS } from '../../../src/core/template/template-columns';
import { lineInputs } from '../../../src/core/template/template-rows';

/**
 * The 达标情况 formulas, computed by a real spreadsheet engine (HyperFormula), must give the engine's verdict
 * for every indicator, in several reporting years, on boundary values of every target kind — or say 待核对
 * (the formula cannot read the cell) and never contradict the engine.
 */
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
interface Case {
  value: Cell;
  note?: string;
  previous?: Cell;
  baseline?: Cell;
  other?: Cell;
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
        cases.push({ value: 5 }, { value: 5, baseline: '无' }); // no base-year value
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
  for (const threshold of thresholds) {
    for (const value of [threshold, ...step(indicator).flatMap((s) => [threshold + s, threshold - s])]) cases.push({ value: round(value) });
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
  if (indicator.unit === '%') cases.push({ value: `${min + 3}%` });
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
      return [...['2:3', '1:1.5', '3:2', '2:2.9', '2:3.1', '2：3', '1比2', '0:3', 'abc', '—', null, 0.5].map((value): Case => ({ value }))];
    case 'boolean':
      return [...['是', '否', '已完成', '未开展', '√', 'x', '—', null, true, 1].map((value): Case => ({ value })), { value: '—', note: '不适用' }];
    case 'text':
      return ['本年度开展了专项行动', '—', null, 12].map((value): Case => ({ value }));
  }
}

const MARKERS = new Set(['-', '--', '—', '——', '―', '/', '无', '暂无', '无数据', '不适用', '不涉及', 'N/A', 'NA']);

/** Whether every input of a case is something a formula reads: numbers, plain decimals, markers, blanks. */
function formulaReadable(indicator: Indicator, testCase: Case): boolean {
  const plain = (cell: Cell | undefined) =>
    cell === undefined || cell === null || typeof cell === 'number' || cell === '' || MARKERS.has(String(cell)) || /^-?\d+(\.\d+)?$/.test(String(cell)) || (indicator.unit === '%' && /^-?\d+(\.\d+)?%$/.test(String(cell)));
  const kind = UNITS[indicator.unit].valueKind;
  const valueReadable = kind === 'ratio' ? testCase.value === null || typeof testCase.value === 'number' || MARKERS.has(String(testCase.value)) || /^\d+(\.\d+)?\s*[:：∶比]\s*\d+(\.\d+)?$/.test(String(testCase.value)) : kind === 'number' ? plain(testCase.value) : true;
  return valueReadable && plain(testCase.previous) && plain(testCase.baseline) && plain(testCase.other);
}

describe('status formulas computed by HyperFormula agree with the engine', () => {
  const years = [2021, 2023, 2025, 2030];
  for (const plan of ['women', 'children'] as const) {
    test(`${plan}: every indicator, boundary values, years ${years.join('/')}`, () => {
      const rows: Cell[][] = [];
      const expectations: { indicator: Indicator; year: number; testCase: Case; status: Status }[] = [];
      for (const indicator of [...catalog.indicators.values()].filter((candidate) => candidate.plan === plan)) {
        const inputs = lineInputs(indicator);
        const defaults = catalog.plans[plan].defaults;
        for (const year of years) {
          for (const testCase of casesFor(indicator, year)) {
            const row = rows.length + 1;
            // columns as in the template: H baseline, I previous, J other, K value, L status, M note
            const formula = statusFormula(indicator, year, defaults, {
              value: `K${row}`,
              note: `M${row}`,
              ...(inputs.previous ? { previous: `I${row}` } : {}),
              ...(inputs.baseline ? { baseline: `H${row}` } : {}),
              ...(inputs.other ? { other: `J${row}` } : {}),
            });
            rows.push([null, null, null, null, null, null, null, sheetCell(testCase.baseline), sheetCell(testCase.previous), sheetCell(testCase.other), sheetCell(testCase.value), formula, sheetCell(testCase.note)]);
            const blank = (cell: Cell | undefined) => cell === undefined || cell === null || cell === '';
            const result = assessEntry(
              indicator,
              {
                indicatorId: indicator.id,
                value: testCase.value,
                ...(testCase.note ? { note: testCase.note } : {}),
                ...(inputs.previous && !blank(testCase.previous) ? { previous: testCase.previous } : {}),
                ...(inputs.baseline && !blank(testCase.baseline) ? { baseline: testCase.baseline } : {}),
                ...(inputs.other && !blank(testCase.other) ? { other: testCase.other } : {}),
              },
              { year, defaults },
            );
            expectations.push({ indicator, year, testCase, status: result.status });
          }
        }
      }
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
    });
  }
});
