import fc from 'fast-check';
import { swingWarning } from '../../../src/core/warnings/swing';
import { assess, codes, DEFAULTS, expectBilingual, messageWith, seeded, testIndicator } from '../assess/fixtures';

const health = seeded('C-HEA-20'); // ≥93%, no own warning settings

describe('relative swing: |Δ| > 20% of the previous value (catalog default)', () => {
  test('exactly 20% is not a swing; just over it is, in both directions', () => {
    expect(swingWarning(health, 96, 80, DEFAULTS)).toBeUndefined();
    expect(swingWarning(health, 64, 80, DEFAULTS)).toBeUndefined();
    const up = swingWarning(health, 96.01, 80, DEFAULTS);
    expect(up).toMatchObject({ code: 'warning.swing', severity: 'warning', field: 'value' });
    // a change of a rate is in percentage points; the relative change is stated separately
    expect(up?.zh).toContain('上升16.01个百分点');
    expect(up?.zh).toContain('80%→96.01%');
    expect(up?.zh).toContain('相对变化+20.01%');
    expect(up?.zh).toContain('上年值的20%');
    expect(up?.en).toContain('up 16.01 percentage points');
    expect(up?.en).toContain('relative change +20.01%');
    const down = swingWarning(health, 63.99, 80, DEFAULTS);
    expect(down?.zh).toContain('下降16.01个百分点');
    expect(down?.zh).toContain('相对变化-20.01%');
    expect(down?.en).toContain('down');
    expectBilingual([up!, down!]);
  });

  test('exact with decimals: 0.7 → 0.84 is exactly 20%', () => {
    expect(swingWarning(health, 0.84, 0.7, DEFAULTS)).toBeUndefined();
    expect(swingWarning(health, 0.8401, 0.7, DEFAULTS)).toBeDefined();
    expect(swingWarning(health, 0.56, 0.7, DEFAULTS)).toBeUndefined();
  });

  test('matches an integer reference for values with up to 4 decimals', () => {
    const scaled = fc.integer({ min: 0, max: 1_000_000 });
    fc.assert(
      fc.property(scaled, fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.boolean(), (previous, nudge, up, nearBoundary) => {
        // Δ = previous/5 exactly (when divisible), nudged by ±1/10000, or anywhere
        const delta = nearBoundary ? Math.trunc(previous / 5) + nudge : nudge * 7919;
        const value = previous + (up ? delta : -delta);
        if (value < 0) return;
        const swing = swingWarning(health, value / 10_000, previous / 10_000, DEFAULTS);
        const expected = previous !== 0 && Math.abs(value - previous) * 5 > previous;
        expect(swing !== undefined).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  test('no relative swing from a previous value of 0', () => {
    expect(swingWarning(health, 50, 0, DEFAULTS)).toBeUndefined();
  });

  test("the indicator's own swingRelative wins over the catalog's, and the catalog's can be changed", () => {
    const loose = testIndicator({ target: { kind: 'min', value: 50 }, warnings: { swingRelative: 0.5 } });
    expect(swingWarning(loose, 15, 10, DEFAULTS)).toBeUndefined();
    expect(swingWarning(loose, 15.01, 10, DEFAULTS)).toBeDefined();
    const tight = { ...DEFAULTS, swingRelative: 0.1 };
    expect(swingWarning(health, 11, 10, tight)).toBeUndefined();
    expect(swingWarning(health, 11.01, 10, tight)?.zh).toContain('上年值的10%');
  });
});

describe('absolute swing (swingAbsolute, in the unit)', () => {
  const absolute = testIndicator({ unit: '‰', target: { kind: 'max', value: 5 }, warnings: { swingAbsolute: 2 } });
  test('more than the set number of units; the relative rule is not used', () => {
    expect(swingWarning(absolute, 3, 1, DEFAULTS)).toBeUndefined(); // +200% but only 2‰
    expect(swingWarning(absolute, 3.01, 1, DEFAULTS)?.zh).toContain('上升2.01个千分点（1‰→3.01‰，相对变化+201%），超过2个千分点');
    expect(swingWarning(absolute, 8, 10, DEFAULTS)).toBeUndefined();
    expect(swingWarning(absolute, 7.99, 10, DEFAULTS)).toBeDefined();
  });
  test('works from a previous value of 0', () => {
    expect(swingWarning(absolute, 2.5, 0, DEFAULTS)).toBeDefined();
  });
});

test('count targets (至少1名) are never a swing', () => {
  expect(swingWarning(seeded('C-WEL-14'), 5, 1, DEFAULTS)).toBeUndefined();
  expect(swingWarning(seeded('W-ORG-01'), 1, 12, DEFAULTS)).toBeUndefined();
});

describe('in assessEntry', () => {
  test('a swing is a warning on an entry that meets its target', () => {
    const result = assess('C-HEA-20', { value: '96.01', previous: '80' }, 2030);
    expect(result.status).toBe('met');
    expect(result.severity).toBe('warning');
    expect(codes(result)).toEqual(['assess.met', 'warning.swing']);
    expect(codes(assess('C-HEA-20', { value: '96', previous: '80' }, 2030))).toEqual(['assess.met']);
  });
  test('a previous value typed with its unit and separators counts', () => {
    expect(messageWith(assess('C-SAF-01', { value: '1,300', previous: '1,000/10万', baseline: '2000' }, 2030), 'warning.swing').zh).toContain('上升300/10万');
  });
  test('no swing for counts, for previous-term indicators, or without a usable previous value', () => {
    expect(codes(assess('C-WEL-14', { value: '5', previous: '1', unitId: 'mosha' }, 2030))).not.toContain('warning.swing');
    expect(codes(assess('W-DEC-06', { value: '30', previous: '10' }, 2030))).not.toContain('warning.swing');
    expect(codes(assess('C-HEA-20', { value: '96.01', previous: '—' }, 2030))).not.toContain('warning.swing');
  });
});
