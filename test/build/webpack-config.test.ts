import type { Configuration, WebpackPluginInstance } from 'webpack';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's CommonJS webpack config
const project = require('../../webpack.config.js') as ((env: Record<string, unknown>, argv: { mode?: string }) => Configuration[]) & {
  taskpane: (env: Record<string, unknown>, argv: { mode?: string }) => Configuration;
  web: (env: Record<string, unknown>, argv: { mode?: string }) => Configuration;
  OFFICE_JS_URLS: Record<string, string>;
  BUDGETS: { initialBytes: number; assetBytes: number };
  WEB_BUDGETS: { initialBytes: number; assetBytes: number };
};
/** The task pane's configuration, with the module's constants (as the tests below read them). */
const webpackConfig = Object.assign(project.taskpane, { OFFICE_JS_URLS: project.OFFICE_JS_URLS, BUDGETS: project.BUDGETS });

/** The office.js URL taskpane.html gets (HtmlWebpackPlugin's template parameter). */
function officeJsUrl(config: Configuration): unknown {
  const html = (config.plugins ?? []).find((p): p is WebpackPluginInstance => p?.constructor?.name === 'HtmlWebpackPlugin') as
    | { userOptions: { templateParameters: { officeJsUrl: string } } }
    | undefined;
  return html?.userOptions.templateParameters.officeJsUrl;
}

function withOfficeJs<T>(value: string | undefined, run: () => T): T {
  const saved = process.env.OFFICE_JS;
  if (value === undefined) delete process.env.OFFICE_JS;
  else process.env.OFFICE_JS = value;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env.OFFICE_JS;
    else process.env.OFFICE_JS = saved;
  }
}

describe('webpack.config.js: where office.js comes from', () => {
  it('uses the URL Microsoft documents for the CDN in production', () => {
    expect(withOfficeJs(undefined, () => officeJsUrl(webpackConfig({}, { mode: 'production' })))).toBe(
      'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
    );
  });

  it('uses the local copy of @microsoft/office-js in development', () => {
    expect(withOfficeJs(undefined, () => officeJsUrl(webpackConfig({}, { mode: 'development' })))).toBe('office/office.js');
    expect(withOfficeJs('local', () => officeJsUrl(webpackConfig({}, { mode: 'production' })))).toBe('office/office.js');
  });

  it('uses the 21Vianet CDN for Microsoft 365 operated in China (OFFICE_JS=china or 21vianet)', () => {
    const china = 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js';
    expect(withOfficeJs('china', () => officeJsUrl(webpackConfig({}, { mode: 'production' })))).toBe(china);
    expect(withOfficeJs('21Vianet', () => officeJsUrl(webpackConfig({}, { mode: 'production' })))).toBe(china);
    expect(webpackConfig.OFFICE_JS_URLS.china).toBe(china);
  });

  it('refuses an unknown OFFICE_JS rather than building a pane that cannot start', () => {
    expect(() => withOfficeJs('cdn2', () => webpackConfig({}, { mode: 'production' }))).toThrow(/OFFICE_JS must be "cdn", "china" \(21Vianet\) or "local"/);
  });
});

describe('webpack.config.js: splitting and budgets', () => {
  const config = withOfficeJs(undefined, () => webpackConfig({}, { mode: 'production' }));

  it('keeps the webpack runtime in its own file and puts only initial node_modules into "vendors"', () => {
    expect(config.optimization?.runtimeChunk).toBe('single');
    const splitChunks = config.optimization?.splitChunks;
    expect(splitChunks && splitChunks.chunks).toBe('all');
    const vendors = splitChunks && splitChunks.cacheGroups && (splitChunks.cacheGroups as Record<string, { chunks?: string; name?: string }>).vendors;
    expect(vendors).toEqual(expect.objectContaining({ chunks: 'initial', name: 'vendors' }));
  });

  it('fails a production build over budget, judging only the bundle (not the office.js copy)', () => {
    const performance = config.performance;
    if (!performance) throw new Error('no performance budgets');
    expect(performance.hints).toBe('error');
    expect(performance.maxEntrypointSize).toBe(webpackConfig.BUDGETS.initialBytes);
    expect(performance.maxAssetSize).toBe(webpackConfig.BUDGETS.assetBytes);
    // a first screen as large as before the split (669 KiB: workbook adapter, zod and core in it) fails the build
    expect(webpackConfig.BUDGETS.initialBytes).toBeLessThan(669 * 1024);
    const filter = performance.assetFilter as (file: string) => boolean;
    expect(filter('vendors.0123abcd.js')).toBe(true);
    expect(filter('office/office.js')).toBe(false);
    expect(filter('assets/icon-80.png')).toBe(false);
    const development = withOfficeJs(undefined, () => webpackConfig({}, { mode: 'development' })).performance;
    expect(development && development.hints).toBe(false); // unminified sizes say nothing
  });

  it('writes the stats file for the size report only when asked (--env stats=<file>)', () => {
    const names = (c: Configuration) => (c.plugins ?? []).map((p) => p?.constructor?.name);
    expect(names(config)).not.toContain('BundleStatsFilePlugin');
    expect(names(withOfficeJs(undefined, () => webpackConfig({ stats: 'dist/taskpane.stats.json' }, { mode: 'production' })))).toContain('BundleStatsFilePlugin');
  });
});

describe('webpack.config.js: two front ends', () => {
  it('builds the task pane and the web app, each into its own folder, the web app under /web/', () => {
    const [taskpane, web] = withOfficeJs(undefined, () => project({}, { mode: 'production' }));
    expect([taskpane?.name, web?.name]).toEqual(['taskpane', 'web']);
    expect(taskpane?.output?.path).toMatch(/dist[\\/]taskpane$/);
    expect(web?.output?.path).toMatch(/dist[\\/]web$/);
    expect(web?.output?.publicPath).toBe('/web/');
    expect(web?.entry).toEqual({ web: './src/apps/web/index.tsx' });
    expect((web?.performance as { maxEntrypointSize: number }).maxEntrypointSize).toBe(project.WEB_BUDGETS.initialBytes);
  });
});
