import { assessEntry } from '../../core/assess/assess-entry';
import { describeTarget } from '../../core/assess/describe-target';
import type { EntryInput } from '../../core/assess/entry';
import { textOf } from '../../core/i18n/message';
import type { Catalog } from '../../core/catalog/catalog';
import type { Indicator } from '../../core/catalog/indicator-schema';
import { isTownship } from '../../core/catalog/organisation-schema';
import { seedCatalog } from '../../seed-catalog';
import { parseOptions } from '../main';
import { EXIT, UsageError, writeJson, type CliIo } from '../io';
import { indicatorJson, languageOption, yearOption } from './options';
import { SEVERITY_TEXT, STATUS_TEXT } from './status-text';

/** `assess --id <id> --value <raw> …`: parses one value and judges it against the indicator's target. */
export function assessCommand(args: string[], io: CliIo): number {
  const options = parseOptions(args, {
    id: { type: 'string' },
    value: { type: 'string' },
    year: { type: 'string' },
    previous: { type: 'string' },
    baseline: { type: 'string' },
    other: { type: 'string' },
    note: { type: 'string' },
    unit: { type: 'string' },
    json: { type: 'boolean', default: false },
    lang: { type: 'string' },
  });
  if (options.id === undefined) throw new UsageError('缺少 --id <指标编号>，例如 --id C-HEA-04（运行 indicators catalog 查看编号）');
  if (options.value === undefined) throw new UsageError('缺少 --value <填报值>，例如 --value 3.2 或 --value "９５．２％"');
  const catalog = seedCatalog();
  const id = options.id.normalize('NFKC').trim().toUpperCase();
  const indicator = catalog.indicators.get(id);
  if (!indicator) throw new UsageError(`指标编号“${options.id}”不在目录中（运行 indicators catalog 查看编号）`);
  if (options.unit !== undefined || indicator.perUnit) checkUnitOption(indicator, options.unit, catalog);
  const year = yearOption(options.year);
  const language = languageOption(options.lang);
  const defaults = catalog.plans[indicator.plan].defaults;
  const input: EntryInput = {
    indicatorId: indicator.id,
    value: options.value,
    ...(options.unit === undefined ? {} : { unitId: options.unit }),
    ...(options.note === undefined ? {} : { note: options.note }),
    ...(options.previous === undefined ? {} : { previous: options.previous }),
    ...(options.baseline === undefined ? {} : { baseline: options.baseline }),
    ...(options.other === undefined ? {} : { other: options.other }),
  };
  const result = assessEntry(indicator, input, { year, defaults });
  if (options.json) {
    writeJson(io, {
      indicator: { ...indicatorJson(indicator), targetText: describeTarget(indicator.target, indicator, defaults) },
      year,
      input: { value: options.value, previous: options.previous, baseline: options.baseline, other: options.other, note: options.note },
      parsed: result.value,
      status: result.status,
      severity: result.severity,
      targets: result.targets,
      messages: result.messages,
    });
    return EXIT.ok;
  }
  const pick = (text: { zh: string; en: string }) => textOf(text, language);
  const name = language === 'en-US' ? indicator.nameEn : indicator.name;
  io.stdout.write(`${indicator.id} ${name}（${indicator.unit}） · ${year}年度\n`);
  io.stdout.write(`结论：${pick(STATUS_TEXT[result.status])}（${pick(SEVERITY_TEXT[result.severity])}）\n`);
  for (const message of result.messages) io.stdout.write(`- [${pick(SEVERITY_TEXT[message.severity])}] ${pick(message)}\n`);
  for (const note of indicator.notes) io.stdout.write(`  注：${pick(note)}\n`);
  return EXIT.ok;
}

/** `--unit` must name one of the indicator's reporting units, and is required exactly for per-unit indicators. */
function checkUnitOption(indicator: Indicator, unit: string | undefined, catalog: Catalog): void {
  if (!indicator.perUnit) throw new UsageError(`指标 ${indicator.id} 按全县填报，不用 --unit`);
  const units =
    indicator.perUnit.scope === 'township'
      ? catalog.organisations.filter(isTownship).map((organisation) => `${organisation.id}（${organisation.name}）`)
      : indicator.perUnit.units.map((item) => `${item.id}（${item.name}）`);
  if (unit === undefined || !units.some((item) => item.startsWith(`${unit}（`))) {
    throw new UsageError(`指标 ${indicator.id} 按${indicator.perUnit.label}分别填报，--unit 应为：${units.join('、')}`);
  }
}
