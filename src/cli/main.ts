import { parseArgs } from 'node:util';
import { catalogCommand } from './commands/catalog-command';
import { assessCommand } from './commands/assess-command';
import { progressCommand } from './commands/progress-command';
import { templateCommand } from './commands/template-command';
import { checkCommand } from './commands/check-command';
import { orgCommand } from './commands/org-command';
import { tokenCommand } from './commands/token-command';
import { userCommand } from './commands/user-command';
import { backupCommand } from './commands/backup-command';
import { consolidateCommand } from './commands/consolidate-command';
import { deadlineCommand } from './commands/deadline-command';
import { EXIT, UsageError, type CliIo } from './io';

const USAGE = `用法 / Usage: indicators <命令> [选项]

命令:
  catalog [--plan women|children] [--json] [--lang zh-CN|en-US]
      列出监测指标目录（指标、单位、目标、目标年份、阶段目标、基期值、出处）。
  assess --id <指标编号> --value <填报值> [--year <年度>] [--previous <上年值>]
         [--baseline <基期值>] [--other <比较值>] [--note <说明>] [--unit <填报单元>] [--json]
      解析并判定一个填报值是否达到规划目标。
  progress --id <指标编号> --series "2020:5.94,2023:5.0" [--unit <填报单元>] [--json] [--lang zh-CN|en-US]
      按 Open SDG 的方法计算向适用目标（下一个阶段目标，或最终目标）的进展状态：已达标、进展顺利、
      需加快、进展有限、倒退、数据不足或无法评估；给出年均变化率、所需变化率、推算值与差距。
      序列未给出的年份补入规划基期值。
  template --plan women|children [--org <单位编号>] --year <年度> --out <文件.xlsx> [--force] [--lang]
      生成标准填报模板（.xlsx，可在 Excel、WPS、LibreOffice 中填写；不带 --org 为全部指标）。
      [--prefill-from <服务器地址>|database [--token <令牌>]] 预填：上年值取自本单位上年已报送的报表（服务器，或本机端点的
      数据库；令牌也可放在环境变量 INDICATORS_TOKEN 中），基期值取自规划；预填的数字为蓝色。取不到时不生成文件，退出码 2。
  check <文件.xlsx> [--json] [--lang]
      提交前核对：读取文件中的每张填报表，逐项校验并判定是否达标。
      退出码 0 无错误（未达标只是警告）；1 有填报错误；2 文件无法读取或不含模板。
  org list [--json]
  org add --id <编号> --name <名称> [--short <简称>] [--kind department|township|subdistrict]
      查看、添加填报单位（共享端点的数据库：DATABASE_URL，或 DATA_DIR 中的 SQLite）。
  token create --org <单位编号> --role reporter|bureau|admin [--label <备注>]
  token list [--json]
  token revoke <令牌编号>
      创建（令牌只显示一次）、列出、撤销访问令牌。
  user add --login <用户名> --org <单位编号> --role reporter|bureau|admin [--name <姓名>] [--password-stdin] [--json]
  user list [--json]
  user reset-password --login <用户名>
  user unlock --login <用户名>
      网页的用户（共享端点的数据库）：添加（不带 --password-stdin 时生成初始密码，只显示一次，首次登录后须修改；
      带 --password-stdin 时从标准输入读取密码，至少 10 个字符）、列出、重置密码（生成新密码，结束其登录会话）、解锁。
      第一位管理员 / the first admin: indicators user add --login admin --org tjj --role admin
  backup --out <备份文件.sqlite> [--force] [--json]
      服务运行中也可在线备份 SQLite 数据库（检查完整性后才保存；PostgreSQL 请用 pg_dump，见 docs/operations.md）。
      退出码 0 已保存；2 未保存（参数无法使用、文件已存在、没有数据库、PostgreSQL 或备份失败）。
  consolidate --plan women|children --year <年度> [--json] [--out <监测报告.xlsx|评估表.csv>] [--force]
      统计局汇总（共享端点的数据库）：报送情况（应报、已报、已通过、已退回、迟报、未报，报送率与及时率），
      各指标全县值及牵头单位、数值冲突、分乡镇汇总与进展状态，评估表和预警；--out 生成监测报告。
      退出码 0 已汇总；2 参数无法使用或没有数据库。
  deadline set --plan women|children --year <年度> --date YYYY-MM-DD
  deadline show [--plan women|children] [--year <年度>] [--json]
      设置、查看某规划某年度报表的报送截止日期（北京时间当日24时前；之后首次报送为迟报）。

退出码: 0 已执行；2 参数无法使用。
`;

type Command = (args: string[], io: CliIo) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  catalog: catalogCommand,
  assess: assessCommand,
  progress: progressCommand,
  template: templateCommand,
  check: checkCommand,
  org: orgCommand,
  token: tokenCommand,
  user: userCommand,
  backup: backupCommand,
  consolidate: consolidateCommand,
  deadline: deadlineCommand,
};

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`未知命令“${name}”。\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

/** `util.parseArgs` with its errors turned into Chinese usage errors. */
export function parseOptions<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(args: string[], options: T) {
  return parseCommandLine(args, options, false).values;
}

/** `util.parseArgs` with positional arguments allowed (e.g. `check <file>`), errors in Chinese. */
export function parseCommandLine<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new UsageError(`参数错误：${text}\n运行 indicators --help 查看用法。`);
  }
}
