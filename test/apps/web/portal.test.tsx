/** @jest-environment jsdom */
import { blobBytes } from './jsdom-globals';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { buildTemplate } from '../../../src/core/template/build-template';
import { seedCatalog } from '../../../src/seed-catalog';
import { templatesToXlsx } from '../../../src/xlsx/write-xlsx';
import { defaultReportYear, reportYears } from '../../../src/apps/web/portal/PortalPage';
import { differences } from '../../../src/apps/web/portal/VersionHistory';
import { portalStrings } from '../../../src/apps/web/portal/portal-strings';
import { sheetXmlBomb } from '../../helpers/hostile-xlsx';
import { apiError, fakeFetch, renderApp, sessionOf, type Answer, type Handler } from './web-test-kit';

jest.setTimeout(30_000);

const s = portalStrings['zh-CN'];
const YEAR = 2025;

const deadline = (plan: string, date: string | null) => ({ status: 200, body: { plan, year: YEAR, deadline: date, deadlineEnd: date ? `${date}T16:00:00.000Z` : null, setAt: null, setBy: null } });

function receipt(version: number, status = 'submitted') {
  return {
    submissionId: 'sub-c',
    version,
    plan: 'children',
    year: YEAR,
    organisationId: 'wjj',
    status,
    receivedAt: `2026-03-0${version}T02:00:00.000Z`,
    source: 'xlsx',
    catalogVersion: '2026.2',
    templateVersion: 2,
    counts: { values: 60, met: 50, notMet: 2, notYetDue: 0, noData: 8, invalid: 0, notAssessable: 0, warnings: 1 },
    bodySha256: 'ab'.repeat(32),
  };
}

function detail(id: string, plan: string, status: 'submitted' | 'returned' | 'approved', versions: number, comment: string | null = null) {
  const history = [
    { action: 'submitted', version: 1, at: '2026-03-01T02:00:00Z', tokenId: 'session:u-reporter', organisationId: 'wjj', role: 'reporter', comment: null },
    ...(status === 'returned' ? [{ action: 'returned', version: versions, at: '2026-03-05T02:00:00Z', tokenId: 'session:u-bureau', organisationId: 'tjj', role: 'bureau', comment }] : []),
  ];
  return {
    status: 200,
    body: {
      id,
      plan,
      year: YEAR,
      organisationId: 'wjj',
      status,
      currentVersion: versions,
      createdAt: '2026-03-01T02:00:00Z',
      updatedAt: '2026-03-05T02:00:00Z',
      versions: Array.from({ length: versions }, (_unused, index) => ({ ...receipt(index + 1, status), plan })),
      values: [],
      history,
    },
  };
}

const list = (...items: { id: string; plan: string; status: string; currentVersion: number }[]) => ({
  status: 200,
  body: { submissions: items.map((item) => ({ ...item, year: YEAR, organisationId: 'wjj', createdAt: '2026-03-01T02:00:00Z', updatedAt: '2026-03-05T02:00:00Z' })) },
});

/** The reporter's world: 卫健局 with a children's report not started and a women's one returned (unless overridden). */
function routes(overrides: Record<string, Handler | Answer> = {}) {
  return {
    'GET /session': { status: 200, body: sessionOf('reporter') },
    'GET /monitoring/children/2025/deadline': deadline('children', '2026-03-31'),
    'GET /monitoring/women/2025/deadline': deadline('women', null),
    'GET /submissions?plan=children&year=2025': list(),
    'GET /submissions?plan=women&year=2025': list({ id: 'sub-w', plan: 'women', status: 'returned', currentVersion: 1 }),
    'GET /submissions/sub-w': detail('sub-w', 'women', 'returned', 1, '请核实 W-HEA-01 的口径后重新提交'),
    ...overrides,
  };
}

async function openPortal(fetchFn: ReturnType<typeof fakeFetch>) {
  renderApp('/web/portal', fetchFn);
  const yearSelect = await screen.findByLabelText(/报告年度/);
  if ((yearSelect as HTMLSelectElement).value !== String(YEAR)) await userEvent.selectOptions(yearSelect, String(YEAR));
  return {
    children: await screen.findByRole('region', { name: `儿童发展规划 · ${YEAR}年度` }),
    women: await screen.findByRole('region', { name: `妇女发展规划 · ${YEAR}年度` }),
  };
}

/** The real children's template of 卫健局 for 2025 (as `indicators template` writes it), with cells filled by `fill`. */
async function filledTemplate(fill: (sheet: ExcelJS.Worksheet, columns: Record<string, number>, rows: number[]) => void): Promise<File> {
  const bytes = await templatesToXlsx([buildTemplate(seedCatalog(), { plan: 'children', year: YEAR, organisationId: 'wjj' })]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const columns: Record<string, number> = {};
  sheet.getRow(1).eachCell((cell, column) => {
    const text = String(cell.value ?? '');
    if (text.startsWith('xpm:')) columns[text.slice(4)] = column;
  });
  const rows: number[] = [];
  sheet.eachRow((row, number) => {
    if (/^[WC]-[A-Z]{3}-\d{2}$/.test(String(row.getCell(columns.id!).value ?? ''))) rows.push(number);
  });
  fill(sheet, columns, rows);
  const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
  return new File([filled], '儿童2025-卫健局.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** Every line marked "no data" with its 说明: a report with nothing to fix. */
const allMarked = (sheet: ExcelJS.Worksheet, columns: Record<string, number>, rows: number[]) => {
  for (const row of rows) {
    sheet.getRow(row).getCell(columns.value!).value = '—';
    sheet.getRow(row).getCell(columns.note!).value = '本年度暂无统计数据';
  }
};

describe('the department portal', () => {
  // the catalog and the reader load once, ahead of the tests (the first import takes a few seconds on 2 cores)
  beforeAll(async () => {
    const engine = await import('../../../src/apps/web/portal/quick-check-engine');
    engine.portalCatalog(sessionOf('reporter').organisation);
  }, 30_000);

  it('the default year is the latest one due (reports for Y are made in Y+1), within 2021–2030', () => {
    expect(defaultReportYear(new Date('2026-12-06'))).toBe(2025);
    expect(defaultReportYear(new Date('2021-06-01'))).toBe(2021);
    expect(defaultReportYear(new Date('2035-01-01'))).toBe(2030);
    expect(reportYears(new Date('2024-02-01'))).toEqual([2023, 2022, 2021]);
  });

  it('each plan: deadline and state — 未开始, and 已退回 with the bureau\'s comment', async () => {
    const { children, women } = await openPortal(fakeFetch(routes()));
    expect(await within(children).findByText('未开始')).toBeInTheDocument();
    expect(within(children).getByText('2026-03-31（当天 24:00 前）')).toBeInTheDocument();
    expect((await within(women).findAllByText('已退回'))[0]).toBeInTheDocument();
    expect(within(women).getByText('状态').nextElementSibling).toHaveTextContent(/^已退回$/);
    expect(within(children).getByText('状态').nextElementSibling).toHaveTextContent(/^未开始$/);
    expect(within(women).getByText('统计局退回意见：请核实 W-HEA-01 的口径后重新提交')).toBeInTheDocument();
    expect(within(women).getByText(/^第 1 版已退回/)).toBeInTheDocument();
    expect(within(women).getByText(s.noDeadline)).toBeInTheDocument();
  });

  it('an organisation the catalog gives nothing, but the bureau granted indicators of one plan: that plan only', async () => {
    const organisation = { id: 'new-org', name: '新平县新设单位', shortName: '新设单位', nameEn: 'New body', kind: 'department' as const };
    const session = { ...sessionOf('reporter', { organisationId: 'new-org' }), organisation };
    const completeness = (plan: string, expected: string[]) => ({
      status: 200,
      body: { plan, year: YEAR, deadline: null, deadlineEnd: null, expected, submitted: [], approved: [], returned: [], late: [], missing: [], notStarted: expected, unexpected: [], reportingRate: 0, onTimeRate: null, organisations: [] },
    });
    const fetchFn = fakeFetch({
      ...routes(),
      'GET /session': { status: 200, body: session },
      'GET /monitoring/children/2025/completeness': completeness('children', ['new-org']),
      'GET /monitoring/women/2025/completeness': completeness('women', []),
      'GET /submissions?plan=children&year=2025': list(),
    });
    renderApp('/web/portal', fetchFn);
    const yearSelect = await screen.findByLabelText(/报告年度/);
    if ((yearSelect as HTMLSelectElement).value !== String(YEAR)) await userEvent.selectOptions(yearSelect, String(YEAR));
    expect(await screen.findByRole('region', { name: `儿童发展规划 · ${YEAR}年度` })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: `妇女发展规划 · ${YEAR}年度` })).not.toBeInTheDocument();
  });

  it('an organisation with nothing to report is told so', async () => {
    const organisation = { id: 'new-org', name: '新平县新设单位', shortName: '新设单位', nameEn: 'New body', kind: 'department' as const };
    renderApp('/web/portal', fakeFetch({ 'GET /session': { status: 200, body: { ...sessionOf('reporter', { organisationId: 'new-org' }), organisation } } }));
    expect(await screen.findByText(s.noPlans)).toBeInTheDocument();
  });

  it('已提交第 n 版 and 已通过', async () => {
    const fetchFn = fakeFetch(
      routes({
        'GET /submissions?plan=children&year=2025': list({ id: 'sub-c', plan: 'children', status: 'submitted', currentVersion: 2 }),
        'GET /submissions/sub-c': detail('sub-c', 'children', 'submitted', 2),
        'GET /submissions?plan=women&year=2025': list({ id: 'sub-w', plan: 'women', status: 'approved', currentVersion: 1 }),
        'GET /submissions/sub-w': detail('sub-w', 'women', 'approved', 1),
      }),
    );
    const { children, women } = await openPortal(fetchFn);
    expect(await within(children).findByText('已提交第 2 版')).toBeInTheDocument();
    expect(await within(women).findByText('已通过')).toBeInTheDocument();
    expect(within(women).getByText(/^第 1 版已审核通过/)).toBeInTheDocument();
  });

  it('loading, then the server\'s error with 重试', async () => {
    let calls = 0;
    const fetchFn = fakeFetch(routes({ 'GET /submissions?plan=children&year=2025': () => (++calls === 1 ? apiError(503, 'server.busy', '服务器繁忙，请稍后重试。') : list()) }));
    renderApp('/web/portal', fetchFn);
    expect(screen.getByText('正在加载…')).toBeInTheDocument();
    const yearSelect = await screen.findByLabelText(/报告年度/);
    if ((yearSelect as HTMLSelectElement).value !== String(YEAR)) await userEvent.selectOptions(yearSelect, String(YEAR));
    const children = await screen.findByRole('region', { name: `儿童发展规划 · ${YEAR}年度` });
    expect(await within(children).findByRole('alert')).toHaveTextContent('服务器繁忙，请稍后重试。');
    await userEvent.click(within(children).getByRole('button', { name: '重试' }));
    expect(await within(children).findByText('未开始')).toBeInTheDocument();
  });

  it('下载模板: the server\'s pre-filled template is saved under its own name', async () => {
    const createObjectURL = jest.fn(() => 'blob:template');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const fetchFn = fakeFetch(routes({ 'GET /templates/children/2025': { status: 200, bytes: new Uint8Array([0x50, 0x4b, 3, 4]), headers: { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('儿童2025-卫健局.xlsx')}` } } }));
    const { children } = await openPortal(fetchFn);
    await userEvent.click(await within(children).findByRole('button', { name: '下载模板' }));
    expect(await within(children).findByText('已下载 儿童2025-卫健局.xlsx。')).toBeInTheDocument();
    expect(createObjectURL).toHaveBeenCalled();
    expect(clicked).toHaveBeenCalled();
    clicked.mockRestore();
  });

  it('快速检查 of a real template: read and judged in the browser, grouped as in the pane with cell addresses, and NOTHING is sent', async () => {
    const fetchFn = fakeFetch(routes());
    const { children } = await openPortal(fetchFn);
    await within(children).findByText('未开始');
    let badCell = '';
    const file = await filledTemplate((sheet, columns, rows) => {
      allMarked(sheet, columns, rows);
      // C-…'s third line is a number: a word there is an error; the second line is left blank
      const cell = sheet.getRow(rows[2]!).getCell(columns.value!);
      cell.value = 'abc';
      sheet.getRow(rows[2]!).getCell(columns.note!).value = null;
      badCell = cell.address;
      sheet.getRow(rows[1]!).getCell(columns.value!).value = null;
      sheet.getRow(rows[1]!).getCell(columns.note!).value = null;
    });
    const before = fetchFn.calls.length;
    await userEvent.upload(within(children).getByLabelText(/选择文件（儿童发展规划）/), file);
    expect(await within(children).findByText(/儿童2025-卫健局\.xlsx · 工作表“.+”的检查结果/, {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(fetchFn.calls.length).toBe(before);
    expect(within(children).getByText(/^已填 59\/60$/)).toBeInTheDocument();
    expect(within(children).getByText(/^错误 [1-9]\d* 项/)).toBeInTheDocument();
    expect(within(children).getByText(s.fixFirst)).toBeInTheDocument();
    const errors = within(children).getByRole('list', { name: '错误' });
    expect(within(errors).getAllByText(new RegExp(`单元格 ${badCell}`)).length).toBeGreaterThan(0);
    expect(within(children).getByRole('button', { name: '提交' })).toBeDisabled();
    // by 领域: the same findings under the plan's domains
    await userEvent.click(within(children).getByRole('radio', { name: '按领域' }));
    expect(within(children).getAllByRole('heading', { level: 4 }).some((heading) => /儿童与/.test(heading.textContent ?? ''))).toBe(true);
    expect(fetchFn.calls.length).toBe(before);
  }, 30_000);

  it('快速检查 refuses a zip bomb in the browser with the server\'s Chinese words, sending nothing', async () => {
    const fetchFn = fakeFetch(routes());
    const { children } = await openPortal(fetchFn);
    await within(children).findByText('未开始');
    const before = fetchFn.calls.length;
    const bomb = new File([(await sheetXmlBomb(300 * 1024 * 1024)) as unknown as BlobPart], 'bomb.xlsx');
    await userEvent.upload(within(children).getByLabelText(/选择文件（儿童发展规划）/), bomb);
    expect(await within(children).findByRole('alert', {}, { timeout: 15_000 })).toHaveTextContent(/解压后有 30\d MB，超过单个部件 16 MB 的上限/);
    expect(fetchFn.calls.length).toBe(before);
  }, 30_000);

  it('a file that is not .xlsx is refused with what to do', async () => {
    const { children } = await openPortal(fakeFetch(routes()));
    await within(children).findByText('未开始');
    await userEvent.upload(within(children).getByLabelText(/选择文件（儿童发展规划）/), new File(['a,b'], '数据.csv'), { applyAccept: false });
    expect(await within(children).findByRole('alert')).toHaveTextContent('“数据.csv”不是 .xlsx 文件');
  });

  it('提交 uploads the same file (raw .xlsx body, CSRF token, idempotency key) and shows the receipt; the state follows', async () => {
    let submitted = false;
    const fetchFn = fakeFetch(
      routes({
        'POST /submissions/upload': () => {
          submitted = true;
          return { status: 201, body: receipt(1) };
        },
        'GET /submissions?plan=children&year=2025': () => (submitted ? list({ id: 'sub-c', plan: 'children', status: 'submitted', currentVersion: 1 }) : list()),
        'GET /submissions/sub-c': detail('sub-c', 'children', 'submitted', 1),
      }),
    );
    const { children } = await openPortal(fetchFn);
    await within(children).findByText('未开始');
    const file = await filledTemplate(allMarked);
    await userEvent.upload(within(children).getByLabelText(/选择文件（儿童发展规划）/), file);
    expect(await within(children).findByText(s.allClear, {}, { timeout: 15_000 })).toBeInTheDocument();
    await userEvent.click(within(children).getByRole('button', { name: '提交' }));
    expect(await within(children).findByText('已提交第 1 版')).toBeInTheDocument();
    expect(within(children).getByRole('heading', { name: /第 1 版/ })).toBeInTheDocument();
    const upload = fetchFn.calls.find((call) => call.method === 'POST');
    expect(upload?.path).toBe('/submissions/upload');
    expect(upload?.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(upload?.headers['x-csrf-token']).toBe('csrf-reporter');
    expect(upload?.headers['idempotency-key']).toBeTruthy();
    expect(await blobBytes(upload?.body as Blob)).toEqual(await blobBytes(file));
  }, 30_000);

  it('版本记录: the versions, and the differences of one from the previous with changed values marked', async () => {
    const value = (indicatorId: string, raw: unknown, note: string | null = null) => ({ indicatorId, unitId: null, value: raw, parsed: raw, status: 'met', severity: 'info', note, previous: null, baseline: null, other: null });
    const fetchFn = fakeFetch(
      routes({
        'GET /submissions?plan=children&year=2025': list({ id: 'sub-c', plan: 'children', status: 'submitted', currentVersion: 2 }),
        'GET /submissions/sub-c': detail('sub-c', 'children', 'submitted', 2),
        'GET /submissions/sub-c/versions/2': { status: 200, body: { receipt: receipt(2), values: [value('C-HEA-01', 4.1), value('C-HEA-02', 3.0, '口径调整'), value('C-HEA-03', 99)] } },
        'GET /submissions/sub-c/versions/1': { status: 200, body: { receipt: receipt(1), values: [value('C-HEA-01', 4.5), value('C-HEA-02', 3.0), value('C-HEA-03', 99)] } },
      }),
    );
    const { children } = await openPortal(fetchFn);
    await within(children).findByText('已提交第 2 版');
    await userEvent.click(within(children).getByRole('button', { name: '版本记录' }));
    expect(within(children).getByText(/^第 1 版 · /)).toBeInTheDocument();
    await userEvent.click(within(children).getByRole('button', { name: '查看第 2 版的改动' }));
    const table = await within(children).findByRole('table', { name: '第 2 版与第 1 版的不同' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('C-HEA-01');
    expect(within(rows[0]!).getByText('4.1').tagName).toBe('MARK');
    expect(rows[0]).toHaveTextContent('已修改');
    expect(rows[1]).toHaveTextContent('说明：口径调整');
  });

  it('differences: changed, added and removed lines; unchanged ones left out', () => {
    const v = (indicatorId: string, value: unknown, note: string | null = null, unitId: string | null = null) => ({ indicatorId, unitId, value, parsed: null, status: 'met', severity: 'info' as const, note, previous: null, baseline: null, other: null });
    const result = differences([v('A', 1), v('B', 2), v('C', 3, null, 'gs')], [v('A', 1), v('B', 2, '说明'), v('D', 4)]);
    expect(result.map((line) => [line.indicatorId, line.kind, line.valueChanged, line.noteChanged])).toEqual([
      ['B', 'changed', false, true],
      ['D', 'added', true, false],
      ['C', 'removed', true, false],
    ]);
  });
});
