/**
 * @jest-environment jsdom
 */
/**
 * Issue 13, point 1: Office 2016/2019 on Windows show add-ins in Internet Explorer 11 (or the old Edge), which
 * cannot parse the bundle (ES2022), so the pane hung on "正在加载…". The syntax gate: the guard both pages load
 * first is ES5 and says what to use instead; every production build's scripts parse at the declared level
 * (scripts/es-level.cjs through webpack.config.js's EsLevelPlugin — the e2e test's and `npm start`'s builds
 * run it); and the gate is shown to fail.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const esLevel = require('../../scripts/es-level.cjs') as { GUARD_ES_LEVEL: string; BUNDLE_ES_LEVEL: string; checkEsLevel(level: string, files: string[]): { ok: boolean; output: string } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as ((env: object, argv: object) => { name: string; plugins: unknown[] }[]) & { EsLevelPlugin: new (level?: string) => { apply(compiler: unknown): void } };

const GUARD = join(ROOT, 'src', 'apps', 'taskpane', 'unsupported-browser.js');
const guardSource = readFileSync(GUARD, 'utf8');

jest.setTimeout(60_000);

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'es-level-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

describe('the ES5 guard (src/apps/taskpane/unsupported-browser.js)', () => {
  it('parses as ES5, and the check fails on ES2015 syntax', () => {
    expect(esLevel.GUARD_ES_LEVEL).toBe('es5');
    expect(esLevel.checkEsLevel('es5', [GUARD])).toMatchObject({ ok: true });
    const arrow = esLevel.checkEsLevel('es5', [file('arrow.js', 'var f = () => 1;\n')]);
    expect(arrow.ok).toBe(false);
    expect(arrow.output).toMatch(/arrow\.js/);
  });

  it('is the first script of both pages, before office.js and the bundle', () => {
    const pane = readFileSync(join(ROOT, 'src', 'apps', 'taskpane', 'taskpane.html'), 'utf8');
    const web = readFileSync(join(ROOT, 'src', 'apps', 'web', 'index.html'), 'utf8');
    const firstScript = (html: string) => /<script\b[^>]*>/.exec(html)?.[0];
    expect(firstScript(pane)).toBe('<script src="unsupported-browser.js">');
    expect(firstScript(web)).toBe('<script src="/web/unsupported-browser.js">');
    expect(pane).toMatch(/<html lang="zh-CN" data-app="taskpane">/);
    expect(web).toMatch(/<html lang="zh-CN" data-app="web">/);
  });

  /** Runs the guard in this jsdom page as an engine without ES2022's built-ins would (Internet Explorer 11). */
  function runAsOldEngine(app: 'taskpane' | 'web'): HTMLElement {
    document.documentElement.setAttribute('data-app', app);
    document.body.innerHTML = '<div id="root"><p>正在加载… / Loading…</p></div>';
    const hasOwn = Object.getOwnPropertyDescriptor(Object, 'hasOwn');
    delete (Object as { hasOwn?: unknown }).hasOwn;
    try {
      new Function(guardSource)();
    } finally {
      if (hasOwn) Object.defineProperty(Object, 'hasOwn', hasOwn);
    }
    return document.getElementById('root') as HTMLElement;
  }

  it('on an old engine, the task pane says in Chinese and English what to use instead: the portal, the .xlsx template and `indicators check`', () => {
    const root = runAsOldEngine('taskpane');
    const text = root.textContent ?? '';
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
    expect(text).not.toMatch(/正在加载/);
    expect(text).toMatch(/此版本的 Excel 无法运行本加载项/);
    expect(text).toMatch(/Internet Explorer 11/);
    expect(text).toContain(`${window.location.protocol}//${window.location.host}/`);
    expect(text).toMatch(/\.xlsx 填报表.*indicators template.*indicators check/);
    expect(text).toMatch(/Office 2021.*Microsoft 365/);
    expect(text).toMatch(/This version of Excel cannot run the add-in/);
  });

  it('on an old engine, the web portal says to use a current browser or the .xlsx template', () => {
    const text = runAsOldEngine('web').textContent ?? '';
    expect(text).toMatch(/此浏览器版本过旧/);
    expect(text).toMatch(/indicators check/);
    expect(text).toMatch(/This browser is too old/);
  });

  it('on a current engine it leaves the page alone', () => {
    document.documentElement.setAttribute('data-app', 'taskpane');
    document.body.innerHTML = '<div id="root"><p>正在加载… / Loading…</p></div>';
    new Function(guardSource)();
    expect(document.getElementById('root')?.textContent).toBe('正在加载… / Loading…');
  });
});

describe("the bundle's declared level (BUNDLE_ES_LEVEL)", () => {
  it('is ES2022, checked by every production build of both front ends and by none in development', () => {
    expect(esLevel.BUNDLE_ES_LEVEL).toBe('es2022');
    const names = (mode: string) => webpackConfig({}, { mode }).map((config) => [config.name, config.plugins.map((plugin) => (plugin as object).constructor.name).filter((name) => name === 'EsLevelPlugin')]);
    expect(names('production')).toEqual([['taskpane', ['EsLevelPlugin']], ['web', ['EsLevelPlugin']]]);
    expect(names('development')).toEqual([['taskpane', []], ['web', []]]);
  });

  it('the plugin fails a build whose emitted scripts are above the level, naming the file', () => {
    const good = file('good.js', 'var a = 1;\n');
    const bad = file('vendors.0123abcd.js', 'const b = a?.c ?? 2;\n');
    const run = (level: string, assets: string[]) => {
      const errors: Error[] = [];
      let afterEmit: ((compilation: unknown) => void) | undefined;
      new webpackConfig.EsLevelPlugin(level).apply({ hooks: { afterEmit: { tap: (_name: string, hook: (compilation: unknown) => void) => void (afterEmit = hook) } } });
      afterEmit?.({ outputOptions: { path: scratch }, assets: Object.fromEntries(assets.map((asset) => [asset, {}])), errors });
      return errors;
    };
    expect(run('es2019', ['good.js', 'vendors.0123abcd.js'])).toEqual([expect.objectContaining({ message: expect.stringMatching(/does not parse at es2019[\s\S]*vendors\.0123abcd\.js/) })]);
    expect(run('es2020', ['good.js', 'vendors.0123abcd.js'])).toEqual([]);
    expect(good && bad).toBeTruthy();
  });
});
