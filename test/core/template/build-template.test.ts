import { catalogVersion } from '../../helpers/catalog-version';
import { seedCatalog } from '../../../src/seed-catalog';
import organisationsFile from '../../../seeds/organisations.json';
import { EVERY_TOWNSHIP } from '../../../src/core/catalog/catalog';
import type { Indicator, PlanId } from '../../../src/core/catalog/indicator-schema';
import { validRange } from '../../../src/core/rules/validate-value';
import { buildTemplate, FIRST_DATA_ROW, HEADER_ROW, TemplateRequestError } from '../../../src/core/template/build-template';
import { safeSheetName } from '../../../src/core/template/sheet-name';
import { parseCellAddress } from '../../../src/core/template/cell-address';
import { COLUMN_INDEX, STATUS_WORDS, TEMPLATE_COLUMNS, type ColumnKey } from '../../../src/core/template/template-columns';
import { decodeMetadata, encodeMetadata, TEMPLATE_VERSION, type TemplateMetadata } from '../../../src/core/template/template-metadata';
import { CELL_STYLES, FLAG_COLOURS, type CellStyle, type StyleName, type TemplateModel } from '../../../src/core/template/template-model';
import { lineInputs } from '../../../src/core/template/template-rows';

const catalog = seedCatalog();
const isUnlocked = (style: StyleName): boolean | undefined => (CELL_STYLES[style] as CellStyle).unlocked;
const PLANS: readonly PlanId[] = ['women', 'children'];
const organisations = organisationsFile.organisations;
const townships = organisations.filter((o) => o.kind === 'township' || o.kind === 'subdistrict');
const departments = organisations.filter((o) => o.kind === 'department');
const planIndicators = (plan: PlanId) => catalog.plans[plan].indicators;

/** Every cell of a rectangle "K5:K9" (or a single cell). */
function cellsOf(range: string): string[] {
  const [first, last = first] = range.split(':') as [string, string?];
  const a = parseCellAddress(first);
  const b = parseCellAddress(last as string);
  const cells: string[] = [];
  for (let row = a.row; row <= b.row; row += 1) for (let column = a.column; column <= b.column; column += 1) cells.push(`${column}:${row}`);
  return cells;
}

/** Rows per indicator a department's sheet must have: one, or one per township or listed body. */
function expectedRows(indicator: Indicator, townshipId?: string): number {
  if (!indicator.perUnit) return 1;
  if (indicator.perUnit.scope === 'list') return indicator.perUnit.units.length;
  return townshipId ? 1 : townships.length;
}

describe('buildTemplate: which lines an organisation reports', () => {
  it('seeds hold 12 townships and subdistricts', () => {
    expect(townships).toHaveLength(12);
  });

  it.each(PLANS)('gives every department exactly the %s indicators it is responsible for', (plan) => {
    let cut = 0;
    for (const department of departments) {
      const responsible = planIndicators(plan).filter((indicator) => indicator.responsible.includes(department.id));
      if (responsible.length === 0) {
        expect(() => buildTemplate(catalog, { plan, year: 2025, organisationId: department.id })).toThrow(TemplateRequestError);
        continue;
      }
      cut += 1;
      const model = buildTemplate(catalog, { plan, year: 2025, organisationId: department.id });
      expect(new Set(model.dataRows.map((row) => row.indicatorId))).toEqual(new Set(responsible.map((indicator) => indicator.id)));
      for (const indicator of responsible) {
        const rows = model.dataRows.filter((row) => row.indicatorId === indicator.id);
        expect(rows).toHaveLength(expectedRows(indicator));
        if (indicator.perUnit?.scope === 'township') expect(rows.map((row) => row.unitId).sort()).toEqual(townships.map((t) => t.id).sort());
        if (!indicator.perUnit) expect(rows[0]?.unitId).toBeUndefined();
      }
      expect(model.meta.organisationId).toBe(department.id);
      expect(model.title).toContain(department.name);
    }
    expect(cut).toBeGreaterThan(5);
  });

  it('gives the health commission each per-township indicator once per township', () => {
    const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' });
    const perTownship = planIndicators('children').filter((i) => i.perUnit?.scope === 'township' && i.responsible.includes('wjj'));
    expect(perTownship.length).toBeGreaterThan(0);
    for (const indicator of perTownship) {
      const rows = model.dataRows.filter((row) => row.indicatorId === indicator.id);
      expect(rows).toHaveLength(12);
      // the township's name is on its row
      for (const row of rows) {
        const township = townships.find((t) => t.id === row.unitId);
        expect(model.rows[row.row]?.cells[COLUMN_INDEX.unitName]?.value).toBe(township?.name);
      }
    }
  });

  it.each(townships.map((t) => t.id))('gives township %s only its own row of per-township indicators', (townshipId) => {
    for (const plan of PLANS) {
      const expected = planIndicators(plan).filter((i) => i.responsible.includes(EVERY_TOWNSHIP) || i.perUnit?.scope === 'township');
      if (expected.length === 0) continue;
      const model = buildTemplate(catalog, { plan, year: 2026, organisationId: townshipId });
      expect(model.dataRows.map((row) => row.indicatorId).sort()).toEqual(expected.map((i) => i.id).sort());
      for (const row of model.dataRows) expect(row.unitId).toBe(townshipId);
    }
  });

  it.each(PLANS)('gives every indicator of the %s plan without an organisation, in domain order', (plan) => {
    const model = buildTemplate(catalog, { plan, year: 2025 });
    expect(model.meta).not.toHaveProperty('organisationId');
    expect(new Set(model.dataRows.map((row) => row.indicatorId))).toEqual(new Set(planIndicators(plan).map((i) => i.id)));
    const total = planIndicators(plan).reduce((sum, indicator) => sum + expectedRows(indicator), 0);
    expect(model.dataRows).toHaveLength(total);
    const domains = catalog.plans[plan].domains.map((d) => d.name);
    const order = model.dataRows.map((row) => domains.indexOf(catalog.indicators.get(row.indicatorId)?.domain as string));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // rows are consecutive from the first data row, numbered 1…n
    model.dataRows.forEach((row, index) => {
      expect(row.row).toBe(FIRST_DATA_ROW + index);
      expect(model.rows[row.row]?.cells[COLUMN_INDEX.seq]?.value).toBe(index + 1);
      expect(model.rows[row.row]?.cells[COLUMN_INDEX.id]?.value).toBe(row.indicatorId);
    });
  });

  it.each([
    [2020, '报告年度“2020”无效：应为2021—2030年之间的年份'],
    [2031, '报告年度“2031”无效'],
    [2025.5, '报告年度“2025.5”无效'],
    [Number.NaN, '报告年度“NaN”无效'],
  ])('refuses the year %p with a Chinese message', (year, message) => {
    let error: unknown;
    try {
      buildTemplate(catalog, { plan: 'children', year });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TemplateRequestError);
    expect((error as TemplateRequestError).zh).toContain(message);
    expect((error as TemplateRequestError).en).toContain('2021');
  });

  it('refuses an unknown organisation, and one that reports nothing of the plan, in Chinese', () => {
    expect(() => buildTemplate(catalog, { plan: 'women', year: 2025, organisationId: 'nasa' })).toThrow('单位编号“nasa”不在单位名录中');
    const idle = departments.find((d) => planIndicators('children').every((i) => !i.responsible.includes(d.id)));
    expect(idle).toBeDefined();
    expect(() => buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: idle?.id as string })).toThrow(/没有默认填报的指标/);
  });
});

describe('buildTemplate: the sheet', () => {
  const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' });

  it('has the hidden marker row, title, subtitle and the header with the required columns', () => {
    expect(model.rows[0]).toMatchObject({ kind: 'markers', hidden: true });
    expect(model.rows[0]?.cells.slice(0, TEMPLATE_COLUMNS.length).map((cell) => cell?.value)).toEqual(TEMPLATE_COLUMNS.map((column) => `xpm:${column.key}`));
    expect(model.title).toBe(`${catalog.plans.children.title}监测指标填报表 · 2025年度 · 新平县卫生健康局`);
    expect(model.rows[1]?.cells[0]?.value).toBe(model.title);
    expect(model.rows[2]?.cells[0]?.value).toContain('填报单位：新平县卫生健康局');
    const headers = model.rows[HEADER_ROW]?.cells.map((cell) => cell?.value);
    expect(model.rows[HEADER_ROW]?.kind).toBe('header');
    for (const required of ['序号', '指标编号', '领域', '指标名称', '单位', '目标', '基期值', '上年值（上届值）', '本年值', '达标情况', '说明', '数据来源']) expect(headers).toContain(required);
    expect(headers).toEqual(model.columns.map((column) => column.header));
    expect(model.merges).toContain('A2:N2');
    expect(model.freeze).toEqual({ rows: HEADER_ROW + 1, columns: 0 });
    expect(model.print).toMatchObject({ orientation: 'landscape', paperSize: 'A4', fitToPagesWide: 1, titleRows: `$${HEADER_ROW + 1}:$${HEADER_ROW + 1}` });
    expect(model.protection.password).toBeUndefined();
    const footer = model.rows.filter((row) => row.kind === 'footer').map((row) => row.cells.map((cell) => cell?.value).join(''));
    expect(footer[0]).toMatch(/填报人：.*联系电话：.*填报日期：/);
  });

  it('states the target that governs the year, with ※ where the plan is ambiguous', () => {
    const target = (id: string) => model.rows[model.dataRows.find((row) => row.indicatorId === id)?.row as number]?.cells[COLUMN_INDEX.target]?.value;
    expect(target('C-HEA-09')).toBe('每年≥90%');
    expect(target('C-HEA-20')).toMatch(/^2030年≥93%.*※$/);
    expect(target('C-SAF-01')).toContain('以2020年为基数下降20%');
  });

  it('leaves only the inputs a row needs unlocked', () => {
    const unlockedKeys = (cells: TemplateModel['rows'][number]['cells']) =>
      TEMPLATE_COLUMNS.filter((column) => {
        const cell = cells[COLUMN_INDEX[column.key]];
        return cell !== undefined && isUnlocked(cell.style) === true;
      }).map((column) => column.key);
    for (const info of model.dataRows) {
      const inputs = lineInputs(catalog.indicators.get(info.indicatorId) as Indicator);
      expect(info.inputs).toEqual(inputs);
      const expected: ColumnKey[] = [...(inputs.baseline ? ['baseline' as const] : []), ...(inputs.previous ? ['previous' as const] : []), ...(inputs.other ? ['other' as const] : []), 'value', 'note', 'dataSource'];
      expect(unlockedKeys(model.rows[info.row]?.cells ?? [])).toEqual(expected);
    }
    // a qualitative row offers no previous value; a reduction target offers the base-year value, prefilled from the plan
    const saf01 = model.dataRows.find((row) => row.indicatorId === 'C-SAF-01');
    expect(saf01?.inputs).toMatchObject({ baseline: true, previous: true });
    const base = catalog.indicators.get('C-SAF-01')?.baseline.find((b) => b.year === 2020)?.value;
    expect(model.rows[saf01?.row as number]?.cells[COLUMN_INDEX.baseline]?.value).toBe(base);
    // no locked row above or below the data offers an input, except the footer's signature cells
    const others = model.rows.filter((row) => row.kind !== 'data' && row.kind !== 'footer');
    for (const row of others) expect(row.cells.every((cell) => !cell || !isUnlocked(cell.style))).toBe(true);
  });

  it('gives every data row a status formula that reads only its own row', () => {
    for (const info of model.dataRows) {
      const formula = model.rows[info.row]?.cells[COLUMN_INDEX.status]?.formula as string;
      expect(formula.startsWith('=')).toBe(true);
      const references = formula.replace(/"[^"]*"/g, '""').match(/\b[A-Z]{1,2}\d+\b/g) ?? [];
      expect(references.length).toBeGreaterThan(0);
      const rows = new Set(references.map((ref) => parseCellAddress(ref).row));
      expect([...rows]).toEqual([info.row]);
      const columns = new Set(references.map((ref) => parseCellAddress(ref).column));
      expect(columns.has(COLUMN_INDEX.value)).toBe(true);
      // it never reads an input the row does not offer
      for (const key of ['previous', 'baseline', 'other'] as const) if (!info.inputs[key]) expect(columns.has(COLUMN_INDEX[key])).toBe(false);
    }
  });

  it('validates every input cell of a data row exactly once, with merged ranges that never overlap', () => {
    const all = buildTemplate(catalog, { plan: 'women', year: 2025 });
    for (const sheet of [model, all]) {
      const covered = new Map<string, number>();
      for (const rule of sheet.validations) {
        const cells = cellsOf(rule.range);
        expect(new Set(cells.map((cell) => cell.split(':')[0])).size).toBe(1); // one column per rule
        for (const cell of cells) covered.set(cell, (covered.get(cell) ?? 0) + 1);
      }
      expect([...covered.values()].every((count) => count === 1)).toBe(true);
      const expectedCells = new Set<string>();
      for (const info of sheet.dataRows) {
        for (const key of ['value', 'note', 'previous', 'baseline', 'other'] as const) {
          if (key === 'value' || key === 'note' || info.inputs[key]) expectedCells.add(`${COLUMN_INDEX[key]}:${info.row}`);
        }
      }
      expect(new Set(covered.keys())).toEqual(expectedCells);
      // merged: two rules with the same settings never sit end to end in a column
      for (const a of sheet.validations) {
        for (const b of sheet.validations) {
          if (a === b || JSON.stringify({ ...a, range: '' }) !== JSON.stringify({ ...b, range: '' })) continue;
          const aCells = cellsOf(a.range);
          const bCells = cellsOf(b.range);
          const [aColumn, aLast] = (aCells[aCells.length - 1] as string).split(':').map(Number);
          const [bColumn, bFirst] = (bCells[0] as string).split(':').map(Number);
          expect(aColumn === bColumn && (aLast as number) + 1 === bFirst).toBe(false);
        }
      }
      expect(sheet.validations.length).toBeLessThan(expectedCells.size);
    }
  });

  it('validates numbers within the engine\'s valid range, with a warning (not a stop)', () => {
    for (const rule of model.validations) {
      const { row, column } = parseCellAddress(rule.range.split(':')[0] as string);
      if (column !== COLUMN_INDEX.value) continue;
      const info = model.dataRows.find((candidate) => candidate.row === row);
      const indicator = catalog.indicators.get(info?.indicatorId as string) as Indicator;
      if (rule.rule.type === 'decimal' || rule.rule.type === 'whole') {
        const range = validRange(indicator);
        expect(rule.rule.min).toBe(range.min);
        expect(rule.rule.max).toBe(range.max);
        expect(rule.error.style).toBe('warning');
      }
      if (indicator.unit === '是/否') expect(rule.rule).toEqual({ type: 'list', values: ['是', '否'] });
    }
  });

  it('colours the status column: misses red, met green, not yet due blue, invalid amber', () => {
    const status = `L${FIRST_DATA_ROW + 1}`;
    const range = `${status}:L${FIRST_DATA_ROW + model.dataRows.length}`;
    expect(model.columns[COLUMN_INDEX.status]?.key).toBe('status');
    const words = STATUS_WORDS['zh-CN'];
    expect(model.conditionalFormats).toEqual([
      expect.objectContaining({ range, formula: `${status}="${words.notMet}"`, fill: FLAG_COLOURS.notMet.fill }),
      expect.objectContaining({ range, formula: `${status}="${words.met}"`, fill: FLAG_COLOURS.met.fill }),
      expect.objectContaining({ range, formula: `${status}="${words.notYetDue}"`, fill: FLAG_COLOURS.notYetDue.fill }),
      expect.objectContaining({ range, fill: FLAG_COLOURS.error.fill }),
    ]);
    expect(model.conditionalFormats[3]?.formula).toContain(`"${words.invalid}"`);
  });

  it('writes metadata that decodes back to the request, and round-trips with and without an organisation', () => {
    const cell = model.rows[0]?.cells.find((c) => String(c?.value).startsWith('xpm:meta '))?.value as string;
    const decoded = decodeMetadata(cell);
    expect(decoded).toEqual({ ok: true, meta: { plan: 'children', year: 2025, organisationId: 'wjj', catalogVersion: catalog.plans.children.catalogVersion, templateVersion: TEMPLATE_VERSION } });
    const metas: TemplateMetadata[] = [
      { plan: 'women', year: 2021, catalogVersion: catalogVersion('women'), templateVersion: 1 },
      { plan: 'children', year: 2030, organisationId: 'gasa', catalogVersion: '2025.12', templateVersion: 3 },
    ];
    for (const meta of metas) expect(decodeMetadata(encodeMetadata(meta))).toEqual({ ok: true, meta });
    expect(decodeMetadata('xpm:meta {"plan":"men","year":2025,"catalogVersion":"2026.1","templateVersion":1}')).toMatchObject({ ok: false, zh: expect.stringContaining('plan') });
    expect(decodeMetadata('xpm:meta {oops')).toMatchObject({ ok: false, zh: '隐藏的模板信息已损坏（不是有效的 JSON）' });
    expect(decodeMetadata(`${encodeMetadata(metas[0] as TemplateMetadata).slice(0, -1)},"extra":1}`)).toMatchObject({ ok: false });
  });

  it('suggests sheet names Excel accepts for every organisation, plan and language', () => {
    for (const plan of PLANS) {
      for (const organisationId of [undefined, ...organisations.map((o) => o.id)]) {
        for (const language of ['zh-CN', 'en-US'] as const) {
          let sheet: TemplateModel;
          try {
            sheet = buildTemplate(catalog, { plan, year: 2025, language, ...(organisationId ? { organisationId } : {}) });
          } catch (error) {
            expect(error).toBeInstanceOf(TemplateRequestError);
            continue;
          }
          expect([...sheet.sheetName].length).toBeLessThanOrEqual(31);
          expect(sheet.sheetName).not.toMatch(/[:\\/?*[\]]/);
          expect(sheet.sheetName.length).toBeGreaterThan(0);
        }
      }
    }
    expect(safeSheetName('a:b/c?d*e[f]g\\h')).toBe('a-b-c-d-e-f-g-h');
    expect([...safeSheetName('很'.repeat(40))]).toHaveLength(31);
    expect(safeSheetName("'quoted'")).toBe('quoted');
    expect(safeSheetName('')).toBe('Sheet');
  });

  it('writes an en-US template with English headers and English status words in its formulas', () => {
    const english = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj', language: 'en-US' });
    expect(english.rows[HEADER_ROW]?.cells.map((cell) => cell?.value)).toEqual(TEMPLATE_COLUMNS.map((column) => column.headerEn));
    expect(english.title).toContain('County Health Commission');
    expect(english.title).not.toMatch(/[\u4e00-\u9fff]/);
    const zhWords = Object.values(STATUS_WORDS['zh-CN']);
    const formulas = english.dataRows.map((info) => english.rows[info.row]?.cells[COLUMN_INDEX.status]?.formula as string);
    expect(formulas.some((formula) => formula.includes(`"${STATUS_WORDS['en-US'].met}"`))).toBe(true);
    expect(formulas.some((formula) => formula.includes(`"${STATUS_WORDS['en-US'].notMet}"`))).toBe(true);
    // the words the formulas write (the inline lists of what people may type, such as 无数据 or 是, aside)
    for (const formula of formulas) for (const word of zhWords) expect(formula.replace(/\{[^}]*\}/g, '{}')).not.toContain(`"${word}"`);
    expect(english.conditionalFormats[0]?.formula).toContain('"Not met"');
    // same rows, same inputs: only the words differ
    expect(english.dataRows).toEqual(model.dataRows);
    expect(english.meta).toEqual(model.meta);
  });
});
