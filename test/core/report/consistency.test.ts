import children from '../../../seeds/children.catalog.json';
import organisations from '../../../seeds/organisations.json';
import women from '../../../seeds/women.catalog.json';
import { loadCatalog } from '../../../src/core/catalog/catalog';
import { checkConsistency } from '../../../src/core/rules/consistency';
import { evaluateReport } from '../../../src/core/report/evaluate-report';
import type { EntryInput } from '../../../src/core/assess/entry';
import { seedCatalog } from '../../../src/seed-catalog';
import { assess, expectBilingual } from '../assess/fixtures';

const catalog = seedCatalog();
const rules = catalog.plans.children.consistencyRules;
const mortality = (neonatal: string | null, infant: string | null, underFive: string | null): EntryInput[] => [
  { indicatorId: 'C-HEA-03', value: neonatal },
  { indicatorId: 'C-HEA-04', value: infant },
  { indicatorId: 'C-HEA-05', value: underFive },
];
const evaluate = (entries: EntryInput[]) => evaluateReport(catalog, { plan: 'children', year: 2030, entries });

test('the seed catalog nests 新生儿 ≤ 婴儿 ≤ 5岁以下 death rates as an error', () => {
  expect(rules.find((r) => r.id === 'child-mortality-nesting')).toMatchObject({ indicators: ['C-HEA-03', 'C-HEA-04', 'C-HEA-05'], severity: 'error' });
});

describe('新生儿 ≤ 婴儿 ≤ 5岁以下儿童死亡率', () => {
  test('in order (including equal values): no finding', () => {
    expect(evaluate(mortality('1.5', '3', '4.5')).consistency).toEqual([]);
    expect(evaluate(mortality('3', '3', '3')).consistency).toEqual([]);
  });

  test('neonatal above infant: an error finding naming both with their values', () => {
    const result = evaluate(mortality('1.9', '1.5', '4'));
    expect(result.consistency).toHaveLength(1);
    const finding = result.consistency[0];
    expect(finding).toMatchObject({
      code: 'consistency.child-mortality-nesting',
      ruleId: 'child-mortality-nesting',
      indicatorIds: ['C-HEA-03', 'C-HEA-04'],
      severity: 'error',
      field: 'value',
    });
    expect(finding?.unitId).toBeUndefined();
    expect(finding?.zh).toContain('新生儿死亡率（1.9‰）不应高于婴儿死亡率（1.5‰）');
    expect(finding?.en).toContain('(1.9‰)');
    expect(finding?.en).toContain('(1.5‰)');
    expectBilingual(result.consistency);
    // the entries themselves meet their targets; the report is still an error
    expect(result.summary.byStatus.met).toBe(3);
    expect(result.summary.severity).toBe('error');
    expect(result.summary.bySeverity.error).toBe(1);
  });

  test('each broken link is a finding', () => {
    const result = evaluate(mortality('5', '4', '3'));
    expect(result.consistency.map((f) => f.indicatorIds)).toEqual([['C-HEA-03', 'C-HEA-04'], ['C-HEA-04', 'C-HEA-05']]);
  });

  test('exact with decimals: 3.5 against 3.5 is fine, 3.5001 is not', () => {
    expect(evaluate(mortality('1', '3.5', '3.5')).consistency).toEqual([]);
    expect(evaluate(mortality('1', '3.5001', '3.5')).consistency).toHaveLength(1);
  });

  test('blank and not-available values are skipped, not inconsistent', () => {
    expect(evaluate(mortality(null, '3', '2.5')).consistency.map((f) => f.indicatorIds)).toEqual([['C-HEA-04', 'C-HEA-05']]);
    expect(evaluate(mortality('3', '2', null)).consistency.map((f) => f.indicatorIds)).toEqual([['C-HEA-03', 'C-HEA-04']]);
    expect(evaluate(mortality('9', null, null)).consistency).toEqual([]);
    const marked = evaluateReport(catalog, {
      plan: 'children',
      year: 2030,
      entries: [{ indicatorId: 'C-HEA-03', value: '—', note: '未统计' }, ...mortality(null, '3', '4').slice(1)],
    });
    expect(marked.consistency).toEqual([]);
  });

  test('a blank in the middle does not hide a break between its neighbours', () => {
    expect(evaluate(mortality('3', null, '2')).consistency.map((f) => f.indicatorIds)).toEqual([['C-HEA-03', 'C-HEA-05']]);
    expect(evaluate(mortality('1', null, '2')).consistency).toEqual([]);
  });

  test('invalid values are skipped (an out-of-range rate is reported as invalid, not as inconsistent)', () => {
    const result = evaluate(mortality('1', '1001', '2'));
    expect(result.results[1]?.status).toBe('invalid');
    expect(result.consistency).toEqual([]);
  });

  test('entries missing from the report are skipped', () => {
    expect(evaluate([{ indicatorId: 'C-HEA-03', value: '9' }]).consistency).toEqual([]);
  });
});

test('a warning rule gives a warning finding (溺水 ≤ 意外伤害, C-SAF-02 ≤ C-SAF-01)', () => {
  const result = evaluate([
    { indicatorId: 'C-SAF-02', value: '9', previous: '10' },
    { indicatorId: 'C-SAF-01', value: '8', baseline: '10' },
  ]);
  expect(result.consistency.map((f) => [f.ruleId, f.severity, f.indicatorIds])).toEqual([['drowning-within-injury', 'warning', ['C-SAF-02', 'C-SAF-01']]]);
  expect(result.consistency[0]?.zh).toContain('9/10万');
});

describe('per township', () => {
  // the seed catalog with the three death rates reported per township
  const perTownship = (() => {
    const copy = structuredClone(children) as { indicators: Array<{ id: string; perUnit?: unknown }> };
    for (const indicator of copy.indicators) {
      if (['C-HEA-03', 'C-HEA-04', 'C-HEA-05'].includes(indicator.id)) {
        indicator.perUnit = { scope: 'township', label: '乡镇（街道）', labelEn: 'township or subdistrict' };
      }
    }
    return loadCatalog({ women, children: copy, organisations });
  })();
  const row = (unitId: string, values: [string, string, string]): EntryInput[] =>
    ['C-HEA-03', 'C-HEA-04', 'C-HEA-05'].map((indicatorId, i) => ({ indicatorId, unitId, value: values[i] }));

  test('values are compared within a township, never across townships', () => {
    const result = evaluateReport(perTownship, {
      plan: 'children',
      year: 2030,
      entries: [...row('mosha', ['1', '2', '3']), ...row('gasa', ['2.5', '2', '3'])],
    });
    expect(result.problems).toEqual([]);
    expect(result.consistency.map((f) => [f.unitId, f.indicatorIds])).toEqual([['gasa', ['C-HEA-03', 'C-HEA-04']]]);
  });
});

test('checkConsistency works on assessed entries directly and ignores rules without values', () => {
  const results = [assess('C-HEA-03', { value: '4' }, 2030), assess('C-HEA-04', { value: '3' }, 2030)];
  expect(checkConsistency(rules, catalog, results).map((f) => f.ruleId)).toEqual(['child-mortality-nesting']);
  expect(checkConsistency([], catalog, results)).toEqual([]);
  expect(checkConsistency(rules, catalog, [])).toEqual([]);
});
