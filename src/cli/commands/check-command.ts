import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { reportingUnitName, type Catalog } from '../../core/catalog/catalog';
import { textOf, type Language } from '../../core/i18n/message';
import type { CellValue, RawCell } from '../../core/parse/cell-value';
import type { TemplateCheck } from '../../core/template/check-template';
import { entriesByKey, FOOTER_PROBLEM_CODES } from '../../core/template/read-template';
import { entryKey } from '../../core/assess/entry';
import { collapseRepeats, completenessText, countsText, FINDING_CATEGORIES, type FindingCategory } from '../../core/report/report-findings';
import type { TemplateFinding } from '../../core/template/template-findings';
import { openCliCatalog } from '../cli-catalog';
import { checkXlsx } from '../../xlsx/read-xlsx';
import { parseCommandLine } from '../main';
import { EXIT, UsageError, writeJson, type CliIo } from '../io';
import { languageOption } from './options';
import { STATUS_TEXT } from './status-text';

/** The largest file `check` reads, as the server's upload: templates are tens of kilobytes; anything this big is not one. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;


/**
 * `check <file.xlsx> [--json]`: the quick check before submission. Reads every template sheet, validates
 * and assesses every value with the engine, and prints a Chinese report (or JSON). Exit 0 without errors
 * (missed targets are warnings), 1 with validation errors, 2 when the file is unreadable or has no template.
 */
export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const { values: options, positionals } = parseCommandLine(args, { json: { type: 'boolean', default: false }, lang: { type: 'string' } });
  const language = languageOption(options.lang);
  const en = language === 'en-US';
  if (positionals.length !== 1) throw new UsageError('用法：indicators check <文件.xlsx> [--json]（只能指定一个文件）');
  const path = positionals[0] as string;
  const fail = (zh: string, english: string) => {
    if (options.json) writeJson(io, { file: path, ok: false, error: { zh, en: english } });
    io.stderr.write(`${en ? english : zh}\n`);
    return EXIT.usage;
  };
  let data: Uint8Array;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return fail(`“${path}”有 ${(size / 1048576).toFixed(1)} MB，超过 10 MB 的上限，不像是填报模板（模板只有几十 KB）；请删除图片等与填报无关的内容后重试`, `"${path}" is ${(size / 1048576).toFixed(1)} MB, more than the 10 MB limit for a template (templates are tens of KB)`);
    data = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(`找不到文件“${path}”`, `File not found: "${path}"`);
    if (code === 'EISDIR') return fail(`“${path}”是文件夹，不是 .xlsx 文件`, `"${path}" is a folder, not an .xlsx file`);
    return fail(`无法读取“${path}”：${(error as Error).message}`, `Cannot read "${path}": ${(error as Error).message}`);
  }
  const source = await openCliCatalog();
  const { catalog } = source;
  const outcome = await checkXlsx(data, catalog).finally(() => source.close());
  if (!outcome.ok) return fail(`“${basename(path)}”：${outcome.message.zh}`, `"${basename(path)}": ${outcome.message.en}`);
  if (outcome.sheets.length === 0) {
    const reasons = outcome.skipped.map((skip) => `- ${textOf(skip.message, language)}`).join('\n');
    return fail(`“${basename(path)}”中没有监测指标填报模板：\n${reasons}\n请用 indicators template 或 Excel 加载项生成模板后填写。`, `"${basename(path)}" holds no monitoring template:\n${reasons}`);
  }
  // the counts 检查 and 提交 show in the pane and the server answers with: one per line of the sheet
  const errors = outcome.sheets.reduce((sum, sheet) => sum + sheet.counts.error, 0);
  if (options.json) {
    writeJson(io, {
      file: path,
      ok: true,
      sheets: outcome.sheets.map((sheet) => sheetJson(sheet, catalog)),
      skipped: outcome.skipped.map((skip) => ({ sheet: skip.sheetName, code: skip.message.code, zh: skip.message.zh, en: skip.message.en })),
      summary: {
        sheets: outcome.sheets.length,
        errors,
        warnings: outcome.sheets.reduce((sum, sheet) => sum + sheet.counts.notMet + sheet.counts.warning, 0),
        notesRequired: outcome.sheets.reduce((sum, sheet) => sum + sheet.counts.notesRequired, 0),
      },
    });
  } else {
    io.stdout.write(`${en ? 'File' : '文件'}：${basename(path)}\n`);
    for (const sheet of outcome.sheets) writeSheetReport(io, sheet, catalog, language);
    for (const skip of outcome.skipped) io.stdout.write(`\n${en ? 'Skipped' : '已跳过'}：${textOf(skip.message, language)}\n`);
    io.stdout.write(
      errors > 0
        ? `\n${en ? `Result: ${errors} error(s); fix them before submitting.` : `结论：有 ${errors} 项错误，请改正后再提交。`}\n`
        : `\n${en ? 'Result: no errors; the file can be submitted (explain every flagged miss or swing in the note column).' : '结论：没有错误，可以提交（未达标、波动预警的指标须在“说明”栏说明原因）。'}\n`,
    );
  }
  return errors > 0 ? EXIT.findings : EXIT.ok;
}

function shownValue(value: CellValue | null | undefined): string | number | boolean | null {
  if (!value) return null;
  switch (value.kind) {
    case 'number':
      return value.value;
    case 'ratio':
    case 'boolean':
    case 'text':
      return value.text;
    case 'notAvailable':
      return value.marker;
    case 'blank':
      return null;
  }
}

function rawJson(raw: RawCell): string | number | boolean | null {
  if (raw === undefined || raw === null) return null;
  return raw instanceof Date ? raw.toISOString() : raw;
}

function sheetJson(sheet: TemplateCheck, catalog: Catalog) {
  const { read, report } = sheet;
  const entries = entriesByKey(read);
  return {
    sheet: read.sheetName,
    meta: read.meta,
    footer: read.footer,
    summary: {
      entries: report.summary.entries,
      byStatus: report.summary.byStatus,
      counts: sheet.counts,
      severity: sheet.counts.error > 0 ? 'error' : sheet.counts.notMet + sheet.counts.warning > 0 ? 'warning' : 'info',
    },
    findings: sheet.findings,
    results: report.results.map((result) => {
      const entry = entries.get(entryKey(result.indicatorId, result.unitId));
      return {
        sheet: read.sheetName,
        cell: entry?.cells.value ?? null,
        indicatorId: result.indicatorId,
        name: catalog.indicators.get(result.indicatorId)?.name ?? null,
        unitId: result.unitId ?? null,
        raw: rawJson(entry?.value),
        parsed: shownValue(result.value),
        note: result.note ?? null,
        status: result.status,
        severity: result.severity,
        messages: result.messages.map((message) => ({ code: message.code, severity: message.severity, field: message.field ?? null, zh: message.zh, en: message.en })),
      };
    }),
    problems: [
      ...read.problems.map((problem) => ({ cell: problem.cell ?? null, code: problem.code, severity: problem.severity, zh: problem.zh, en: problem.en })),
      ...report.problems.map((problem) => ({
        cell: problem.entryIndex === undefined ? null : (read.entries[problem.entryIndex]?.cells.id ?? null),
        code: problem.code,
        severity: problem.severity,
        zh: problem.zh,
        en: problem.en,
      })),
    ],
    perUnit: report.perUnit,
    consistency: report.consistency,
    flags: sheet.flags.flags,
  };
}

function writeSheetReport(io: CliIo, sheet: TemplateCheck, catalog: Catalog, language: Language): void {
  const en = language === 'en-US';
  const { read, report } = sheet;
  const plan = catalog.plans[read.meta.plan];
  const organisation = catalog.organisations.find((candidate) => candidate.id === read.meta.organisationId);
  const orgName = organisation ? (en ? organisation.nameEn : organisation.name) : (read.meta.organisationId ?? (en ? 'all indicators' : '全部指标'));
  io.stdout.write(
    en
      ? `\nSheet "${read.sheetName}": ${plan.titleEn} · ${orgName} · ${read.meta.year} (catalog ${read.meta.catalogVersion}, template ${read.meta.templateVersion})\n`
      : `\n工作表“${read.sheetName}”：${plan.title} · ${orgName} · ${read.meta.year}年度（目录 ${read.meta.catalogVersion}，模板第 ${read.meta.templateVersion} 版）\n`,
  );
  const footer = [read.footer.reporter && `${en ? 'Filled in by' : '填报人'}：${read.footer.reporter}`, read.footer.phone && `${en ? 'Phone' : '联系电话'}：${read.footer.phone}`, read.footer.date && `${en ? 'Date' : '填报日期'}：${read.footer.date}`].filter(Boolean);
  if (footer.length > 0) io.stdout.write(`  ${footer.join('  ')}\n`);
  const byStatus = report.summary.byStatus;
  io.stdout.write(
    `  ${en ? `${report.summary.entries} entries` : `共 ${report.summary.entries} 项`}：${(Object.keys(byStatus) as (keyof typeof byStatus)[]).map((status) => `${textOf(STATUS_TEXT[status], language)} ${byStatus[status]}`).join(en ? ', ' : '，')}\n`,
  );
  io.stdout.write(`  ${completenessText(sheet.counts, language)} · ${countsText(sheet.counts, language)}\n`);
  // every finding counted above is listed below, once: one line of the sheet (messages merged), the same
  // message about several townships of one indicator as one line naming them
  const titles: Record<FindingCategory, string> = {
    error: en ? 'Errors (fix before submitting)' : '错误（须改正后才能提交）',
    notMet: en ? 'Targets not met (explain in the note to submit)' : '未达标（提交时须在“说明”栏说明原因）',
    warning: en ? 'Warnings: swings, projections, checks (explain in the note)' : '预警：波动、趋势及其他（提交时须说明）',
    info: en ? 'Notes (do not block submission)' : '提示（不影响提交）',
  };
  // the footer's blanks (填表人, 联系电话) are 提示 of their own kind: named 表尾信息, never asked for a 说明
  const footerName = en ? 'Footer' : '表尾信息';
  for (const category of FINDING_CATEGORIES) {
    const findings = sheet.findings.filter((finding) => finding.category === category);
    if (findings.length === 0) continue;
    io.stdout.write(`\n  ${titles[category]}：${findings.length}\n`);
    for (const group of collapseRepeats(findings, (finding) => finding)) {
      const first = group[0] as TemplateFinding;
      const indicator = first.indicatorId ? catalog.indicators.get(first.indicatorId) : undefined;
      const units = group.filter((finding) => finding.unitId !== undefined).map((finding) => textOf(reportingUnitName(catalog, finding.unitId as string, indicator), language));
      const where = units.length === 0 ? '' : group.length === 1 ? `（${units[0]}）` : `（${units.join(en ? ', ' : '、')}${en ? `: ${group.length}` : `，共${group.length}个`}）`;
      const footer = first.kind === 'report' && first.messages.every((message) => FOOTER_PROBLEM_CODES.has(message.code));
      const name = indicator ? `${indicator.id} ${en ? indicator.nameEn : indicator.name}${where}` : footer ? footerName : (first.indicatorId ?? '');
      const shown = first.messages
        .filter((message) => category === 'info' || message.severity !== 'info')
        // the cell is printed in front already
        .map((message) => (footer && message.cell ? { ...message, zh: message.zh.replace(`${message.cell}：`, ''), en: message.en.replace(`${message.cell}: `, '') } : message));
      const last = group[group.length - 1] as TemplateFinding;
      const cells = group.length === 1 ? (first.cell ?? '') : `${first.cell ?? ''}–${last.cell ?? ''}`;
      io.stdout.write(`    ${cells.padEnd(6)}${cells.length >= 6 ? ' ' : ''}${name}${name ? '：' : ''}${shown.map((message) => textOf(message, language)).join('；')}\n`);
      if (category === 'notMet' || category === 'warning') {
        if (first.note) io.stdout.write(`          ${en ? 'Note' : '说明'}：${first.note}\n`);
        else if (first.needsNote) io.stdout.write(`          ${en ? '→ a note is required to submit' : '→ 须在“说明”栏说明原因'}\n`);
      }
    }
  }
}
