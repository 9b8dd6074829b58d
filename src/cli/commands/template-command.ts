import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ErrorResponseSchema, PreviousValuesSchema, type PreviousValues } from '../../contract/api';
import type { PlanId } from '../../core/catalog/indicator-schema';
import type { Language } from '../../core/i18n/message';
import { buildTemplate, TemplateRequestError } from '../../core/template/build-template';
import { prefillTemplate, previousSourceText } from '../../core/template/prefill-template';
import { openCliCatalog, type CliCatalog } from '../cli-catalog';
import { templatesToXlsx } from '../../xlsx/write-xlsx';
import { parseOptions } from '../main';
import { EXIT, UsageError, type CliIo } from '../io';
import { languageOption, planOption, yearOption } from './options';

/** The environment variable a token may come in instead of `--token` (it then stays out of the shell history). */
export const TOKEN_ENV = 'INDICATORS_TOKEN';

/**
 * `template --plan <plan> [--org <id>] --year <YYYY> --out <file.xlsx> [--prefill-from <URL>|database [--token <token>]]`:
 * writes a standardized template; with --prefill-from, 上年值 come from the organisation's report of last
 * year (from an endpoint, or from the endpoint's own database) and 基期值 from the plan, marked as prefilled.
 */
export async function templateCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, {
    plan: { type: 'string' },
    org: { type: 'string' },
    year: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    lang: { type: 'string' },
    'prefill-from': { type: 'string' },
    token: { type: 'string' },
  });
  if (options.plan === undefined) throw new UsageError('缺少 --plan women|children（妇女或儿童规划）');
  if (options.year === undefined) throw new UsageError('缺少 --year <报告年度>，例如 --year 2025');
  if (options.out === undefined) throw new UsageError('缺少 --out <文件名.xlsx>，例如 --out 儿童2025-卫健局.xlsx');
  if (!/\.xlsx$/i.test(options.out)) throw new UsageError(`--out 应为 .xlsx 文件名，收到“${options.out}”`);
  const plan = planOption(options.plan);
  const year = yearOption(options.year);
  const language = languageOption(options.lang);
  const prefillFrom = options['prefill-from'];
  if (prefillFrom !== undefined && options.org === undefined) throw new UsageError('--prefill-from 需要 --org <单位编号>：上年值来自这个单位上年已报送的报表');
  if (prefillFrom === undefined && options.token !== undefined) throw new UsageError('--token 只与 --prefill-from <服务器地址> 一起使用');
  const out = resolve(options.out);
  if (existsSync(out) && !options.force) {
    throw new UsageError(`文件“${options.out}”已存在，未覆盖；换一个文件名，或加 --force 覆盖`);
  }
  const source = await openCliCatalog();
  let model;
  let prefillReport = '';
  try {
    const { catalog } = source;
    if (options.org !== undefined && !catalog.organisations.some((organisation) => organisation.id === options.org)) {
      const known = catalog.organisations.map((organisation) => `${organisation.id}（${organisation.shortName}）`).join('、');
      throw new UsageError(`--org “${options.org}”不在单位名录中。可用的单位编号：${known}`);
    }
    const grants = options.org === undefined ? [] : await source.grantsFor(options.org);
    model = buildTemplate(catalog, { plan, year, ...(options.org === undefined ? {} : { organisationId: options.org }), language, grants });
    if (prefillFrom !== undefined && options.org !== undefined) {
      const answer = await previousValuesFrom(prefillFrom, options.token ?? process.env[TOKEN_ENV], source, { plan, year, organisationId: options.org });
      const previous = answer.source ? { year: answer.source.year, version: answer.source.version, status: answer.source.status, values: answer.values } : null;
      const prefilled = prefillTemplate(model, catalog, { previous });
      model = prefilled.model;
      prefillReport = prefillText(language, previous ? previousSourceText(previous, language) : null, prefilled.filled, year - 1);
    }
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
  if (prefillReport) io.stdout.write(prefillReport);
  return EXIT.ok;
}

/** What was prefilled, one line. */
function prefillText(language: Language, source: string | null, filled: { previous: readonly string[]; baseline: readonly string[] }, lastYear: number): string {
  if (language === 'en-US') {
    const previous = source === null ? `no ${lastYear} report of this organisation: previous values left empty` : `${filled.previous.length} previous values ${source.replace(/^From/, 'from')}`;
    return `Prefilled: ${previous}; ${filled.baseline.length} base-year values from the plan (blue figures).\n`;
  }
  const previous = source === null ? `没有本单位${lastYear}年度的报表，上年值未预填` : `上年值 ${filled.previous.length} 项，${source}`;
  return `已预填：${previous}；规划中的基期值 ${filled.baseline.length} 项（蓝色数字）。\n`;
}

/**
 * Last year's values: from the endpoint's database (`database`: DATABASE_URL or DATA_DIR, as `org` and
 * `token` use), or from an endpoint at `from` with a reporter's or the bureau's token. Any failure is a
 * usage error naming the cause: the person asked for prefilled values, so no template is written without them.
 */
async function previousValuesFrom(from: string, token: string | undefined, source: CliCatalog, request: { plan: PlanId; year: number; organisationId: string }): Promise<PreviousValues> {
  if (from === 'database') {
    const answer = await source.previousValues(request);
    if (!answer) throw new UsageError('--prefill-from database：这台电脑上没有端点的数据库（未设置 DATABASE_URL，DATA_DIR 中也没有 xinping.sqlite）；请改用 --prefill-from <服务器地址> --token <令牌>');
    return answer;
  }
  let base: URL;
  try {
    base = new URL(from);
  } catch {
    throw new UsageError(`--prefill-from 应为服务器地址（如 https://tianbao.example.gov.cn）或 database，收到“${from}”`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new UsageError(`--prefill-from 应为 http(s):// 地址，收到“${from}”`);
  if (!token || token.trim() === '') throw new UsageError(`--prefill-from ${from} 需要访问令牌：--token <令牌>，或环境变量 ${TOKEN_ENV}`);
  const path = base.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  const query = new URLSearchParams({ plan: request.plan, year: String(request.year), org: request.organisationId });
  const url = `${base.origin}${path}/api/v1/submissions/previous-values?${query.toString()}`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', authorization: `Bearer ${token.trim().replace(/^bearer\s+/i, '')}` }, signal: AbortSignal.timeout(30_000) });
    text = await response.text();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`无法连接到 ${base.origin}${path}，未能取得上年数据（${reason}）；未生成文件`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = ErrorResponseSchema.safeParse(json);
    throw new UsageError(`服务器未给出上年数据（HTTP ${response.status}）：${error.success ? error.data.error.message : '不是本系统的回答，请检查地址'}；未生成文件`);
  }
  const answer = PreviousValuesSchema.safeParse(json);
  if (!answer.success) throw new UsageError(`${base.origin}${path} 的回答不是本系统的上年数据，请检查地址；未生成文件`);
  return answer.data;
}
