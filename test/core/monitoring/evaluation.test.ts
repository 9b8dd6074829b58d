import women from '../../../seeds/women.catalog.json';
import children from '../../../seeds/children.catalog.json';
import organisations from '../../../seeds/organisations.json';
import { assessEntry } from '../../../src/core/assess/assess-entry';
import { loadCatalog, type Catalog, type CatalogFiles } from '../../../src/core/catalog/catalog';
import { consolidate, type Consolidation } from '../../../src/core/monitoring/consolidation';
import { evaluate, evaluationKind } from '../../../src/core/monitoring/evaluation';
import type { ReportedValue, ReportedVersion } from '../../../src/core/monitoring/reported';

/**
 * Evaluation tables counted by hand: a children's catalog cut down to eight indicators in two domains, so that
 * every count below can be read off the list.
 *
 * 儿童与健康 (6): C-HEA-03 新生儿死亡率 ≤2‰ (2030) · C-HEA-04 婴儿死亡率 ≤3.5‰ (2030) · C-HEA-05 5岁以下儿童死亡率
 * ≤5‰ (2030) · C-HEA-20 7岁以下儿童健康管理率 ≥93% (2030) · C-HEA-25 中医药门诊服务 achieved by 2025 ·
 * C-HEA-40 孕妇学校 (qualitative).
 * 儿童与环境 (2): C-ENV-09 农村卫生厕所普及率 ≥70% by 2025, 基本普及 by 2030 (qualitative) · C-ENV-08 农村自来水普及率
 * ≥90% (2030).
 */
const KEEP = ['C-HEA-03', 'C-HEA-04', 'C-HEA-05', 'C-HEA-20', 'C-HEA-25', 'C-HEA-40', 'C-ENV-09', 'C-ENV-08'];

function smallCatalog(): Catalog {
  const file = structuredClone(children) as unknown as { indicators: { id: string }[]; domains: { name: string }[]; consistencyRules: unknown[] };
  file.indicators = file.indicators.filter((indicator) => KEEP.includes(indicator.id));
  file.domains = file.domains.filter((domain) => ['儿童与健康', '儿童与环境'].includes(domain.name));
  file.consistencyRules = [];
  return loadCatalog({ women, children: file, organisations } as unknown as CatalogFiles);
}

const catalog = smallCatalog();

/** A stored value as the server keeps it: parsed and judged by the engine for the year. */
function judged(indicatorId: string, text: string, year: number): ReportedValue {
  const indicator = catalog.indicators.get(indicatorId)!;
  const result = assessEntry(indicator, { indicatorId, value: text }, { year, defaults: catalog.plans.children.defaults });
  return { indicatorId, unitId: null, value: result.value ?? null, status: result.status, note: null };
}

function consolidated(year: number, values: Record<string, string>): Consolidation {
  const byOrganisation = new Map<string, ReportedValue[]>();
  for (const [indicatorId, text] of Object.entries(values)) {
    const organisationId = catalog.indicators.get(indicatorId)!.responsible[0]!;
    byOrganisation.set(organisationId, [...(byOrganisation.get(organisationId) ?? []), judged(indicatorId, text, year)]);
  }
  const reports: ReportedVersion[] = [...byOrganisation].map(([organisationId, list]) => ({
    organisationId,
    submissionId: `${organisationId}-${year}`,
    version: 1,
    status: 'approved',
    firstReceivedAt: `${year + 1}-01-15T00:00:00Z`,
    receivedAt: `${year + 1}-01-15T00:00:00Z`,
    values: list,
  }));
  return consolidate(catalog, { plan: 'children', year }, reports);
}

describe('the evaluation table of the 2025 mid-term (counted by hand)', () => {
  const y2024 = consolidated(2024, { 'C-HEA-04': '4.6', 'C-ENV-09': '62' });
  const y2025 = consolidated(2025, {
    'C-HEA-03': '1.8', // ≤2‰ met already (upcoming met → 已达标)
    'C-HEA-04': '4.2', // ≤3.5‰ in 2030: 未到期
    'C-HEA-20': '91', // ≥93% in 2030: 未到期
    'C-HEA-25': '否', // achieved by 2025: due and missed, no ratio → 未达标
    'C-ENV-09': '65', // ≥70% due in 2025, missed; 65/70 = 92.9% ≥ 90% → 基本达标
    'C-HEA-40': '已在县妇幼保健院设置孕妇学校', // qualitative: not monitorable
    // C-HEA-05 and C-ENV-08: nothing reported → 无数据
  });
  const progress = new Map([['C-HEA-04', 'onTrack'], ['C-HEA-20', 'needsAcceleration']]);
  const evaluation = evaluate(catalog, { plan: 'children', year: 2025 }, new Map([[2024, y2024], [2025, y2025]]), progress);
  const row = (id: string) => evaluation.rows.find((item) => item.indicatorId === id)!;

  it('the catalog states what the counts assume', () => {
    expect(catalog.plans.children.indicators.map((indicator) => indicator.id).sort()).toEqual([...KEEP].sort());
    expect(catalog.indicators.get('C-ENV-08')?.target).toEqual({ kind: 'min', value: 90 });
    expect(evaluation.kind).toBe('midTerm');
    expect([evaluationKind(2024), evaluationKind(2030)]).toEqual(['annual', 'final']);
  });

  it('each indicator in its category', () => {
    expect(Object.fromEntries(evaluation.rows.map((item) => [item.indicatorId, item.category]))).toEqual({
      'C-HEA-03': 'met',
      'C-HEA-04': 'notYetDue',
      'C-HEA-05': 'noData',
      'C-HEA-20': 'notYetDue',
      'C-HEA-25': 'notMet',
      'C-HEA-40': 'notMonitorable',
      'C-ENV-09': 'basicallyMet',
      'C-ENV-08': 'noData',
    });
    expect(row('C-ENV-09').completion).toBeCloseTo(65 / 70, 6);
    expect(row('C-HEA-25').completion).toBeNull();
  });

  it('per domain: 指标数, 可监测数, 已达标, 基本达标, 未达标, 未到期 by progress, 无数据 and both 达标率', () => {
    const health = evaluation.domains.find((domain) => domain.domain === '儿童与健康')!;
    // 6 indicators, 1 qualitative → 5 monitorable; 1 met, 1 not met, 2 not yet due, 1 without data
    expect(health).toMatchObject({ indicators: 6, monitorable: 5, met: 1, basicallyMet: 0, notMet: 1, notYetDue: 2, noData: 1 });
    expect(health.notYetDueByProgress).toEqual({ onTrack: 1, needsAcceleration: 1 });
    // with data: met ÷ (5 − 2 − 1) = 1/2; all: met ÷ (5 − 2) = 1/3
    expect(health.rateWithData).toBeCloseTo(1 / 2, 10);
    expect(health.rateAll).toBeCloseTo(1 / 3, 10);
    const environment = evaluation.domains.find((domain) => domain.domain === '儿童与环境')!;
    // C-ENV-09's 2025 milestone is numeric → monitorable; basically met is not met: rate 0 ÷ 1 with data, 0 ÷ 2 in all
    expect(environment).toMatchObject({ indicators: 2, monitorable: 2, met: 0, basicallyMet: 1, notMet: 0, notYetDue: 0, noData: 1, rateWithData: 0, rateAll: 0 });
    expect(evaluation.total).toMatchObject({ domain: '合计', indicators: 8, monitorable: 7, met: 1, basicallyMet: 1, notMet: 1, notYetDue: 2, noData: 2 });
    expect(evaluation.total.rateWithData).toBeCloseTo(1 / 3, 10); // 1 ÷ (7 − 2 − 2)
    expect(evaluation.total.rateAll).toBeCloseTo(1 / 5, 10); // 1 ÷ (7 − 2)
  });

  it('the 基本达标 threshold is a setting: at 95% the same 65/70 is not met', () => {
    const strict = evaluate(catalog, { plan: 'children', year: 2025 }, new Map([[2025, y2025]]), progress, { basicallyMetRatio: 0.95 });
    expect(strict.rows.find((item) => item.indicatorId === 'C-ENV-09')?.category).toBe('notMet');
    expect(strict.basicallyMetRatio).toBe(0.95);
    expect(strict.definitions.basicallyMet.zh).toContain('95%');
    expect(evaluation.definitions.basicallyMet.zh).toContain('90%');
  });

  it('per indicator: the 2020 base, each year, the latest value, the target, progress and the responsible body', () => {
    expect(row('C-HEA-04')).toMatchObject({
      baseline2020: 5.94,
      values: { 2021: null, 2022: null, 2023: null, 2024: '4.6', 2025: '4.2' },
      latest: { year: 2025, text: '4.2' },
      progress: 'onTrack',
      responsible: ['wjj'],
    });
    expect(row('C-HEA-04').target.zh).toContain('3.5');
    expect(row('C-ENV-09').target.zh).toContain('70');
    expect(row('C-HEA-05')).toMatchObject({ latest: null, values: { 2025: null } });
  });

  it('in 2030 the same interim values are due: 未到期 becomes 未达标 (or 基本达标)', () => {
    const y2030 = consolidated(2030, { 'C-HEA-03': '1.8', 'C-HEA-04': '4.2', 'C-HEA-20': '91', 'C-HEA-25': '是', 'C-ENV-09': '80' });
    const final = evaluate(catalog, { plan: 'children', year: 2030 }, new Map([[2030, y2030]]));
    const category = (id: string) => final.rows.find((item) => item.indicatorId === id)?.category;
    // 3.5 ÷ 4.2 = 83% → not met; 91 ÷ 93 = 97.8% → basically met; C-ENV-09's 2025 milestone ≥70% keeps binding
    // beside 基本普及 (judged by hand), so 80 is met
    expect([category('C-HEA-04'), category('C-HEA-20'), category('C-HEA-25'), category('C-ENV-09')]).toEqual(['notMet', 'basicallyMet', 'met', 'met']);
    expect(final.kind).toBe('final');
    expect(final.total.notYetDue).toBe(0);
  });
});
