import fc from 'fast-check';
import type { EntryResult } from '../../../src/core/assess/entry';
import { inputsNeeded } from '../../../src/core/assess/targets-for-year';
import { worstSeverity } from '../../../src/core/i18n/message';
import type { RawCell } from '../../../src/core/parse/cell-value';
import { seedCatalog } from '../../../src/seed-catalog';
import { assess, expectBilingual } from './fixtures';

/**
 * Every indicator of both plans, in every year, with all sorts of input: the engine never throws, says
 * everything in both languages, and its status, severity and target verdicts agree with one another.
 */
const indicators = [...seedCatalog().indicators.values()];
const raw: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constantFrom<RawCell>(undefined, null, '', '—', '无', '0', '1', '3.5', '45', '50', '93', '100', '120', '-1', '1.5', '0.952', '是', '否', '2:3', '1:1', '进展顺利', 'abc', '95%', '4‰'),
  fc.double({ min: -10, max: 1200, noNaN: true }),
  fc.boolean(),
);
const entry = fc.record(
  { value: raw, previous: raw, baseline: raw, other: raw, note: fc.constantFrom<string | null | undefined>(undefined, null, '', '未统计') },
  { requiredKeys: ['value'] },
);

function expectCoherent(result: EntryResult): void {
  expectBilingual(result.messages);
  for (const verdict of result.targets) expectBilingual([verdict.description]);
  const own = result.messages.map((m) => m.severity);
  expect(result.severity).toBe(worstSeverity([result.status === 'notMet' ? 'warning' : 'info', ...own]));
  switch (result.status) {
    case 'invalid':
      expect(result.severity).toBe('error');
      expect(result.targets).toEqual([]);
      expect(result.messages.every((m) => m.severity === 'error')).toBe(true);
      break;
    case 'noData':
      expect(result.targets).toEqual([]);
      expect(['blank', 'notAvailable']).toContain(result.value?.kind);
      break;
    case 'met':
      expect(result.targets.some((t) => t.outcome === 'met')).toBe(true);
      // a due target met decides even when the next one is not reached yet
      expect(result.targets.some((t) => t.role === 'due' && t.outcome === 'notMet')).toBe(false);
      break;
    case 'notYetDue':
      // nothing due was judged; an upcoming target is not reached yet — information, never a warning by itself
      expect(result.targets.some((t) => t.role === 'due' && t.outcome !== 'notAssessable')).toBe(false);
      expect(result.targets.some((t) => t.role === 'upcoming' && t.outcome === 'notMet')).toBe(true);
      expect(result.messages.find((m) => m.code === 'assess.notYetDue')?.severity).toBe('info');
      break;
    case 'notMet':
      expect(result.severity).not.toBe('info');
      expect(result.targets.some((t) => t.role === 'due' && t.outcome === 'notMet')).toBe(true);
      break;
    case 'notAssessable':
      expect(result.targets.every((t) => t.outcome === 'notAssessable')).toBe(true);
      break;
  }
  // exactly one verdict message whenever targets were judged
  if (result.targets.length > 0) {
    expect(result.messages.filter((m) => ['assess.met', 'assess.notMet', 'assess.notYetDue', 'assess.notAssessable'].includes(m.code))).toHaveLength(1);
  }
  for (const message of result.messages) expect(message.code).toMatch(/^[a-z]+(\.[A-Za-z]+)+$/);
}

test('every indicator, every year, arbitrary entries: coherent, bilingual results', () => {
  fc.assert(
    fc.property(fc.constantFrom(...indicators), fc.integer({ min: 2021, max: 2030 }), entry, (indicator, year, input) => {
      const unitId = indicator.perUnit ? (indicator.perUnit.scope === 'list' ? indicator.perUnit.units[0]?.id : 'mosha') : undefined;
      expectCoherent(assess(indicator, { ...input, ...(unitId ? { unitId } : {}) }, year));
    }),
    { numRuns: 3000 },
  );
});

test('every indicator with a sensible value in 2021, 2025 and 2030', () => {
  for (const indicator of indicators) {
    // 1, or the least a plausible range allows (1% for a ≥90% rate is a typing slip: an error until confirmed)
    const value = { 比例: '2:3', '是/否': '是', 文字: '已开展' }[indicator.unit as string] ?? String(indicator.plausible?.min ?? 1);
    const needed = inputsNeeded(indicator);
    const inputs = { value, ...(needed.previous ? { previous: '1' } : {}), ...(needed.baseline ? { baseline: '2' } : {}), ...(needed.other ? { other: '1' } : {}) };
    for (const year of [2021, 2025, 2030]) {
      const result = assess(indicator, inputs, year);
      expectCoherent(result);
      expect(['met', 'notMet', 'notYetDue', 'notAssessable']).toContain(result.status);
      if (year === 2030) expect(result.status).not.toBe('notYetDue');
    }
  }
});
