import { approxTolerance, describeTarget } from '../../../src/core/assess/describe-target';
import type { UnitId } from '../../../src/core/catalog/units';
import { seedCatalog } from '../../../src/seed-catalog';
import { DEFAULTS, expectBilingual, seeded, target, testIndicator } from './fixtures';

const describeSeed = (id: string) => describeTarget(seeded(id).target, seeded(id), DEFAULTS);
const describeIn = (unit: UnitId, input: unknown, defaults = DEFAULTS) => {
  const t = target(input);
  return describeTarget(t, testIndicator({ unit, target: t }), defaults);
};

test('min and max, with the unit as the plan writes it', () => {
  expect(describeSeed('C-HEA-20')).toEqual({ zh: '≥93%', en: '≥ 93%' });
  expect(describeSeed('C-HEA-04')).toEqual({ zh: '≤3.5‰', en: '≤ 3.5‰' });
  expect(describeSeed('W-HEA-03').zh).toMatch(/^≤[\d.]+\/10万$/);
  expect(describeSeed('W-HEA-15').en).toMatch(/^≤ [\d.]+ per 100,000 live births$/);
  expect(describeIn('%', { kind: 'min', value: 93, strict: true })).toEqual({ zh: '>93%', en: '> 93%' });
  expect(describeIn('‰', { kind: 'max', value: 2, strict: true })).toEqual({ zh: '<2‰', en: '< 2‰' });
});

test('approx shows its interval, with the own or the default tolerance and no float noise', () => {
  expect(describeSeed('W-ECO-02')).toEqual({ zh: '45%左右（44%—46%）', en: 'about 45% (44%–46%)' });
  expect(describeSeed('W-ECO-04')).toEqual({ zh: '达到40.5%左右（≥39.5%）', en: 'about 40.5% or more (≥ 39.5%)' });
  expect(describeIn('%', { kind: 'approx', value: 45.3, sides: 'both', tolerance: 0.3 }).zh).toBe('45.3%左右（45%—45.6%）');
  expect(describeIn('%', { kind: 'approx', value: 0.3, sides: 'atLeast', tolerance: 0.1 }).zh).toBe('达到0.3%左右（≥0.2%）');
  expect(describeIn('%', { kind: 'approx', value: 45, sides: 'both' }, { ...DEFAULTS, approxTolerance: 2 }).zh).toBe('45%左右（43%—47%）');
});

test('approxTolerance: own first, else the default', () => {
  const own = target({ kind: 'approx', value: 45, sides: 'both', tolerance: 0.5 });
  const plain = target({ kind: 'approx', value: 45, sides: 'both' });
  if (own.kind !== 'approx' || plain.kind !== 'approx') throw new Error('not approx');
  expect(approxTolerance(own, DEFAULTS)).toBe(0.5);
  expect(approxTolerance(plain, { ...DEFAULTS, approxTolerance: 3 })).toBe(3);
});

test('ratio names the terms and the favoured one', () => {
  expect(describeSeed('W-ENV-09')).toEqual({ zh: '男:女 = 2:3（女的占比不低于此比例）', en: 'men:women = 2:3 (women share at least this)' });
  expect(describeIn('比例', { kind: 'ratio', value: [1.5, 2], terms: ['甲', '乙'], termsEn: ['a', 'b'], favours: 'first' }).zh).toBe('甲:乙 = 1.5:2（甲的占比不低于此比例）');
});

test('reduction states the base year and the share kept', () => {
  expect(describeSeed('C-SAF-01')).toEqual({ zh: '以2020年为基数下降20%（≤基期值×80%）', en: '20% below 2020 (≤ base × 80%)' });
  expect(describeIn('1/10万', { kind: 'reduction', percent: 12.5, baseYear: 2020 }).zh).toBe('以2020年为基数下降12.5%（≤基期值×87.5%）');
});

test('count, previous-value kinds, relative, achieved, qualitative', () => {
  expect(describeSeed('C-WEL-14')).toEqual({ zh: '至少1名', en: 'at least 1' });
  expect(describeSeed('W-HEA-07')).toEqual({ zh: '较上年提高', en: 'higher than the previous year' });
  expect(describeSeed('W-DEC-04')).toEqual({ zh: '较上届提高', en: 'higher than the previous term' });
  expect(describeSeed('C-SAF-02')).toEqual({ zh: '较上年下降', en: 'lower than the previous year' });
  expect(describeSeed('W-DEC-06')).toEqual({ zh: '不低于上届', en: 'not below the previous term' });
  expect(describeSeed('W-DEC-03').zh).toBe('≥本地区党员总数中女性比例');
  expect(describeSeed('C-HEA-25')).toEqual({ zh: '实现（填“是”）', en: 'achieved (enter "是")' });
  expect(describeSeed('C-ENV-09')).toEqual({ zh: '基本普及（规划未给出数值）', en: 'basically universal (no number in the plan)' });
  expect(describeIn('文字', { kind: 'qualitative' })).toEqual({ zh: '定性目标（填写进展情况）', en: 'qualitative (describe progress)' });
  expect(describeIn('文字', { kind: 'qualitative', wording: '提高' }).en).toBe('提高 (no number in the plan)');
});

test('every target and milestone of the catalog is described in both languages', () => {
  for (const indicator of seedCatalog().indicators.values()) {
    for (const t of [indicator.target, ...indicator.milestones.map((m) => m.target)]) {
      expectBilingual([describeTarget(t, indicator, DEFAULTS)]);
    }
  }
});
