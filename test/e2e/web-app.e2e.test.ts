/**
 * End-to-end: the production web app (webpack.config.js's `web`, production mode) in real headless Chromium
 * against the real server process (`npm run serve` on SQLite in a temp folder), seeded through the API with
 * earlier reports of several organisations and years. The county's year as issue 14 tells it:
 *
 *   the first admin is created with the CLI → signs in → creates a department user and a bureau user;
 *   a wrong password gets a message, repeated failures lock the account;
 *   the department downloads its pre-filled template, fills it (ExcelJS), the quick check shows its errors
 *   before anything is uploaded, fixes them, submits;
 *   the bureau sees the completeness change and returns it with a comment; the department sees the comment
 *   and resubmits; the bureau approves; consolidation and evaluation show the values; an indicator's chart
 *   renders with its target line; the monitoring report .xlsx downloads and opens with ExcelJS.
 *
 * Every step saves a screenshot in test-results/e2e-web/ and every page passes an axe-core scan with no
 * serious or critical violation. The window is an office screen's 1366×768.
 *
 * Needs Debian's chromium (`apt-get install -y chromium`); CHROMIUM_PATH points elsewhere.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Download, Locator, Page, Request } from 'playwright-core';
import { findIndicator } from '../../src/core/catalog/catalog';
import { seedCatalog } from '../../src/seed-catalog';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { launchChromium } from './support/browser';
import { eventually, shown } from './support/wait';
import {
  buildWeb,
  clearWebScreenshots,
  cli,
  fillDownloadedTemplate,
  seedReports,
  seriousAccessibilityViolations,
  startWebServer,
  webScreenshot,
  type AxeViolation,
  type ServerProcess,
} from './support/web-app';

jest.setTimeout(180_000);

const ADMIN_PASSWORD = '县统计局-初始-密码-2026';
const CLERK_PASSWORD = '卫健局-填报-2026-pass';
const BUREAU_PASSWORD = '统计局-审核-2026-pass';
/** The department of the scenario: 卫健局, children's plan, the reports of 2025 (made in 2026). */
const PLAN = 'children' as const;
const YEAR = 2025;
const ORG = 'wjj';
/** 婴儿死亡率 (‰): the clerk first types words the engine cannot read as a rate, then fixes it; its page draws the trend chart. */
const FIXED_INDICATOR = 'C-HEA-04';

let browser: Browser;
let server: ServerProcess;
let dataDir: string;
const accessibility: { page: string; violations: AxeViolation[] }[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  clearWebScreenshots();
  const webDir = await buildWeb();
  dataDir = mkdtempSync(join(tmpdir(), 'xpm-web-e2e-'));
  server = await startWebServer(dataDir, webDir, { LOGIN_MAX_FAILURES: '5' });
  // earlier years: 卫健局's 2024 report approved (its values become the 2025 template's 上年值), and other
  // organisations' reports of 2024 and 2025
  await seedReports(server.origin, dataDir, [
    { organisationId: ORG, plan: PLAN, year: 2024, approve: true },
    { organisationId: 'jtj', plan: PLAN, year: 2024, approve: true },
    { organisationId: 'jtj', plan: PLAN, year: YEAR, approve: false },
    { organisationId: 'mzj', plan: PLAN, year: YEAR, approve: true },
    { organisationId: 'mzj', plan: 'women', year: YEAR, approve: false },
  ]);
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A fresh browser context (its own cookies) at 1366×768, refusing every address but the server's. */
async function newUser(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', deviceScaleFactor: 1, acceptDownloads: true });
  await context.route((url) => url.origin !== server.origin, (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page };
}

/** A labelled text field (password fields too: Chromium exposes them as textboxes). */
const field = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto(`${server.origin}/`);
  await shown(field(page, '用户名'));
  await field(page, '用户名').fill(login);
  await field(page, '密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/**
 * A user the admin created signs in for the first time: the server asks for a new password first (the
 * admin knew the initial one), which the user sets before going on.
 */
async function firstSignIn(page: Page, login: string, initial: string, chosen: string, screenshotName?: string): Promise<void> {
  await signIn(page, login, initial);
  await shown(page.getByRole('heading', { name: '修改密码' }));
  if (screenshotName) await webScreenshot(page, screenshotName);
  await field(page, '当前密码').fill(initial);
  await field(page, '新密码').fill(chosen);
  await field(page, '确认新密码').fill(chosen);
  await page.getByRole('button', { name: '保存新密码' }).click();
}

/** Pages wider than the 1366 px office screen (the page scrolls sideways), by name. */
const tooWide: { page: string; scrollWidth: number }[] = [];

/**
 * Scans the page with axe-core and remembers what it found, and whether the page scrolls sideways at
 * 1366×768 (tables may scroll inside their own container, the page may not); asserted at the end, per page.
 */
async function scan(page: Page, name: string): Promise<void> {
  accessibility.push({ page: name, violations: await seriousAccessibilityViolations(page) });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > 1366) tooWide.push({ page: name, scrollWidth });
}

/** Bytes of a download. */
async function bytesOf(download: Download): Promise<Uint8Array> {
  const path = await download.path();
  if (!path) throw new Error(`download ${download.suggestedFilename()} has no file`);
  return new Uint8Array(readFileSync(path));
}

describe('the web app, from the first admin to the approved report', () => {
  let admin: Page;
  let clerk: Page;
  let bureau: Page;

  test('the first admin is created with the CLI and signs in; the login page passes the accessibility scan', async () => {
    const created = await cli(dataDir, ['user', 'add', '--login', 'admin', '--org', 'tjj', '--role', 'admin', '--name', '系统管理员', '--password-stdin'], `${ADMIN_PASSWORD}\n`);
    expect(created.code).toBe(0);
    ({ page: admin } = await newUser());
    await admin.goto(`${server.origin}/`);
    await shown(admin.getByRole('button', { name: '登录', exact: true }));
    await scan(admin, 'login');
    await webScreenshot(admin, '01-login');
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    await shown(admin.getByRole('heading', { name: '用户', exact: true }));
    expect(admin.url()).toContain('/web/admin/users');
    await scan(admin, 'admin-users');
    await webScreenshot(admin, '02-admin-users');
  });

  test('the admin creates the department user and the bureau user', async () => {
    for (const user of [
      { login: 'wjj-clerk', name: '卫健局张三', organisation: '卫健局', role: '填报单位', password: CLERK_PASSWORD },
      { login: 'tjj-li', name: '统计局李四', organisation: '统计局', role: '统计局', password: BUREAU_PASSWORD },
      { login: 'lock-me', name: '锁定测试', organisation: '民政局', role: '填报单位', password: '锁定-测试-2026-pass' },
    ]) {
      await admin.getByRole('button', { name: '新建用户' }).click();
      const dialog = admin.getByRole('dialog');
      await shown(dialog);
      await field(dialog, '用户名').fill(user.login);
      await field(dialog, '姓名').fill(user.name);
      const organisation = dialog.getByRole('combobox', { name: '单位' });
      await organisation.selectOption((await organisation.locator('option', { hasText: user.organisation }).first().getAttribute('value')) ?? '');
      const role = dialog.getByRole('combobox', { name: '角色' });
      await role.selectOption((await role.locator('option', { hasText: user.role }).first().getAttribute('value')) ?? '');
      await field(dialog, '初始密码（可不填）').fill(user.password);
      if (user.login === 'wjj-clerk') await webScreenshot(admin, '03-admin-new-user-dialog');
      await dialog.getByRole('button', { name: '创建' }).click();
      await shown(admin.getByRole('cell', { name: user.login, exact: true }));
    }
    await webScreenshot(admin, '04-admin-users-created');
  });

  test('a wrong password gets a message; repeated failures lock the account', async () => {
    const { page } = await newUser();
    await signIn(page, 'lock-me', 'not-the-password');
    const alert = page.getByRole('alert');
    await eventually(async () => expect(await alert.innerText()).toMatch(/用户名或密码错误/));
    await webScreenshot(page, '05-wrong-password');
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await field(page, '密码').fill(`wrong-${attempt}`);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForTimeout(300);
    }
    // now even the right password is refused until the lock ends or an admin lifts it
    await field(page, '密码').fill('锁定-测试-2026-pass');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await eventually(async () => expect(await page.getByRole('alert').innerText()).toMatch(/锁定/));
    await webScreenshot(page, '06-locked');
    await page.context().close();
  });

  let firstTemplate: Uint8Array;

  test('the department signs in, sees its tasks and downloads its template pre-filled with last year\u2019s values', async () => {
    ({ page: clerk } = await newUser());
    await firstSignIn(clerk, 'wjj-clerk', CLERK_PASSWORD, `${CLERK_PASSWORD}-新`, '07a-first-sign-in-new-password');
    await shown(clerk.getByRole('heading', { name: '填报任务' }));
    const card = clerk.getByRole('region', { name: /儿童发展规划/ });
    await shown(card);
    await eventually(async () => expect(await card.innerText()).toContain('未开始'));
    await scan(clerk, 'portal');
    await webScreenshot(clerk, '07-portal-tasks');
    const [download] = await Promise.all([clerk.waitForEvent('download'), card.getByRole('button', { name: '下载模板' }).click()]);
    firstTemplate = await bytesOf(download);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    // 上年值 pre-filled from the approved 2024 report
    const read = await readXlsx(firstTemplate, seedCatalog());
    if (!read.ok) throw new Error('the downloaded template does not read back');
    const prefilled = read.sheets[0]!.entries.filter((entry) => entry.previous !== null && entry.previous !== undefined && entry.previous !== '');
    expect(prefilled.length).toBeGreaterThan(3);
  });

  test('the quick check shows the errors in the browser before anything is uploaded; after the fix the department submits', async () => {
    const uploads: Request[] = [];
    clerk.on('request', (request) => {
      if (request.method() !== 'GET' && request.url().includes('/api/v1/submissions')) uploads.push(request);
    });
    const card = clerk.getByRole('region', { name: /儿童发展规划/ });
    const wrong = await fillDownloadedTemplate(firstTemplate, { plan: PLAN, year: YEAR, edit: (id) => (id === FIXED_INDICATOR ? '约七成' : undefined) });
    await card.locator('input[type=file]').setInputFiles({ name: '儿童2025-卫健局.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(wrong.bytes) });
    const errors = card.getByText(/错误 [1-9]\d* 项/);
    await shown(errors);
    const wrongCell = wrong.cells.get(FIXED_INDICATOR);
    expect(wrongCell).toBeDefined();
    await shown(card.getByText(new RegExp(`单元格 ${wrongCell}`)).first());
    expect(uploads).toHaveLength(0);
    await scan(clerk, 'portal-quick-check');
    await webScreenshot(clerk, '08-quick-check-errors');

    const fixed = await fillDownloadedTemplate(firstTemplate, { plan: PLAN, year: YEAR });
    await card.locator('input[type=file]').setInputFiles({ name: '儿童2025-卫健局.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(fixed.bytes) });
    await shown(card.getByText(/检查通过/));
    expect(uploads).toHaveLength(0);
    await card.getByRole('button', { name: '提交', exact: true }).click();
    await eventually(async () => expect(await card.innerText()).toContain('已提交第 1 版'), 30_000);
    expect(uploads.length).toBeGreaterThan(0);
    await webScreenshot(clerk, '09-submitted-receipt');
  });

  let reviewUrl = '';

  test('the bureau sees the completeness change and returns the report with a comment', async () => {
    ({ page: bureau } = await newUser());
    await firstSignIn(bureau, 'tjj-li', BUREAU_PASSWORD, `${BUREAU_PASSWORD}-新`);
    await shown(bureau.getByRole('heading', { name: /完成情况/ }));
    const row = bureau.getByRole('row', { name: /卫健局/ }).first();
    await eventually(async () => expect(await row.innerText()).toMatch(/已报送/));
    await scan(bureau, 'bureau-completeness');
    await webScreenshot(bureau, '10-bureau-completeness');
    await row.getByRole('link').first().click();
    await shown(field(bureau, '审核意见'));
    reviewUrl = bureau.url();
    await scan(bureau, 'bureau-review');
    await field(bureau, '审核意见').fill('请核对婴儿死亡率的口径，并补充说明。');
    await webScreenshot(bureau, '11-bureau-review');
    await bureau.getByRole('button', { name: '退回修改' }).click();
    await shown(bureau.getByText(/第 1 版已退回/));
    await webScreenshot(bureau, '12-bureau-returned');
  });

  test('the department sees the comment and resubmits', async () => {
    await clerk.reload();
    const card = clerk.getByRole('region', { name: /儿童发展规划/ });
    await shown(card.getByText(/统计局退回意见：请核对婴儿死亡率的口径/));
    await webScreenshot(clerk, '13-portal-returned-comment');
    const second = await fillDownloadedTemplate(firstTemplate, { plan: PLAN, year: YEAR });
    await card.locator('input[type=file]').setInputFiles({ name: '儿童2025-卫健局-修改.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(second.bytes) });
    await shown(card.getByText(/检查通过/));
    await card.getByRole('button', { name: '提交', exact: true }).click();
    await eventually(async () => expect(await card.innerText()).toContain('已提交第 2 版'), 30_000);
    await webScreenshot(clerk, '14-resubmitted');
  });

  test('the bureau approves; consolidation and evaluation show the values', async () => {
    await bureau.goto(reviewUrl);
    await shown(bureau.getByRole('button', { name: '审核通过' }));
    await bureau.getByRole('button', { name: '审核通过' }).click();
    await shown(bureau.getByText(/第 2 版已审核通过/));
    await webScreenshot(bureau, '15-bureau-approved');

    await bureau.getByRole('link', { name: '汇总' }).click();
    const indicator = findIndicator(seedCatalog(), FIXED_INDICATOR);
    await shown(bureau.getByRole('row', { name: new RegExp(FIXED_INDICATOR) }).first());
    expect(await bureau.getByRole('row', { name: new RegExp(FIXED_INDICATOR) }).first().innerText()).toContain(indicator?.name.slice(0, 4) ?? FIXED_INDICATOR);
    await scan(bureau, 'bureau-consolidation');
    await webScreenshot(bureau, '16-bureau-consolidation');

    await bureau.getByRole('link', { name: '评估' }).click();
    await shown(bureau.getByRole('table').first());
    await eventually(async () => expect(await bureau.locator('main').innerText()).toMatch(/达标率/));
    await scan(bureau, 'bureau-evaluation');
    await webScreenshot(bureau, '17-bureau-evaluation');
  });

  test('an indicator\u2019s chart renders with its target line; the warnings list opens', async () => {
    await bureau.goto(`${server.origin}/web/bureau/indicators/${PLAN}/${FIXED_INDICATOR}`);
    const chart = bureau.locator('svg').filter({ hasText: '目标值' }).first();
    await shown(chart);
    await shown(bureau.getByRole('table').first());
    await scan(bureau, 'bureau-indicator');
    await webScreenshot(bureau, '18-bureau-indicator-chart');

    await bureau.getByRole('link', { name: '预警' }).click();
    await shown(bureau.getByRole('heading', { name: /预警/ }).first());
    await scan(bureau, 'bureau-warnings');
    await webScreenshot(bureau, '19-bureau-warnings');
  });

  test('the monitoring report .xlsx downloads and opens with ExcelJS', async () => {
    await bureau.getByRole('link', { name: '汇总' }).click();
    const button = bureau.getByRole('button', { name: '下载监测报告（.xlsx）' });
    await shown(button);
    const [download] = await Promise.all([bureau.waitForEvent('download'), button.click()]);
    const bytes = await bytesOf(download);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(1);
    const text = workbook.worksheets.map((sheet) => sheet.getSheetValues().flat().join(' ')).join(' ');
    expect(text).toContain('卫健局');
  });

  test('no page has a serious or critical accessibility violation (axe-core), and none scrolls sideways at 1366×768', () => {
    expect(accessibility.length).toBeGreaterThanOrEqual(8);
    expect(accessibility.filter((entry) => entry.violations.length > 0)).toEqual([]);
    expect(tooWide).toEqual([]);
  });
});
