import type { PlanId } from '../../src/core/catalog/indicator-schema';
import { seedCatalog } from '../../src/seed-catalog';

/**
 * The catalog version a plan's submissions must carry, read from the catalog (seeds/): tests never write it
 * down, so releasing a new catalog version changes no test.
 */
export function catalogVersion(plan: PlanId = 'children'): string {
  return seedCatalog().plans[plan].catalogVersion;
}
