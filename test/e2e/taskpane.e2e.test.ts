/**
 * End-to-end: the production task pane (webpack.config.js, production mode, office.js from the Microsoft
 * CDN) in real headless Chromium, in Excel played by the in-page stand-in (test/e2e/excel-stand-in: the
 * strict fake Excel host behind the Office/Excel globals, served where the CDN's office.js would be), against
 * the real shared endpoint on SQLite. Screenshots of every step go to test-results/e2e/.
 *
 * Needs Debian's chromium (`apt-get install -y chromium`); CHROMIUM_PATH points elsewhere.
 */
import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Request } from 'playwright-core';
import { OUTBOX_KEY, type OutboxState } from '../../src/client/outbox';
import { OFFICE_JS_CDN, ROOT, STAND_IN_FILE, TASKPANE_DIR, type BuildOutcome } from './support/build';
import { clearScreenshots, launchChromium, newContext, openHarness, screenshot, servePaneFilesWhileDown, watchProblems, type Harness } from './support/browser';
import { E2EServer } from './support/e2e-server';
import { eventually, shown } from './support/wait';

jest.setTimeout(120_000);

/** Builds the production pane and the stand-in in a child process (webpack would be slow inside jest's module registry). */
function build(): Promise<BuildOutcome[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', join(__dirname, 'support', 'build.ts')], { cwd: ROOT, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`building the task pane for the e2e test failed:\n${stderr || error.message}`));
      const last = stdout.trim().split('\n').pop() ?? '[]';
      resolve(JSON.parse(last) as BuildOutcome[]);
    });
  });
}

let browser: Browser;
let server: E2EServer;
/** The production task pane the server serves (dist/e2e/taskpane, or E2E_TASKPANE_DIR). */
let taskpaneDir = TASKPANE_DIR;

beforeAll(async () => {
  // Chromium first: without it there is no point in building
  browser = await launchChromium();
  clearScreenshots();
  const outcomes = await build();
  taskpaneDir = outcomes.find((outcome) => outcome.name === 'taskpane')?.dir ?? TASKPANE_DIR;
  server = await E2EServer.start(taskpaneDir);
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Nothing went wrong in the page; a refused connection is expected only while the test has the server down. */
function expectNoPageErrors(harness: { problems: { errors: string[] } }, serverWasDown = false): void {
  const refused = /Failed to load resource: net::ERR_CONNECTION_REFUSED/;
  expect(harness.problems.errors.filter((error) => !(serverWasDown && refused.test(error)))).toEqual([]);
}

describe('the production build', () => {
  it('is a production taskpane.html that loads office.js from the Microsoft CDN (the address the stand-in answers)', () => {
    const html = readFileSync(join(taskpaneDir, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((match) => match[1] as string);
    // office.js first, from Microsoft's CDN (the address the test answers with the stand-in), then the bundle
    expect(scripts[0]).toBe(OFFICE_JS_CDN);
    const bundle = scripts.find((src) => /^taskpane\.[0-9a-f]{8}\.js$/.test(src));
    expect(bundle).toBeDefined();
    // minified, as production builds are
    expect(readFileSync(join(taskpaneDir, bundle as string), 'utf8').split('\n').length).toBeLessThan(20);
    expect(html).not.toMatch(/stand-in|__excel/);
  });
});

describe('outside Excel', () => {
  it('a plain browser, where office.js cannot load, shows how to load the add-in', async () => {
    const context = await newContext(browser, server.origin, { kind: 'refused' });
    try {
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(`${server.origin}/taskpane.html`);
      await shown(page.getByRole('heading', { level: 1, name: '此页面是 Excel 加载项' }));
      await shown(page.getByRole('heading', { level: 1, name: 'This page is an Excel add-in' }));
      await shown(page.getByText('未能加载 Office.js', { exact: false }));
      expect(await page.getByRole('tab').count()).toBe(0);
      await screenshot(page, '00-not-in-excel-office-js-unavailable');
      // the one failure is the refused office.js request itself
      expect(problems.errors.filter((error) => !error.includes('appsforoffice.microsoft.com'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a plain browser with the real office.js (outside any Office application) says it is not in Office', async () => {
    const context = await newContext(browser, server.origin, { kind: 'files', dir: join(taskpaneDir, 'office') });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/taskpane.html`);
      await shown(page.getByRole('heading', { level: 1, name: '此页面是 Excel 加载项' }));
      await shown(page.getByText('当前页面不在任何 Office 应用程序中运行。'));
      await screenshot(page, '00-not-in-excel-no-office-host');
    } finally {
      await context.close();
    }
  });

  it('inside another Office application (Word) the pane says it supports Excel only', async () => {
    const context = await newContext(browser, server.origin, { kind: 'stand-in', file: STAND_IN_FILE });
    try {
      const harness = await openHarness(context, server.origin, { host: 'Word' });
      await shown(harness.pane.getByText('当前页面运行在 Word 中，本加载项只支持 Excel。'));
      expect(await harness.pane.getByRole('tab').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('in Excel (the stand-in)', () => {
  let harness: Harness;
  let contextClose: () => Promise<void>;

  beforeAll(async () => {
    const context = await newContext(browser, server.origin, { kind: 'stand-in', file: STAND_IN_FILE });
    contextClose = () => context.close();
    harness = await openHarness(context, server.origin);
  });
  afterAll(() => contextClose?.());

  it('loads the production pane in Chinese with its four tabs, 填报 first', async () => {
    const tabs = harness.pane.getByRole('tablist', { name: '功能' }).getByRole('tab');
    await shown(tabs.first());
    expect(await tabs.allInnerTexts()).toEqual(['填报', '检查', '提交', '设置']);
    expect(await harness.pane.getByRole('tab', { name: '填报' }).getAttribute('aria-selected')).toBe('true');
    expect(await harness.paneFrame().evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await harness.paneFrame().evaluate(() => document.title)).toBe('新平妇女儿童发展规划监测填报');
    // the stand-in is what answered office.js, and its workbook is what the pane sees
    expect(await harness.excel((api) => api.sheets())).toEqual(['Sheet1']);
    await harness.screenshot('01-pane-open');
    expectNoPageErrors(harness);
  });

  it('follows Office\'s display language: en-US gives the English pane', async () => {
    const english = await newContext(browser, server.origin, { kind: 'stand-in', file: STAND_IN_FILE });
    try {
      const pane = await openHarness(english, server.origin, { displayLanguage: 'en-US' });
      const tabs = pane.pane.getByRole('tablist', { name: 'Features' }).getByRole('tab');
      await shown(tabs.first());
      expect(await tabs.allInnerTexts()).toEqual(['Fill', 'Check', 'Submit', 'Settings']);
      expect(await pane.paneFrame().evaluate(() => document.documentElement.lang)).toBe('en-US');
      expectNoPageErrors(pane);
    } finally {
      await english.close();
    }
  });

  it('switches to 设置 with the keyboard (arrow keys move along the tabs)', async () => {
    await harness.pane.getByRole('tab', { name: '填报' }).focus();
    await harness.page.keyboard.press('ArrowRight');
    await harness.page.keyboard.press('ArrowRight');
    await harness.page.keyboard.press('ArrowRight');
    await harness.page.keyboard.press('Enter');
    await eventually(async () => expect(await harness.pane.getByRole('tab', { name: '设置' }).getAttribute('aria-selected')).toBe('true'));
    expectNoPageErrors(harness);
  });
});

/**
 * The acceptance scenario of issue 5, as a staff member of 戛洒镇 does it on the first day: Settings (token,
 * test connection) → Fill (plan, organisation, year, insert the template) → typing the values into the sheet
 * (full-width digits, a pasted bad value) → Check (flags in the sheet, the grouped list) → fixing the bad value
 * (the list follows) → Submit (a 说明 for the warning, the receipt; the server stores one version) → the
 * server goes down, a changed value is submitted (queued) → the server comes back → sent exactly once.
 * Then the next days, each time with the task pane closed and opened again (the pane's page loads afresh;
 * the workbook, kept by the harness as Excel keeps it, and the user's storage stay): the server is down, a
 * change is queued, the pane is reopened while it is still down (the queue is kept) → the server is back, the
 * pane is reopened and sends it by itself, on 填报 → the bureau returns the report with a comment: shown on
 * the next open → fixed and submitted again, the bureau approves: shown locked on the next open.
 * One browser page throughout; each step builds on the one before (a failed step fails the ones after it).
 */
describe('acceptance: insert → type → check → fix → note → submit → server down → queued → sent once → reopened: queue kept and sent, returned, approved', () => {
  const PLAN_TITLE = '新平儿童发展规划（2021—2030年）';
  const ORGANISATION = { id: 'gasa', name: '戛洒镇' };
  const YEAR = 2025;
  const SHEET = `儿童${YEAR}-${ORGANISATION.name}`;
  /** FLAG_COLOURS of src/core/template/template-model.ts, and the template's white input cells. */
  const FILL = { error: '#FFEB9C', notMet: '#FFC7CE', input: '#FFFFFF' };

  let context: BrowserContext;
  let harness: Harness;
  let reporterToken: string;
  let bureauToken: string;
  /** The cells of the indicators typed into, found on the inserted sheet by indicator id and column header. */
  let cells: { vaccination: string; previousVaccination: string; doctors: string; doctorsNote: string; kindergartens: string; villages: string; socialWorkers: string; socialWorkerPost: string };
  /** Every POST of a submission the pane made: its Idempotency-Key and how it ended. */
  const posts: { key: string | null; status: number | null; failure: string | null; replayed: boolean }[] = [];
  let failedStep: string | undefined;
  let shot = 1;

  /** A step of the scenario: runs only when the steps before it passed; a failure leaves a screenshot. */
  let serverWasDown = false;
  function step(name: string, body: () => Promise<void>, timeout = 60_000): void {
    it(name, async () => {
      if (failedStep !== undefined) throw new Error(`not run: the earlier step "${failedStep}" failed`);
      try {
        await body();
        expect(await harness.excel((api) => api.handlerErrors())).toEqual([]);
        expectNoPageErrors(harness, serverWasDown);
      } catch (error) {
        failedStep = name;
        await harness?.screenshot(`failed-${String(shot).padStart(2, '0')}`).catch(() => undefined);
        throw error;
      }
    }, timeout);
  }

  async function screenshot(name: string): Promise<void> {
    shot += 1;
    await harness.page.waitForTimeout(150); // the stand-in draws the sheet after the pane's batch
    await harness.screenshot(`${String(shot).padStart(2, '0')}-${name}`);
  }

  const pane = () => harness.pane;
  const type = (address: string, input: string) => harness.excel((api, a: { address: string; input: string }) => api.type(a.address, a.input), { address, input });
  const cell = (address: string) => harness.excel((api, a: string) => api.cell(a), address);

  /** The report as the server stored it (read with a bureau token, as the 统计局 would): its review state, every version's receipt and the current values. */
  async function storedReport(): Promise<{
    id: string | null;
    status: string | null;
    versions: { version: number; bodySha256: string; counts: { values: number; warnings: number } }[];
    values: { indicatorId: string; unitId: string | null; value: unknown; note: string | null }[];
  }> {
    const list = await server.request(bureauToken, { method: 'GET', url: `/api/v1/submissions?plan=children&year=${YEAR}&org=${ORGANISATION.id}` });
    expect(list.statusCode).toBe(200);
    const submissions = list.json().submissions as { id: string }[];
    if (submissions.length === 0) return { id: null, status: null, versions: [], values: [] };
    expect(submissions).toHaveLength(1);
    const detail = await server.request(bureauToken, { method: 'GET', url: `/api/v1/submissions/${(submissions[0] as { id: string }).id}` });
    expect(detail.statusCode).toBe(200);
    return detail.json();
  }

  /** The statistics bureau reviews the report (src/server/routes/review-routes.ts), with a bureau token. */
  async function review(action: 'return' | 'approve', body: { comment?: string; version: number }): Promise<{ status: string; currentVersion: number }> {
    const { id } = await storedReport();
    expect(id).not.toBeNull();
    const answer = await server.request(bureauToken, { method: 'POST', url: `/api/v1/submissions/${id}/${action}`, payload: body });
    expect(answer.statusCode).toBe(200);
    return answer.json();
  }

  /** The outbox as the pane keeps it in the user's storage (localStorage, under Office's partition key). */
  async function storedOutbox(): Promise<OutboxState> {
    const text = await harness.paneFrame().evaluate((key) => localStorage.getItem(key), `e2e-partition:${OUTBOX_KEY}`);
    return text === null ? { entries: [], deliveries: [] } : (JSON.parse(text) as OutboxState);
  }

  /** The workbook as the stand-in holds it: sheets, the active one, every note, and the cells the scenario uses. */
  function workbookNow() {
    return harness.excel(
      (api, addresses: string[]) => ({ sheets: api.sheets(), active: api.activeSheet(), selection: api.selection(), notes: api.notes(), cells: addresses.map((address) => api.cell(address)) }),
      Object.values(cells),
    );
  }

  /** Waits until the pane has stopped working on the workbook (no sync for a second: a debounced re-check is done). */
  async function workbookQuiet(): Promise<void> {
    let last = -1;
    await eventually(
      async () => {
        const { syncs } = await harness.excel((api) => api.counters());
        const before = last;
        last = syncs;
        expect(syncs).toBe(before);
      },
      15_000,
      1_000,
    );
  }

  /** The person closes the task pane and opens it again; it opens on 填报, as always. */
  async function reopenPane(): Promise<void> {
    await harness.reopenPane();
    await shown(pane().getByRole('tab', { name: '填报' }));
    expect(await pane().getByRole('tab', { name: '填报' }).getAttribute('aria-selected')).toBe('true');
  }

  /** The stored value (and note) of one indicator of the current version. */
  function storedEntry(report: Awaited<ReturnType<typeof storedReport>>, indicatorId: string) {
    return report.values.find((value) => value.indicatorId === indicatorId);
  }

  beforeAll(async () => {
    reporterToken = await server.token(ORGANISATION.id);
    bureauToken = await server.token('tjj', 'bureau');
    context = await newContext(browser, server.origin, { kind: 'stand-in', file: STAND_IN_FILE });
    // the endpoint serves the pane too: while it is down, its files come as from a static host in front of it
    await servePaneFilesWhileDown(context, server.origin, taskpaneDir, () => !server.running);
    harness = await openHarness(context, server.origin);
    const isSubmission = (request: Request) => request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/submissions';
    harness.page.on('requestfinished', (request) => {
      if (!isSubmission(request)) return;
      void request.response().then((response) =>
        posts.push({ key: request.headers()['idempotency-key'] ?? null, status: response?.status() ?? null, failure: null, replayed: response?.headers()['idempotent-replayed'] === 'true' }),
      );
    });
    harness.page.on('requestfailed', (request) => {
      if (isSubmission(request)) posts.push({ key: request.headers()['idempotency-key'] ?? null, status: null, failure: request.failure()?.errorText ?? 'failed', replayed: false });
    });
  });
  afterAll(() => context?.close());

  step('设置: the token is entered and the connection test says it works', async () => {
    await shown(pane().getByRole('tab', { name: '填报' }));
    await pane().getByRole('tab', { name: '设置' }).click();
    // the address stays empty: the pane is served by the endpoint, which is the default
    await pane().getByLabel('访问令牌', { exact: true }).fill(reporterToken);
    await pane().getByRole('button', { name: '测试连接' }).click();
    const ok = pane().locator('[data-kind="ok"]');
    await shown(ok);
    const text = await ok.innerText();
    expect(text).toContain('连接正常');
    expect(text).toContain('戛洒镇');
    expect(text).toContain('填报单位');
    expect(text).toContain(server.origin);
    // the token is the user's, never the workbook's
    expect(await harness.excel((api) => api.sheets())).toEqual(['Sheet1']);
    expect(await harness.excel((api, token: string) => api.contains(token), reporterToken)).toEqual([]);
    await screenshot('settings-connection-ok');
  });

  step('填报: plan, organisation and year are chosen and the template is inserted into the workbook', async () => {
    await pane().getByRole('tab', { name: '填报' }).click();
    await pane().getByRole('radio', { name: PLAN_TITLE }).check();
    const organisation = pane().getByRole('combobox', { name: '填报单位' });
    await organisation.click();
    await organisation.fill('戛洒');
    await pane().getByRole('option', { name: new RegExp(ORGANISATION.name) }).first().click();
    await pane().getByRole('combobox', { name: '报告年度' }).selectOption(String(YEAR));
    expect(await organisation.inputValue()).toBe(ORGANISATION.name);
    // the indicators this organisation reports, with their targets
    await shown(pane().getByText('本单位填报的指标'));
    await shown(pane().getByText(`${YEAR}年度，共 5 项指标。`));
    // the plan's own words, one click away
    await pane().getByRole('button', { name: '规划原文：C-HEA-09 适龄儿童免疫规划疫苗接种率' }).click();
    await shown(pane().getByText('适龄儿童免疫规划疫苗接种率以乡镇（街道）为单位保持在90％以上'));
    await screenshot('fill-choices');

    await pane().getByRole('button', { name: '插入模板' }).click();
    await shown(pane().getByText(`已插入工作表“${SHEET}”，共 5 项指标。`));
    expect(await harness.excel((api) => api.sheets())).toEqual(['Sheet1', SHEET]);
    expect(await harness.excel((api) => api.activeSheet())).toBe(SHEET);
    const at = (indicator: string, header: string) => harness.excel((api, a: { indicator: string; header: string }) => api.cellAt(a.indicator, a.header), { indicator, header });
    cells = {
      vaccination: await at('C-HEA-09', '本年值'),
      previousVaccination: await at('C-HEA-09', '上年值（上届值）'),
      doctors: await at('C-HEA-24', '本年值'),
      doctorsNote: await at('C-HEA-24', '说明'),
      kindergartens: await at('C-EDU-11', '本年值'),
      villages: await at('C-EDU-11', '比较值'),
      socialWorkers: await at('C-WEL-14', '本年值'),
      socialWorkerPost: await at('C-WEL-18', '本年值'),
    };
    // white input cells, empty, on the template sheet
    for (const address of [cells.vaccination, cells.doctors, cells.socialWorkers]) {
      expect(await cell(address)).toMatchObject({ value: '', fill: FILL.input, note: null });
    }
    // the choices are remembered for this user
    expect(await harness.paneFrame().evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('e2e-partition:')).length)).toBeGreaterThan(0);
    await screenshot('fill-template-inserted');
  });

  step('the sheet is filled in as a person would: full-width digits, and a bad value pasted from elsewhere', async () => {
    await type(cells.previousVaccination, '93');
    await type(cells.vaccination, '９５．２'); // full-width, typed with a Chinese input method: stays text in Excel
    await type(cells.doctors, '1'); // misses the 2030 target of 2: a warning that needs a 说明
    await type(cells.villages, '4');
    await type(cells.kindergartens, '4');
    await harness.excel((api, a: string) => api.paste(a, [['abc']]), cells.socialWorkers); // pasted: bypasses validation
    await type(cells.socialWorkerPost, '是');
    // the template is protected: only its white input cells take typing
    const idCell = (await harness.excel((api) => api.find('C-HEA-09')))[0] as string;
    await expect(type(idCell, 'x')).rejects.toThrow(/locked on a protected sheet/);
    expect(await cell(cells.vaccination)).toMatchObject({ value: '９５．２' });
    expect(await cell(cells.doctors)).toMatchObject({ value: 1 });
    expect(await cell(cells.socialWorkers)).toMatchObject({ value: 'abc' });
    await harness.excel((api, a: string) => api.reveal(a), cells.vaccination);
    await screenshot('values-typed');
  });

  step('检查: the flags are drawn into the sheet and the list groups them by severity with counts', async () => {
    await pane().getByRole('tab', { name: '检查' }).click();
    const check = pane().locator('#panel-check');
    await check.getByRole('button', { name: '检查当前工作表' }).click();
    await shown(check.getByRole('heading', { name: `工作表“${SHEET}”的检查结果` }));
    await checkCounts({ error: 1, notMet: 1, warning: 0 });
    // each row names the indicator, the reporting unit and the cell
    const errors = check.getByRole('list', { name: '错误' }).getByRole('listitem');
    expect(await errors.count()).toBe(1);
    expect(await errors.first().innerText()).toEqual(expect.stringMatching(new RegExp(`C-WEL-14[\\s\\S]*戛洒镇 · 单元格 ${cells.socialWorkers}[\\s\\S]*本年值“abc”无法识别`)));
    const missed = check.getByRole('list', { name: '未达标' }).getByRole('listitem');
    expect(await missed.count()).toBe(1);
    expect(await missed.first().innerText()).toEqual(expect.stringMatching(new RegExp(`C-HEA-24[\\s\\S]*单元格 ${cells.doctors}[\\s\\S]*未达标`)));
    // the flags, drawn into the sheet: fill by kind and a 【检查】 note with the message
    const bad = await cell(cells.socialWorkers);
    expect(bad.fill).toBe(FILL.error);
    expect(bad.note).toMatch(/^【检查】本年值“abc”无法识别/);
    const miss = await cell(cells.doctors);
    expect(miss.fill).toBe(FILL.notMet);
    expect(miss.note).toMatch(/^【检查】未达标/);
    // the full-width ９５．２ is read as 95.2 and meets the every-year ≥90%: no flag
    expect(await cell(cells.vaccination)).toMatchObject({ value: '９５．２', fill: FILL.input, note: null });
    await shown(check.getByText('已开启自动检查', { exact: false }));
    await screenshot('check-flags-and-list');

    // clicking a row selects its cell in the sheet
    await errors.first().getByRole('button').click();
    await eventually(async () => expect(await harness.excel((api) => api.selection())).toEqual({ sheet: SHEET, address: cells.socialWorkers }));
  });

  step('fixing the bad value in the sheet updates the list by itself (live re-check, no button)', async () => {
    const runsBefore = (await harness.excel((api) => api.counters())).runs;
    await type(cells.socialWorkers, '1');
    await checkCounts({ error: 0, notMet: 1, warning: 0 });
    expect(await pane().locator('#panel-check').getByRole('list', { name: '错误' }).count()).toBe(0);
    expect(await cell(cells.socialWorkers)).toMatchObject({ value: 1, fill: FILL.input, note: null });
    expect(await cell(cells.doctors)).toMatchObject({ fill: FILL.notMet });
    // the re-check's own writes (fills, notes) are not edits: they do not set off another re-check
    const runsAfter = (await harness.excel((api) => api.counters())).runs;
    expect(runsAfter).toBeGreaterThan(runsBefore);
    await harness.page.waitForTimeout(2_000);
    expect((await harness.excel((api) => api.counters())).runs).toBe(runsAfter);
    await screenshot('check-after-fix-live');
  });

  step('提交: the warning gets a 说明, the report is submitted, the receipt is shown and the server stored one version', async () => {
    await pane().getByRole('tab', { name: '提交' }).click();
    const submit = pane().locator('#panel-submit');
    await shown(submit.getByText('须填写说明 1 项'));
    expect(await submit.getByText(/错误 \d+ 处/).count()).toBe(0);
    const note = '2030年目标为2名；第二名儿童保健医生已在招聘中。';
    await submit.getByLabel(`说明（写入单元格 ${cells.doctorsNote}）`).fill(note);
    await screenshot('submit-note-typed');
    await submit.getByRole('button', { name: '写入说明并重新检查' }).click();
    await shown(submit.getByText('已把 1 条说明写入工作表。'));
    expect(await cell(cells.doctorsNote)).toMatchObject({ value: note });
    await shown(submit.getByText('检查通过：5 项数据可以提交。'));

    await submit.getByRole('button', { name: '提交', exact: true }).click();
    await shown(submit.getByText('提交成功：第 1 版'), 30_000);
    const report = await storedReport();
    expect(report.versions).toHaveLength(1);
    expect(report.versions[0]).toMatchObject({ version: 1, counts: { values: 5, warnings: 1 } });
    // what was typed is what was stored: the full-width value as typed, the 说明 with the warning
    expect(storedEntry(report, 'C-HEA-09')).toMatchObject({ unitId: ORGANISATION.id, value: '９５．２' });
    expect(storedEntry(report, 'C-HEA-24')).toMatchObject({ value: 1, note });
    // the browser's record of the request may arrive a moment after the page showed the receipt
    await eventually(() => expect(posts.filter((post) => post.status === 201)).toHaveLength(1));
    await screenshot('submit-receipt');
  });

  step(
    'server down: a changed value is submitted, queued and retried; server up: it is sent exactly once',
    async () => {
      const submit = pane().locator('#panel-submit');
      await server.down();
      serverWasDown = true;
      await type(cells.vaccination, '９６');
      const before = posts.length;
      await submit.getByRole('button', { name: '重新检查' }).first().click();
      await shown(submit.getByText('检查通过：5 项数据可以提交。'));
      await submit.getByRole('button', { name: '提交', exact: true }).click();
      await shown(submit.getByText('已加入待发送队列，将自动重试'), 30_000);
      await screenshot('server-down-queued');
      // still down: the automatic retry fails as well, with the same idempotency key
      await eventually(() => expect(posts.slice(before).filter((post) => post.failure !== null).length).toBeGreaterThanOrEqual(2), 30_000, 250);
      const key = posts[before]?.key;
      expect(key).toBeTruthy();

      await server.up();
      await shown(submit.getByText('提交成功：第 2 版'), 60_000);
      await screenshot('server-up-sent-once');
      await eventually(() => expect(posts.slice(before).filter((post) => post.status === 201)).toHaveLength(1));
      const attempts = posts.slice(before);
      expect(attempts.every((post) => post.key === key)).toBe(true);
      expect(attempts.filter((post) => post.replayed)).toEqual([]);
      expect(attempts.filter((post) => post.status !== null && post.status !== 201)).toEqual([]);
      // and it stays that way: nothing is queued, nothing more is sent
      expect(await submit.getByText('待发送队列（本工作簿）').count()).toBe(0);
      await harness.page.waitForTimeout(6_000);
      expect(posts.slice(before).filter((post) => post.status !== null)).toHaveLength(1);
      const report = await storedReport();
      expect(report.versions.map((version) => version.version)).toEqual([1, 2]);
      expect(report.versions[1]?.bodySha256).not.toBe(report.versions[0]?.bodySha256);
      expect(storedEntry(report, 'C-HEA-09')).toMatchObject({ value: '９６' });
      // after all of it, the token is still nowhere in the workbook
      expect(await harness.excel((api, token: string) => api.contains(token), reporterToken)).toEqual([]);
    },
    150_000,
  );

  // ---- the next days: the task pane closed and opened again each time ----

  /** The submission queued while the server was down again: its idempotency key, and where its attempts start in `posts`. */
  let queued: { key: string; from: number };
  const RETURN_COMMENT = 'C-HEA-09 适龄儿童免疫规划疫苗接种率请按县卫健局年报核实，年报数为96.5%。';

  step(
    'reopened while the server is down: the workbook and the queued submission are kept, and the pane tries to send it as it opens',
    async () => {
      const submit = pane().locator('#panel-submit');
      await server.down();
      await type(cells.vaccination, '９７');
      const from = posts.length;
      await submit.getByRole('button', { name: '重新检查' }).first().click();
      await shown(submit.getByText('检查通过：5 项数据可以提交。'));
      await submit.getByRole('button', { name: '提交', exact: true }).click();
      await shown(submit.getByText('已加入待发送队列，将自动重试'), 30_000);
      await eventually(() => expect(posts.length).toBeGreaterThan(from));
      queued = { key: posts[from]?.key ?? '', from };
      expect(queued.key).toBeTruthy();
      expect((await storedOutbox()).entries).toEqual([expect.objectContaining({ idempotencyKey: queued.key, state: 'queued' })]);
      await screenshot('down-again-queued');

      // the person closes the pane and opens it again, the server still down
      await workbookQuiet(); // the live re-check of the edit has written its flags
      const workbook = await workbookNow();
      // (after the pane's first automatic retry: the next one is ≥ 8 s away, so an attempt now is the reopened pane's)
      await eventually(async () => expect((await storedOutbox()).entries[0]?.attempts).toBeGreaterThanOrEqual(2), 20_000, 250);
      const [waiting] = (await storedOutbox()).entries;
      const reopenedAt = posts.length;
      await reopenPane();
      // Excel kept the workbook: sheets, values (the queued ９７), fills, the 说明 and the flags' notes, the selection
      expect(await workbookNow()).toEqual(workbook);
      expect(await cell(cells.vaccination)).toMatchObject({ value: '９７' });
      expect(await cell(cells.doctorsNote)).toMatchObject({ value: expect.stringContaining('招聘') });
      expect(await cell(cells.doctors)).toMatchObject({ fill: FILL.notMet, note: expect.stringMatching(/^【检查】未达标/) });
      // the user's storage kept the queued submission with its key, and the reopened pane tries it at once
      // (提交 is not opened; before the retry timer was due): refused, with the same key
      await eventually(async () => expect((await storedOutbox()).entries).toEqual([expect.objectContaining({ idempotencyKey: queued.key, state: 'queued', attempts: (waiting?.attempts ?? 0) + 1 })]));
      expect((await storedOutbox()).entries[0]?.lastError?.at).toBeLessThan(waiting?.nextAttemptAt ?? 0);
      await eventually(() => expect(posts.slice(reopenedAt).filter((post) => post.failure !== null)).not.toHaveLength(0));
      expect(posts.slice(queued.from).every((post) => post.key === queued.key && post.status === null)).toBe(true);
      expect(await pane().locator('#panel-submit').count()).toBe(0);
      await screenshot('reopened-server-down-queue-kept');
    },
    90_000,
  );

  step('server up, the pane opened again sends the queued submission by itself, on 填报 with 提交 not opened: one new version, the same key', async () => {
    const waiting = (await storedOutbox()).entries[0];
    expect(waiting).toMatchObject({ idempotencyKey: queued.key, state: 'queued' });
    await server.up();
    await reopenPane();
    await eventually(() => expect(posts.slice(queued.from).filter((post) => post.status === 201)).toHaveLength(1), 15_000, 100);
    // sent because the pane opened, not by the retry timer: before the next retry was due
    const outbox = await storedOutbox();
    expect(outbox.entries).toEqual([]);
    const delivery = outbox.deliveries.find((each) => each.id === waiting?.id);
    expect(delivery).toMatchObject({ replayed: false, receipt: { version: 3 } });
    expect(delivery?.deliveredAt).toBeLessThan(waiting?.nextAttemptAt ?? 0);
    // still on 填报: 提交 was never opened in this pane
    expect(await pane().getByRole('tab', { name: '填报' }).getAttribute('aria-selected')).toBe('true');
    expect(await pane().locator('#panel-submit').count()).toBe(0);
    await screenshot('reopened-server-up-sent-by-itself');

    // every attempt carried the key made when 提交 was pressed; one 201, no replay, nothing more sent
    await harness.page.waitForTimeout(3_000);
    const attempts = posts.slice(queued.from);
    expect(attempts.every((post) => post.key === queued.key)).toBe(true);
    expect(attempts.filter((post) => post.status !== null)).toEqual([expect.objectContaining({ status: 201, replayed: false })]);
    const report = await storedReport();
    expect(report.status).toBe('submitted');
    expect(report.versions.map((version) => version.version)).toEqual([1, 2, 3]);
    expect(storedEntry(report, 'C-HEA-09')).toMatchObject({ value: '９７' });

    // opening 提交 now shows what the server has
    await pane().getByRole('tab', { name: '提交' }).click();
    await shown(pane().locator('#panel-submit').getByText(/^已提交第 3 版（.+），等待统计局审核。$/));
    await screenshot('reopened-submit-shows-version-3');
  });

  step('the bureau returns the report with a comment: the pane, opened again, shows 退回 and the comment on 提交', async () => {
    expect(await review('return', { comment: RETURN_COMMENT, version: 3 })).toMatchObject({ status: 'returned', currentVersion: 3 });
    await reopenPane();
    await pane().getByRole('tab', { name: '提交' }).click();
    const submit = pane().locator('#panel-submit');
    await shown(submit.getByText('统计局已退回报表'));
    await shown(submit.getByText(`退回意见：${RETURN_COMMENT}`));
    await shown(submit.getByText(/^第 3 版于 .+ 被退回。$/));
    await shown(submit.getByText('请按意见修改工作表，检查通过后重新提交。'));
    // returned is not locked: it can be submitted again
    await shown(submit.getByText('检查通过：5 项数据可以提交。'));
    expect(await submit.getByRole('button', { name: '提交', exact: true }).isEnabled()).toBe(true);
    expect((await storedReport()).status).toBe('returned');
    await screenshot('reopened-returned-with-comment');
  });

  step('fixed as asked and submitted again; the bureau approves: the pane, opened again, shows it approved and locked, 提交 disabled', async () => {
    const submit = pane().locator('#panel-submit');
    await type(cells.vaccination, '96.5');
    await submit.getByRole('button', { name: '重新检查' }).first().click();
    await shown(submit.getByText('检查通过：5 项数据可以提交。'));
    await submit.getByRole('button', { name: '提交', exact: true }).click();
    await shown(submit.getByText('提交成功：第 4 版'), 30_000);
    await shown(submit.getByText(/^已提交第 4 版（.+），等待统计局审核。$/));
    let report = await storedReport();
    expect(report.status).toBe('submitted');
    expect(report.versions.map((version) => version.version)).toEqual([1, 2, 3, 4]);
    expect(storedEntry(report, 'C-HEA-09')).toMatchObject({ value: 96.5 });
    await screenshot('resubmitted-after-return');

    expect(await review('approve', { version: 4 })).toMatchObject({ status: 'approved', currentVersion: 4 });
    await eventually(() => expect(posts.filter((post) => post.status === 201)).toHaveLength(4));
    const before = posts.length;
    await reopenPane();
    await pane().getByRole('tab', { name: '提交' }).click();
    await shown(submit.getByText('已审核通过（已锁定）'));
    await shown(submit.getByText(/第 4 版已于 .+ 由统计局审核通过并锁定，不能再提交新版本。/));
    await shown(submit.getByText('本年度报表已审核通过并锁定，不能再提交。'));
    // the sheet itself is fine: it is the lock that keeps 提交 disabled
    await shown(submit.getByText('检查通过：5 项数据可以提交。'));
    expect(await submit.getByRole('button', { name: '提交', exact: true }).isDisabled()).toBe(true);
    await screenshot('reopened-approved-locked');
    expect(posts.length).toBe(before);
    report = await storedReport();
    expect(report.status).toBe('approved');
    expect(report.versions).toHaveLength(4);
  });

  /** The Check view's counts, as announced when a check finishes and shown on each group's header. */
  async function checkCounts(expected: { error: number; notMet: number; warning: number }): Promise<void> {
    const check = pane().locator('#panel-check');
    await eventually(async () => {
      const announced = await check.getByRole('status').innerText();
      expect(announced).toMatch(new RegExp(`^检查完成：错误 ${expected.error} 项，未达标 ${expected.notMet} 项，波动预警 ${expected.warning} 项，提示 \\d+ 项。$`));
    }, 15_000);
    for (const [group, count] of [['错误', expected.error], ['未达标', expected.notMet], ['波动预警', expected.warning]] as const) {
      await shown(check.getByRole('button', { name: `${group} ${count} 项` }));
    }
  }
});
