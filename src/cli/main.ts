import { parseArgs } from 'node:util';
import { catalogCommand } from './commands/catalog-command';
import { assessCommand } from './commands/assess-command';
import { EXIT, UsageError, type CliIo } from './io';

const USAGE = `用法 / Usage: indicators <命令> [选项]

命令:
  catalog [--plan women|children] [--json] [--lang zh-CN|en-US]
      列出监测指标目录（指标、单位、目标、目标年份、阶段目标、基期值、出处）。
  assess --id <指标编号> --value <填报值> [--year <年度>] [--previous <上年值>]
         [--baseline <基期值>] [--other <比较值>] [--note <说明>] [--unit <填报单元>] [--json]
      解析并判定一个填报值是否达到规划目标。

退出码: 0 已执行；2 参数无法使用。
`;

type Command = (args: string[], io: CliIo) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  catalog: catalogCommand,
  assess: assessCommand,
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
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new UsageError(`参数错误：${text}\n运行 indicators --help 查看用法。`);
  }
}
