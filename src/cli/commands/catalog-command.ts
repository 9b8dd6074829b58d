import type { CatalogDefaults } from '../../core/catalog/catalog-schema';
import type { Indicator, PlanId } from '../../core/catalog/indicator-schema';
import { describeTarget } from '../../core/assess/describe-target';
import { isRecurring } from '../../core/assess/targets-for-year';
import { seedCatalog } from '../../seed-catalog';
import { parseOptions } from '../main';
import { EXIT, UsageError, writeJson, type CliIo } from '../io';
import { languageOption, planOption } from './options';

/** `catalog [--plan women|children] [--json]`: the indicators with their targets and sources. */
export function catalogCommand(args: string[], io: CliIo): number {
  const options = parseOptions(args, {
    plan: { type: 'string' },
    json: { type: 'boolean', default: false },
    lang: { type: 'string' },
  });
  const catalog = seedCatalog();
  const plans: PlanId[] = options.plan === undefined ? ['women', 'children'] : [planOption(options.plan)];
  const english = languageOption(options.lang) === 'en-US';
  if (options.json) {
    writeJson(io, {
      plans: plans.map((plan) => ({
        plan,
        title: catalog.plans[plan].title,
        titleEn: catalog.plans[plan].titleEn,
        catalogVersion: catalog.plans[plan].catalogVersion,
        indicatorCount: catalog.plans[plan].indicators.length,
      })),
      indicators: plans.flatMap((plan) =>
        catalog.plans[plan].indicators.map((indicator) => catalogEntry(indicator, describeTarget(indicator.target, indicator, catalog.plans[plan].defaults))),
      ),
    });
    return EXIT.ok;
  }
  for (const plan of plans) {
    const file = catalog.plans[plan];
    const count = english ? `catalog ${file.catalogVersion}, ${file.indicators.length} indicators` : `目录版本 ${file.catalogVersion}，${file.indicators.length} 项指标`;
    io.stdout.write(english ? `${file.titleEn} (${count})\n` : `${file.title}（${count}）\n`);
    for (const domain of file.domains) {
      io.stdout.write(`\n${domain.section}${english ? domain.nameEn : domain.name}\n`);
      for (const indicator of file.indicators.filter((item) => item.domain === domain.name)) {
        io.stdout.write(`  ${indicator.id}  ${english ? catalogLineEn(indicator, file.defaults) : catalogLine(indicator, file.defaults)}\n`);
      }
    }
    io.stdout.write('\n');
  }
  return EXIT.ok;
}

/** One catalog entry as printed by `catalog --json`. */
function catalogEntry(indicator: Indicator, target: { zh: string; en: string }) {
  const [source] = indicator.sources;
  if (!source) throw new UsageError(`指标 ${indicator.id} 没有出处`);
  return {
    id: indicator.id,
    plan: indicator.plan,
    domain: indicator.domain,
    name: indicator.name,
    nameEn: indicator.nameEn,
    unit: indicator.unit,
    target: indicator.target,
    targetText: target,
    targetYear: indicator.targetYear,
    milestones: indicator.milestones,
    perUnit: indicator.perUnit ?? null,
    baseline: indicator.baseline,
    source,
    sources: indicator.sources,
    notes: indicator.notes,
    responsible: indicator.responsible,
  };
}

/** One indicator as a line of the readable list: name, unit, milestones, final target, per-unit scope. */
function catalogLine(indicator: Indicator, defaults: CatalogDefaults): string {
  const milestones = indicator.milestones.map((m) => `${m.year}年${describeTarget(m.target, indicator, defaults).zh}；`).join('');
  const perUnit = indicator.perUnit ? `［按${indicator.perUnit.label}］` : '';
  const when = isRecurring(indicator) ? '每年' : `${indicator.targetYear}年`;
  return `${indicator.name}（${indicator.unit}）  ${milestones}${when}${describeTarget(indicator.target, indicator, defaults).zh}${perUnit}`;
}

function catalogLineEn(indicator: Indicator, defaults: CatalogDefaults): string {
  const milestones = indicator.milestones.map((m) => `${m.year}: ${describeTarget(m.target, indicator, defaults).en}; `).join('');
  const perUnit = indicator.perUnit ? ` [per ${indicator.perUnit.labelEn}]` : '';
  const when = isRecurring(indicator) ? 'every year' : String(indicator.targetYear);
  return `${indicator.nameEn} (${indicator.unit})  ${milestones}${when}: ${describeTarget(indicator.target, indicator, defaults).en}${perUnit}`;
}
