/**
 * Prints the task pane's bundle sizes after `npm run build`: the scripts the first screen loads (webpack's
 * initial entrypoint) and those loaded on demand, raw and gzip, each with what is mostly in it, against the
 * budgets of webpack.config.js.
 *
 *   tsx scripts/report-bundle-size.ts [dist/taskpane.stats.json]
 *
 * The stats file is written by webpack.config.js when built with `--env stats=<file>` (npm run build does);
 * the sizes are measured on the emitted files. gzip is node:zlib at its default level (6), close to what a
 * compressing reverse proxy sends (the endpoint itself serves the files uncompressed). Exits 1 when the first
 * screen is over its budget (webpack has then already failed the build), 2 when the stats are unusable.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What webpack.config.js (BundleStatsFilePlugin) writes. */
export interface BundleStatsFile {
  outputPath: string;
  entrypoints: Record<string, { assets: string[] }>;
  chunks: Array<{
    id: string | number | null;
    names: string[];
    initial: boolean;
    files: string[];
    modules?: Array<{ name: string; size: number }>;
  }>;
  budgets: { initialBytes: number; assetBytes: number };
}

export interface ChunkSize {
  file: string;
  /** The chunk's name (fill, workbook …) or, for a shared chunk webpack split off, its id. */
  chunk: string;
  raw: number;
  gzip: number;
  /** The largest packages/folders in it by source size, e.g. ['react-dom', '@fluentui/tokens']. */
  contents: string[];
}

export interface BundleReport {
  initial: ChunkSize[];
  onDemand: ChunkSize[];
  totals: { initial: { raw: number; gzip: number }; onDemand: { raw: number; gzip: number } };
  budgets: BundleStatsFile['budgets'];
  /** Over budget (also a webpack error) or close to it (within 10 %). */
  problems: Array<{ level: 'error' | 'warning'; zh: string; en: string }>;
}

/** The bundle's own scripts; the office.js copy in office/ is not ours to shrink. */
export function isBundleScript(file: string): boolean {
  return file.endsWith('.js') && !file.startsWith('office/');
}

/** `./node_modules/@fluentui/react-tabs/lib/…` → `@fluentui/react-tabs`; `./src/core/template/x.ts` → `src/core/template`. */
export function packageOf(moduleName: string): string {
  const name = moduleName.replace(/ \+ \d+ modules?$/, '');
  const inNodeModules = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name); // the innermost (nested installs)
  if (inNodeModules?.[1]) return inNodeModules[1];
  if (name.startsWith('webpack/runtime')) return 'webpack runtime';
  const path = name.replace(/^\.\//, '').replace(/\?.*$/, '').split('/');
  return path.slice(0, Math.min(3, path.length - 1)).join('/') || path[0] || name;
}

/** The `count` largest packages/folders of a chunk by source size. */
export function mainContents(modules: ReadonlyArray<{ name: string; size: number }>, count = 3): string[] {
  const bySource = new Map<string, number>();
  for (const m of modules) bySource.set(packageOf(m.name), (bySource.get(packageOf(m.name)) ?? 0) + m.size);
  return [...bySource.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([name]) => name);
}

export function gzipSize(content: Buffer): number {
  return gzipSync(content).length;
}

/**
 * Sorts the bundle's scripts into initial (every entrypoint's assets) and on demand (every other chunk's
 * scripts), measures them with `read`, and compares the initial total and every script with the budgets.
 */
export function measureBundle(stats: BundleStatsFile, read: (file: string) => Buffer): BundleReport {
  const initialFiles = new Set(Object.values(stats.entrypoints).flatMap((entry) => entry.assets.filter(isBundleScript)));
  const chunkOf = new Map<string, BundleStatsFile['chunks'][number]>();
  for (const chunk of stats.chunks) for (const file of chunk.files) if (isBundleScript(file)) chunkOf.set(file, chunk);

  const measure = (file: string): ChunkSize => {
    const content = read(file);
    const chunk = chunkOf.get(file);
    return {
      file,
      chunk: chunk ? (chunk.names[0] ?? `#${String(chunk.id)}`) : '?',
      raw: content.length,
      gzip: gzipSize(content),
      contents: mainContents(chunk?.modules ?? []),
    };
  };
  const bySize = (a: ChunkSize, b: ChunkSize) => b.raw - a.raw || a.file.localeCompare(b.file);
  // the entrypoint's order is the load order; keep it for the first screen
  const initial = [...initialFiles].map(measure);
  const onDemand = [...chunkOf.keys()].filter((file) => !initialFiles.has(file)).map(measure).sort(bySize);
  const sum = (rows: ChunkSize[]) => ({ raw: rows.reduce((n, r) => n + r.raw, 0), gzip: rows.reduce((n, r) => n + r.gzip, 0) });
  const totals = { initial: sum(initial), onDemand: sum(onDemand) };

  const problems: BundleReport['problems'] = [];
  const { initialBytes, assetBytes } = stats.budgets;
  if (totals.initial.raw > initialBytes) {
    problems.push({
      level: 'error',
      zh: `首屏脚本共 ${kib(totals.initial.raw)}，超出预算 ${kib(initialBytes)}。`,
      en: `The first screen's scripts total ${kib(totals.initial.raw)}, over the budget of ${kib(initialBytes)}.`,
    });
  } else if (totals.initial.raw > initialBytes * 0.9) {
    problems.push({
      level: 'warning',
      zh: `首屏脚本共 ${kib(totals.initial.raw)}，已接近预算 ${kib(initialBytes)}。`,
      en: `The first screen's scripts total ${kib(totals.initial.raw)}, close to the budget of ${kib(initialBytes)}.`,
    });
  }
  for (const row of [...initial, ...onDemand]) {
    if (row.raw > assetBytes) {
      problems.push({
        level: 'error',
        zh: `${row.file} 为 ${kib(row.raw)}，超出单个脚本预算 ${kib(assetBytes)}。`,
        en: `${row.file} is ${kib(row.raw)}, over the per-script budget of ${kib(assetBytes)}.`,
      });
    }
  }
  return { initial, onDemand, totals, budgets: stats.budgets, problems };
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** The report as a plain-text table (Chinese and English headings). */
/** The heading of an app's report. */
const TITLES: Record<string, string> = { taskpane: '任务窗格脚本大小 / Task pane bundle sizes', web: '网页脚本大小 / Web app bundle sizes' };

export function formatReport(report: BundleReport, app = 'taskpane'): string {
  // "largest sources": by size before minifying (a big source file can shrink to little, e.g. Fluent's icon files)
  const header = ['', 'file', 'chunk', 'raw', 'gzip', 'largest sources'];
  const rows: string[][] = [];
  const add = (group: string, list: ChunkSize[]) =>
    list.forEach((r, i) => rows.push([i === 0 ? group : '', r.file, r.chunk, kib(r.raw), kib(r.gzip), r.contents.join(', ')]));
  add('首屏 initial', report.initial);
  rows.push(['', '= total', '', kib(report.totals.initial.raw), kib(report.totals.initial.gzip), `budget ${kib(report.budgets.initialBytes)} raw`]);
  add('按需 on demand', report.onDemand);
  rows.push(['', '= total', '', kib(report.totals.onDemand.raw), kib(report.totals.onDemand.gzip), '']);

  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((row) => width(row[c] ?? ''))));
  const right = new Set([3, 4]);
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (right.has(c) ? pad(cell, widths[c] ?? 0, 'left') : pad(cell, widths[c] ?? 0, 'right')))
      .join('  ')
      .trimEnd();
  const out = [
    TITLES[app] ?? `${app} bundle sizes`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  for (const p of report.problems) out.push(`${p.level === 'error' ? '✘' : '⚠'} ${p.zh} / ${p.en}`);
  return out.join('\n');
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, to: number, side: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return side === 'left' ? fill + text : text + fill;
}

/** Reports each stats file given (default: both apps'); exit 1 when any is over its budget, 2 when one cannot be read. */
function main(argv: readonly string[]): number {
  const files = argv.length > 0 ? argv : ['dist/taskpane.stats.json', 'dist/web.stats.json'];
  let exit = 0;
  for (const file of files) {
    const statsFile = resolve(file);
    let stats: BundleStatsFile;
    try {
      stats = JSON.parse(readFileSync(statsFile, 'utf8')) as BundleStatsFile;
      if (!stats.entrypoints || !Array.isArray(stats.chunks) || !stats.budgets) throw new Error('not a bundle stats file');
    } catch (error) {
      console.error(`✘ 无法读取构建统计 ${statsFile}（请用 npm run build 构建）/ Cannot read the build stats: ${(error as Error).message}`);
      return 2;
    }
    const report = measureBundle(stats, (name) => readFileSync(join(stats.outputPath, name)));
    const app = Object.keys(stats.entrypoints)[0] ?? 'taskpane';
    console.log(formatReport(report, app));
    if (report.problems.some((p) => p.level === 'error')) exit = 1;
  }
  return exit;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
