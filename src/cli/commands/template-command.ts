import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { buildTemplate, TemplateRequestError } from '../../core/template/build-template';
import { openCliCatalog } from '../cli-catalog';
import { templatesToXlsx } from '../../xlsx/write-xlsx';
import { parseOptions } from '../main';
import { EXIT, UsageError, type CliIo } from '../io';
import { languageOption, planOption, yearOption } from './options';

/** `template --plan <plan> [--org <id>] --year <YYYY> --out <file.xlsx>`: writes a standardized template. */
export async function templateCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, {
    plan: { type: 'string' },
    org: { type: 'string' },
    year: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    lang: { type: 'string' },
  });
  if (options.plan === undefined) throw new UsageError('缺少 --plan women|children（妇女或儿童规划）');
  if (options.year === undefined) throw new UsageError('缺少 --year <报告年度>，例如 --year 2025');
  if (options.out === undefined) throw new UsageError('缺少 --out <文件名.xlsx>，例如 --out 儿童2025-卫健局.xlsx');
  if (!/\.xlsx$/i.test(options.out)) throw new UsageError(`--out 应为 .xlsx 文件名，收到“${options.out}”`);
  const plan = planOption(options.plan);
  const year = yearOption(options.year);
  const language = languageOption(options.lang);
  const out = resolve(options.out);
  if (existsSync(out) && !options.force) {
    throw new UsageError(`文件“${options.out}”已存在，未覆盖；换一个文件名，或加 --force 覆盖`);
  }
  const source = await openCliCatalog();
  let model;
  try {
    const { catalog } = source;
    if (options.org !== undefined && !catalog.organisations.some((organisation) => organisation.id === options.org)) {
      const known = catalog.organisations.map((organisation) => `${organisation.id}（${organisation.shortName}）`).join('、');
      throw new UsageError(`--org “${options.org}”不在单位名录中。可用的单位编号：${known}`);
    }
    const grants = options.org === undefined ? [] : await source.grantsFor(options.org);
    model = buildTemplate(catalog, { plan, year, ...(options.org === undefined ? {} : { organisationId: options.org }), language, grants });
  } catch (error) {
    if (error instanceof TemplateRequestError) throw new UsageError(language === 'en-US' ? error.en : error.zh);
    throw error;
  } finally {
    await source.close();
  }
  const data = await templatesToXlsx([model]);
  // write beside the target, then rename: an interrupted run never leaves half a file under the real name
  const partial = `${out}.${process.pid}.partial`;
  try {
    writeFileSync(partial, data);
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr.write(`无法写入“${options.out}”：${reason}\n`);
    return EXIT.usage;
  }
  io.stdout.write(
    language === 'en-US'
      ? `Wrote ${basename(out)}: sheet "${model.sheetName}", ${model.dataRows.length} rows (${model.title})\n`
      : `已生成 ${basename(out)}：工作表“${model.sheetName}”，${model.dataRows.length} 行指标（${model.title}）\n`,
  );
  return EXIT.ok;
}
