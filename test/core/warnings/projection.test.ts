import { targetsForYear, type TargetCheck } from '../../../src/core/assess/targets-for-year';
import { projectLinear, projectionWarning } from '../../../src/core/warnings/projection';
import { assess, codes, DEFAULTS, expectBilingual, messageWith, seeded, target, testIndicator } from '../assess/fixtures';

const upcoming = (year: number, input: unknown): TargetCheck => ({ year, role: 'upcoming', target: target(input) });

describe('projectLinear (least squares)', () => {
  test('two points: the straight line through them', () => {
    expect(projectLinear([{ year: 2020, value: 10 }, { year: 2022, value: 14 }], 2030)).toBeCloseTo(30, 10);
    expect(projectLinear([{ year: 2020, value: 7.6 }, { year: 2022, value: 7.4 }, { year: 2023, value: 7.3 }], 2030)).toBeCloseTo(6.6, 10);
  });
  test('three points not on a line: the least-squares fit', () => {
    // mean (2021, 3), slope Σdxdy/Σdx² = 5/2
    expect(projectLinear([{ year: 2020, value: 1 }, { year: 2021, value: 2 }, { year: 2022, value: 6 }], 2030)).toBeCloseTo(25.5, 10);
  });
  test('fewer than two distinct years: no projection', () => {
    expect(projectLinear([], 2030)).toBeUndefined();
    expect(projectLinear([{ year: 2023, value: 5 }], 2030)).toBeUndefined();
    expect(projectLinear([{ year: 2023, value: 5 }, { year: 2023, value: 6 }], 2030)).toBeUndefined();
  });
});

describe('projectionWarning', () => {
  const under5 = seeded('C-HEA-05'); // ≤5‰ by 2030
  const ceiling = upcoming(2030, { kind: 'max', value: 5 });

  test('a trend that misses the upcoming target warns, naming the years, the projection and the target', () => {
    const warning = projectionWarning(under5, ceiling, [{ year: 2020, value: 7.6 }, { year: 2022, value: 7.4 }, { year: 2023, value: 7.3 }], DEFAULTS);
    expect(warning).toMatchObject({ code: 'warning.projectedMiss', severity: 'warning', field: 'value' });
    expect(warning?.zh).toContain('2020—2023');
    expect(warning?.zh).toContain('预计2030年为6.6‰');
    expect(warning?.zh).toContain('≤5‰');
    expect(warning?.en).toContain('6.6‰');
    expectBilingual([warning!]);
  });

  test('a trend that reaches the target, or lands exactly on it, does not warn', () => {
    expect(projectionWarning(under5, ceiling, [{ year: 2020, value: 7.6 }, { year: 2022, value: 6.5 }, { year: 2023, value: 5.8 }], DEFAULTS)).toBeUndefined();
    expect(projectionWarning(under5, ceiling, [{ year: 2020, value: 7 }, { year: 2025, value: 6 }], DEFAULTS)).toBeUndefined();
    expect(projectionWarning(under5, ceiling, [{ year: 2020, value: 7 }, { year: 2025, value: 6.01 }], DEFAULTS)).toBeDefined();
  });

  test('the projection is clamped to the valid range', () => {
    // rising 10 points a year would project 140%: a rate cannot exceed 100%
    const share = testIndicator({ target: { kind: 'approx', value: 45, sides: 'both' } });
    const warning = projectionWarning(share, upcoming(2030, share.target), [{ year: 2020, value: 40 }, { year: 2021, value: 50 }, { year: 2022, value: 60 }], DEFAULTS);
    expect(warning?.zh).toContain('预计2030年为100%');
    // a falling rate projected below 0 is 0, which meets a ceiling
    expect(projectionWarning(under5, ceiling, [{ year: 2021, value: 4 }, { year: 2022, value: 2 }], DEFAULTS)).toBeUndefined();
  });

  test('min targets: a flat trend below the floor warns', () => {
    const floor = seeded('C-HEA-20');
    expect(projectionWarning(floor, upcoming(2028, floor.target), [{ year: 2022, value: 85 }, { year: 2023, value: 85 }], DEFAULTS)?.zh).toContain('85%');
    expect(projectionWarning(floor, upcoming(2028, floor.target), [{ year: 2022, value: 85 }, { year: 2023, value: 87 }], DEFAULTS)).toBeUndefined();
  });

  test('two observations are not stretched more than five years ahead; three are', () => {
    const floor = seeded('C-HEA-20');
    const flat = [{ year: 2022, value: 85 }, { year: 2023, value: 85 }];
    expect(projectionWarning(floor, upcoming(2028, floor.target), flat, DEFAULTS)).toBeDefined();
    expect(projectionWarning(floor, upcoming(2029, floor.target), flat, DEFAULTS)).toBeUndefined();
    expect(projectionWarning(floor, upcoming(2030, floor.target), [{ year: 2021, value: 85 }, ...flat], DEFAULTS)).toBeDefined();
  });

  test('nothing to project: no upcoming target, a kind without a number to reach, or a single year', () => {
    const falling = [{ year: 2022, value: 9 }, { year: 2023, value: 8 }];
    expect(projectionWarning(under5, undefined, falling, DEFAULTS)).toBeUndefined();
    for (const kind of [
      { kind: 'increase', compareTo: 'previousYear' },
      { kind: 'reduction', percent: 20, baseYear: 2020 },
      { kind: 'qualitative' },
      { kind: 'achieved' },
    ]) {
      expect(projectionWarning(under5, upcoming(2030, kind), [{ year: 2022, value: 1 }, { year: 2023, value: 50 }], DEFAULTS)).toBeUndefined();
    }
    expect(projectionWarning(under5, ceiling, [{ year: 2023, value: 9 }], DEFAULTS)).toBeUndefined();
  });

  test('projects to the year of the upcoming milestone, not to 2030', () => {
    const toilets = seeded('C-ENV-09');
    const [milestone] = targetsForYear(toilets, 2023);
    expect(milestone?.year).toBe(2025);
    const warning = projectionWarning(toilets, milestone, [{ year: 2022, value: 60 }, { year: 2023, value: 62 }], DEFAULTS);
    expect(warning?.zh).toContain('预计2025年为66%');
    expect(projectionWarning(toilets, milestone, [{ year: 2022, value: 60 }, { year: 2023, value: 65 }], DEFAULTS)).toBeUndefined();
  });
});

describe('in assessEntry (C-HEA-05 5岁以下儿童死亡率: baseline 2020 7.63‰, target ≤5‰ in 2030)', () => {
  test('previous and current trending to miss: a projection warning', () => {
    const result = assess('C-HEA-05', { value: '7.4', previous: '7.5' }, 2023);
    expect(result.status).toBe('notYetDue');
    // the projected miss is the warning that needs a note in an interim year
    expect(result.severity).toBe('warning');
    const warning = messageWith(result, 'warning.projectedMiss');
    expect(warning.zh).toContain('2020—2023');
    expect(warning.zh).toContain('≤5‰');
  });

  test('trending to meet it: no projection warning', () => {
    expect(codes(assess('C-HEA-05', { value: '5.8', previous: '6.5' }, 2023))).not.toContain('warning.projectedMiss');
  });

  test('the 2020 baseline counts even without a previous value (the 2010 baseline does not)', () => {
    // 2020 baseline, 2024 value: two points, six years ahead of 2030 — too far for a straight line
    expect(codes(assess('C-HEA-05', { value: '7.6' }, 2024))).not.toContain('warning.projectedMiss');
    // 2020 baseline, 2025 value: five years ahead
    const alone = messageWith(assess('C-HEA-05', { value: '7.6' }, 2025), 'warning.projectedMiss');
    expect(alone.zh).toContain('2020—2025');
    // 2020 baseline, a 2024 value and a 2025 value: three points
    expect(codes(assess('C-HEA-05', { value: '7.6', previous: '7.62' }, 2025))).toContain('warning.projectedMiss');
    // falling fast enough: 7.63 (2020) → 6.0 (2024) → 5.0 (2025)
    expect(codes(assess('C-HEA-05', { value: '5.0', previous: '6.0' }, 2025))).not.toContain('warning.projectedMiss');
  });

  test('a target due every year is not projected; previous-term indicators are not projected', () => {
    // W-ECO-02 45%左右 is due now; the trend 40 → 44.5 would overshoot by 2030 but the yearly target decides
    expect(codes(assess('W-ECO-02', { value: '44.5', previous: '40' }, 2023))).toEqual(['assess.met']);
    const term = testIndicator({
      target: { kind: 'min', value: 50 },
      milestones: [{ year: 2025, target: { kind: 'notBelowPrevious', compareTo: 'previousTerm' }, sourceIndex: 0 }],
    });
    expect(codes(assess(term, { value: '10', previous: '20' }, 2026))).not.toContain('warning.projectedMiss');
  });
});
