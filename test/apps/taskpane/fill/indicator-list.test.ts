import { seedCatalog } from '../../../../src/seed-catalog';
import { buildTemplate, targetText } from '../../../../src/core/template/build-template';
import { isTownship } from '../../../../src/core/catalog/organisation-schema';
import type { PlanId } from '../../../../src/core/catalog/indicator-schema';
import { fillIndicatorList, indicatorCounts, type FillIndicator } from '../../../../src/apps/taskpane/fill/indicator-list';
import { matchesOrganisation, organisationGroups } from '../../../../src/apps/taskpane/fill/organisation-options';

const catalog = seedCatalog();
const PLANS: readonly PlanId[] = ['women', 'children'];
const all = (list: ReturnType<typeof fillIndicatorList>): FillIndicator[] => list.domains.flatMap((domain) => [...domain.indicators]);
const org = (id: string) => {
  const found = catalog.organisations.find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('the Fill view\u2019s indicator list', () => {
  it('lists exactly the indicators and rows the template gets, for every organisation, both plans', () => {
    for (const plan of PLANS) {
      for (const organisation of [undefined, ...catalog.organisations]) {
        const list = fillIndicatorList(catalog, { plan, year: 2025, language: 'zh-CN', ...(organisation ? { organisation } : {}) });
        const ids = all(list).map((item) => item.id);
        let rows: readonly { indicatorId: string }[] = [];
        try {
          rows = buildTemplate(catalog, { plan, year: 2025, ...(organisation ? { organisationId: organisation.id } : {}) }).dataRows;
        } catch {
          rows = []; // the template refuses an organisation without indicators
        }
        const templateIds = [...new Set(rows.map((row) => row.indicatorId))];
        expect({ plan, organisation: organisation?.id, ids }).toEqual({ plan, organisation: organisation?.id, ids: templateIds });
        expect(list.indicatorCount).toBe(templateIds.length);
        expect(list.rowCount).toBe(rows.length);
        expect(all(list).reduce((sum, item) => sum + item.rows, 0)).toBe(rows.length);
        for (const item of all(list)) expect(item.rows).toBe(rows.filter((row) => row.indicatorId === item.id).length);
      }
    }
  });

  it('groups indicators by domain in the plan\u2019s domain order', () => {
    const list = fillIndicatorList(catalog, { plan: 'children', year: 2025, language: 'zh-CN' });
    const order = catalog.plans.children.domains.map((domain) => domain.name);
    expect(list.domains.map((domain) => domain.name)).toEqual(order.filter((name) => list.domains.some((domain) => domain.name === name)));
    for (const domain of list.domains) for (const item of domain.indicators) expect(item.indicator.domain).toBe(domain.name);
  });

  it('writes the template\u2019s target text for the year, in the requested language', () => {
    const defaults = catalog.plans.children.defaults;
    for (const [language, year] of [['zh-CN', 2025], ['en-US', 2028]] as const) {
      const list = fillIndicatorList(catalog, { plan: 'children', year, language, organisation: org('wjj') });
      for (const item of all(list)) {
        expect(item.target).toBe(targetText(item.indicator, year, language, defaults));
        expect(item.name).toBe(language === 'zh-CN' ? item.indicator.name : item.indicator.nameEn);
      }
    }
  });

  it('marks the 基本普及 target: ambiguity note, partly not judged before 2030 and wholly not judged in 2030', () => {
    const find = (year: number) => all(fillIndicatorList(catalog, { plan: 'children', year, language: 'zh-CN', organisation: org('nyj') })).find((item) => item.id === 'C-ENV-09');
    const in2025 = find(2025);
    expect(in2025?.warnings.map((note) => note.kind)).toContain('ambiguity');
    expect(in2025?.warnings.some((note) => note.zh.includes('基本普及'))).toBe(true);
    expect(in2025?.notJudged).toBe('some');
    expect(in2025?.target.endsWith('※')).toBe(true);
    expect(in2025?.otherNotes.every((note) => note.kind !== 'ambiguity' && note.kind !== 'conflict')).toBe(true);
    expect(find(2030)?.notJudged).toBe('some'); // the 2025 milestone keeps binding beside 基本普及
  });

  it('says which indicators are per township: every township for a department, the own row for a township', () => {
    const department = all(fillIndicatorList(catalog, { plan: 'children', year: 2025, language: 'zh-CN', organisation: org('wjj') }));
    const townships = catalog.organisations.filter(isTownship);
    const perTownship = department.filter((item) => item.perUnit?.scope === 'township');
    expect(perTownship.length).toBeGreaterThan(0);
    for (const item of perTownship) {
      expect(item.rows).toBe(townships.length);
      expect(item.perUnit?.ownRowOnly).toBe(false);
      expect(item.perUnit?.units).toEqual(townships.map((township) => township.name));
    }
    const township = all(fillIndicatorList(catalog, { plan: 'children', year: 2025, language: 'zh-CN', organisation: org('gasa') }));
    expect(township.length).toBeGreaterThan(0);
    for (const item of township.filter((entry) => entry.perUnit)) {
      expect(item.rows).toBe(1);
      expect(item.perUnit?.ownRowOnly).toBe(true);
      expect(item.perUnit?.units).toEqual([org('gasa').name]);
    }
    const listed = all(fillIndicatorList(catalog, { plan: 'women', year: 2025, language: 'en-US', organisation: org('zzb') })).find((item) => item.perUnit?.scope === 'list');
    expect(listed?.perUnit?.units.length).toBe(listed?.rows);
    expect(listed?.perUnit?.units.every((name) => /^[\x20-\x7E]+$/.test(name))).toBe(true);
  });

  it('counts each organisation\u2019s indicators as its template has them', () => {
    for (const plan of PLANS) {
      const counts = indicatorCounts(catalog, plan);
      for (const organisation of catalog.organisations) {
        const list = fillIndicatorList(catalog, { plan, year: 2025, language: 'zh-CN', organisation });
        expect([organisation.id, counts.get(organisation.id)]).toEqual([organisation.id, list.indicatorCount]);
      }
    }
  });
});

describe('the organisation picker\u2019s options', () => {
  it('puts every organisation in one of two groups, townships apart', () => {
    const groups = organisationGroups(catalog);
    expect(groups.departments.length + groups.townships.length).toBe(catalog.organisations.length);
    expect(groups.townships.every(isTownship)).toBe(true);
    expect(groups.departments.some(isTownship)).toBe(false);
  });

  it('filters by short name, full name, English name or id, ignoring case and full-width letters', () => {
    expect(organisationGroups(catalog, '卫健').departments.map((o) => o.id)).toEqual(['wjj']);
    expect(organisationGroups(catalog, '卫生健康局').departments.map((o) => o.id)).toEqual(['wjj']);
    expect(organisationGroups(catalog, 'health COMMISSION').departments.map((o) => o.id)).toEqual(['wjj']);
    expect(organisationGroups(catalog, 'ＷＪＪ').departments.map((o) => o.id)).toEqual(['wjj']);
    const gasa = organisationGroups(catalog, '戛洒');
    expect([gasa.departments.length, gasa.townships.map((o) => o.id)]).toEqual([0, ['gasa']]);
    expect(matchesOrganisation(org('gasa'), '')).toBe(true);
    expect(matchesOrganisation(org('gasa'), '卫健')).toBe(false);
  });
});
