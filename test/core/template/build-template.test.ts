import { catalogVersion } from '../../helpers/catalog-version';
import { seedCatalog } from '../../../src/seed-catalog';
import organisationsFile from '../../../seeds/organisations.json';
import { EVERY_TOWNSHIP } from '../../../src/core/catalog/catalog';
import type { Indicator, PlanId } from '../../../src/core/catalog/indicator-schema';
import { validRange } from '../../../src/core/rules/validate-value';
import { buildTemplate, FIRST_DATA_ROW, FOOTER_FIELDS, HEADER_ROW, TemplateRequestError } from '../../../src/core/template/build-template';
import { EMPTY_REPORT_FORM, ReportFormSchema } from '../../../src/core/catalog/report-form-schema';
import { wrappedLines } from '../../../src/core/template/text-lines';
import { safeSheetName } from '../../../src/core/template/sheet-name';
import { columnLetter, parseCellAddress } from '../../../src/core/template/cell-address';
import { COLUMN_INDEX, PRINT_SCALE, STATUS_WORDS, TEMPLATE_COLUMNS, type ColumnKey } from '../../../src/core/template/template-columns';
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
    // rows are numbered 1…n from the first row of the data block; between them only the domains' group rows
    const block = model.rows.slice(FIRST_DATA_ROW, (model.dataRows.at(-1)?.row ?? 0) + 1);
    expect(block.map((row) => row.kind).filter((kind) => kind !== 'group')).toEqual(model.dataRows.map(() => 'data'));
    model.dataRows.forEach((row, index) => {
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
    expect(model.rows[2]?.cells[0]?.value).toContain('填报单位（盖章）：新平县卫生健康局');
    const headers = model.rows[HEADER_ROW]?.cells.map((cell) => cell?.value);
    expect(model.rows[HEADER_ROW]?.kind).toBe('header');
    for (const required of ['序号', '指标编号', '指标名称', '单位', '目标', '基期值', '上年值（上届值）', '本年值', '达标情况', '进展情况（定性指标）', '说明', '数据来源']) expect(headers).toContain(required);
    expect(headers).not.toContain('领域'); // a group row, not a column
    expect(headers).toEqual(model.columns.map((column) => column.header));
    expect(model.merges).toContain('A2:N2');
    expect(model.freeze).toEqual({ rows: HEADER_ROW + 1, columns: 0 });
    // A3, one page wide, the visible columns A:N from the first row to the last (no hidden helper column, no metadata cell)
    expect(model.print).toMatchObject({ orientation: 'landscape', paperSize: 'A3', fitToPagesWide: 1, titleRows: `$${HEADER_ROW + 1}:$${HEADER_ROW + 1}`, area: `A1:N${model.rows.length}` });
    expect(model.protection.password).toBeUndefined();
    const footer = model.rows.filter((row) => row.kind === 'footer').map((row) => row.cells.map((cell) => cell?.value).join(''));
    expect(footer).toEqual(['单位负责人：统计负责人：填表人：', '联系电话：报出日期：']);
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
      const text = catalog.indicators.get(info.indicatorId)?.unit === '文字';
      const expected: ColumnKey[] = [...(inputs.baseline ? ['baseline' as const] : []), ...(inputs.previous ? ['previous' as const] : []), ...(inputs.other ? ['other' as const] : []), text ? 'progress' : 'value', 'note', 'dataSource'];
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

  it('gives every data row a status formula (and numeric rows their hidden judged number) that reads only its own row', () => {
    for (const info of model.dataRows) {
      const cells = model.rows[info.row]?.cells;
      const formula = cells?.[COLUMN_INDEX.status]?.formula as string;
      const judged = cells?.[COLUMN_INDEX.judged]?.formula ?? '';
      expect(formula.startsWith('=')).toBe(true);
      // other rows only by indicator code, over whole columns (INDEX($O:$O,MATCH("C-HEA-04",$B:$B,0))): sorting cannot break them
      const references = `${formula}${judged}`.replace(/"[^"]*"/g, '""').match(/\b[A-Z]{1,2}\d+\b/g) ?? [];
      expect(references.length).toBeGreaterThan(0);
      const rows = new Set(references.map((ref) => parseCellAddress(ref).row));
      expect([...rows]).toEqual([info.row]);
      const columns = new Set(references.map((ref) => parseCellAddress(ref).column));
      const text = catalog.indicators.get(info.indicatorId)?.unit === '文字';
      // a qualitative row reads its 进展情况 (and 本年值 where that is blank, as the reader does); the others never 进展情况
      expect(columns.has(COLUMN_INDEX[text ? 'progress' : 'value'])).toBe(true);
      if (!text) expect(columns.has(COLUMN_INDEX.progress)).toBe(false);
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
        const text = catalog.indicators.get(info.indicatorId)?.unit === '文字';
        for (const key of [text ? 'progress' : 'value', 'note', 'previous', 'baseline', 'other'] as const) {
          if (key === 'value' || key === 'progress' || key === 'note' || info.inputs[key]) expectedCells.add(`${COLUMN_INDEX[key]}:${info.row}`);
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

  it('colours the status column: misses red, met green, not yet due blue, invalid and inconsistent amber', () => {
    const column = columnLetter(COLUMN_INDEX.status);
    const status = `${column}${FIRST_DATA_ROW + 1}`;
    const range = `${status}:${column}${(model.dataRows.at(-1)?.row ?? 0) + 1}`;
    expect(model.columns[COLUMN_INDEX.status]?.key).toBe('status');
    const words = STATUS_WORDS['zh-CN'];
    expect(model.conditionalFormats).toEqual([
      expect.objectContaining({ range, formula: `${status}="${words.notMet}"`, fill: FLAG_COLOURS.notMet.fill }),
      expect.objectContaining({ range, formula: `${status}="${words.met}"`, fill: FLAG_COLOURS.met.fill }),
      expect.objectContaining({ range, formula: `${status}="${words.notYetDue}"`, fill: FLAG_COLOURS.notYetDue.fill }),
      expect.objectContaining({ range, fill: FLAG_COLOURS.error.fill }),
    ]);
    expect(model.conditionalFormats[3]?.formula).toContain(`"${words.invalid}"`);
    expect(model.conditionalFormats[3]?.formula).toContain(`"${words.inconsistent}"`);
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

describe('buildTemplate: a printable 统计报表', () => {
  const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' });
  const textOfRow = (row: TemplateModel['rows'][number] | undefined) => (row?.cells ?? []).map((cell) => (typeof cell?.value === 'string' ? cell.value : '')).join('|');

  it('heads the sheet with 表号, 制表机关, 批准文号 and 有效期至 from the deployment\'s report form, blank lines where it has none', () => {
    const form = { formNumber: '妇儿监1表', issuedBy: '某县统计局', approvalNumber: '某统字〔2021〕1号', validUntil: '2026年12月' };
    const given = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj', reportForm: form });
    const header = given.rows.slice(0, HEADER_ROW).map(textOfRow).join('\n');
    for (const line of ['表\u3000\u3000号：妇儿监1表', '制表机关：某县统计局', '批准文号：某统字〔2021〕1号', '有效期至：2026年12月']) expect(header).toContain(line);
    // from the catalog (seeds/report-form.json) when the request names none; the seeds leave them blank: labels only
    const fromCatalog = buildTemplate({ ...catalog, reportForms: { women: EMPTY_REPORT_FORM, children: form } }, { plan: 'children', year: 2025 });
    expect(fromCatalog.rows.slice(0, HEADER_ROW).map(textOfRow).join('\n')).toContain('表\u3000\u3000号：妇儿监1表');
    const blank = model.rows.slice(0, HEADER_ROW).map(textOfRow).join('\n');
    for (const label of ['表\u3000\u3000号：', '制表机关：', '批准文号：', '有效期至：']) expect(blank).toMatch(new RegExp(`${label}(\\||$)`, 'm'));
    expect(blank).toContain('填报单位（盖章）：新平县卫生健康局');
    // the fields are lines to write on, locked, and merged over the right-hand columns
    const fields = model.rows.slice(0, HEADER_ROW).flatMap((row) => row.cells.filter((cell) => cell?.style === 'formField'));
    expect(fields).toHaveLength(4);
    expect(CELL_STYLES.formField).toMatchObject({ bottomBorder: true });
    expect(fields.every((cell) => cell && !isUnlocked(cell.style))).toBe(true);
    expect(model.merges).toEqual(expect.arrayContaining([`${columnLetter(COLUMN_INDEX.note)}3:${columnLetter(COLUMN_INDEX.dataSource)}3`]));
    // a value that would be a formula is refused by the report form's schema
    expect(ReportFormSchema.safeParse({ formNumber: '=HYPERLINK("x")' }).success).toBe(false);
  });

  it('ends with the footer 单位负责人 · 统计负责人 · 填表人 · 联系电话 · 报出日期, each with a line to fill in', () => {
    const footer = model.rows.map((row, index) => ({ row, index })).filter(({ row }) => row.kind === 'footer');
    expect(footer).toHaveLength(2);
    const labels = footer.flatMap(({ row }) => row.cells.filter((cell) => cell?.style === 'footerLabel').map((cell) => cell?.value));
    expect(labels).toEqual(['单位负责人：', '统计负责人：', '填表人：', '联系电话：', '报出日期：']);
    for (const field of Object.values(FOOTER_FIELDS)) {
      const cell = footer[field.row]?.row.cells[COLUMN_INDEX[field.input]];
      expect(cell?.style).toBe('footerInput');
      expect(isUnlocked('footerInput')).toBe(true);
    }
    // the footer comes right after the data, the 填表说明 below it
    const kinds = model.rows.slice((model.dataRows.at(-1)?.row ?? 0) + 1).map((row) => row.kind);
    expect(kinds).toEqual(['spacer', 'footer', 'footer', 'spacer', ...new Array(kinds.length - 4).fill('instructions')]);
  });

  it('names each domain once, as a group row above its indicators, not in a column', () => {
    expect(COLUMN_INDEX).not.toHaveProperty('domain');
    for (const plan of PLANS) {
      const all = buildTemplate(catalog, { plan, year: 2025 });
      const groups = all.rows.filter((row) => row.kind === 'group').map((row) => row.cells[0]?.value);
      const domains = catalog.plans[plan].domains.filter((domain) => catalog.plans[plan].indicators.some((indicator) => indicator.domain === domain.name));
      expect(groups).toEqual(domains.map((domain, index) => `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][catalog.plans[plan].domains.indexOf(domain)] ?? index}、${domain.name}`));
      // each indicator row sits below the group row of its own domain
      let current = '';
      for (const row of all.rows) {
        if (row.kind === 'group') current = String(row.cells[0]?.value).replace(/^.+、/, '');
        if (row.kind !== 'data') continue;
        expect(catalog.indicators.get(String(row.cells[COLUMN_INDEX.id]?.value))?.domain).toBe(current);
      }
    }
    // a department's sheet groups only the domains it reports
    expect(model.rows.filter((row) => row.kind === 'group').map((row) => row.cells[0]?.value)).toEqual(['一、儿童与健康', '二、儿童与安全', '四、儿童与福利', '五、儿童与家庭']);
  });

  it('puts a qualitative indicator\'s progress in the wide 进展情况 column, numbers in the narrow 本年值', () => {
    const column = (key: ColumnKey) => TEMPLATE_COLUMNS[COLUMN_INDEX[key]]!;
    expect(column('progress').width).toBeGreaterThanOrEqual(2 * column('value').width);
    const qualitative = model.dataRows.filter((info) => catalog.indicators.get(info.indicatorId)?.unit === '文字');
    expect(qualitative.length).toBeGreaterThan(5);
    for (const info of model.dataRows) {
      const cells = model.rows[info.row]?.cells ?? [];
      const text = qualitative.includes(info);
      expect([cells[COLUMN_INDEX.value]?.style, cells[COLUMN_INDEX.progress]?.style]).toEqual(text ? ['unused', 'inputText'] : [expect.stringMatching(/^input/), 'unused']);
    }
  });

  it('grows each row with its wrapped text, and prints 填表说明 at 9 points or more, explaining 未到期', () => {
    // a long target takes more lines than a short one, and the row is tall enough for them
    for (const info of model.dataRows) {
      const row = model.rows[info.row]!;
      for (const key of ['name', 'target', 'unitName'] as const) {
        const text = row.cells[COLUMN_INDEX[key]]?.value;
        if (typeof text === 'string') expect(row.height).toBeGreaterThanOrEqual(wrappedLines(text, TEMPLATE_COLUMNS[COLUMN_INDEX[key]]!.width) * 13.5);
      }
    }
    const heights = new Set(model.dataRows.map((info) => model.rows[info.row]?.height));
    expect(heights.size).toBeGreaterThan(1);
    // one page wide on A3 landscape scales the sheet down a little (the data's 10 points print at 8 or more); the
    // instructions' font is chosen so that they still print at ≥ 9 pt
    expect(PRINT_SCALE).toBeLessThan(1);
    expect(CELL_STYLES.cell.fontSize * PRINT_SCALE).toBeGreaterThanOrEqual(8);
    expect(CELL_STYLES.instructions.fontSize * PRINT_SCALE).toBeGreaterThanOrEqual(9);
    const instructions = model.rows.filter((row) => row.kind === 'instructions');
    expect(instructions[0]?.cells[0]?.value).toBe('填表说明');
    const text = instructions.map((row) => String(row.cells[0]?.value)).join('\n');
    expect(text).toMatch(/未到期——尚未达到以后年份的目标，属提示，不需要说明/);
    expect(text).toMatch(/进展情况/);
    const width = TEMPLATE_COLUMNS.filter((column) => !column.hidden).reduce((sum, column) => sum + column.width, 0);
    for (const row of instructions) expect(row.height).toBeGreaterThanOrEqual(wrappedLines(String(row.cells[0]?.value), width, CELL_STYLES.instructions.fontSize) * CELL_STYLES.instructions.fontSize * 1.35);
    // merged across the printed width, the hidden 校验值 column left out
    const last = columnLetter(TEMPLATE_COLUMNS.map((column) => !column.hidden).lastIndexOf(true));
    const index = model.rows.indexOf(instructions[1]!);
    expect(model.merges).toContain(`A${index + 1}:${last}${index + 1}`);
    expect(TEMPLATE_VERSION).toBe(2);
  });
});
