import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Big from 'big.js';
import type { Indicator, PlanId } from '../../src/core/catalog/indicator-schema';
import { UNITS } from '../../src/core/catalog/units';
import { approxTolerance } from '../../src/core/assess/describe-target';
import type { Status } from '../../src/core/assess/entry';
import { targetsForYear } from '../../src/core/assess/targets-for-year';
import { validRange } from '../../src/core/rules/validate-value';
import { buildTemplate } from '../../src/core/template/build-template';
import { COLUMN_INDEX, STATUS_WORDS, type ColumnKey } from '../../src/core/template/template-columns';
import type { TemplateModel } from '../../src/core/template/template-model';
import type { TemplateCheck } from '../../src/core/template/check-template';
import { seedCatalog } from '../../src/seed-catalog';
import { checkXlsx } from '../../src/xlsx/read-xlsx';
import { templatesToXlsx } from '../../src/xlsx/write-xlsx';
import { CSV_ALL_SHEETS, convertWithLibreOffice, parseCsv } from '../helpers/libreoffice';

/**
 * LibreOffice is the oracle for what a bare .xlsx says: the all-indicator templates of both plans, filled on
 * every row with what people type — full-width digits (９５．２, ３：２, ＹＥＳ), percentages typed as "95.2%"
 * (stored as 0.952 with a percent format, for % indicators and for others), percent-formatted and full-width
 * previous, base-year and comparison values, values outside the plausible range, and 5岁以下儿童死亡率 below
 * 婴儿死亡率 — for every target kind, recalculated by headless LibreOffice: the 达标情况 column says exactly
 * the engine's verdict on the same file (逻辑有误 where the engine's consistency error names the row), and
 * never 待核对 (the formula can read every one of these inputs).
 */
const catalog = seedCatalog();
const words = STATUS_WORDS['zh-CN'];
const WORD_OF: Record<Status, readonly string[]> = {
  met: [words.met],
  notMet: [words.notMet],
  notYetDue: [words.notYetDue],
  invalid: [words.invalid],
  noData: ['', words.noData],
  notAssessable: [words.qualitative, words.notJudged, words.missingPrevious, words.missingPreviousTerm, words.missingBaseline, words.missingOther],
};

/** What a person types into one row: cell contents by column, and number formats where Excel applies one. */
interface Typed {
  readonly cells: Partial<Record<'value' | 'progress' | 'previous' | 'baseline' | 'other' | 'note', ExcelJS.CellValue>>;
  readonly formats?: Partial<Record<'value' | 'previous' | 'baseline' | 'other', string>>;
  /** What kind of input the case is about, for the coverage check. */
  readonly kind: 'fullWidth' | 'percent' | 'plain' | 'wrongUnit' | 'implausible';
}

const fullWidth = (text: string) => text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
const round = (value: number) => Number(value.toFixed(10));
const fraction = (percent: number) => Number(new Big(percent).div(100));

/** The inputs a row of an indicator gets across the variants: around each threshold of the year's targets. */
function casesFor(indicator: Indicator, year: number): Typed[] {
  const kind = UNITS[indicator.unit].valueKind;
  if (kind === 'ratio') return [{ cells: { value: '２：３' }, kind: 'fullWidth' }, { cells: { value: '３∶２' }, kind: 'plain' }, { cells: { value: fullWidth('1:2') }, kind: 'fullWidth' }];
  if (kind === 'boolean') return [{ cells: { value: 'ＹＥＳ' }, kind: 'fullWidth' }, { cells: { value: '　否　' }, kind: 'fullWidth' }, { cells: { value: '是' }, kind: 'plain' }];
  // qualitative: progress in 进展情况; a text typed into 本年值 instead (a version-1 habit) is read too
  if (kind === 'text') return [{ cells: { progress: '已开展专项行动' }, kind: 'plain' }, { cells: { progress: '－' }, kind: 'fullWidth' }, { cells: { value: '已开展专项行动' }, kind: 'plain' }];
  const percent = indicator.unit === '%';
  const step = UNITS[indicator.unit].integer ? 1 : 0.1;
  const { min = 0 } = validRange(indicator);
  const cases: Typed[] = [];
  /** A value typed in full width, and (for %) typed as "t%" with one decimal — stored as a fraction. */
  const around = (threshold: number, extra: Typed['cells'] = {}, extraFormats: Typed['formats'] = {}) => {
    for (const value of [threshold, round(threshold - step), round(threshold + step)]) {
      cases.push({ cells: { ...extra, value: fullWidth(String(value)) }, formats: extraFormats, kind: 'fullWidth' });
      if (percent) cases.push({ cells: { ...extra, value: fraction(value) }, formats: { ...extraFormats, value: '0.0%' }, kind: 'percent' });
    }
    // shown rounded: 94.96% through "0.0%" is the 95.0% people see
    if (percent && !UNITS[indicator.unit].integer) cases.push({ cells: { ...extra, value: fraction(round(threshold - 0.04)) }, formats: { ...extraFormats, value: '0.0%' }, kind: 'percent' });
  };
  for (const check of targetsForYear(indicator, year)) {
    const target = check.target;
    switch (target.kind) {
      case 'min':
      case 'max':
      case 'count':
        around(target.value);
        break;
      case 'approx': {
        const tolerance = approxTolerance(target, catalog.plans[indicator.plan].defaults);
        around(round(target.value - tolerance));
        around(round(target.value + tolerance));
        break;
      }
      case 'reduction': {
        const base = 12.3;
        around(Number(new Big(base).times(100 - target.percent).div(100)), { baseline: fullWidth(String(base)) });
        if (percent) around(Number(new Big(base).times(100 - target.percent).div(100)), { baseline: fraction(base) }, { baseline: '0.0%' });
        break;
      }
      case 'increase':
      case 'decrease':
      case 'notBelowPrevious':
        around(45.5, { previous: fullWidth('45.5') });
        if (percent) around(45.5, { previous: fraction(45.5) }, { previous: '0.0%' });
        break;
      case 'relative':
        around(48.7, { other: fullWidth('48.7') });
        if (percent) around(48.7, { other: fraction(48.7) }, { other: '0.0%' });
        break;
      default:
        break;
    }
  }
  if (!percent) {
    // a percentage where the unit is not %: the engine refuses the wrong unit, and so does the sheet
    cases.push({ cells: { value: 0.03 }, formats: { value: '0%' }, kind: 'wrongUnit' }, { cells: { value: '３％' }, kind: 'wrongUnit' }, { cells: { value: min + 1, previous: 0.5 }, formats: { previous: '0%' }, kind: 'wrongUnit' });
  }
  const plausibleMin = indicator.plausible?.min;
  if (plausibleMin !== undefined) cases.push({ cells: { value: plausibleMin / 2 }, kind: 'implausible' });
  cases.push({ cells: { value: fullWidth(String(min + 1)), previous: percent ? fraction(30) : fullWidth('3') }, formats: percent ? { previous: '0%' } : {}, kind: 'fullWidth' });
  return cases;
}

/** ExcelJS shares one style object between cells it loaded with the same style: give a cell its own. */
function put(cell: ExcelJS.Cell, value: ExcelJS.CellValue, numFmt?: string): void {
  cell.value = value;
  if (numFmt) cell.style = { ...cell.style, numFmt };
}

/** The issue's rows, on the first children's sheet: 5岁以下儿童死亡率 2.5‰ below 婴儿死亡率 3.2‰, and "95%" typed for ≥90%. */
const ISSUE_ROWS: Readonly<Record<string, { value: ExcelJS.CellValue; format?: string }>> = {
  'C-HEA-03': { value: '１．８' },
  'C-HEA-04': { value: 3.2 },
  'C-HEA-05': { value: 2.5 },
  'C-HEA-26': { value: 0.95, format: '0%' },
};

const PLANS: readonly PlanId[] = ['women', 'children'];
const YEARS = [2025, 2030];
const VARIANTS = 6;

describe('the sheet\'s own status column, recalculated by LibreOffice, says what the engine says', () => {
  let dir: string;
  const sheets: { name: string; check: TemplateCheck; model: TemplateModel; kinds: Map<number, Typed['kind']>; shown: string[][] }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xpm-oracle-'));
    const models: { name: string; model: TemplateModel; variant: number }[] = [];
    for (const plan of PLANS) for (const year of YEARS) for (let variant = 0; variant < VARIANTS; variant += 1) models.push({ name: `${plan}${year}v${variant}`, model: buildTemplate(catalog, { plan, year }), variant });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await templatesToXlsx(models.map((item) => item.model))) as unknown as ArrayBuffer);
    const kindsBySheet: Map<number, Typed['kind']>[] = [];
    models.forEach(({ name, model, variant }, index) => {
      const sheet = workbook.worksheets[index] as ExcelJS.Worksheet;
      sheet.name = name;
      const kinds = new Map<number, Typed['kind']>();
      model.dataRows.forEach((info, line) => {
        const indicator = catalog.indicators.get(info.indicatorId) as Indicator;
        const cases = casesFor(indicator, model.meta.year);
        const typed = cases[(variant + line) % cases.length] as Typed;
        const row = sheet.getRow(info.row + 1);
        const cell = (key: ColumnKey) => row.getCell(COLUMN_INDEX[key] + 1);
        for (const [key, value] of Object.entries(typed.cells) as [keyof Typed['cells'], ExcelJS.CellValue][]) {
          if (key !== 'value' && key !== 'progress' && key !== 'note' && !info.inputs[key]) continue;
          put(cell(key), value, typed.formats?.[key as keyof NonNullable<Typed['formats']>]);
        }
        const issue = ISSUE_ROWS[info.indicatorId];
        if (variant === 0 && model.meta.plan === 'children' && issue) {
          for (const key of ['previous', 'baseline', 'other'] as const) if (info.inputs[key]) put(cell(key), null, 'General');
          put(cell('value'), issue.value, issue.format ?? 'General');
        }
        kinds.set(info.row, typed.kind);
      });
      kindsBySheet.push(kinds);
    });
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const input = join(dir, 'filled.xlsx');
    writeFileSync(input, bytes);
    convertWithLibreOffice(input, CSV_ALL_SHEETS, join(dir, 'out'), dir);
    const checked = await checkXlsx(bytes, catalog);
    if (!checked.ok) throw new Error(checked.message.zh);
    models.forEach(({ name, model }, index) => {
      const check = checked.sheets.find((candidate) => candidate.read.sheetName === name);
      if (!check) throw new Error(`${name} was not read back`);
      sheets.push({ name, check, model, kinds: kindsBySheet[index] as Map<number, Typed['kind']>, shown: parseCsv(readFileSync(join(dir, 'out', `filled-${name}.csv`), 'utf8')) });
    });
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every row of every template: LibreOffice\'s word is the engine\'s status, 逻辑有误 where its consistency error names the row', () => {
    const disagreements: string[] = [];
    const seen = new Map<string, number>();
    for (const { name, check, shown } of sheets) {
      const errorsNamed = new Set(check.report.consistency.filter((finding) => finding.severity === 'error').flatMap((finding) => finding.indicatorIds.map((id) => `${id}/${finding.unitId ?? ''}`)));
      const byRow = new Map(check.read.entries.map((entry) => [entry.row, entry]));
      for (const result of check.report.results) {
        const entry = check.read.entries.find((candidate) => candidate.indicatorId === result.indicatorId && candidate.unitId === result.unitId);
        if (!entry || byRow.get(entry.row) !== entry) continue;
        const word = shown[entry.row]?.[COLUMN_INDEX.status] ?? '<none>';
        const expected = errorsNamed.has(`${result.indicatorId}/${result.unitId ?? ''}`) ? [words.inconsistent] : WORD_OF[result.status];
        seen.set(word, (seen.get(word) ?? 0) + 1);
        if (!expected.includes(word)) disagreements.push(`${name} ${entry.cells.value} ${result.indicatorId}${result.unitId ? `/${result.unitId}` : ''} raw ${JSON.stringify(entry.value)}: LibreOffice "${word}", engine ${result.status}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(seen.get(words.unreadable) ?? 0).toBe(0);
    // every verdict occurs, so the comparison is not vacuous
    for (const word of [words.met, words.notMet, words.notYetDue, words.invalid, words.inconsistent, words.qualitative]) expect(seen.get(word) ?? 0).toBeGreaterThan(0);
  });

  it('covers full-width and percent-formatted input on every target kind, and the wrong unit', () => {
    const kindsCovered = new Map<string, Set<Typed['kind']>>();
    for (const { model, kinds } of sheets) {
      for (const info of model.dataRows) {
        const indicator = catalog.indicators.get(info.indicatorId) as Indicator;
        for (const check of targetsForYear(indicator, model.meta.year)) {
          const key = `${UNITS[indicator.unit].valueKind}:${check.target.kind}`;
          const set = kindsCovered.get(key) ?? new Set();
          set.add(kinds.get(info.row) as Typed['kind']);
          kindsCovered.set(key, set);
        }
      }
    }
    for (const kind of ['min', 'max', 'count', 'approx', 'reduction', 'increase', 'decrease', 'notBelowPrevious', 'relative']) {
      const covered = [...kindsCovered].filter(([key]) => key === `number:${kind}`).flatMap(([, set]) => [...set]);
      if (covered.length === 0) continue; // a kind no indicator of these years has
      expect({ kind, fullWidth: covered.includes('fullWidth') }).toEqual({ kind, fullWidth: true });
    }
    const all = new Set([...kindsCovered.values()].flatMap((set) => [...set]));
    for (const kind of ['fullWidth', 'percent', 'wrongUnit', 'implausible'] as const) expect(all).toContain(kind);
  });

  it('the issue\'s rows: 95% typed into a % cell is 达标 where the target is ≥90%, and 2.5 under 3.2 is 逻辑有误', () => {
    const sheet = sheets.find((candidate) => candidate.name === 'children2025v0');
    if (!sheet) throw new Error('no children2025v0');
    const at = (id: string) => sheet.shown[sheet.check.read.entries.find((entry) => entry.indicatorId === id)?.row ?? -1]?.[COLUMN_INDEX.status];
    expect([at('C-HEA-04'), at('C-HEA-05')]).toEqual([words.inconsistent, words.inconsistent]);
    expect(at('C-HEA-03')).toBe(words.met);
    expect(at('C-HEA-26')).toBe(words.met);
    expect(sheet.check.read.entries.find((entry) => entry.indicatorId === 'C-HEA-26')?.value).toBe('95%');
  });
});
