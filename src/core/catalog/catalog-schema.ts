import { z } from 'zod';
import { IndicatorSchema, PlanIdSchema } from './indicator-schema';

/** A domain (领域) of a plan, e.g. （一）儿童与健康. */
export const DomainSchema = z.object({
  code: z.string().regex(/^[A-Z]{3}$/).describe('The domain code used in indicator ids.'),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  section: z.string().min(1).describe('The section number as printed, e.g. "（一）".'),
});
export type Domain = z.infer<typeof DomainSchema>;

/** Catalog-wide settings an author may change for a county. */
export const CatalogDefaultsSchema = z.object({
  approxTolerance: z
    .number()
    .positive()
    .describe('For 左右 targets without their own tolerance: allowed deviation, in the indicator\'s unit.'),
  swingRelative: z
    .number()
    .positive()
    .describe('A year-over-year change larger than this share of the previous value is flagged (0.2 = 20%).'),
});
export type CatalogDefaults = z.infer<typeof CatalogDefaultsSchema>;

/**
 * A relation that values of several indicators must satisfy in one report, e.g. 新生儿死亡率 ≤ 婴儿死亡率 ≤
 * 5岁以下儿童死亡率 (a subset can never exceed the whole). Values are compared per township for per-unit
 * indicators.
 */
export const ConsistencyRuleSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  indicators: z.array(z.string().min(1)).min(2).describe('Indicator ids, each value ≤ the next one.'),
  relation: z.literal('nonDecreasing'),
  severity: z.enum(['error', 'warning']).describe('error: the values cannot all be right; warning: unusual, please check.'),
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type ConsistencyRule = z.infer<typeof ConsistencyRuleSchema>;

/** The catalog of one plan: its domains and every indicator with its target. */
export const PlanCatalogSchema = z
  .object({
    $schema: z.string().optional(),
    catalogVersion: z.string().regex(/^\d{4}\.\d+$/).describe('Bumped whenever an indicator or target changes.'),
    plan: PlanIdSchema,
    title: z.string().min(1),
    titleEn: z.string().min(1),
    county: z.string().min(1),
    sourceFile: z.string().min(1).describe('The plan text the quotes come from, relative to the catalog file.'),
    sourceNotes: z
      .array(z.object({ zh: z.string().min(1), en: z.string().min(1) }))
      .default([])
      .describe('Remarks on the source text as a whole (e.g. a mislabeled title line).'),
    defaults: CatalogDefaultsSchema,
    domains: z.array(DomainSchema).min(1),
    indicators: z.array(IndicatorSchema).min(1),
    consistencyRules: z.array(ConsistencyRuleSchema).default([]),
    retiredIds: z
      .array(z.string().regex(/^[WC]-[A-Z]{3}-\d{2}$/))
      .default([])
      .describe('Ids of indicators removed from the catalog: they stay reserved and are never given to another indicator.'),
  })
  .strict();

/** The catalog of one plan, as validated. */
export type PlanCatalog = z.infer<typeof PlanCatalogSchema>;
/** The catalog of one plan, as written in a file. */
export type PlanCatalogInput = z.input<typeof PlanCatalogSchema>;
