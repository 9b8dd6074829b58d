import { userInfo } from 'node:os';
import { DeadlineDateSchema } from '../../contract/monitoring';
import { PLAN_SHORT_NAMES } from '../../core/catalog/plan-names';
import { deadlineEnd } from '../../core/monitoring/completeness';
import { databaseLocation } from '../../server/config';
import { describeLocation } from '../../server/db/connect';
import type { ReportingDeadlineRow } from '../../server/db/database';
import { prepareDatabase } from '../../server/db/prepare';
import { findDeadline, listDeadlines } from '../../server/repositories/monitoring';
import { deadlineProblem, setReportingDeadline } from '../../server/services/monitoring';
import { parseOptions } from '../main';
import { EXIT, UsageError, writeJson, type CliIo } from '../io';
import { planOption, yearOption } from './options';

const USAGE = '  indicators deadline set --plan women|children --year <年度> --date YYYY-MM-DD\n  indicators deadline show [--plan women|children] [--year <年度>] [--json]';

/**
 * `deadline set --plan --year --date YYYY-MM-DD` and `deadline show [--plan] [--year] [--json]`: the
 * reporting deadline of a plan-year (the end of that day, China Standard Time), on the endpoint's database
 * (DATABASE_URL, or DATA_DIR), as the bureau sets it through the API. A first version received after it is
 * late; once it has passed, an organisation without any version is missing.
 */
export async function deadlineCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'set') return setCommand(rest, io);
  if (sub === 'show') return showCommand(rest, io);
  throw new UsageError(`deadline 的子命令应为 set 或 show，收到“${sub ?? ''}”。\n${USAGE}`);
}

async function setCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, { plan: { type: 'string' }, year: { type: 'string' }, date: { type: 'string' }, json: { type: 'boolean', default: false } });
  if (options.plan === undefined) throw new UsageError(`缺少 --plan women|children\n${USAGE}`);
  if (options.year === undefined) throw new UsageError(`缺少 --year <年度>，例如 --year 2025\n${USAGE}`);
  if (options.date === undefined) throw new UsageError(`缺少 --date YYYY-MM-DD，例如 --date 2026-03-31\n${USAGE}`);
  const plan = planOption(options.plan);
  const year = yearOption(options.year);
  const date = options.date.normalize('NFKC').trim();
  const parsed = DeadlineDateSchema.safeParse(date);
  if (!parsed.success) throw new UsageError(`--date 无法使用（“${options.date}”）：${parsed.error.issues[0]?.message ?? ''}`);
  const problem = deadlineProblem(year, date);
  if (problem) throw new UsageError(`--date 无法使用：${problem.zh}`);
  const db = await prepareDatabase(databaseLocation());
  try {
    const row = await setReportingDeadline(db, { plan, year }, date, `cli:${whoAmI()}`);
    if (options.json) writeJson(io, deadlineJson(row));
    else io.stdout.write(`已设置${PLAN_SHORT_NAMES[plan].zh} ${year}年度报表的报送截止日期：${date}（北京时间当日24时前；${describeLocation(databaseLocation())}）\n`);
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}

async function showCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, { plan: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean', default: false } });
  const plan = options.plan === undefined ? undefined : planOption(options.plan);
  const year = options.year === undefined ? undefined : yearOption(options.year);
  const db = await prepareDatabase(databaseLocation());
  try {
    let rows: ReportingDeadlineRow[];
    if (plan !== undefined && year !== undefined) {
      const row = await findDeadline(db, plan, year);
      rows = row ? [row] : [];
    } else {
      rows = (await listDeadlines(db, plan)).filter((row) => year === undefined || Number(row.year) === year);
    }
    if (options.json) {
      writeJson(io, rows.map(deadlineJson));
      return EXIT.ok;
    }
    if (rows.length === 0) {
      io.stdout.write(`尚未设置报送截止日期${plan ? `（${PLAN_SHORT_NAMES[plan].zh}${year ? ` ${year}年度` : ''}）` : ''}\n`);
      return EXIT.ok;
    }
    for (const row of rows) {
      io.stdout.write(`${PLAN_SHORT_NAMES[row.plan as 'women' | 'children']?.zh ?? row.plan} ${row.year}年度：${row.deadline}（设置于 ${row.set_at}，${row.set_by}）\n`);
    }
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}

function deadlineJson(row: ReportingDeadlineRow) {
  return { plan: row.plan, year: Number(row.year), deadline: row.deadline, deadlineEnd: deadlineEnd(row.deadline), setAt: row.set_at, setBy: row.set_by };
}

/** Who runs the command, for the record (the command line has no token). */
function whoAmI(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
