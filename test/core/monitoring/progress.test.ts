import type { Indicator } from '../../../src/core/catalog/indicator-schema';
import {
  assessProgress,
  governingTarget,
  limitScaling,
  ProgressInputError,
  seriesWithBaselines,
  type PointValue,
  type ProgressResult,
} from '../../../src/core/monitoring/progress';
import { PROGRESS_STATUS_TEXT } from '../../../src/core/monitoring/progress-messages';
import { DEFAULTS, expectBilingual, seeded, testIndicator } from '../assess/fixtures';

/**
 * Every expected number here is worked out by hand from the formulas (Open SDG / sdg-build ProgressMeasure):
 *   CAGR_o = (y_t/y_0)^(1/(t−t0)) − 1,  CAGR_r = (target/y_0)^(1/(T−t0)) − 1,  R = s·d·CAGR_o/|CAGR_r|.
 * The arithmetic is in the comment next to each expectation.
 */
const progress = (indicator: Indicator | string, points: [number, PointValue][], unitId?: string): ProgressResult =>
  assessProgress(typeof indicator === 'string' ? seeded(indicator) : indicator, points.map(([year, value]) => ({ year, value })), {
    defaults: DEFAULTS,
    ...(unitId === undefined ? {} : { unitId }),
  });
const codes = (result: ProgressResult) => result.messages.map((message) => message.code);
const message = (result: ProgressResult, code: string) => {
  const found = result.messages.find((entry) => entry.code === code);
  if (!found) throw new Error(`no ${code} message: ${codes(result).join(', ')}`);
  return found;
};

describe('婴儿死亡率 C-HEA-04: ≤3.5‰ by 2030, lower is better, from the plan\'s 5.94‰ of 2020', () => {
  const infant = seeded('C-HEA-04');

  test('the catalog states what the tests assume', () => {
    expect(infant.name).toBe('婴儿死亡率');
    expect(infant.unit).toBe('‰');
    expect(infant.target).toEqual({ kind: 'max', value: 3.5 });
    expect(infant.targetYear).toBe(2030);
    expect(infant.baseline.map(({ year, value }) => [year, value])).toEqual([
      [2010, 12.41],
      [2020, 5.94],
    ]);
  });

  test('on track: 5.94‰ (2020, the plan\'s baseline, added) → 5.0‰ (2023)', () => {
    const result = progress(infant, [[2023, 5.0]]);
    expect(result.addedBaselines).toEqual([2020]);
    // the 2010 baseline precedes the base year: not added
    expect(result.series.map((point) => [point.year, point.value, point.source])).toEqual([
      [2020, 5.94, 'baseline'],
      [2023, 5, 'observed'],
    ]);
    expect(result).toMatchObject({ status: 'onTrack', method: 'target', direction: -1, baseYear: 2020, baseValue: 5.94, latestYear: 2023, targetYear: 2030, targetValue: 3.5 });
    // CAGR_o = (5/5.94)^(1/3) − 1 = 0.841751^(1/3) − 1 = −0.055806
    expect(result.cagr).toBeCloseTo(-0.055806, 6);
    // CAGR_r = (3.5/5.94)^(1/10) − 1 = 0.589226^(0.1) − 1 = −0.051520
    expect(result.requiredCagr).toBeCloseTo(-0.05152, 6);
    // R = −1 · (−0.055806) / 0.051520 = 1.0832 ≥ 0.95
    expect(result.ratio).toBeCloseTo(1.0832, 4);
    // projected 2030 = 5 · (1 − 0.055806)^7 = 3.345 → 3.35; gap = d·(3.5 − 3.35) = −1·0.15 = −0.15 (passes it)
    expect(result.projected).toBe(3.35);
    expect(result.gap).toBe(-0.15);
    expect(result.projectedAchieves).toBe(true);
    expect(message(result, 'progress.status.onTrack').zh).toBe('进展状态：进展顺利（R=1.08）');
    expect(message(result, 'progress.baselinesAdded').zh).toContain('2020年5.94‰');
    // 5 − 5.94 = −0.94 个千分点; relative 0.94/5.94 = 15.8%
    expect(message(result, 'progress.change').zh).toBe('2023年为5‰，比2020年的5.94‰下降0.94个千分点（相对下降15.8%）');
    expect(message(result, 'progress.change').en).toBe('It was 5‰ in 2023, down 0.94 per-mille points on 5.94‰ in 2020 (a relative fall of 15.8%)');
    expect(message(result, 'progress.rates').zh).toContain('2020—2023年年均变化率为-5.58%；2030年实现目标所需年均变化率为-5.15%；R=1.08');
    expect(message(result, 'progress.projection').zh).toBe('按2020—2023年的年均变化率推算，2030年约为3.35‰，可实现目标');
    expectBilingual(result.messages);
  });

  test('needs acceleration: 5.94‰ → 5.3‰ (2023)', () => {
    const result = progress(infant, [[2023, 5.3]]);
    // CAGR_o = (5.3/5.94)^(1/3) − 1 = 0.892256^(1/3) − 1 = −0.037288; R = 0.037288/0.051520 = 0.7238
    expect(result.cagr).toBeCloseTo(-0.037288, 6);
    expect(result.ratio).toBeCloseTo(0.7238, 4);
    expect(result.status).toBe('needsAcceleration');
    // projected = 5.3 · (1 − 0.037288)^7 = 4.062 → 4.06; gap = 4.06 − 3.5 = 0.56 short
    expect(result.projected).toBe(4.06);
    expect(result.gap).toBe(0.56);
    expect(result.projectedAchieves).toBe(false);
    expect(message(result, 'progress.projection').zh).toBe('按2020—2023年的年均变化率推算，2030年约为4.06‰，距目标尚差0.56个千分点');
  });

  test('around R = 0.95: 5.1‰ is on track, 5.12‰ is not', () => {
    // 5.1: CAGR_o = (5.1/5.94)^(1/3) − 1 = −0.049553; R = 0.049553/0.051520 = 0.9618 ≥ 0.95
    expect(progress(infant, [[2023, 5.1]]).ratio).toBeCloseTo(0.9618, 4);
    expect(progress(infant, [[2023, 5.1]]).status).toBe('onTrack');
    // 5.12: CAGR_o = (5.12/5.94)^(1/3) − 1 = −0.048312; R = 0.048312/0.051520 = 0.9377 < 0.95
    expect(progress(infant, [[2023, 5.12]]).ratio).toBeCloseTo(0.9377, 4);
    expect(progress(infant, [[2023, 5.12]]).status).toBe('needsAcceleration');
  });

  test('close to the lower bound of needsAcceleration, and just under it (limited)', () => {
    // 5.4: CAGR_o = (5.4/5.94)^(1/3) − 1 = −0.031271; R = 0.031271/0.051520 = 0.6070 ≥ 0.6
    expect(progress(infant, [[2023, 5.4]]).ratio).toBeCloseTo(0.607, 3);
    expect(progress(infant, [[2023, 5.4]]).status).toBe('needsAcceleration');
    // 5.5: CAGR_o = (5.5/5.94)^(1/3) − 1 = −0.025327; R = 0.025327/0.051520 = 0.4916 < 0.6
    const limited = progress(infant, [[2023, 5.5]]);
    expect(limited.ratio).toBeCloseTo(0.4916, 4);
    expect(limited.status).toBe('limited');
  });

  test('regressing: 5.94‰ → 6.2‰ (2023)', () => {
    const result = progress(infant, [[2023, 6.2]]);
    // CAGR_o = (6.2/5.94)^(1/3) − 1 = +0.014382; R = −1 · 0.014382/0.051520 = −0.2792 < 0
    expect(result.cagr).toBeCloseTo(0.014382, 6);
    expect(result.ratio).toBeCloseTo(-0.2792, 4);
    expect(result.status).toBe('regressing');
    // 6.2 − 5.94 = 0.26 个千分点 up; 0.26/5.94 = 4.4%
    expect(message(result, 'progress.change').zh).toBe('2023年为6.2‰，比2020年的5.94‰上升0.26个千分点（相对上升4.4%）');
    expect(message(result, 'progress.status.regressing').zh).toBe('进展状态：出现倒退（R=-0.28）');
  });

  test('achieved: the latest value meets ≤3.5‰, boundary included; 3.51‰ does not', () => {
    const result = progress(infant, [[2024, 3.5]]);
    expect(result.status).toBe('achieved');
    expect(result.ratio).toBeNull();
    expect(message(result, 'progress.status.achieved').zh).toBe('进展状态：已达标：2024年为3.5‰，已达到2030年≤3.5‰的目标');
    expect(progress(infant, [[2024, 3.51]]).status).not.toBe('achieved');
    // achievement is checked first: a single point below the ceiling is achieved (Open SDG does the same)
    expect(progress(infant, [[2030, 3]], 'gasa').status).toBe('achieved');
  });

  test('the series\' own 2020 value is used instead of the plan\'s baseline, and the difference is said', () => {
    const result = progress(infant, [
      [2020, 6],
      [2023, 5],
    ]);
    expect(result.addedBaselines).toEqual([]);
    expect(result.baseValue).toBe(6);
    // CAGR_o = (5/6)^(1/3) − 1 = −0.058964
    expect(result.cagr).toBeCloseTo(-0.058964, 6);
    expect(message(result, 'progress.baselineDiffers').zh).toBe('序列给出的2020年值6‰与规划基期值5.94‰不同，按序列计算');
  });

  test('points before the base year 2020 are not used', () => {
    const result = progress(infant, [
      [2015, 9],
      [2023, 5],
    ]);
    expect(result.ignoredYears).toEqual([2015]);
    expect(result.baseYear).toBe(2020);
    expect(result.series.find((point) => point.year === 2015)?.used).toBe(false);
    expect(message(result, 'progress.ignoredYears').zh).toBe('2015年的值早于基期2020年，不参与计算');
  });

  test('when the target year has come: no projection, R as Open SDG computes it, and a note', () => {
    const result = progress(infant, [[2030, 4]]);
    // CAGR_o = (4/5.94)^(1/10) − 1 = −0.038770; R = 0.038770/0.051520 = 0.7525
    expect(result.targetYear).toBe(2030);
    expect(result.ratio).toBeCloseTo(0.7525, 4);
    expect(result.status).toBe('needsAcceleration');
    expect(result.projected).toBeNull();
    expect(codes(result)).toContain('progress.deadline');
  });

  test('a unit\'s series gets no county baselines', () => {
    const result = progress(infant, [[2023, 5]], 'gasa');
    expect(result.addedBaselines).toEqual([]);
    expect(result).toMatchObject({ status: 'insufficientData', reason: 'onePoint', unitId: 'gasa' });
    expect(codes(result)).toContain('progress.unitBaselines');
  });
});

describe('the governing target: the next milestone not yet past, else the final target', () => {
  const toilets = seeded('C-ENV-09'); // 农村卫生厕所普及率: ≥70% by 2025, 基本普及 (qualitative) by 2030

  test('the catalog states what the tests assume', () => {
    expect(toilets.milestones.map((milestone) => [milestone.year, milestone.target])).toEqual([[2025, { kind: 'min', value: 70 }]]);
    expect(toilets.target.kind).toBe('qualitative');
  });

  test('before 2025 the 2025 milestone ≥70% governs', () => {
    const result = progress(toilets, [
      [2020, 50],
      [2024, 65],
    ]);
    expect(result.target).toMatchObject({ year: 2025, role: 'milestone' });
    expect(result).toMatchObject({ targetYear: 2025, targetValue: 70, direction: 1 });
    // CAGR_o = (65/50)^(1/4) − 1 = 1.3^0.25 − 1 = 0.067790; CAGR_r = (70/50)^(1/5) − 1 = 1.4^0.2 − 1 = 0.069610
    expect(result.cagr).toBeCloseTo(0.06779, 5);
    expect(result.requiredCagr).toBeCloseTo(0.06961, 5);
    // R = 0.067790/0.069610 = 0.9738 ≥ 0.95: on track, although the projection 65·1.067790 = 69.41 stays 0.59 short
    expect(result.ratio).toBeCloseTo(0.9738, 4);
    expect(result.status).toBe('onTrack');
    expect(result.projected).toBe(69.41);
    expect(result.gap).toBe(0.59);
    // 65 − 50 = 15 个百分点; 15/50 = 30%
    expect(message(result, 'progress.change').zh).toBe('2024年为65%，比2020年的50%上升15个百分点（相对上升30%）');
    expect(message(result, 'progress.target').zh).toBe('适用目标：2025年阶段目标≥70%');
  });

  test('from 2025 on (the 2025 value in hand) the final target governs: 基本普及 is qualitative → notAssessable', () => {
    for (const latest of [2025, 2026]) {
      const result = progress(toilets, [
        [2020, 50],
        [latest, 72],
      ]);
      expect(result.target).toMatchObject({ year: 2030, role: 'final' });
      expect(result).toMatchObject({ status: 'notAssessable', reason: 'qualitative', method: 'none', direction: null, ratio: null });
    }
    expect(message(progress(toilets, [[2026, 72]]), 'progress.status.notAssessable').zh).toBe(
      '进展状态：无法评估：2030年的目标为定性目标“基本普及”，规划未给出可计算的数值',
    );
  });

  test('a target due every year governs the year after the latest (W-SOC-03 保持95%以上)', () => {
    const insured = seeded('W-SOC-03');
    expect(insured.everyYear).toBe(true);
    expect(governingTarget(insured, 2023)).toMatchObject({ year: 2024, role: 'final', recurring: true });
    expect(governingTarget(insured, 2030)).toMatchObject({ year: 2030 });
    const result = progress(insured, [
      [2020, 90],
      [2023, 93],
    ]);
    // CAGR_o = (93/90)^(1/3) − 1 = 0.010990; CAGR_r = (95/90)^(1/4) − 1 = 0.013609; R = 0.8076
    expect(result.ratio).toBeCloseTo(0.8076, 4);
    expect(result.status).toBe('needsAcceleration');
    // projected 2024 = 93 · 1.010990 = 94.02
    expect(result.projected).toBe(94.02);
  });
});

describe('reduction from the 2020 base (C-SAF-01 儿童意外伤害死亡率: 以2020年为基数下降20%)', () => {
  const injuries = seeded('C-SAF-01');

  test('the target is base × 80%, the base being the series\' 2020 value', () => {
    expect(injuries.target).toEqual({ kind: 'reduction', percent: 20, baseYear: 2020 });
    const result = progress(injuries, [
      [2020, 6],
      [2023, 5.5],
    ]);
    // target = 6 × (100 − 20)/100 = 4.8
    expect(result).toMatchObject({ targetValue: 4.8, direction: -1, status: 'onTrack' });
    // CAGR_o = (5.5/6)^(1/3) − 1 = −0.028587; CAGR_r = (4.8/6)^(1/10) − 1 = 0.8^0.1 − 1 = −0.022067; R = 1.2955
    expect(result.cagr).toBeCloseTo(-0.028587, 6);
    expect(result.requiredCagr).toBeCloseTo(-0.022067, 6);
    expect(result.ratio).toBeCloseTo(1.2955, 4);
    // projected = 5.5 · (1 − 0.028587)^7 = 4.489 → 4.49
    expect(result.projected).toBe(4.49);
    expect(message(result, 'progress.target').zh).toBe('适用目标：2030年目标以2020年为基数下降20%（≤基期值×80%）；2020年基期值6/10万×80%，即≤4.8/10万');
  });

  test('achieved at exactly base × 80%, not a hair above', () => {
    expect(progress(injuries, [[2020, 6], [2025, 4.8]]).status).toBe('achieved');
    expect(progress(injuries, [[2020, 6], [2025, 4.81]]).status).not.toBe('achieved');
  });

  test('the boundary is exact decimal arithmetic: 0.56 meets 0.7 × 80% (binary floating point makes it 0.5599999999999999)', () => {
    const small = testIndicator({ unit: '1/10万', target: { kind: 'reduction', percent: 20, baseYear: 2020 } });
    expect(0.7 * 0.8).toBeLessThan(0.56); // the trap
    expect(progress(small, [[2020, 0.7], [2024, 0.56]]).status).toBe('achieved');
    // 0.29 × (100 − 30)/100 = 0.203; in floating point 0.29 × 70 = 20.299999999999997 and 0.29 × 0.7 = 0.20299999999999999
    const deeper = testIndicator({ unit: '1/10万', target: { kind: 'reduction', percent: 30, baseYear: 2020 } });
    expect(0.29 * 70).toBeLessThan(20.3);
    expect(progress(deeper, [[2020, 0.29], [2024, 0.203]]).status).toBe('achieved');
    expect(progress(deeper, [[2020, 0.29], [2024, 0.2031]]).status).not.toBe('achieved');
  });

  test('the base falls back to the plan\'s baseline of the base year; with neither, notAssessable', () => {
    const stated = testIndicator({
      unit: '1/10万',
      target: { kind: 'reduction', percent: 50, baseYear: 2020 },
      baseline: [{ year: 2020, value: 10, quote: '测试目标' }],
    });
    // base 10 (the plan's 2020 value, added to the series) → target 10 × 50% = 5
    expect(progress(stated, [[2023, 8]])).toMatchObject({ targetValue: 5, baseValue: 10, addedBaselines: [2020] });
    const missing = progress(injuries, [[2022, 5], [2023, 4.9]]);
    expect(missing).toMatchObject({ status: 'notAssessable', reason: 'missingBase' });
    expect(missing.messages[0]?.zh).toContain('序列中没有2020年的值');
  });
});

describe('zeros and sign changes (sdg-build replaces a zero base or target by 0.001)', () => {
  const floor10 = testIndicator({ target: { kind: 'min', value: 10 } });

  test('a zero base value: 0.001 stands in for it in the rates', () => {
    const result = progress(floor10, [[2020, 0], [2022, 2]]);
    expect(result.replacedZeros).toEqual(['base']);
    // CAGR_o = (2/0.001)^(1/2) − 1 = √2000 − 1 = 43.7214; CAGR_r = (10/0.001)^(1/10) − 1 = 10^0.4 − 1 = 1.511886
    expect(result.cagr).toBeCloseTo(43.7214, 4);
    expect(result.requiredCagr).toBeCloseTo(1.511886, 6);
    // R = 43.7214/1.511886 = 28.918
    expect(result.ratio).toBeCloseTo(28.918, 3);
    expect(result.status).toBe('onTrack');
    // projected from the latest value, not the 0.001: 2 · 44.72^8 ≫ 100 → clamped to 100%; gap = 10 − 100 = −90
    expect(result.projected).toBe(100);
    expect(result.gap).toBe(-90);
    expect(message(result, 'progress.zeroReplaced').zh).toContain('以0.001代替');
    // the relative change from zero is not stated
    expect(message(result, 'progress.change').zh).toBe('2022年为2%，比2020年的0%上升2个百分点');
  });

  test('a series staying at zero did not move: CAGR_o = 0, R = 0 → limited (not the −100% the 0.001 would make)', () => {
    const result = progress(floor10, [[2020, 0], [2023, 0]]);
    expect(result.cagr).toBe(0);
    expect(result.ratio).toBe(0);
    expect(result.status).toBe('limited');
  });

  test('a zero target: 0.001 in the rates, the real 0 for achievement', () => {
    const zero = testIndicator({ unit: '1/10万', target: { kind: 'max', value: 0 } });
    const result = progress(zero, [[2020, 4], [2023, 2]]);
    expect(result.replacedZeros).toEqual(['target']);
    expect(result.targetValue).toBe(0);
    // CAGR_o = (2/4)^(1/3) − 1 = −0.206299; CAGR_r = (0.001/4)^(1/10) − 1 = 0.00025^0.1 − 1 = −0.563691; R = 0.3660
    expect(result.cagr).toBeCloseTo(-0.206299, 6);
    expect(result.requiredCagr).toBeCloseTo(-0.563691, 6);
    expect(result.ratio).toBeCloseTo(0.366, 3);
    expect(result.status).toBe('limited');
    // 0.0005 is below sdg-build's 0.001 but not ≤ 0: not achieved; 0 is
    expect(progress(zero, [[2020, 4], [2023, 0.0005]]).status).not.toBe('achieved');
    expect(progress(zero, [[2020, 4], [2023, 0]]).status).toBe('achieved');
  });

  test('a value reaching zero: a fall of 100% (CAGR_o = −1)', () => {
    const coverage = testIndicator({ target: { kind: 'min', value: 90 } });
    const result = progress(coverage, [[2020, 5], [2023, 0]]);
    // CAGR_r = (90/5)^(1/10) − 1 = 18^0.1 − 1 = 0.335141; R = −1/0.335141 = −2.9838
    expect(result.cagr).toBe(-1);
    expect(result.ratio).toBeCloseTo(-2.9838, 4);
    expect(result.status).toBe('regressing');
    expect(result.projected).toBe(0);
    // lower is better: reaching zero meets the ceiling
    expect(progress('C-HEA-04', [[2023, 0]]).status).toBe('achieved');
  });

  test('a negative series (百分点): s = −1 keeps the direction right', () => {
    const gap = testIndicator({ unit: '百分点', target: { kind: 'min', value: -1 } });
    const result = progress(gap, [[2020, -4], [2023, -2]]);
    // CAGR_o = (−2/−4)^(1/3) − 1 = −0.206299; CAGR_r = (−1/−4)^(1/10) − 1 = 0.25^0.1 − 1 = −0.129449
    // R = s·d·CAGR_o/|CAGR_r| = (−1)(+1)(−0.206299)/0.129449 = 1.5937
    expect(result.ratio).toBeCloseTo(1.5937, 4);
    expect(result.status).toBe('onTrack');
    // projected = −2 · 0.793701^7 = −0.397 → −0.4; gap = d·(−1 − (−0.4)) = −0.6 (passes it)
    expect(result.projected).toBe(-0.4);
    expect(result.gap).toBe(-0.6);
  });

  test('a sign change between base and latest value, or base and target: notAssessable', () => {
    const gap = testIndicator({ unit: '百分点', target: { kind: 'min', value: 2 } });
    expect(progress(gap, [[2020, -1], [2023, 1]])).toMatchObject({ status: 'notAssessable', reason: 'signChange', ratio: null });
    expect(progress(gap, [[2020, -3], [2023, -1]])).toMatchObject({ status: 'notAssessable', reason: 'signChange' });
  });

  test('the base value is the target but the latest value moved away: R undefined, regressing', () => {
    const strict = testIndicator({ target: { kind: 'min', value: 50, strict: true } });
    const away = progress(strict, [[2020, 50], [2023, 48]]);
    expect(away.requiredCagr).toBe(0);
    expect(away).toMatchObject({ ratio: null, status: 'regressing' });
    // standing on a strict target (高于50%) is not meeting it, and not moving: limited
    expect(progress(strict, [[2020, 50], [2023, 50]])).toMatchObject({ ratio: null, status: 'limited' });
  });
});

describe('insufficient data and what cannot be assessed', () => {
  test('no point from 2020 on, and a single point', () => {
    const plain = seeded('C-HEA-03'); // 新生儿死亡率 ≤2‰, no stated baseline
    expect(progress(plain, [])).toMatchObject({ status: 'insufficientData', reason: 'noData', baseYear: null });
    expect(progress(plain, [[2019, 3]])).toMatchObject({ status: 'insufficientData', reason: 'noData', ignoredYears: [2019] });
    const one = progress(plain, [[2023, 3]]);
    expect(one).toMatchObject({ status: 'insufficientData', reason: 'onePoint', cagr: null, projected: null });
    expect(one.messages[0]?.zh).toBe('进展状态：数据不足：只有2023年一个数据点，至少需要两个年份的数据');
    // the plan's baseline is the second point
    expect(progress('C-HEA-04', [[2023, 5]]).status).toBe('onTrack');
  });

  test('qualitative, yes/no and relative targets are not assessable', () => {
    expect(progress('W-HEA-13', [])).toMatchObject({ status: 'notAssessable', reason: 'qualitative' });
    expect(progress('C-HEA-39', [])).toMatchObject({ status: 'notAssessable', reason: 'yesNo' });
    const relative = progress('W-DEC-03', [[2020, 25], [2023, 28]]);
    expect(relative).toMatchObject({ status: 'notAssessable', reason: 'relative', cagr: null });
    expect(relative.messages[0]?.zh).toContain('本地区党员总数中女性比例');
  });

  test('a count is achieved or not assessable (C-HEA-10 至少1个)', () => {
    const count = seeded('C-HEA-10');
    expect(count.target).toEqual({ kind: 'count', value: 1 });
    expect(progress(count, [[2020, 0], [2023, 1]]).status).toBe('achieved');
    expect(progress(count, [[2020, 0], [2023, 0]])).toMatchObject({ status: 'notAssessable', reason: 'count', cagr: null });
    expect(progress(count, [])).toMatchObject({ status: 'insufficientData', reason: 'noData' });
  });

  test('a target year before the series begins: notAssessable unless achieved', () => {
    const early = testIndicator({ target: { kind: 'min', value: 50 }, targetYear: 2025 });
    expect(progress(early, [[2026, 10], [2027, 20]])).toMatchObject({ status: 'notAssessable', reason: 'targetNotAfterBase' });
    expect(progress(early, [[2026, 10], [2027, 50]]).status).toBe('achieved');
  });
});

describe('approx, ratio and trend targets', () => {
  test('保持在50%左右 (W-DEC-23, ±1): Open SDG\'s Goldilocks transform 50 + |y − 50|, lower is better, to ≤51', () => {
    const committee = seeded('W-DEC-23');
    const result = progress(committee, [[2020, 40], [2023, 46]]);
    // measure: 2020 → 50 + |40 − 50| = 60; 2023 → 50 + |46 − 50| = 54; target 50 + 1 = 51; due every year → T = 2024
    expect(result).toMatchObject({ measure: 'reflected', direction: -1, baseValue: 60, latestValue: 54, targetValue: 51, targetYear: 2024 });
    // CAGR_o = (54/60)^(1/3) − 1 = −0.034511; CAGR_r = (51/60)^(1/4) − 1 = 0.85^0.25 − 1 = −0.039815; R = 0.8668
    expect(result.ratio).toBeCloseTo(0.8668, 4);
    expect(result.status).toBe('needsAcceleration');
    // projected 2024 = 54 · (1 − 0.034511) = 52.14; gap = −1 · (51 − 52.14) = 1.14
    expect(result.projected).toBe(52.14);
    expect(result.gap).toBe(1.14);
    // overshooting is as bad as falling short: 60% is as far as 40%
    expect(progress(committee, [[2020, 60], [2023, 54]]).ratio).toBeCloseTo(0.8668, 4);
    // within 49–51 is achieved, from either side; 51.01 is not
    for (const value of [49, 51, 50]) expect(progress(committee, [[2023, value]]).status).toBe('achieved');
    expect(progress(committee, [[2023, 51.01]]).status).not.toBe('achieved');
  });

  test('达到40.5%左右 (W-ECO-04, atLeast): a floor at 40.5 − 1 = 39.5', () => {
    const result = progress('W-ECO-04', [[2020, 30], [2023, 39.5]]);
    expect(result).toMatchObject({ status: 'achieved', measure: 'value', targetValue: 39.5, direction: 1 });
    expect(progress('W-ECO-04', [[2020, 30], [2023, 39.4]]).status).not.toBe('achieved');
  });

  test('男女厕位2:3 (W-ENV-09): the women\'s share against 3/5 = 60%', () => {
    const stalls = seeded('W-ENV-09');
    const result = progress(stalls, [[2020, { left: 1, right: 1 }], [2024, { left: 2, right: 2.9 }]]);
    // share 2020 = 1/2 = 50%; 2024 = 2.9/4.9 = 59.1837%
    expect(result).toMatchObject({ measure: 'share', baseValue: 50, targetValue: 60, direction: 1 });
    expect(result.latestValue).toBeCloseTo(59.1837, 4);
    // CAGR_o = (59.1837/50)^(1/4) − 1 = 0.043057; CAGR_r = (60/50)^(1/10) − 1 = 1.2^0.1 − 1 = 0.018399; R = 2.3401
    expect(result.ratio).toBeCloseTo(2.3401, 4);
    expect(result.status).toBe('onTrack');
    expect(message(result, 'progress.change').zh).toBe('女所占比例2024年为59.18%，比2020年的50%上升9.18个百分点（相对上升18.4%）');
    // exactly 2:3 is achieved (cross-multiplication, no division); 2:2.99 is not
    expect(progress(stalls, [[2024, { left: 2, right: 3 }]]).status).toBe('achieved');
    expect(progress(stalls, [[2024, { left: 0.2, right: 0.3 }]]).status).toBe('achieved');
    expect(progress(stalls, [[2024, { left: 2, right: 2.99 }]]).status).not.toBe('achieved');
  });

  test('逐步提高 (W-HEA-07): Open SDG without a numeric target, thresholds scaled near 100%; never "achieved"', () => {
    const screening = seeded('W-HEA-07');
    expect(screening.target.kind).toBe('increase');
    const result = progress(screening, [[2020, 50], [2022, 52], [2023, 51]]);
    // C = 1 − (50/100)^4.44 = 1 − 0.046071 = 0.953929; thresholds 1.5%·C = 1.4309%, 0.5%·C = 0.4770%
    expect(result.thresholds?.onTrack).toBeCloseTo(0.014309, 6);
    expect(result.thresholds?.needsAcceleration).toBeCloseTo(0.00477, 6);
    // P = (51/50)^(1/3) − 1 = 0.006623: between them
    expect(result.cagr).toBeCloseTo(0.006623, 6);
    expect(result).toMatchObject({ method: 'trend', status: 'needsAcceleration', ratio: null, requiredCagr: null, targetValue: null, gap: null });
    // the last change went down: reported, the plan's yearly requirement missed
    expect(result.lastChange).toEqual({ fromYear: 2022, toYear: 2023, change: -1, meetsPlan: false });
    expect(message(result, 'progress.lastChange').zh).toBe('最近一次变化（2022→2023年）下降1个百分点，不符合“较上年提高”的要求');
    // a rise every year is still a rate: 50 → 55 in 3 years, (1.1)^(1/3) − 1 = 3.23% ≥ 1.4309%: on track, not achieved
    expect(progress(screening, [[2020, 50], [2023, 55]]).status).toBe('onTrack');
    // falling: regressing
    expect(progress(screening, [[2020, 50], [2023, 49]]).status).toBe('regressing');
  });

  test('持续下降 (C-SAF-02): lower is better, no scaling toward the floor', () => {
    const drowning = progress('C-SAF-02', [[2020, 10], [2023, 9]]);
    // P = −1 · ((9/10)^(1/3) − 1) = 0.034511 ≥ 1.5%
    expect(drowning.cagr).toBeCloseTo(-0.034511, 6);
    expect(drowning.thresholds).toEqual({ onTrack: 0.015, needsAcceleration: 0.005 });
    expect(drowning).toMatchObject({ status: 'onTrack', direction: -1 });
  });

  test('不低于上年 (C-WEL-15): holding the level is on track, any fall regresses', () => {
    expect(progress('C-WEL-15', [[2020, 98], [2023, 98]])).toMatchObject({ status: 'onTrack', thresholds: { onTrack: 0, needsAcceleration: 0 } });
    expect(progress('C-WEL-15', [[2020, 98], [2023, 97.9]]).status).toBe('regressing');
  });

  test('the scaling factor: 1 far from the limit, 0 at it (sdg-build)', () => {
    expect(limitScaling(0, 100)).toBe(1);
    // 1 − 0.98^4.44 = 1 − 0.914205 = 0.085795
    expect(limitScaling(98, 100)).toBeCloseTo(0.085795, 6);
    expect(limitScaling(100, 100)).toBe(0);
    expect(limitScaling(5, undefined)).toBe(1);
    // a rate held at 100% is on track with every threshold 0
    expect(progress('W-HEA-07', [[2020, 100], [2023, 100]]).status).toBe('onTrack');
  });
});

describe('the series', () => {
  test('duplicate years and values of the wrong kind are refused', () => {
    expect(() => progress('C-HEA-04', [[2023, 5], [2023, 4]])).toThrow(ProgressInputError);
    expect(() => progress('C-HEA-04', [[2023, Number.NaN]])).toThrow(ProgressInputError);
    expect(() => progress('C-HEA-04', [[2023, { left: 1, right: 2 }]])).toThrow(ProgressInputError);
    expect(() => progress('W-ENV-09', [[2023, 0.6]])).toThrow(ProgressInputError);
  });

  test('baselines are added only for missing years from 2020 on, sorted, and only to a county series', () => {
    const infant = seeded('C-HEA-04');
    expect(seriesWithBaselines(infant, [{ year: 2024, value: 4 }, { year: 2021, value: 5.5 }]).points.map((point) => [point.year, point.source])).toEqual([
      [2020, 'baseline'],
      [2021, 'observed'],
      [2024, 'observed'],
    ]);
    expect(seriesWithBaselines(infant, [{ year: 2024, value: 4 }], 'gasa').added).toEqual([]);
  });

  test('every status has a name in both languages, and every message is bilingual', () => {
    expect(Object.keys(PROGRESS_STATUS_TEXT).sort()).toEqual(['achieved', 'insufficientData', 'limited', 'needsAcceleration', 'notAssessable', 'onTrack', 'regressing']);
    const results = [
      progress('C-HEA-04', [[2023, 5]]),
      progress('C-HEA-04', [[2023, 6.2]], 'gasa'),
      progress('W-ENV-09', [[2020, { left: 1, right: 1 }], [2024, { left: 2, right: 2.9 }]]),
      progress('W-DEC-23', [[2020, 40], [2023, 46]]),
      progress('W-HEA-07', [[2020, 50], [2022, 52], [2023, 51]]),
      progress('C-HEA-10', [[2023, 0]]),
      progress('C-SAF-01', [[2022, 5], [2023, 4]]),
      progress('W-HEA-13', []),
      progress(testIndicator({ target: { kind: 'min', value: 10 } }), [[2020, 0], [2022, 2]]),
    ];
    for (const result of results) {
      expectBilingual(result.messages);
      expect(result.messages[0]?.code).toBe(`progress.status.${result.status}`);
    }
  });
});
