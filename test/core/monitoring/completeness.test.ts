import { completenessOf, deadlineEnd, expectedOrganisations } from '../../../src/core/monitoring/completeness';
import { seedCatalog } from '../../../src/seed-catalog';

const catalog = seedCatalog();
const report = (organisationId: string, firstReceivedAt: string, status: 'submitted' | 'returned' | 'approved' = 'submitted', version = 1) => ({ organisationId, firstReceivedAt, status, version });

describe('who should report a plan', () => {
  it('the organisations with lines in the plan\'s template: responsible departments, every township, and granted ones', () => {
    const expected = expectedOrganisations(catalog, 'children', catalog.organisations);
    expect(expected).toEqual(expect.arrayContaining(['wjj', 'jtj', 'mzj', 'gasa', 'mosha', 'guishan']));
    // 统计局 reports nothing of the children's plan itself, 组织部 neither
    expect(expected).not.toContain('tjj');
    expect(expected).not.toContain('zzb');
    const granted = expectedOrganisations(catalog, 'children', catalog.organisations, (id) => (id === 'tjj' ? [{ indicatorId: 'C-HEA-04' }] : []));
    expect(granted).toContain('tjj');
    // 组织部 reports the women's plan (women in leadership)
    expect(expectedOrganisations(catalog, 'women', catalog.organisations)).toContain('zzb');
  });
});

describe('completeness of a plan-year', () => {
  const expected = ['wjj', 'jtj', 'mzj', 'gasa'];

  it('deadline 2026-03-31: states, late and missing, rates counted over the expected only', () => {
    const now = new Date('2026-04-15T00:00:00Z');
    const result = completenessOf({ plan: 'children', year: 2025 }, expected, [
      report('wjj', '2026-03-20T02:00:00.000Z', 'approved', 2),
      // 23:30 on the 31st in Beijing is still on time (15:30 UTC)
      report('jtj', '2026-03-31T15:30:00.000Z', 'returned'),
      // 00:30 on April 1st in Beijing is late
      report('mzj', '2026-03-31T16:30:00.000Z'),
      // not expected (reports nothing of this plan): listed, never counted in the rates
      report('tjj', '2026-03-01T00:00:00.000Z'),
    ], { deadline: '2026-03-31', now });
    expect(result).toMatchObject({
      deadline: '2026-03-31',
      expected,
      submitted: ['wjj', 'jtj', 'mzj'],
      approved: ['wjj'],
      returned: ['jtj'],
      late: ['mzj'],
      missing: ['gasa'],
      notStarted: [],
      unexpected: ['tjj'],
    });
    // 3 of 4 submitted; 2 of 4 on time
    expect(result.reportingRate).toBe(0.75);
    expect(result.onTimeRate).toBe(0.5);
    expect(result.organisations.find((item) => item.organisationId === 'wjj')).toMatchObject({ state: 'approved', version: 2, late: false });
    expect(result.organisations.find((item) => item.organisationId === 'gasa')).toMatchObject({ state: 'missing', version: null });
  });

  it('before the deadline nobody is missing; without a deadline there is no on-time rate', () => {
    const before = completenessOf({ plan: 'children', year: 2025 }, expected, [report('wjj', '2026-01-10T00:00:00Z')], { deadline: '2026-03-31', now: new Date('2026-02-01T00:00:00Z') });
    expect(before.missing).toEqual([]);
    expect(before.notStarted).toEqual(['jtj', 'mzj', 'gasa']);
    expect(before.onTimeRate).toBe(0.25);
    const none = completenessOf({ plan: 'children', year: 2025 }, expected, [report('wjj', '2026-01-10T00:00:00Z')], { now: new Date('2030-01-01T00:00:00Z') });
    expect(none.deadline).toBeNull();
    expect(none.onTimeRate).toBeNull();
    expect(none.missing).toEqual([]);
    expect(none.reportingRate).toBe(0.25);
  });

  it('the rate never exceeds 1, whatever arrives; nothing expected gives 0', () => {
    const all = completenessOf({ plan: 'women', year: 2024 }, ['wjj'], [report('wjj', '2025-01-01T00:00:00Z'), report('x1', '2025-01-01T00:00:00Z'), report('x2', '2025-01-01T00:00:00Z')], { now: new Date() });
    expect(all.reportingRate).toBe(1);
    expect(completenessOf({ plan: 'women', year: 2024 }, [], [], { now: new Date() }).reportingRate).toBe(0);
  });

  it('a deadline day ends at 24:00 China Standard Time', () => {
    expect(deadlineEnd('2026-03-31')).toBe('2026-03-31T15:59:59.999Z');
  });
});
