import women from '../../../seeds/women.catalog.json';
import children from '../../../seeds/children.catalog.json';
import organisations from '../../../seeds/organisations.json';
import { CatalogError, loadCatalog, type CatalogFiles } from '../../../src/core/catalog/catalog';
import { seedCatalog } from '../../../src/seed-catalog';

type Json = Record<string, unknown>;

function problemsAfter(edit: (files: { women: Json; children: Json }) => void): string[] {
  const files = { women: structuredClone(women) as Json, children: structuredClone(children) as Json, organisations };
  edit(files);
  try {
    loadCatalog(files as CatalogFiles);
    return [];
  } catch (error) {
    if (error instanceof CatalogError) return [...error.problems];
    throw error;
  }
}
const indicator = (file: Json, id: string) => (file.indicators as Json[]).find((item) => item.id === id) as Json;

describe('plausible ranges: data-quality bounds in the catalog, never targets', () => {
  const catalog = seedCatalog();
  const all = [...catalog.indicators.values()];

  it('every percentage with a floor of 5% or more has one (the fraction slip 0.95 for 95% is caught), and nothing else', () => {
    const floors = all.filter((item) => {
      if (item.unit !== '%') return false;
      const values = [item.target, ...item.milestones.map((milestone) => milestone.target)].flatMap((target) => (target.kind === 'min' || target.kind === 'approx' ? [target.value] : []));
      return values.length > 0 && Math.max(...values) >= 5;
    });
    expect(floors.length).toBe(41);
    expect(all.filter((item) => item.plausible).map((item) => item.id).sort()).toEqual(floors.map((item) => item.id).sort());
    for (const item of floors) expect(item.plausible).toMatchObject({ min: 2, reason: { zh: expect.stringContaining('小数'), en: expect.stringContaining('fraction') } });
  });

  it('every target of an indicator lies inside its range: meeting a target never needs a confirmation', () => {
    for (const item of all.filter((candidate) => candidate.plausible)) {
      for (const target of [item.target, ...item.milestones.map((milestone) => milestone.target)]) {
        if ('value' in target && typeof target.value === 'number') expect(target.value).toBeGreaterThanOrEqual(item.plausible?.min ?? -Infinity);
      }
    }
  });

  it('the loader refuses a range stricter than a target, outside the unit, empty, inverted, or on a non-number', () => {
    expect(problemsAfter((files) => void (indicator(files.children, 'C-HEA-09').plausible = { min: 95, reason: { zh: '测', en: 't' } }))).toEqual([
      expect.stringContaining('目标值 90 不在合理范围（plausible）内'),
    ]);
    expect(problemsAfter((files) => void (indicator(files.children, 'C-HEA-09').plausible = { min: 0, reason: { zh: '测', en: 't' } }))).toEqual([expect.stringContaining('plausible.min 应在有效范围之内')]);
    expect(problemsAfter((files) => void (indicator(files.children, 'C-HEA-09').plausible = { reason: { zh: '测', en: 't' } }))).toEqual([expect.stringContaining('至少要有 min 或 max')]);
    expect(problemsAfter((files) => void (indicator(files.children, 'C-HEA-09').plausible = { min: 50, max: 20, reason: { zh: '测', en: 't' } }))).toContainEqual(expect.stringContaining('plausible.min 大于 plausible.max'));
    expect(problemsAfter((files) => void (indicator(files.children, 'C-HEA-25').plausible = { min: 1, reason: { zh: '测', en: 't' } }))).toContainEqual(expect.stringContaining('只适用于数值单位'));
    expect(problemsAfter((files) => void (indicator(files.children, 'C-HEA-09').plausible = { min: 2 }))).toContainEqual(expect.stringContaining('plausible.reason'));
  });
});
