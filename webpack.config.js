/**
 * Builds the two front ends: the Excel task pane into dist/taskpane/ (served at /taskpane.html) and the web app
 * into dist/web/ (served at /, its files under /web/). The task pane:
 *   taskpane.html       from src/apps/taskpane/taskpane.html, with the first screen's scripts and office.js
 *   *.[contenthash].js  the bundle in chunks: what the first screen needs (runtime, React + Fluent UI + the
 *                       shell) and, loaded on demand, each view, the workbook adapter with the core it uses,
 *                       the catalog, and the libraries only those need (zod, big.js …)
 *   assets/             the add-in icons (manifest.xml IconUrl, HighResolutionIconUrl, ribbon images)
 *   office/             a local copy of office.js and the files it loads next to itself
 *
 * TypeScript goes through SWC (swc-loader on the @swc/core that jest uses); `npm run typecheck`
 * does the type checking.
 *
 * Environment:
 *   OFFICE_JS=cdn    taskpane.html loads office.js from Microsoft's CDN (default for production)
 *   OFFICE_JS=china  … from the CDN of Microsoft 365 operated by 21Vianet (世纪互联), for tenants in that cloud
 *   OFFICE_JS=local  … from office/office.js, the copy of @microsoft/office-js (default for development;
 *                    works offline, but Microsoft supports it for internal/dev use only)
 *   DEFAULT_ENDPOINT the shared endpoint's URL baked in as the default ('' = the origin the pane is served from)
 *
 * `--env stats=<file>` (what `npm run build` passes) also writes the chunk list, with the budgets below, for
 * scripts/report-bundle-size.ts, which prints initial vs on-demand sizes (raw and gzip).
 */
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DefinePlugin, WebpackError } = require('webpack');
const { version } = require('./package.json');
const { BUNDLE_ES_LEVEL, checkEsLevel } = require('./scripts/es-level.cjs');

/**
 * The first script of both pages (ES5): tells Internet Explorer 11 and old-Edge webviews (Office 2016/2019)
 * what to use instead, where the bundle cannot run. Copied beside each page; scripts/es-level.cjs.
 */
const UNSUPPORTED_BROWSER_GUARD = 'src/apps/taskpane/unsupported-browser.js';

/**
 * Where taskpane.html loads office.js from. Microsoft documents the CDN URL for add-ins
 * (learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn)
 * and, for Office 365 operated by 21Vianet, its own CDN "for continued compliance and better performance"
 * (learn.microsoft.com/office/dev/add-ins/publish/government-cloud-guidance#office-365-operated-by-21vianet).
 */
const OFFICE_JS_URLS = {
  cdn: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  china: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
  local: 'office/office.js',
};
const OFFICE_JS_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const OUTPUT_DIR = path.resolve(__dirname, 'dist/taskpane');
const WEB_OUTPUT_DIR = path.resolve(__dirname, 'dist/web');

/** office.js loads, relative to its own URL, the host script for the platform, its locale strings and telemetry. */
const OFFICE_JS_FILES = [
  'office.js',
  'o15apptofilemappingtable.js', // loaded instead of a host script by Office 2013
  'excel*.js', // host scripts: excel-win32-16.01.js, excel-web-16.00.js, excel-mac-16.00.js, …
  '*/office_strings.js', // <locale>/office_strings.js (falls back to en-us)
  'telemetry/*.js',
  'ariatelemetry/*.js',
  'webauth/*.js', // loaded by Excel on the web for its sign-in flows
];
// Not copied, as the package does not ship it: MicrosoftAjax.js, which office.js fetches from
// ajax.aspnetcdn.com only for old hosts that need it.

/**
 * Size budgets (bytes, minified, before compression) checked by webpack in production builds: over budget is
 * an error, so `npm run build` fails (development builds are not minified and not checked). The first
 * screen is what matters — the task pane opens on it; an on-demand chunk only delays the view needing it.
 */
const BUDGETS = {
  /**
   * The initial entrypoint: runtime + vendors + shell, what taskpane.html loads before the first render.
   * ~530 KiB at the time of writing (react-dom alone is ~200 KiB); it was 669 KiB when the workbook adapter,
   * zod and the core were in it, which this budget refuses.
   */
  initialBytes: 600 * 1024,
  /** Any single script, on-demand chunks included (the catalog, the largest, is ~150 KiB). */
  assetBytes: 512 * 1024,
};

function officeJsUrl(mode) {
  const choice = (process.env.OFFICE_JS || (mode === 'production' ? 'cdn' : 'local')).trim().toLowerCase();
  const url = OFFICE_JS_URLS[choice === '21vianet' ? 'china' : choice];
  if (!url) throw new Error(`OFFICE_JS must be "cdn", "china" (21Vianet) or "local", not "${process.env.OFFICE_JS}"`);
  return url;
}

/** Scripts of the bundle (not the office.js copy), the ones the budgets and the size report are about. */
const isBundleScript = (file) => file.endsWith('.js') && !file.startsWith('office/');

/**
 * Writes what scripts/report-bundle-size.ts needs: which scripts the first screen loads (the entrypoint),
 * every chunk with its files and modules (names and source sizes, to say what is in it), and the budgets.
 * The sizes it reports are measured on the emitted files (raw and gzip).
 */
class BundleStatsFilePlugin {
  constructor(file, budgets) {
    this.file = path.resolve(__dirname, file);
    this.budgets = budgets;
  }

  apply(compiler) {
    compiler.hooks.done.tap('BundleStatsFilePlugin', (stats) => {
      const json = stats.toJson({
        all: false,
        outputPath: true,
        entrypoints: true,
        chunks: true,
        ids: true,
        chunkModules: true,
        nestedModules: true,
        cachedModules: true,
        runtimeModules: true,
        dependentModules: true,
        chunkModulesSpace: Infinity,
        nestedModulesSpace: Infinity,
      });
      const flatten = (modules) =>
        (modules ?? []).flatMap((m) => (m.modules && m.modules.length > 0 ? flatten(m.modules) : [{ name: m.name, size: m.size }]));
      const report = {
        outputPath: json.outputPath,
        entrypoints: Object.fromEntries(
          Object.entries(json.entrypoints ?? {}).map(([name, entry]) => [name, { assets: (entry.assets ?? []).map((a) => a.name) }]),
        ),
        chunks: (json.chunks ?? []).map((chunk) => ({
          id: chunk.id,
          names: chunk.names,
          initial: chunk.initial,
          files: chunk.files,
          modules: flatten(chunk.modules),
        })),
        budgets: this.budgets,
        hasErrors: stats.hasErrors(),
      };
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(this.file, `${JSON.stringify(report)}\n`);
    });
  }
}

/**
 * Fails a production build whose scripts do not parse at BUNDLE_ES_LEVEL (scripts/es-level.cjs): the level
 * README.md's supported hosts are stated for. A dependency that starts shipping newer syntax is caught here,
 * not by a blank task pane in some Excel.
 */
class EsLevelPlugin {
  constructor(level = BUNDLE_ES_LEVEL) {
    this.level = level;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap('EsLevelPlugin', (compilation) => {
      const outputPath = compilation.outputOptions.path;
      const files = Object.keys(compilation.assets).filter(isBundleScript).map((file) => path.join(outputPath, file));
      const { ok, output } = checkEsLevel(this.level, files);
      if (!ok) compilation.errors.push(new WebpackError(`the bundle does not parse at ${this.level} (es-check):\n${output}`));
    });
  }
}

/** The web app's budget: its shell is React and Fluent UI (~400 KiB); the portal and workspace add on demand. */
const WEB_BUDGETS = { initialBytes: 600 * 1024, assetBytes: 512 * 1024 };

function swcOptionsFor(mode) {
  return {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic', development: mode === 'development' } },
      target: 'es2017',
    },
    sourceMaps: mode === 'development',
  };
}

/** `--env stats=<dir>`: each app writes <dir>/<app>.stats.json (scripts/report-bundle-size.ts reads them). */
function statsFile(env, app) {
  if (typeof env.stats !== 'string' || !env.stats) return undefined;
  return env.stats.endsWith('.json') ? env.stats : path.join(env.stats, `${app}.stats.json`);
}

/** The Excel task pane: dist/taskpane/, served at /taskpane.html (its scripts, office.js copy and icons beside it). */
function taskpane(env = {}, argv = {}) {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const swcOptions = swcOptionsFor(mode);
  const stats = statsFile(env, 'taskpane');

  return {
    name: 'taskpane',
    mode,
    target: ['web', 'es2017'],
    context: __dirname,
    entry: { taskpane: './src/apps/taskpane/index.tsx' },
    output: {
      path: OUTPUT_DIR,
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true,
    },
    devtool: mode === 'development' ? 'source-map' : false,
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'swc-loader', options: swcOptions },
        },
      ],
    },
    optimization: {
      // The webpack runtime (chunk loading, the chunk → file map) in its own small file: a change to one
      // view changes that map, and without this the vendors/shell files would get new hashes too, so
      // Excel would download them again although they are cached "immutable" (src/server/routes/front-end-routes.ts).
      runtimeChunk: 'single',
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // What the first screen needs from node_modules (React, react-dom, Fluent UI, Griffel, tabster …),
          // one file that only changes when a dependency does. Libraries used only on demand (zod, big.js)
          // stay out of it: splitChunks puts them next to the async chunks that use them.
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            chunks: 'initial',
            name: 'vendors',
            priority: -10,
            reuseExistingChunk: true,
          },
        },
      },
    },
    plugins: [
      new DefinePlugin({
        __APP_VERSION__: JSON.stringify(version),
        // DEFAULT_ENDPOINT: the shared endpoint's URL when the pane is hosted elsewhere; '' = the pane's own origin
        __DEFAULT_ENDPOINT__: JSON.stringify(process.env.DEFAULT_ENDPOINT || ''),
      }),
      new HtmlWebpackPlugin({
        template: './src/apps/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJsUrl: officeJsUrl(mode) },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: UNSUPPORTED_BROWSER_GUARD, to: '[name][ext]' },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          ...OFFICE_JS_FILES.map((pattern) => ({
            from: pattern,
            context: OFFICE_JS_DIST,
            to: 'office/',
            globOptions: { ignore: ['**/*.debug.js'] },
            info: { minimized: true },
          })),
        ],
      }),
      ...(stats ? [new BundleStatsFilePlugin(stats, BUDGETS)] : []),
      ...(mode === 'production' ? [new EsLevelPlugin()] : []),
    ],
    performance: {
      hints: mode === 'production' ? 'error' : false, // unminified development builds say nothing about size
      // The copied office.js files are large and not ours to shrink; judge only the bundle.
      assetFilter: isBundleScript,
      maxAssetSize: BUDGETS.assetBytes,
      maxEntrypointSize: BUDGETS.initialBytes,
    },
    stats: {
      excludeAssets: [/^office\//],
    },
  };
}

/**
 * The web app (department portal and the bureau's workspace): dist/web/, served at / with its files under
 * /web/ (the server answers /web/<route> with its index.html). No office.js: it runs in any browser.
 */
function web(env = {}, argv = {}) {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const stats = statsFile(env, 'web');
  return {
    name: 'web',
    mode,
    target: ['web', 'es2017'],
    context: __dirname,
    entry: { web: './src/apps/web/index.tsx' },
    output: {
      path: WEB_OUTPUT_DIR,
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: '/web/',
      clean: true,
    },
    devtool: mode === 'development' ? 'source-map' : false,
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'swc-loader', options: swcOptionsFor(mode) } }] },
    optimization: {
      runtimeChunk: 'single',
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          vendors: { test: /[\\/]node_modules[\\/]/, chunks: 'initial', name: 'vendors', priority: -10, reuseExistingChunk: true },
          // the bureau's charts (decision 0012): ECharts' renderer, zrender, in a file of its own beside ECharts,
          // loaded on demand with the indicator page; together they are over the single-asset budget
          zrender: { test: /[\\/]node_modules[\\/]zrender[\\/]/, chunks: 'async', name: 'zrender', priority: 0, enforce: true },
        },
      },
    },
    plugins: [
      new HtmlWebpackPlugin({ template: './src/apps/web/index.html', filename: 'index.html', chunks: ['web'] }),
      new CopyWebpackPlugin({ patterns: [{ from: UNSUPPORTED_BROWSER_GUARD, to: '[name][ext]' }] }),
      ...(stats ? [new BundleStatsFilePlugin(stats, WEB_BUDGETS)] : []),
      ...(mode === 'production' ? [new EsLevelPlugin()] : []),
    ],
    performance: {
      hints: mode === 'production' ? 'error' : false,
      assetFilter: isBundleScript,
      maxAssetSize: WEB_BUDGETS.assetBytes,
      maxEntrypointSize: WEB_BUDGETS.initialBytes,
    },
  };
}

/** Both front ends (webpack builds an array of configurations one after the other). */
module.exports = (env = {}, argv = {}) => [taskpane(env, argv), web(env, argv)];
module.exports.taskpane = taskpane;
module.exports.web = web;
module.exports.OFFICE_JS_URLS = OFFICE_JS_URLS;
module.exports.BUDGETS = BUDGETS;
module.exports.WEB_BUDGETS = WEB_BUDGETS;
module.exports.EsLevelPlugin = EsLevelPlugin;
