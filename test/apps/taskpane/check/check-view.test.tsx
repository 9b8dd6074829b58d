/**
 * @jest-environment jsdom
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import CheckView from '../../../../src/apps/taskpane/check/CheckView';
import { ServicesProvider } from '../../../../src/apps/taskpane/services';
import { strings, type Locale } from '../../../../src/apps/taskpane/strings';
import { officeWorkbook } from '../../../../src/apps/taskpane/workbook/office-workbook-port';
import type { WorkbookOptions } from '../../../../src/workbook/workbook';
import type { WorkbookPort } from '../../../../src/workbook/workbook-port';
import type { Schedule } from '../../../../src/apps/taskpane/check/check-runner';
import { seedCatalog } from '../../../../src/seed-catalog';
import type { Catalog } from '../../../../src/core/catalog/catalog';
import { buildTemplate } from '../../../../src/core/template/build-template';
import { FLAG_COLOURS } from '../../../../src/core/template/template-model';
import type { TemplateModel } from '../../../../src/core/template/template-model';
import { FakeExcelHost, parseRange, type FakeSheet } from '../../../helpers/fake-excel';
import { clerkCell, clerkModel, signClerkFooter, typeClerkSheet } from '../../../helpers/clerk-sheet';
import { testServices } from '../test-services';

const catalog = seedCatalog();
/** 桂山街道's children's template: C-HEA-09 (≥90%), C-HEA-24 (a count), C-EDU-11, C-WEL-14, C-WEL-18 (是/否). */
const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'guishan' });
const zh = strings['zh-CN'].check;
/** Where 桂山街道's vaccination rate and doctors are typed (read from the model: the layout may move). */
const RATE = clerkCell(model, 'C-HEA-09', 'value', 'guishan');
const DOCTORS = clerkCell(model, 'C-HEA-24', 'value', 'guishan');
const PROTECTION = clerkCell(model, 'C-WEL-14', 'value', 'guishan');
const RATE_PREVIOUS = clerkCell(model, 'C-HEA-09', 'previous', 'guishan');
const DOCTORS_PREVIOUS = clerkCell(model, 'C-HEA-24', 'previous', 'guishan');
const EDUCATION = clerkCell(model, 'C-EDU-11', 'value', 'guishan');
const EDUCATION_OTHER = clerkCell(model, 'C-EDU-11', 'other', 'guishan');
const EDUCATION_PREVIOUS = clerkCell(model, 'C-EDU-11', 'previous', 'guishan');
const PROTECTION_PREVIOUS = clerkCell(model, 'C-WEL-14', 'previous', 'guishan');
const CARE = clerkCell(model, 'C-WEL-18', 'value', 'guishan');

interface SetUp {
  readonly apiVersion?: string;
  /** Insert the template (default) or leave the workbook's Sheet1 active. */
  readonly template?: boolean;
  readonly locale?: Locale;
  readonly port?: WorkbookOptions;
  readonly recheckDelayMs?: number;
  readonly schedule?: Schedule;
  readonly loadCatalog?: () => Promise<Catalog>;
  readonly wrap?: (port: WorkbookPort) => WorkbookPort;
  /** Another template and how a person fills it (default: 桂山街道's, three cells typed). */
  readonly sheet?: { readonly model: TemplateModel; readonly fill: (sheet: FakeSheet) => void };
}

/** The real workbook port over the strict fake Excel, a template inserted and filled by a person, the view rendered. */
async function setUp(options: SetUp = {}) {
  const host = new FakeExcelHost(options.apiVersion ? { apiVersion: options.apiVersion } : {});
  const real = officeWorkbook(host, options.port);
  let sheetName = 'Sheet1';
  if (options.template !== false) {
    ({ sheetName } = await real.insertTemplate(options.sheet?.model ?? model));
    const sheet = host.workbook.sheet(sheetName);
    if (options.sheet) options.sheet.fill(sheet);
    else {
      sheet.personTypes(RATE, '85'); // misses ≥90% …
      sheet.personTypes(clerkCell(model, 'C-HEA-09', 'previous', 'guishan'), '60'); // … and swings from last year
      sheet.personTypes(DOCTORS, 'abc'); // unreadable
      signClerkFooter(sheet, model); // 填表人 and 联系电话 given
    }
    await host.settleEvents();
  }
  const checks: (string | undefined)[] = [];
  const counted: WorkbookPort = {
    ...real,
    check: (...args) => {
      checks.push(args[2]);
      return real.check(...args);
    },
  };
  const port = options.wrap ? options.wrap(counted) : counted;
  const show = jest.fn();
  const locale = options.locale ?? 'zh-CN';
  const services = testServices({ locale, workbook: port, loadCatalog: options.loadCatalog ?? (() => Promise.resolve(catalog)) });
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={services}>
        <CheckView active show={show} recheckDelayMs={options.recheckDelayMs ?? 20} {...(options.schedule ? { schedule: options.schedule } : {})} />
      </ServicesProvider>
    </FluentProvider>,
  );
  return { host, sheetName, checks, show, view, user: userEvent.setup() };
}

const checkButton = (name = zh.checkButton) => screen.getByRole('button', { name });

/** The group's header button and the count its badge shows. */
function group(name: string): { header: HTMLElement; count: number } {
  const header = screen.getByRole('button', { name: new RegExp(`^${name}`) });
  return { header, count: Number(within(header).getByText(/^\d+$/).textContent) };
}

/** The rows of a group's list (its panel must be open). */
const rows = (name: string) => within(screen.getByRole('list', { name })).queryAllByRole('listitem');

async function resultsShown() {
  await screen.findByRole('heading', { name: /的检查结果$/ });
}

describe('the Check view (检查)', () => {
  it('before a check: explains what to do, runs nothing and listens to nothing', async () => {
    const { host } = await setUp();
    const runs = host.runs;
    expect(checkButton()).toBeEnabled();
    expect(screen.getByText(zh.notChecked)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(host.runs).toBe(runs);
    expect(host.events.handlerCount()).toBe(0);
  });

  it('while checking: a spinner, then the results in place of it', async () => {
    let release: (catalog: Catalog) => void = () => undefined;
    const { user } = await setUp({ loadCatalog: () => new Promise((resolve) => (release = resolve)) });
    await user.click(checkButton());
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    expect(screen.getByText(zh.checking)).toBeInTheDocument();
    expect(screen.queryByText(zh.notChecked)).not.toBeInTheDocument();
    await act(async () => release(catalog));
    await resultsShown();
    expect(screen.queryByText(zh.checking)).not.toBeInTheDocument();
  });

  it('on a sheet that is not a template: says so and points to 填报', async () => {
    const { user, show } = await setUp({ template: false });
    await user.click(checkButton());
    expect(await screen.findByText(zh.notTemplate('Sheet1'))).toBeInTheDocument();
    expect(screen.getByText(zh.notTemplateTitle)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /的检查结果$/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: zh.goToFill }));
    expect(show).toHaveBeenCalledWith('fill');
  });

  it('groups what was found with counts; each row names indicator, township, cell and messages; flags are in the sheet', async () => {
    const { user, host, sheetName } = await setUp();
    await user.click(checkButton());
    await resultsShown();
    expect(screen.getByRole('heading', { name: zh.resultsFor(sheetName) })).toBeInTheDocument();

    const counts = Object.fromEntries((['error', 'notMet', 'warning', 'info'] as const).map((key) => [key, group(zh.groups[key]).count]));
    // the doctors unreadable, three rows blank (a value is required) | the rate misses ≥90% and swings: one line, one finding
    expect(counts).toEqual({ error: 4, notMet: 1, warning: 0, info: 0 });
    // the groups with findings are open, each lists its rows (the three blank rows are three indicators: three rows)
    expect(rows(zh.groups.error)).toHaveLength(4);
    expect(rows(zh.groups.notMet)).toHaveLength(1);
    expect(group(zh.groups.error).header).toHaveAttribute('aria-expanded', 'true');
    expect(group(zh.groups.warning).header).toHaveAttribute('aria-expanded', 'false');
    expect(group(zh.groups.info).header).toHaveAttribute('aria-expanded', 'false');

    const [missed] = rows(zh.groups.notMet) as [HTMLElement];
    expect(missed).toHaveTextContent('C-HEA-09 适龄儿童免疫规划疫苗接种率');
    expect(missed).toHaveTextContent(zh.needsNote);
    expect(missed).toHaveTextContent(`桂山街道 · 单元格 ${RATE}`);
    expect(missed).toHaveTextContent('未达标');
    expect(missed).toHaveTextContent('波动预警'); // the swing on the same cell, in the same row
    const unreadable = rows(zh.groups.error).find((row) => row.textContent?.includes(`单元格 ${DOCTORS}`));
    expect(unreadable).toHaveTextContent('C-HEA-24');
    expect(unreadable).toHaveTextContent('“abc”');
    expect(within(unreadable as HTMLElement).getByRole('button')).toHaveAccessibleDescription(zh.selectHint);

    // the counts every view shares, and how much is filled
    expect(screen.getByText('错误 4 · 未达标 1 · 预警 0 · 提示 0；须填写说明 1')).toBeInTheDocument();
    expect(screen.getByText('已填 2/5')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: zh.completenessLabel })).toBeInTheDocument();

    // drawn by the check itself
    const sheet = host.workbook.sheet(sheetName);
    expect(sheet.at(DOCTORS)?.format.fill).toBe(FLAG_COLOURS.error.fill);
    expect(sheet.at(RATE)?.format.fill).toBe(FLAG_COLOURS.notMet.fill);
    expect(sheet.notes().get(DOCTORS)).toMatch(/^【检查】/);
    expect(screen.getByText(zh.drawn(5))).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(zh.announce({ error: 4, notMet: 1, warning: 0, info: 0, notesRequired: 1 }));
    expect(screen.queryByText(zh.allClearTitle)).not.toBeInTheDocument();
  });

  it('selects a row\'s cell in the sheet, by click and by Enter', async () => {
    const { user, host, sheetName } = await setUp();
    await user.click(checkButton());
    await resultsShown();
    const sheetId = host.workbook.sheet(sheetName).id;
    host.workbook.personActivates('Sheet1'); // the person looked elsewhere meanwhile

    await user.click(within(rows(zh.groups.notMet)[0] as HTMLElement).getByRole('button'));
    await waitFor(() => expect(host.workbook.selection).toEqual({ sheetId, rect: parseRange(RATE).rect }));
    expect(host.workbook.activeId).toBe(sheetId);

    const blank = within(rows(zh.groups.error).find((row) => row.textContent?.includes(PROTECTION)) as HTMLElement).getByRole('button');
    blank.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(host.workbook.selection).toEqual({ sheetId, rect: parseRange(PROTECTION).rect }));
  });

  it('shows what Excel said when the check fails (zh), and keeps the button', async () => {
    const { user, host } = await setUp();
    const run = host.run.bind(host);
    host.run = () => Promise.reject(Object.assign(new Error('The operation is not allowed while a cell is being edited.'), { code: 'InvalidOperation' }));
    await user.click(checkButton());
    expect(await screen.findByText(zh.failedTitle)).toBeInTheDocument();
    expect(screen.getByText(/检查工作表失败：工作表受保护或正在编辑单元格（按 Esc 退出编辑后重试）/)).toBeInTheDocument();
    host.run = run;
    await user.click(checkButton());
    await resultsShown();
    expect(screen.queryByText(zh.failedTitle)).not.toBeInTheDocument();
  });

  it('in English: the same view and Excel\'s message in English', async () => {
    const en = strings['en-US'].check;
    const { user, host } = await setUp({ locale: 'en-US' });
    await user.click(checkButton(en.checkButton));
    await screen.findByRole('heading', { name: /^Results for sheet/ });
    expect(group(en.groups.error).count).toBe(4);
    expect(rows(en.groups.notMet)[0]).toHaveTextContent(`C-HEA-09 ${catalog.indicators.get('C-HEA-09')?.nameEn ?? '?'}`);
    host.run = () => Promise.reject(Object.assign(new Error('busy'), { code: 'InvalidOperation' }));
    await user.click(checkButton(en.checkButton));
    expect(await screen.findByText(/Checking the sheet failed: the sheet is protected or a cell is being edited/)).toBeInTheDocument();
  });

  describe('the clerk\'s sheet: 60 lines, 24 per township (issue 13)', () => {
    // a long list in jsdom: role queries walk every row
    jest.setTimeout(30_000);
    const clerk = clerkModel(catalog);
    const clerkSheet = { model: clerk, fill: (sheet: FakeSheet) => typeClerkSheet(sheet, clerk) };

    it('a completeness counter, the shared counts, and the blank townships of one indicator as one row naming them', async () => {
      const { user, host, sheetName } = await setUp({ sheet: clerkSheet });
      await user.click(checkButton());
      await resultsShown();
      expect(screen.getByText('已填 35/60')).toBeInTheDocument();
      expect(screen.getByRole('progressbar', { name: zh.completenessLabel })).toHaveAttribute('aria-valuenow', String(35 / 60));
      expect(screen.getByText('错误 18 · 未达标 4 · 预警 5 · 提示 16；须填写说明 7')).toBeInTheDocument();
      expect(screen.getByRole('status')).toHaveTextContent(zh.announce({ error: 18, notMet: 4, warning: 5, info: 16, notesRequired: 7 }));
      expect(group(zh.groups.error).count).toBe(18);
      // 31 cards before: now six rows of errors, the blanks of C-HEA-09 and of C-HEA-24 one row each
      const errors = rows(zh.groups.error);
      expect(errors).toHaveLength(6);
      const blanks = errors.find((row) => row.textContent?.includes('C-HEA-09') && row.textContent.includes('共 8 个')) as HTMLElement;
      expect(blanks).toHaveTextContent('戛洒镇、水塘镇、平甸乡、新化乡、建兴乡、老厂乡、者竜乡、平掌乡（共 8 个）');
      expect(blanks).toHaveTextContent(zh.cells(clerkCell(clerk, 'C-HEA-09', 'value', 'gasa'), 8));
      expect(blanks.textContent?.match(/未填写本年值/g)).toHaveLength(1);
      // no cell twice in the list
      const cells = within(screen.getByRole('region', { name: zh.groupsLabel }))
        .getAllByRole('button')
        .flatMap((button) => button.textContent?.match(/单元格 [A-Z]+\d+/g) ?? []);
      expect(new Set(cells).size).toBe(cells.length);
      // clicking the row selects the first township's cell
      await user.click(within(blanks).getByRole('button'));
      const sheetId = host.workbook.sheet(sheetName).id;
      await waitFor(() => expect(host.workbook.selection).toEqual({ sheetId, rect: parseRange(clerkCell(clerk, 'C-HEA-09', 'value', 'gasa')).rect }));
    });

    it('下一个问题 selects the next problem cell through the workbook port and says which of how many', async () => {
      const { user, host, sheetName } = await setUp({ sheet: clerkSheet });
      await user.click(checkButton());
      await resultsShown();
      const sheetId = host.workbook.sheet(sheetName).id;
      const next = screen.getByRole('button', { name: zh.nextProblem });
      const selected = async (address: string) => waitFor(() => expect(host.workbook.selection).toEqual({ sheetId, rect: parseRange(address).rect }));
      await user.click(next);
      await selected(clerkCell(clerk, 'C-HEA-03', 'value')); // 新生儿死亡率: a projected miss
      await user.click(next);
      await selected(clerkCell(clerk, 'C-HEA-04', 'value')); // 婴儿死亡率 above 5岁以下
      expect(screen.getByText(zh.nextProblemAt(2, 27, clerkCell(clerk, 'C-HEA-04', 'value')))).toBeInTheDocument();
      // from a row chosen in the list, on from there
      await user.click(within(rows(zh.groups.notMet).find((row) => row.textContent?.includes('C-HEA-14')) as HTMLElement).getByRole('button'));
      await selected(clerkCell(clerk, 'C-HEA-14', 'value'));
      await user.click(next);
      await selected(clerkCell(clerk, 'C-HEA-20', 'value'));
    });

    it('switches to sections by 填报单元 and by 领域, each a heading with its count', async () => {
      const { user } = await setUp({ sheet: clerkSheet });
      await user.click(checkButton());
      await resultsShown();
      await user.click(screen.getByRole('radio', { name: zh.groupings.unit }));
      expect(group(zh.county).count).toBe(25);
      expect(group('戛洒镇').count).toBe(1);
      expect(rows('戛洒镇')[0]).toHaveTextContent('未填写本年值');
      expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(12);
      await user.click(screen.getByRole('radio', { name: zh.groupings.domain }));
      expect(group('儿童与健康').count).toBe(37);
      // a row says its category when sections mix them
      expect(within(rows('儿童与福利')[0] as HTMLElement).getByText(/^(错误|未达标|预警|提示)$/)).toBeInTheDocument();
      await user.click(screen.getByRole('radio', { name: zh.groupings.category }));
      expect(group(zh.groups.error).count).toBe(18);
    });
  });

  describe('live re-check', () => {
    it('re-checks after a person fixes a value (the list shrinks), and the add-in\'s own flag drawing starts no loop', async () => {
      const { user, host, sheetName, checks } = await setUp();
      await user.click(checkButton());
      await resultsShown();
      expect(await screen.findByText(zh.liveOn)).toBeInTheDocument();
      expect(checks).toEqual([undefined]);

      await act(async () => void (await host.personTypes(DOCTORS, '3', sheetName)));
      await waitFor(() => expect(group(zh.groups.error).count).toBe(3));
      expect(rows(zh.groups.error).some((row) => row.textContent?.includes(DOCTORS))).toBe(false);
      expect(checks).toEqual([undefined, sheetName]); // the checked sheet, by name
      expect(host.workbook.sheet(sheetName).notes().has(DOCTORS)).toBe(false); // the re-check removed its own note …

      // … which Excel reported as a change (by this add-in): no further check follows
      const runs = host.runs;
      await act(async () => {
        await host.settleEvents();
        await new Promise((resolve) => setTimeout(resolve, 200));
      });
      expect(host.events.fired.some((event) => event.origin === 'addin' && event.handlers > 0)).toBe(true);
      expect(checks).toHaveLength(2);
      expect(host.runs).toBe(runs);
    });

    it('without triggerSource (ExcelApi 1.12, flags as comments): the same, the port holding back its own writes by time', async () => {
      let clock = 0; // the port's clock: moves only when the test says (a slow test machine cannot stretch it)
      const { user, host, sheetName, checks } = await setUp({ apiVersion: '1.12', port: { now: () => clock } });
      await user.click(checkButton());
      await resultsShown();
      await screen.findByText(zh.liveOn);
      clock += 10_000; // the person comes back later
      await act(async () => void (await host.personPastesText(DOCTORS, [['3']], sheetName)));
      await waitFor(() => expect(group(zh.groups.error).count).toBe(3));
      const runs = host.runs;
      await act(async () => {
        await host.settleEvents();
        await new Promise((resolve) => setTimeout(resolve, 200));
      });
      // the comments the checks added and removed were reported (unattributed) and held back
      expect(host.events.fired.filter((event) => event.origin === 'addin' && event.handlers > 0).length).toBeGreaterThan(0);
      expect(checks).toEqual([undefined, sheetName]);
      expect(host.runs).toBe(runs);
    });

    it('even when own writes are taken for people\'s (no window at all), re-checks settle instead of looping', async () => {
      const { user, host, sheetName, checks } = await setUp({ apiVersion: '1.12', port: { ownWriteWindowMs: -1 } });
      await user.click(checkButton());
      await resultsShown();
      await act(async () => void (await host.personPastesText(DOCTORS, [['3']], sheetName)));
      await waitFor(() => expect(group(zh.groups.error).count).toBe(3));
      const settled = async () => {
        await act(async () => {
          await host.settleEvents();
          await new Promise((resolve) => setTimeout(resolve, 150));
          await host.settleEvents();
        });
      };
      await settled();
      const after = checks.length;
      await settled();
      await settled();
      // a re-check of an unchanged sheet keeps its notes as they are: nothing to report, nothing to re-check
      expect(checks.length).toBe(after);
      expect(after).toBeLessThanOrEqual(5);
      expect(host.workbook.sheet(sheetName).notes('comment').has(DOCTORS)).toBe(false);
    });

    it('all clear, then a new error: its group opens by itself, a group the person closed stays closed', async () => {
      const { user, host, sheetName } = await setUp();
      const good: [string, string][] = [[RATE, '95'], [RATE_PREVIOUS, '94'], [DOCTORS, '3'], [DOCTORS_PREVIOUS, '3'], [EDUCATION, '5'], [EDUCATION_OTHER, '5'], [EDUCATION_PREVIOUS, '5'], [PROTECTION, '2'], [PROTECTION_PREVIOUS, '2'], [CARE, '是']];
      for (const [address, value] of good) host.workbook.sheet(sheetName).personTypes(address, value);
      await user.click(checkButton());
      await resultsShown();
      expect(screen.getByText(zh.allClearTitle)).toBeInTheDocument();
      expect(screen.getByText(zh.drawn(0))).toBeInTheDocument();
      expect(group(zh.groups.error)).toMatchObject({ count: 0 });
      expect(group(zh.groups.error).header).toHaveAttribute('aria-expanded', 'false');
      await screen.findByText(zh.liveOn);

      await act(async () => void (await host.personTypes(RATE, '85', sheetName))); // misses ≥90% now
      await waitFor(() => expect(group(zh.groups.notMet).count).toBe(1));
      expect(group(zh.groups.notMet).header).toHaveAttribute('aria-expanded', 'true');
      expect(screen.queryByText(zh.allClearTitle)).not.toBeInTheDocument();
      await user.click(group(zh.groups.notMet).header); // the person closes it

      await act(async () => void (await host.personTypes(DOCTORS, 'abc', sheetName)));
      await waitFor(() => expect(group(zh.groups.error).count).toBe(1));
      expect(group(zh.groups.error).header).toHaveAttribute('aria-expanded', 'true');
      expect(group(zh.groups.notMet).header).toHaveAttribute('aria-expanded', 'false');
    });

    it('debounces: several quick edits, one re-check after the pause (default 800 ms)', async () => {
      const timers: { task: () => void; ms: number; cancelled: boolean }[] = [];
      const schedule: Schedule = (task, ms) => {
        const entry = { task, ms, cancelled: false };
        timers.push(entry);
        return () => void (entry.cancelled = true);
      };
      const { user, host, sheetName, checks } = await setUp({ schedule, recheckDelayMs: 800 });
      await user.click(checkButton());
      await resultsShown();
      await screen.findByText(zh.liveOn);
      await act(async () => {
        await host.personTypes(DOCTORS, '3', sheetName);
        await host.personTypes(EDUCATION, '4', sheetName);
        await host.personTypes(PROTECTION, '1', sheetName);
      });
      const pending = timers.filter((entry) => !entry.cancelled);
      expect(pending).toEqual([expect.objectContaining({ ms: 800 })]);
      expect(checks).toHaveLength(1);
      await act(async () => pending[0]?.task());
      await waitFor(() => expect(group(zh.groups.error).count).toBe(1)); // only K9 is left blank
      expect(checks).toHaveLength(2);
    });

    it('says when Excel cannot report changes (below ExcelApi 1.7) and keeps the button', async () => {
      const { user, host, sheetName, checks } = await setUp({ apiVersion: '1.6' });
      await user.click(checkButton());
      await resultsShown();
      expect(await screen.findByText(zh.liveUnavailable)).toBeInTheDocument();
      expect(screen.queryByText(zh.liveOn)).not.toBeInTheDocument();
      host.workbook.sheet(sheetName).personTypes(DOCTORS, '3');
      await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
      expect(checks).toHaveLength(1);
      await user.click(checkButton());
      await waitFor(() => expect(group(zh.groups.error).count).toBe(3));
    });

    it('stops listening when the view goes away', async () => {
      const { user, host, view } = await setUp();
      await user.click(checkButton());
      await resultsShown();
      await screen.findByText(zh.liveOn);
      expect(host.events.handlerCount()).toBe(1);
      view.unmount();
      await waitFor(() => expect(host.events.handlerCount()).toBe(0));
    });
  });
});
