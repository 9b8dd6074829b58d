import { gzipSync } from 'node:zlib';
import {
  formatReport,
  isBundleScript,
  kib,
  mainContents,
  measureBundle,
  packageOf,
  type BundleStatsFile,
} from '../../scripts/report-bundle-size';

/** Pseudo-random bytes compress badly, repeated text well: the gzip column must tell them apart. */
function noise(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x & 0xff;
  }
  return out;
}

const files: Record<string, Buffer> = {
  'runtime.aaaa1111.js': Buffer.from('/* runtime */'.repeat(100)),
  'vendors.bbbb2222.js': noise(300 * 1024),
  'taskpane.cccc3333.js': Buffer.from('const shell = 1;\n'.repeat(2000)),
  'fill.dddd4444.js': noise(20 * 1024, 2),
  'workbook.eeee5555.js': noise(40 * 1024, 3),
  '542.ffff6666.js': noise(90 * 1024, 4),
  'office/office.js': noise(500 * 1024, 5),
};

function stats(overrides: Partial<BundleStatsFile> = {}): BundleStatsFile {
  return {
    outputPath: '/dist/taskpane',
    entrypoints: { taskpane: { assets: ['runtime.aaaa1111.js', 'vendors.bbbb2222.js', 'taskpane.cccc3333.js'] } },
    chunks: [
      { id: 121, names: ['runtime'], initial: true, files: ['runtime.aaaa1111.js'], modules: [{ name: 'webpack/runtime/load script', size: 900 }] },
      {
        id: 96, names: ['vendors'], initial: true, files: ['vendors.bbbb2222.js'],
        modules: [
          { name: './node_modules/react-dom/cjs/react-dom-client.production.js', size: 600_000 },
          { name: './node_modules/@fluentui/tokens/lib/themes/web/lightTheme.js', size: 40_000 },
          { name: './node_modules/@fluentui/tokens/lib/themes/web/darkTheme.js', size: 40_000 },
          { name: './node_modules/react/cjs/react.production.js', size: 19_000 },
        ],
      },
      { id: 926, names: ['taskpane'], initial: true, files: ['taskpane.cccc3333.js'], modules: [{ name: './src/apps/taskpane/index.tsx + 14 modules', size: 50_000 }] },
      { id: 584, names: ['fill'], initial: false, files: ['fill.dddd4444.js'], modules: [{ name: './src/apps/taskpane/fill/FillView.tsx', size: 30_000 }] },
      { id: 455, names: ['workbook'], initial: false, files: ['workbook.eeee5555.js', 'workbook.eeee5555.js.LICENSE.txt'], modules: [{ name: './src/office-workbook/index.ts', size: 45_000 }] },
      { id: 542, names: [], initial: false, files: ['542.ffff6666.js'], modules: [{ name: './node_modules/zod/v4/classic/schemas.js', size: 370_000 }] },
    ],
    budgets: { initialBytes: 600 * 1024, assetBytes: 512 * 1024 },
    ...overrides,
  };
}

const read = (file: string): Buffer => {
  const content = files[file];
  if (!content) throw new Error(`no file ${file}`);
  return content;
};

describe('measureBundle', () => {
  it('puts the entrypoint scripts in "initial" in load order and every other chunk script in "on demand"', () => {
    const report = measureBundle(stats(), read);
    expect(report.initial.map((r) => r.file)).toEqual(['runtime.aaaa1111.js', 'vendors.bbbb2222.js', 'taskpane.cccc3333.js']);
    expect(report.onDemand.map((r) => r.file)).toEqual(['542.ffff6666.js', 'workbook.eeee5555.js', 'fill.dddd4444.js']); // largest first
    expect(report.onDemand.map((r) => r.chunk)).toEqual(['#542', 'workbook', 'fill']);
  });

  it('leaves out the office.js copy and other non-script files', () => {
    const withOffice = stats({
      entrypoints: { taskpane: { assets: ['runtime.aaaa1111.js', 'vendors.bbbb2222.js', 'taskpane.cccc3333.js', 'office/office.js'] } },
    });
    const report = measureBundle(withOffice, read);
    expect([...report.initial, ...report.onDemand].map((r) => r.file)).not.toContain('office/office.js');
    expect([...report.initial, ...report.onDemand].map((r) => r.file)).not.toContain('workbook.eeee5555.js.LICENSE.txt');
    expect(isBundleScript('office/office.js')).toBe(false);
    expect(isBundleScript('fill.dddd4444.js')).toBe(true);
  });

  it('measures raw bytes and gzip (node:zlib) of each file, and the totals', () => {
    const report = measureBundle(stats(), read);
    const vendors = report.initial[1];
    expect(vendors?.raw).toBe(300 * 1024);
    expect(vendors?.gzip).toBe(gzipSync(files['vendors.bbbb2222.js'] as Buffer).length);
    const taskpane = report.initial[2];
    expect(taskpane?.gzip).toBeLessThan((taskpane?.raw ?? 0) / 20); // repetitive text compresses well
    expect(report.totals.initial.raw).toBe(13 * 100 + 300 * 1024 + 17 * 2000);
    expect(report.totals.initial.gzip).toBe(report.initial.reduce((n, r) => n + r.gzip, 0));
    expect(report.totals.onDemand.raw).toBe((20 + 40 + 90) * 1024);
  });

  it('names what is mostly in each chunk, by package or source folder', () => {
    const report = measureBundle(stats(), read);
    expect(report.initial[1]?.contents).toEqual(['react-dom', '@fluentui/tokens', 'react']);
    expect(report.initial[2]?.contents).toEqual(['src/apps/taskpane']);
    expect(report.onDemand[0]?.contents).toEqual(['zod']);
  });

  it('is quiet within budget, warns within 10 % of it and fails beyond it', () => {
    expect(measureBundle(stats(), read).problems).toEqual([]);

    const initialRaw = measureBundle(stats(), read).totals.initial.raw;
    const close = measureBundle(stats({ budgets: { initialBytes: Math.ceil(initialRaw / 0.95), assetBytes: 512 * 1024 } }), read);
    expect(close.problems).toEqual([expect.objectContaining({ level: 'warning' })]);

    const over = measureBundle(stats({ budgets: { initialBytes: initialRaw - 1, assetBytes: 512 * 1024 } }), read);
    expect(over.problems).toEqual([expect.objectContaining({ level: 'error' })]);
    expect(over.problems[0]?.en).toContain('over the budget');

    const bigAsset = measureBundle(stats({ budgets: { initialBytes: 600 * 1024, assetBytes: 80 * 1024 } }), read);
    expect(bigAsset.problems.map((p) => p.en)).toEqual([
      expect.stringContaining('vendors.bbbb2222.js is 300.0 KiB'),
      expect.stringContaining('542.ffff6666.js is 90.0 KiB'),
    ]);
  });
});

describe('packageOf and mainContents', () => {
  it('groups modules by npm package (scoped or not), source folder, or the webpack runtime', () => {
    expect(packageOf('./node_modules/@fluentui/react-tabs/lib/components/Tab/Tab.js')).toBe('@fluentui/react-tabs');
    expect(packageOf('./node_modules/big.js/big.mjs')).toBe('big.js');
    expect(packageOf('./node_modules/.pnpm/zod@4/node_modules/zod/index.js')).toBe('zod');
    expect(packageOf('./src/core/template/build-template.ts')).toBe('src/core/template');
    expect(packageOf('./src/apps/taskpane/index.tsx + 14 modules')).toBe('src/apps/taskpane');
    expect(packageOf('./seeds/women.catalog.json')).toBe('seeds');
    expect(packageOf('webpack/runtime/jsonp chunk loading')).toBe('webpack runtime');
  });

  it('orders by total source size and keeps the first few', () => {
    const modules = [
      { name: './node_modules/a/x.js', size: 10 },
      { name: './node_modules/b/x.js', size: 15 },
      { name: './node_modules/a/y.js', size: 10 },
      { name: './node_modules/c/x.js', size: 1 },
    ];
    expect(mainContents(modules)).toEqual(['a', 'b', 'c']);
    expect(mainContents(modules, 1)).toEqual(['a']);
  });
});

describe('formatReport', () => {
  it('prints one row per script under 首屏 initial / 按需 on demand, with totals and the budget', () => {
    const text = formatReport(measureBundle(stats(), read));
    const lines = text.split('\n');
    expect(lines[0]).toBe('任务窗格脚本大小 / Task pane bundle sizes');
    const initialRow = lines.findIndex((l) => l.startsWith('首屏 initial'));
    const onDemandRow = lines.findIndex((l) => l.startsWith('按需 on demand'));
    expect(lines[initialRow]).toContain('runtime.aaaa1111.js');
    expect(onDemandRow).toBe(initialRow + 4); // three scripts and their total
    expect(lines[initialRow + 3]).toMatch(/= total\s+\S+ KiB\s+\S+ KiB\s+budget 600\.0 KiB raw/);
    expect(text).toContain('workbook.eeee5555.js');
    expect(text).not.toContain('✘');
    // columns line up: the raw column ends at the same place in every row, Chinese labels included
    const rawEnds = lines.slice(1).filter((l) => /KiB/.test(l)).map((l) => displayEnd(l, /\d+\.\d KiB/));
    expect(new Set(rawEnds).size).toBe(1);
  });

  it('ends with the problems', () => {
    const report = measureBundle(stats({ budgets: { initialBytes: 1024, assetBytes: 512 * 1024 } }), read);
    expect(formatReport(report).split('\n').at(-1)).toMatch(/^✘ 首屏脚本共 .* KiB，超出预算 1\.0 KiB。 \/ The first screen's scripts total/);
  });

  it('formats KiB with one decimal', () => {
    expect(kib(1536)).toBe('1.5 KiB');
    expect(kib(0)).toBe('0.0 KiB');
  });
});

/** Display column where the first match of `pattern` ends (CJK characters are two columns wide). */
function displayEnd(line: string, pattern: RegExp): number {
  const match = pattern.exec(line);
  if (!match) return -1;
  const before = line.slice(0, match.index + match[0].length);
  return [...before].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
}
