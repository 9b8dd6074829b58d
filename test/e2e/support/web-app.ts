/**
 * What the web app's end-to-end run (test/e2e/web-app.e2e.test.ts) needs besides the browser: the production
 * web app built into dist/e2e/web, the real server process on SQLite serving it, the CLI on the same
 * database, a seed of earlier reports through the API, an accessibility scan with axe-core, screenshots in
 * test-results/e2e-web/, and a template filled the way a clerk's Excel would (ExcelJS).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { PlanId } from '../../../src/core/catalog/indicator-schema';
import { readXlsx } from '../../../src/xlsx/read-xlsx';
import { seedCatalog } from '../../../src/seed-catalog';
import { acceptableDocument, acceptableValues } from '../../server/helpers/submission-fixtures';
import { startServerProcess, type ServerProcess } from '../../server/helpers/server-process';
import { send, type TestResponse } from '../../server/helpers/test-app';
import { ROOT, WEB_DIR, type BuildOutcome } from './build';

/** Screenshots of each step of the web app's run. */
export const WEB_SCREENSHOT_DIR = join(ROOT, 'test-results', 'e2e-web');

/** Builds the production web app in a child process (webpack would be slow inside jest's module registry). */
export function buildWeb(): Promise<string> {
  // E2E_WEB_DIR=<dir>: a web app built already (e.g. dist/web after `npm run build`)
  const given = process.env.E2E_WEB_DIR?.trim();
  if (given) return Promise.resolve(join(ROOT, given));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', join(__dirname, 'build.ts'), 'web'], { cwd: ROOT, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`building the web app for the e2e test failed:\n${stderr || error.message}`));
      const outcomes = JSON.parse(stdout.trim().split('\n').pop() ?? '[]') as BuildOutcome[];
      resolve(outcomes[0]?.dir ?? WEB_DIR);
    });
  });
}

/** The real server (`npm run serve`) on SQLite in `dataDir`, serving the web app from `webDir`. */
export function startWebServer(dataDir: string, webDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess(dataDir, { env: { WEB_DIR: webDir, ...env } });
}

/** Runs `npm run -s cli -- <args>` on the database in `dataDir`, with `stdin` piped in; resolves with its exit code and output. */
export function cli(dataDir: string, args: readonly string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'indicators.js'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** A new API token made with the CLI (`token create --json`). */
export async function cliToken(dataDir: string, organisationId: string, role: 'reporter' | 'bureau' | 'admin'): Promise<string> {
  const result = await cli(dataDir, ['token', 'create', '--org', organisationId, '--role', role, '--label', 'e2e-seed', '--json']);
  if (result.code !== 0) throw new Error(`token create failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { token: string }).token;
}

/** Calls the API with a Bearer token and fails loudly on an unexpected status. */
export async function api(origin: string, token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, expected = [200, 201]): Promise<TestResponse> {
  const response = await send(origin, { method, url, ...(payload ? { payload } : {}), headers: { authorization: `Bearer ${token}` } });
  if (!expected.includes(response.statusCode)) throw new Error(`${method} ${url} answered ${response.statusCode}: ${response.body}`);
  return response;
}

/**
 * Earlier reports, as the county would have them: for each organisation and year an accepted document sent
 * by its own token (the add-in's way), approved by the bureau when `approve` says so.
 */
export async function seedReports(origin: string, dataDir: string, reports: readonly { organisationId: string; plan: PlanId; year: number; approve: boolean }[]): Promise<void> {
  const bureau = await cliToken(dataDir, 'tjj', 'bureau');
  const tokens = new Map<string, string>();
  for (const report of reports) {
    let token = tokens.get(report.organisationId);
    if (!token) {
      token = await cliToken(dataDir, report.organisationId, 'reporter');
      tokens.set(report.organisationId, token);
    }
    const document = acceptableDocument({ organisationId: report.organisationId, plan: report.plan, year: report.year });
    const receipt = JSON.parse((await api(origin, token, 'POST', '/api/v1/submissions', document)).body) as { submissionId: string };
    if (report.approve) await api(origin, bureau, 'POST', `/api/v1/submissions/${receipt.submissionId}/approve`, {});
  }
}

/** Saves a full-page screenshot into test-results/e2e-web/<name>.png. */
export async function webScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(WEB_SCREENSHOT_DIR, { recursive: true });
  const file = join(WEB_SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Empties test-results/e2e-web/ so it holds exactly this run's pictures. */
export function clearWebScreenshots(): void {
  rmSync(WEB_SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(WEB_SCREENSHOT_DIR, { recursive: true });
}

/** One axe-core finding: the rule, its impact and where. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** Where the test's browser finds axe-core (answered by the context's route, not by the server). */
const AXE_PATH = '/e2e-only/axe.min.js';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page as it is; the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) {
    // the app's Content-Security-Policy allows scripts from its own origin only: axe is served from there
    // to this browser context (the server itself never has it)
    const url = `${new URL(page.url()).origin}${AXE_PATH}`;
    await page.context().route(url, (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: AXE_SOURCE }));
    await page.addScriptTag({ url });
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/**
 * A downloaded template filled the way a clerk would in Excel (ExcelJS): every row's value with one the
 * engine accepts, except where `edit` gives another; the rows the template pre-filled (上年值, 基期值) stay as
 * they came. Returns the workbook's bytes and the cells of the sheet's entries.
 */
export async function fillDownloadedTemplate(template: Uint8Array, options: { plan: PlanId; year: number; edit?: (indicatorId: string) => string | number | undefined }): Promise<{ bytes: Uint8Array; cells: Map<string, string> }> {
  const read = await readXlsx(template, seedCatalog());
  if (!read.ok || !read.sheets[0]) throw new Error('the downloaded template does not read back as a template');
  const sheet = read.sheets[0];
  const values = acceptableValues(sheet.entries.map((entry) => ({ indicatorId: entry.indicatorId, ...(entry.unitId ? { unitId: entry.unitId } : {}) })), options);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
  const worksheet = workbook.getWorksheet(sheet.sheetName);
  if (!worksheet) throw new Error(`no sheet ${sheet.sheetName}`);
  const valueCells = new Map<string, string>();
  sheet.entries.forEach((entry, index) => {
    const value = values[index];
    const cells = entry.cells as Record<string, string | undefined>;
    if (!value || !cells.value) return;
    valueCells.set(`${entry.indicatorId}${entry.unitId ? `@${entry.unitId}` : ''}`, cells.value);
    worksheet.getCell(cells.value).value = (options.edit?.(entry.indicatorId) ?? value.value) as ExcelJS.CellValue;
    for (const field of ['previous', 'baseline', 'other', 'note'] as const) {
      const address = cells[field];
      const content = value[field];
      if (!address || content === undefined || content === null) continue;
      const cell = worksheet.getCell(address);
      if (cell.value === null || cell.value === '') cell.value = content as ExcelJS.CellValue;
    }
    // a value far from the pre-filled 上年值 is a swing (波动预警): the clerk explains it, as the plans ask
    const previous = cells.previous ? worksheet.getCell(cells.previous).value : null;
    if (cells.note && previous !== null && previous !== '' && String(previous) !== String(value.value) && !worksheet.getCell(cells.note).value) {
      worksheet.getCell(cells.note).value = '已核实：本年口径与上年一致，变化属实。';
    }
  });
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), cells: valueCells };
}

export type { ServerProcess };
