import fc from 'fast-check';
import { inputsNeeded, previousKind, targetsForYear, type TargetCheck, isRecurring } from '../../../src/core/assess/targets-for-year';
import { seedCatalog } from '../../../src/seed-catalog';
import { seeded, testIndicator } from './fixtures';

/** "2025 due min 70" per check, to compare whole lists at once. */
const brief = (checks: readonly TargetCheck[]): string[] =>
  checks.map((c) => `${c.year} ${c.role} ${c.target.kind}${'value' in c.target && typeof c.target.value === 'number' ? ` ${c.target.value}` : ''}`);

describe('C-ENV-09 农村卫生厕所: milestone 2025 ≥70, final 2030 基本普及 (qualitative)', () => {
  const toilets = seeded('C-ENV-09');
  test('before the milestone year only the milestone is upcoming', () => {
    expect(brief(targetsForYear(toilets, 2021))).toEqual(['2025 upcoming min 70']);
    expect(brief(targetsForYear(toilets, 2023))).toEqual(['2025 upcoming min 70']);
    expect(brief(targetsForYear(toilets, 2024))).toEqual(['2025 upcoming min 70']);
  });
  test('in the milestone year it is due, and the final target is upcoming', () => {
    expect(brief(targetsForYear(toilets, 2025))).toEqual(['2025 due min 70', '2030 upcoming qualitative']);
  });
  test('after the milestone year the milestone still binds', () => {
    expect(brief(targetsForYear(toilets, 2027))).toEqual(['2025 due min 70', '2030 upcoming qualitative']);
    expect(brief(targetsForYear(toilets, 2030))).toEqual(['2025 due min 70', '2030 due qualitative']);
  });
});

describe('a final target year before 2030 (C-HEA-25 中医药门诊, achieved by 2025)', () => {
  const tcm = seeded('C-HEA-25');
  test('upcoming before 2025, due in and after 2025', () => {
    expect(tcm.targetYear).toBe(2025);
    expect(brief(targetsForYear(tcm, 2024))).toEqual(['2025 upcoming achieved']);
    expect(brief(targetsForYear(tcm, 2025))).toEqual(['2025 due achieved']);
    expect(brief(targetsForYear(tcm, 2026))).toEqual(['2025 due achieved']);
    expect(brief(targetsForYear(tcm, 2030))).toEqual(['2025 due achieved']);
  });
});

describe('everyYear (保持/稳定/每年): due in the reporting year itself', () => {
  test('W-ECO-02 45%左右 and C-HEA-09 ≥90% are due every year', () => {
    for (const id of ['W-ECO-02', 'C-HEA-09']) {
      const indicator = seeded(id);
      expect(indicator.everyYear).toBe(true);
      for (let year = 2021; year <= 2030; year += 1) {
        const checks = targetsForYear(indicator, year);
        expect(checks).toEqual([{ year, role: 'due', target: indicator.target }]);
      }
    }
  });
  test('a yearly target ending before 2030 keeps binding at its target year', () => {
    const yearly = testIndicator({ target: { kind: 'min', value: 80 }, targetYear: 2025, everyYear: true });
    expect(brief(targetsForYear(yearly, 2023))).toEqual(['2023 due min 80']);
    expect(brief(targetsForYear(yearly, 2027))).toEqual(['2025 due min 80']);
  });
  test('a target that is not yearly is upcoming until its year (C-HEA-04)', () => {
    const infant = seeded('C-HEA-04');
    expect(brief(targetsForYear(infant, 2023))).toEqual(['2030 upcoming max 3.5']);
    expect(brief(targetsForYear(infant, 2029))).toEqual(['2030 upcoming max 3.5']);
    expect(brief(targetsForYear(infant, 2030))).toEqual(['2030 due max 3.5']);
  });
});

test('several milestones: every due one (oldest first), then only the next upcoming one', () => {
  const staged = testIndicator({
    target: { kind: 'min', value: 90 },
    milestones: [
      { year: 2023, target: { kind: 'min', value: 60 }, sourceIndex: 0 },
      { year: 2025, target: { kind: 'min', value: 75 }, sourceIndex: 0 },
    ],
  });
  expect(brief(targetsForYear(staged, 2022))).toEqual(['2023 upcoming min 60']);
  expect(brief(targetsForYear(staged, 2023))).toEqual(['2023 due min 60', '2025 upcoming min 75']);
  expect(brief(targetsForYear(staged, 2024))).toEqual(['2023 due min 60', '2025 upcoming min 75']);
  expect(brief(targetsForYear(staged, 2026))).toEqual(['2023 due min 60', '2025 due min 75', '2030 upcoming min 90']);
  expect(brief(targetsForYear(staged, 2030))).toEqual(['2023 due min 60', '2025 due min 75', '2030 due min 90']);
});

test('for every catalog indicator and year: due targets are not later than the year, one upcoming at most, the nearest', () => {
  const indicators = [...seedCatalog().indicators.values()];
  fc.assert(
    fc.property(fc.constantFrom(...indicators), fc.integer({ min: 2021, max: 2030 }), (indicator, year) => {
      const checks = targetsForYear(indicator, year);
      const finalYear = isRecurring(indicator) ? Math.min(year, indicator.targetYear) : indicator.targetYear;
      const years = [...indicator.milestones.map((m) => m.year), finalYear];
      const due = checks.filter((c) => c.role === 'due');
      const upcoming = checks.filter((c) => c.role === 'upcoming');
      expect(due.map((c) => c.year)).toEqual(years.filter((y) => y <= year));
      expect(upcoming.length).toBeLessThanOrEqual(1);
      const later = years.filter((y) => y > year);
      expect(upcoming.map((c) => c.year)).toEqual(later.length > 0 ? [Math.min(...later)] : []);
      // the final target is always among the checks unless a milestone still lies ahead of it
      const finalPresent = checks.some((c) => c.target === indicator.target && c.year === finalYear);
      expect(finalPresent || upcoming.some((c) => c.year < finalYear)).toBe(true);
    }),
    { numRuns: 500 },
  );
});

test('targets that compare with the previous value recur every year; so do 保持/每年 targets', () => {
  expect(isRecurring(seeded('W-DEC-06'))).toBe(true); // 不低于上届
  expect(isRecurring(seeded('C-SAF-02'))).toBe(true); // 持续下降
  expect(isRecurring(seeded('C-HEA-26'))).toBe(true); // 保持在90％以上
  expect(isRecurring(seeded('C-HEA-04'))).toBe(false); // 降至3.5‰及以下 by 2030
  expect(brief(targetsForYear(seeded('C-SAF-02'), 2024))).toEqual(['2024 due decrease']);
});

describe('previousKind and inputsNeeded', () => {
  test('elected bodies compare with the previous term (W-DEC-06), others with the previous year', () => {
    expect(previousKind(seeded('W-DEC-06'))).toBe('previousTerm');
    expect(previousKind(seeded('W-DEC-04'))).toBe('previousTerm');
    expect(previousKind(seeded('W-HEA-07'))).toBe('previousYear');
    expect(previousKind(seeded('C-HEA-04'))).toBe('previousYear');
  });
  test('which inputs beside the value a target needs', () => {
    expect(inputsNeeded(seeded('C-SAF-01'))).toEqual({ previous: false, baseline: true, other: false });
    expect(inputsNeeded(seeded('W-DEC-03'))).toEqual({ previous: false, baseline: false, other: true });
    expect(inputsNeeded(seeded('W-DEC-06'))).toEqual({ previous: true, baseline: false, other: false });
    expect(inputsNeeded(seeded('C-WEL-15'))).toEqual({ previous: true, baseline: false, other: false });
    expect(inputsNeeded(seeded('C-HEA-04'))).toEqual({ previous: false, baseline: false, other: false });
  });
  test('a milestone that needs an input counts too', () => {
    const staged = testIndicator({
      target: { kind: 'min', value: 90 },
      milestones: [{ year: 2025, target: { kind: 'increase', compareTo: 'previousYear' }, sourceIndex: 0 }],
    });
    expect(inputsNeeded(staged).previous).toBe(true);
  });
});
