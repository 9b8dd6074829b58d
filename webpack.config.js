/**
 * Builds the Excel task pane into dist/taskpane/ (served as https://localhost:3000/ in development):
 *   taskpane.html       from src/taskpane/taskpane.html, with the bundle and office.js
 *   *.[contenthash].js  the bundle, split into chunks (vendors apart; dynamic import() ready)
 *   assets/             the add-in icons (manifest.xml IconUrl / HighResolutionIconUrl)
 *   office/             a local copy of office.js and the files it loads next to itself
 *
 * TypeScript goes through SWC (swc-loader on the @swc/core that jest uses); `npm run typecheck`
 * does the type checking.
 *
 * Environment:
 *   OFFICE_JS=cdn    taskpane.html loads office.js from the Microsoft CDN (default for production)
 *   OFFICE_JS=local  taskpane.html loads office/office.js (default for development; works offline)
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DefinePlugin } = require('webpack');
const { version } = require('./package.json');

const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_LOCAL = 'office/office.js';
const OFFICE_JS_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const OUTPUT_DIR = path.resolve(__dirname, 'dist/taskpane');

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

function officeJsUrl(mode) {
  const choice = process.env.OFFICE_JS || (mode === 'production' ? 'cdn' : 'local');
  if (choice === 'cdn') return OFFICE_JS_CDN;
  if (choice === 'local') return OFFICE_JS_LOCAL;
  throw new Error(`OFFICE_JS must be "cdn" or "local", not "${choice}"`);
}

module.exports = (_env, argv) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const swcOptions = {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic', development: mode === 'development' } },
      target: 'es2017',
    },
    sourceMaps: mode === 'development',
  };

  return {
    mode,
    target: ['web', 'es2017'],
    context: __dirname,
    entry: { taskpane: './src/taskpane/index.tsx' },
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
      splitChunks: { chunks: 'all' },
    },
    plugins: [
      new DefinePlugin({
        __APP_VERSION__: JSON.stringify(version),
        // DEFAULT_ENDPOINT: the shared endpoint's URL when the pane is hosted elsewhere; '' = the pane's own origin
        __DEFAULT_ENDPOINT__: JSON.stringify(process.env.DEFAULT_ENDPOINT || ''),
      }),
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJsUrl: officeJsUrl(mode) },
      }),
      new CopyWebpackPlugin({
        patterns: [
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
    ],
    performance: {
      // The copied office.js files are large and not ours to shrink; judge only the bundle.
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith('office/'),
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
    },
    stats: {
      excludeAssets: [/^office\//],
    },
  };
};
