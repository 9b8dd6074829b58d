import type { Indicator, PlanId } from '../../core/catalog/indicator-schema';
import { describeTarget } from '../../core/assess/describe-target';
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
    io.stdout.write(`${english ? file.titleEn : file.title}（目录版本 ${file.catalogVersion}，${file.indicators.length} 项指标）\n`);
    for (const domain of file.domains) {
      io.stdout.write(`\n${domain.section}${english ? domain.nameEn : domain.name}\n`);
      for (const indicator of file.indicators.filter((item) => item.domain === domain.name)) {
        const target = describeTarget(indicator.target, indicator, file.defaults);
        const milestones = indicator.milestones.map((m) => `${m.year}年${describeTarget(m.target, indicator, file.defaults)[english ? 'en' : 'zh']}；`).join('');
        const perUnit = indicator.perUnit ? `［按${indicator.perUnit.label}］` : '';
        io.stdout.write(`  ${indicator.id}  ${english ? indicator.nameEn : indicator.name}（${indicator.unit}）  ${milestones}${indicator.targetYear}年${english ? target.en : target.zh}${perUnit}\n`);
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
