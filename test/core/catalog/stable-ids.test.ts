import released from '../../../seeds/released-ids.json';
import { seedCatalog } from '../../../src/seed-catalog';

/**
 * Indicator ids are stable: templates and stored submissions refer to them. Every id ever released is
 * either still in its catalog or listed in the catalog's retiredIds, and no retired id comes back.
 */
describe('indicator ids are never changed or reused', () => {
  const catalog = seedCatalog();

  it.each(['women', 'children'] as const)('%s: every released id is still there or retired', (plan) => {
    const file = catalog.plans[plan];
    const present = new Set(file.indicators.map((indicator) => indicator.id));
    const retired = new Set(file.retiredIds);
    expect(released.ids[plan].filter((id) => !present.has(id) && !retired.has(id))).toEqual([]);
  });

  it.each(['women', 'children'] as const)('%s: every id in the catalog is recorded as released (add new ids to seeds/released-ids.json)', (plan) => {
    const recorded = new Set(released.ids[plan]);
    expect(catalog.plans[plan].indicators.map((indicator) => indicator.id).filter((id) => !recorded.has(id))).toEqual([]);
  });
});
