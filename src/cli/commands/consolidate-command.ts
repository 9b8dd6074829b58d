import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { Catalog } from '../../core/catalog/catalog';
import { PLAN_SHORT_NAMES } from '../../core/catalog/plan-names';
import type { PlanId } from '../../core/catalog/indicator-schema';
import type { ConsolidatedIndicator } from '../../core/monitoring/consolidation';
import { DEFAULT_BASICALLY_MET_RATIO, type EvaluationKind } from '../../core/monitoring/evaluation';
import type { MonitoringBoard } from '../../core/monitoring/monitoring-board';
import { PROGRESS_STATUS_TEXT } from '../../core/monitoring/progress-messages';
import { catalogForOrganisations } from '../../seed-catalog';
import { databaseLocation } from '../../server/config';
import { describeLocation, SQLITE_FILE, type DatabaseLocation } from '../../server/db/connect';
import type { Database } from '../../server/db/database';
import { prepareDatabase } from '../../server/db/prepare';
import { listOrganisations, organisationOf } from '../../server/repositories/organisations';
import { loadMonitoringBoard, organisationNames } from '../../server/services/monitoring';
import { monitoringReport } from '../../server/services/monitoring-wire';
import { buildMonitoringReport, monitoringReportCsv } from '../../xlsx/monitoring-report';
import { parseOptions } from '../main';
import { EXIT, UsageError, writeJson, type CliIo } from '../io';
import { planOption, yearOption } from './options';
import { STATUS_TEXT } from './status-text';

/**
 * `consolidate --plan <plan> --year <YYYY> [--json] [--out <report.xlsx|report.csv>] [--force]`: the bureau's
 * board of a plan-year from the endpoint's database (DATABASE_URL, or DATA_DIR/xinping.sqlite) — who has
 * reported, every indicator's county value with its lead, conflicts, roll-ups and progress, the evaluation
 * table and the warnings — the same figures the API answers. `--out` writes the monitoring report. It never
 * makes a database: without one there is nothing to consolidate (exit 2).
 */
export async function consolidateCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, {
    plan: { type: 'string' },
    year: { type: 'string' },
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    'basically-met': { type: 'string' },
  });
  if (options.plan === undefined) throw new UsageError('缺少 --plan women|children（妇女或儿童发展规划）');
  if (options.year === undefined) throw new UsageError('缺少 --year <年度>，例如 --year 2025');
  const plan = planOption(options.plan);
  const year = yearOption(options.year);
  const out = options.out === undefined ? undefined : outFile(options.out, options.force);
  const basicallyMetRatio = ratioOption(options['basically-met'] ?? process.env.BASICALLY_MET_RATIO);
  const location = databaseLocation();
  requireDatabase(location);
  const db = await prepareDatabase(location);
  let board: MonitoringBoard;
  let catalog: Catalog;
  try {
    catalog = await catalogOf(db);
    board = await loadMonitoringBoard(db, catalog, { plan, year }, { kind: 'county' }, { evaluation: { basicallyMetRatio } });
  } finally {
    await db.destroy();
  }
  if (out) {
    const input = { catalog, evaluation: board.evaluation, consolidation: board.consolidation, completeness: board.completeness, warnings: board.warnings, generatedAt: new Date(board.generatedAt) };
    const data = /\.csv$/i.test(out.path) ? Buffer.from(monitoringReportCsv(input), 'utf8') : await buildMonitoringReport(input);
    // beside the target, then renamed: an interrupted run never leaves half a file under the real name
    const partial = `${out.path}.${process.pid}.partial`;
    try {
      writeFileSync(partial, data);
      renameSync(partial, out.path);
    } catch (error) {
      rmSync(partial, { force: true });
      io.stderr.write(`无法写入“${out.given}”：${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT.usage;
    }
  }
  if (options.json) {
    writeJson(io, monitoringReport(catalog, board, organisationNames(catalog)));
    return EXIT.ok;
  }
  io.stdout.write(humanText(catalog, board, describeLocation(location)));
  if (out) io.stdout.write(`已生成监测报告 ${basename(out.path)}\n`);
  return EXIT.ok;
}

/** The server's catalog: the plans with the database's organisations. */
async function catalogOf(db: Kysely<Database>): Promise<Catalog> {
  return catalogForOrganisations((await listOrganisations(db)).map(organisationOf));
}

/** Without DATABASE_URL, the SQLite file must exist: consolidating an empty, new database says nothing. */
export function requireDatabase(location: DatabaseLocation): void {
  if (location.databaseUrl || existsSync(join(location.dataDir, SQLITE_FILE))) return;
  throw new UsageError(`没有找到共享端点的数据库：${describeLocation(location)} 不存在（设置 DATA_DIR 指向服务的数据目录，或设置 DATABASE_URL）`);
}

function outFile(given: string, force: boolean): { path: string; given: string } {
  if (!/\.(xlsx|csv)$/i.test(given)) throw new UsageError(`--out 应为 .xlsx（监测报告工作簿）或 .csv（评估表）文件名，收到“${given}”`);
  const path = resolve(given);
  if (existsSync(path) && !force) throw new UsageError(`文件“${given}”已存在，未覆盖；换一个文件名，或加 --force 覆盖`);
  return { path, given };
}

const KIND_TEXT: Readonly<Record<EvaluationKind, string>> = { annual: '年度监测', midTerm: '中期评估', final: '终期评估' };
const ROLL_UP_TEXT: Readonly<Record<string, string>> = { incomplete: '部分乡镇无数据', missing: '无数据' };

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** The board in Chinese, for a person at the terminal. */
function humanText(catalog: Catalog, board: MonitoringBoard, where: string): string {
  const names = organisationNames(catalog);
  const name = (id: string) => names.get(id) ?? id;
  const list = (ids: readonly string[]) => (ids.length === 0 ? '无' : ids.map(name).join('、'));
  const { completeness: c, evaluation: e } = board;
  const lines: string[] = [];
  lines.push(`${PLAN_SHORT_NAMES[board.plan as PlanId].zh} ${board.year}年度汇总（${where}）`);
  lines.push('');
  lines.push(`报送情况：应报 ${c.expected.length} 个单位，已报 ${c.submitted.length} 个（报送率 ${percent(c.reportingRate)}），按时报送率 ${percent(c.onTimeRate)}，截止日期 ${c.deadline ?? '未设置'}`);
  lines.push(`  已通过 ${c.approved.length}：${list(c.approved)}`);
  lines.push(`  已退回 ${c.returned.length}：${list(c.returned)}`);
  lines.push(`  迟报 ${c.late.length}：${list(c.late)}`);
  lines.push(`  ${c.deadline === null ? '尚未报送' : '未报'} ${c.missing.length + c.notStarted.length}：${list([...c.missing, ...c.notStarted])}`);
  lines.push('');
  const t = e.total;
  lines.push(`${KIND_TEXT[e.kind]}：指标 ${t.indicators} 项，可监测 ${t.monitorable} 项；已达标 ${t.met}，基本达标 ${t.basicallyMet}，未达标 ${t.notMet}，未到期 ${t.notYetDue}，无数据 ${t.noData}`);
  lines.push(`  达标率（有数据）${percent(t.rateWithData)}；达标率（全部，无数据按未达标计）${percent(t.rateAll)}`);
  lines.push('');
  const progress = new Map(board.series.map((item) => [item.indicatorId, item.progress]));
  const reported = board.consolidation.indicators.filter((line) => line.reportedBy.length > 0);
  lines.push(`指标（有填报的 ${reported.length} 项；其余 ${board.consolidation.indicators.length - reported.length} 项无人填报）：`);
  for (const line of reported) lines.push(`  ${indicatorText(catalog, line, progress.get(line.indicatorId)?.status, name)}`);
  lines.push('');
  lines.push(board.warnings.length === 0 ? '预警：无' : `预警 ${board.warnings.length} 条：`);
  for (const warning of board.warnings) lines.push(`  - ${warning.message.zh}`);
  return `${lines.join('\n')}\n`;
}

function indicatorText(catalog: Catalog, line: ConsolidatedIndicator, progress: string | undefined, name: (id: string) => string): string {
  const indicator = catalog.indicators.get(line.indicatorId);
  const status = (STATUS_TEXT as Record<string, { zh: string }>)[line.status]?.zh ?? ROLL_UP_TEXT[line.status] ?? line.status;
  const parts: string[] = [];
  if (line.county) parts.push(`${line.county.text || '（空）'}${line.county.reportedBy ? `（${name(line.county.reportedBy)}）` : ''}`);
  if (line.rollUp) parts.push(`${line.rollUp.met}/${line.rollUp.units} 个乡镇达标${line.rollUp.failingUnits.length > 0 ? `，未达标：${line.rollUp.failingUnits.map(name).join('、')}` : ''}`);
  parts.push(status);
  if (progress) parts.push(PROGRESS_STATUS_TEXT[progress as keyof typeof PROGRESS_STATUS_TEXT]?.zh ?? progress);
  if (line.conflict) parts.push('数值冲突');
  return `${line.indicatorId} ${indicator?.name ?? ''}：${parts.join(' · ')}`;
}

/** --basically-met (or BASICALLY_MET_RATIO, as the server reads it): 0.5–1, default 0.9. */
function ratioOption(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_BASICALLY_MET_RATIO;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0.5 || value > 1) throw new UsageError(`--basically-met（或 BASICALLY_MET_RATIO）应为 0.5—1 之间的数（基本达标的完成程度，默认 0.9），收到“${text}”`);
  return value;
}
