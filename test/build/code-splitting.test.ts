/**
 * Builds the task pane with the project's webpack.config.js (production, not minified: the split is the same,
 * the build faster) into a temp folder and checks what the first screen loads and what it does not.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpack, { type Configuration } from 'webpack';
import { measureBundle, type BundleStatsFile } from '../../scripts/report-bundle-size';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's CommonJS webpack config
const webpackConfig = (require('../../webpack.config.js') as { taskpane: (env: Record<string, unknown>, argv: { mode?: string }) => Configuration }).taskpane;

let dir: string;
let stats: BundleStatsFile;
let html: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xpm-split-'));
  const statsFile = join(dir, 'stats.json');
  const saved = { officeJs: process.env.OFFICE_JS, endpoint: process.env.DEFAULT_ENDPOINT };
  delete process.env.OFFICE_JS;
  delete process.env.DEFAULT_ENDPOINT;
  const config = webpackConfig({ stats: statsFile }, { mode: 'production' });
  if (saved.officeJs !== undefined) process.env.OFFICE_JS = saved.officeJs;
  if (saved.endpoint !== undefined) process.env.DEFAULT_ENDPOINT = saved.endpoint;
  await new Promise<void>((resolve, reject) => {
    webpack(
      {
        ...config,
        output: { ...config.output, path: join(dir, 'taskpane') },
        optimization: { ...config.optimization, minimize: false },
        performance: { ...config.performance, hints: false }, // sizes unminified mean nothing
        infrastructureLogging: { level: 'error' },
      },
      (error, result) => {
        if (error) return reject(error);
        if (result?.hasErrors()) return reject(new Error(result.toString({ all: false, errors: true })));
        resolve();
      },
    );
  });
  stats = JSON.parse(readFileSync(statsFile, 'utf8')) as BundleStatsFile;
  html = readFileSync(join(dir, 'taskpane', 'taskpane.html'), 'utf8');
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const initialChunks = () => stats.chunks.filter((c) => c.initial);
const modulesOf = (chunks: BundleStatsFile['chunks']) => chunks.flatMap((c) => (c.modules ?? []).map((m) => m.name));
const chunkNamed = (name: string) => stats.chunks.find((c) => c.names.includes(name));

describe('the production build', () => {
  it('loads runtime, vendors and the shell first, nothing else', () => {
    expect(stats.entrypoints['taskpane']?.assets.map((a) => a.replace(/\.[0-9a-f]{8}\.js$/, ''))).toEqual(['runtime', 'vendors', 'taskpane']);
    expect(initialChunks().map((c) => c.names[0]).sort()).toEqual(['runtime', 'taskpane', 'vendors']);
  });

  it('keeps the workbook adapter, the core, the catalog, zod and big.js out of the first screen', () => {
    const initial = modulesOf(initialChunks());
    expect(initial.some((m) => m.includes('node_modules/react-dom/'))).toBe(true); // sanity: the list is real
    expect(initial.some((m) => m.includes('node_modules/@fluentui/react-tabs/'))).toBe(true);
    for (const unwanted of ['node_modules/zod/', 'node_modules/big.js/', 'node_modules/exceljs/', './src/core/', './src/workbook/', './src/office-workbook/', './seeds/', './src/seed-catalog']) {
      // the exceptions: two small modules without dependencies the shell's strings and error texts share
      // with everything else (the plans' names; the languages and the bilingual error base)
      const shared = ['./src/core/catalog/plan-names.ts', './src/core/i18n/message.ts'];
      expect(initial.filter((m) => m.includes(unwanted) && !shared.some((module) => m.includes(module)))).toEqual([]);
    }
    for (const view of ['fill', 'check', 'submit', 'settings']) {
      expect(initial.filter((m) => m.includes(`./src/apps/taskpane/${view}/`))).toEqual([]);
    }
  });

  it('puts each view, the workbook adapter and the catalog in chunks of their own', () => {
    for (const name of ['fill', 'check', 'submit', 'settings', 'workbook', 'catalog']) {
      const chunk = chunkNamed(name);
      expect({ name, initial: chunk?.initial }).toEqual({ name, initial: false });
    }
    expect(modulesOf([chunkNamed('workbook')!]).some((m) => m.startsWith('./src/office-workbook/'))).toBe(true);
    expect(modulesOf([chunkNamed('workbook')!]).some((m) => m.startsWith('./src/workbook/'))).toBe(true);
    expect(modulesOf([chunkNamed('catalog')!]).some((m) => m.startsWith('./seeds/'))).toBe(true);
    expect(modulesOf([chunkNamed('fill')!]).some((m) => m.startsWith('./src/apps/taskpane/fill/FillView'))).toBe(true);
  });

  it('writes taskpane.html with the ES5 guard, then office.js (the CDN) in <head>, then the entry scripts in order', () => {
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.slice(0, 2)).toEqual(['unsupported-browser.js', 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    expect(existsSync(join(dir, 'taskpane', 'unsupported-browser.js'))).toBe(true);
    expect(scripts.slice(2).map((s) => s?.replace(/\.[0-9a-f]{8}\.js$/, ''))).toEqual(['runtime', 'vendors', 'taskpane']);
    expect(html.indexOf('office.js')).toBeLessThan(html.indexOf('</head>'));
  });

  it('gives the size report every script of the build, initial or on demand', () => {
    const report = measureBundle(stats, (file) => readFileSync(join(dir, 'taskpane', file)));
    expect(report.initial.map((r) => r.chunk)).toEqual(['runtime', 'vendors', 'taskpane']);
    expect(report.onDemand.map((r) => r.chunk)).toEqual(expect.arrayContaining(['fill', 'check', 'submit', 'settings', 'workbook', 'catalog']));
    expect(report.onDemand.every((r) => r.raw > 0 && r.gzip > 0 && r.gzip < r.raw)).toBe(true);
  });
});
