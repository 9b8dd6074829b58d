/**
 * Builds what the end-to-end test runs, with webpack's Node API:
 *   dist/e2e/taskpane/       the task pane, built by the project's own webpack.config.js in production mode
 *                            (what `npm run build` makes: office.js from the Microsoft CDN, minified, split);
 *                            only the output folder differs, so a running `npm start` or another
 *                            engineer's build in dist/taskpane is never disturbed mid-test
 *   dist/e2e/excel-stand-in/ the Excel stand-in (test/e2e/excel-stand-in): stand-in.js, which the test serves
 *                            in place of office.js, and workbook.js, which the harness page loads to keep
 *                            the workbook across reloads of the pane; never part of the shipped build
 * Each is rebuilt only when its inputs changed (a fingerprint of their paths, sizes and times).
 * E2E_TASKPANE_DIR=<dir> uses a task pane built already (e.g. dist/taskpane after `npm run build` in CI)
 * instead of building one; the test still checks that it is a production build.
 *
 *   node --import tsx test/e2e/support/build.ts      builds and prints a JSON summary on the last line
 *   node --import tsx test/e2e/support/build.ts web  builds the web app only (dist/e2e/web)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import webpack, { type Configuration, type Stats } from 'webpack';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const E2E_DIST = join(ROOT, 'dist', 'e2e');
export const TASKPANE_DIR = join(E2E_DIST, 'taskpane');
export const STAND_IN_DIR = join(E2E_DIST, 'excel-stand-in');
/** The web app (department portal, bureau workspace) as `npm run build` makes it, for test/e2e/web-app.e2e.test.ts. */
export const WEB_DIR = join(E2E_DIST, 'web');
export const STAND_IN_FILE = join(STAND_IN_DIR, 'stand-in.js');
/** The harness page's part of the stand-in (the workbook, kept outside the pane frame); next to STAND_IN_FILE. */
export const STAND_IN_WORKBOOK_NAME = 'workbook.js';
/** The office.js URL of a production taskpane.html (webpack.config.js, OFFICE_JS=cdn). */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export interface BuildOutcome {
  readonly name: 'taskpane' | 'stand-in' | 'web';
  readonly dir: string;
  /** false: the previous build had the same inputs and was kept. */
  readonly built: boolean;
  readonly ms: number;
}

/** Files under these paths (relative to the root) decide whether a build is stale. */
const TASKPANE_INPUTS = ['src', 'seeds', 'assets', 'webpack.config.js', 'package.json', 'package-lock.json'];
const STAND_IN_INPUTS = ['test/e2e/excel-stand-in', 'test/helpers/fake-excel', 'test/e2e/support/build.ts', 'package-lock.json'];

function fingerprint(inputs: readonly string[], extra: string): string {
  const hash = createHash('sha256').update(extra);
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else {
      hash.update(`${relative(ROOT, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  for (const input of inputs) visit(join(ROOT, input));
  return hash.digest('hex');
}

function compile(config: Configuration): Promise<Stats> {
  return new Promise((resolvePromise, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats) return reject(new Error('webpack gave no stats'));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
      resolvePromise(stats);
    });
  });
}

/**
 * Builds into `<dir>.building` and swaps it in, so the folder the test serves is always a whole build;
 * skipped when the stamp in `dir` says the inputs are the same.
 */
async function buildOnce(name: BuildOutcome['name'], dir: string, stamp: string, config: (outputDir: string) => Configuration): Promise<BuildOutcome> {
  const started = Date.now();
  const stampFile = join(dir, '.e2e-build-stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { name, dir, built: false, ms: Date.now() - started };
  removeAbandonedBuilds(dir);
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  try {
    await compile(config(building));
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  writeFileSync(join(building, '.e2e-build-stamp'), stamp);
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return { name, dir, built: true, ms: Date.now() - started };
}

/** Deletes `<dir>.building-<pid>` folders left by builds whose process is gone (killed mid-build). */
function removeAbandonedBuilds(dir: string): void {
  const parent = dirname(dir);
  const prefix = `${basename(dir)}.building-`;
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isInteger(pid) && pid !== process.pid && processAlive(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/** Whether a process exists (Linux: /proc; elsewhere a leftover is kept rather than guessed about). */
function processAlive(pid: number): boolean {
  return existsSync('/proc') ? existsSync(`/proc/${pid}`) : true;
}

/** The production task pane: webpack.config.js exactly as `npm run build` (webpack --mode production) uses it. */
export function buildTaskpane(): Promise<BuildOutcome> {
  const given = process.env.E2E_TASKPANE_DIR?.trim();
  if (given) {
    const dir = resolve(ROOT, given);
    if (!existsSync(join(dir, 'taskpane.html'))) return Promise.reject(new Error(`E2E_TASKPANE_DIR=${given}: there is no taskpane.html in ${dir} (run npm run build)`));
    return Promise.resolve({ name: 'taskpane', dir, built: false, ms: 0 });
  }
  // what a production build reads from the environment, pinned to the defaults `npm run build` ships with
  delete process.env.OFFICE_JS;
  delete process.env.DEFAULT_ENDPOINT;
  const stamp = fingerprint(TASKPANE_INPUTS, 'production');
  return buildOnce('taskpane', TASKPANE_DIR, stamp, (outputDir) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's CommonJS webpack config
    const projectConfig = (require(join(ROOT, 'webpack.config.js')) as { taskpane: (env: unknown, argv: { mode: string }) => Configuration }).taskpane;
    const config = projectConfig({}, { mode: 'production' });
    return { ...config, output: { ...config.output, path: outputDir }, infrastructureLogging: { level: 'error' } };
  });
}

/** The production web app: webpack.config.js's `web` configuration in production mode, into dist/e2e/web. */
export function buildWebApp(): Promise<BuildOutcome> {
  const stamp = fingerprint(TASKPANE_INPUTS, 'web-production');
  return buildOnce('web', WEB_DIR, stamp, (outputDir) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's CommonJS webpack config
    const projectConfig = (require(join(ROOT, 'webpack.config.js')) as { web: (env: unknown, argv: { mode: string }) => Configuration }).web;
    const config = projectConfig({}, { mode: 'production' });
    return { ...config, output: { ...config.output, path: outputDir }, infrastructureLogging: { level: 'error' } };
  });
}

/** The Excel stand-in: two scripts (the pane's office.js, the harness's workbook), not minified (readable stacks when a test fails). */
export function buildStandIn(): Promise<BuildOutcome> {
  const stamp = fingerprint(STAND_IN_INPUTS, 'stand-in');
  return buildOnce('stand-in', STAND_IN_DIR, stamp, (outputDir) => ({
    mode: 'development',
    target: ['web', 'es2017'],
    context: ROOT,
    devtool: false,
    entry: { 'stand-in': './test/e2e/excel-stand-in/stand-in.ts', workbook: './test/e2e/excel-stand-in/workbook.ts' },
    output: { path: outputDir, filename: '[name].js', iife: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'swc-loader', options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2017' } } },
        },
      ],
    },
    plugins: [new webpack.ProvidePlugin({ Buffer: [join(ROOT, 'test/e2e/excel-stand-in/buffer-shim.ts'), 'Buffer'] })],
    infrastructureLogging: { level: 'error' },
    stats: 'errors-only',
  }));
}

/** Both builds, one after the other (they would only compete for the same cores). */
export async function buildAll(): Promise<BuildOutcome[]> {
  return [await buildTaskpane(), await buildStandIn()];
}

if (require.main === module) {
  (process.argv[2] === 'web' ? buildWebApp().then((outcome) => [outcome]) : buildAll()).then(
    (outcomes) => process.stdout.write(`${JSON.stringify(outcomes)}\n`),
    (error: unknown) => {
      process.stderr.write(`e2e build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
