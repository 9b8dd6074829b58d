/**
 * Headless Chromium (Debian's package) through playwright-core, and the page the test drives: the harness
 * (task pane frame + the stand-in's sheet), with office.js from the Microsoft CDN answered by the Excel
 * stand-in and every other address outside the test server refused (there is no internet here, and the
 * pane must not need it).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type FrameLocator, type Page } from 'playwright-core';
import type { ExcelStandInApi, StandInOptions, StandInWindow } from '../excel-stand-in/api';
import { OFFICE_JS_CDN, ROOT, STAND_IN_WORKBOOK_NAME } from './build';
import { HARNESS_PATH, PANE_FRAME, WORKBOOK_SCRIPT_PATH, harnessHtml } from './harness';

/** Where Chromium is (CHROMIUM_PATH overrides). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Screenshots of each step. */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'e2e');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the task pane's end-to-end test drives the production bundle in headless Chromium. ` +
        'Install it with `apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What went wrong in the page: uncaught errors and console errors, for failure messages. */
export interface PageProblems {
  readonly errors: string[];
}

/**
 * A browser context on the test server's origin; `officeJs` decides what the office.js CDN URL answers
 * (with the stand-in, the harness page also gets the stand-in's workbook script, the file next to it).
 */
export async function newContext(browser: Browser, origin: string, officeJs: { kind: 'stand-in'; file: string } | { kind: 'refused' } | { kind: 'files'; dir: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  // routes run last-registered first: the catch-all goes in first
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort('internetdisconnected'),
  );
  if (officeJs.kind === 'stand-in') {
    const body = readFileSync(officeJs.file);
    await context.route(OFFICE_JS_CDN, (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body }));
    const workbook = readFileSync(join(dirname(officeJs.file), STAND_IN_WORKBOOK_NAME));
    await context.route(`${origin}${WORKBOOK_SCRIPT_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: workbook }));
  } else if (officeJs.kind === 'files') {
    // the real office.js and the files it loads next to itself, from the copy webpack puts in office/
    const base = OFFICE_JS_CDN.slice(0, OFFICE_JS_CDN.lastIndexOf('/') + 1);
    await context.route(`${base}**`, (route) => {
      const path = join(officeJs.dir, new URL(route.request().url()).pathname.slice(new URL(base).pathname.length));
      if (!path.startsWith(officeJs.dir) || !existsSync(path)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: readFileSync(path) });
    });
  }
  return context;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/**
 * While `isDown()`, the pane's own files (taskpane.html and its scripts: whatever of `dir` is asked for
 * outside /api/) are answered from `dir`, the folder the endpoint serves them from, as a static host or a
 * reverse proxy in front of the endpoint keeps serving an add-in's files while the endpoint's app is down.
 * The API stays unreachable (its requests go to the stopped server and are refused). Without it the pane
 * could not be reopened while the endpoint is down: the endpoint serves the pane too.
 */
export async function servePaneFilesWhileDown(context: BrowserContext, origin: string, dir: string, isDown: () => boolean): Promise<void> {
  const root = resolve(dir);
  await context.route(
    (url) => url.origin === origin && !url.pathname.startsWith('/api/'),
    (route) => {
      if (!isDown()) return route.fallback();
      const name = decodeURIComponent(new URL(route.request().url()).pathname).replace(/^\/+/, '') || 'taskpane.html';
      const file = resolve(root, name);
      // not one of the pane's files (the harness page, the stand-in): the other routes answer
      if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return route.fallback();
      return route.fulfill({ status: 200, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', headers: { 'cache-control': 'no-cache' }, body: readFileSync(file) });
    },
  );
}

export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { errors: [] };
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console.error (${message.location().url}): ${message.text()}`);
  });
  return problems;
}

/** The harness page, open, with the pane frame loaded. */
export interface Harness {
  readonly page: Page;
  readonly problems: PageProblems;
  /** The pane's frame, for locators (getByRole …). */
  readonly pane: FrameLocator;
  /** The pane's frame itself (for evaluate). */
  paneFrame(): Frame;
  /**
   * Closes the task pane and opens it again (Excel's Reload, or closing and reopening the add-in): the pane's
   * page loads afresh — a new runtime, the outbox and views starting over — while the workbook (kept by the
   * harness page) and the pane's storage (localStorage of its origin: settings, token, outbox) stay.
   * Resolves once the new page has loaded and the stand-in is there again.
   */
  reopenPane(): Promise<void>;
  /** Calls the stand-in's test API in the pane's frame. */
  excel<T>(call: (api: ExcelStandInApi, arg: any) => T | Promise<T>, arg?: unknown): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the argument crosses into the page as JSON
  /** Saves a full-page screenshot as test-results/e2e/<name>.png. */
  screenshot(name: string): Promise<string>;
}

export async function openHarness(context: BrowserContext, origin: string, options: StandInOptions = {}): Promise<Harness> {
  await context.route(`${origin}${HARNESS_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: harnessHtml(options) }));
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${origin}${HARNESS_PATH}`);
  const paneFrame = (): Frame => {
    const frame = page.frame({ name: PANE_FRAME });
    if (!frame) throw new Error('the harness has no task pane frame');
    return frame;
  };
  return {
    page,
    problems,
    pane: page.frameLocator(`iframe[name="${PANE_FRAME}"]`),
    paneFrame,
    reopenPane: async () => {
      const frame = paneFrame();
      await frame.goto(`${origin}/taskpane.html`, { waitUntil: 'load' });
      await frame.waitForFunction(() => Boolean((window as unknown as StandInWindow).__excel));
    },
    excel: async (call, arg) => {
      const frame = paneFrame();
      await frame.waitForFunction(() => Boolean((window as unknown as StandInWindow).__excel));
      // the function runs in the page: it is sent as its source text
      return frame.evaluate(
        ({ source, value }) => (new Function('api', 'arg', `return (${source})(api, arg);`) as (api: unknown, arg: unknown) => unknown)((window as unknown as StandInWindow).__excel, value),
        { source: call.toString(), value: arg },
      ) as Promise<Awaited<ReturnType<typeof call>>>;
    },
    screenshot: async (name) => {
      // the whole pane, not only what fits the window: the frame grows to its content for the picture
      await page.evaluate((frameName) => {
        const frame = document.querySelector<HTMLIFrameElement>(`iframe[name="${frameName}"]`);
        const content = frame?.contentDocument?.documentElement;
        const pane = frame?.parentElement;
        if (!frame || !content || !pane) return;
        frame.style.flex = 'none';
        frame.style.height = `${Math.max(content.scrollHeight, window.innerHeight)}px`;
        pane.style.height = 'auto';
      }, PANE_FRAME);
      try {
        return await screenshot(page, name);
      } finally {
        await page.evaluate((frameName) => {
          const frame = document.querySelector<HTMLIFrameElement>(`iframe[name="${frameName}"]`);
          if (!frame?.parentElement) return;
          frame.style.flex = '';
          frame.style.height = '';
          frame.parentElement.style.height = '';
        }, PANE_FRAME);
      }
    },
  };
}

/** Empties the screenshot folder, so that it holds exactly the pictures of this run. */
export function clearScreenshots(): void {
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
