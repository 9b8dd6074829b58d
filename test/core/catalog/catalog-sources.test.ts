import { seedCatalog } from '../../../src/seed-catalog';
import type { Indicator } from '../../../src/core/catalog/indicator-schema';
import type { Target } from '../../../src/core/catalog/target-schema';
import { planText } from '../../helpers/plan-text';

const catalog = seedCatalog();
const indicators = [...catalog.indicators.values()];

/** The numbers a target states, each with the words the plan may use for it instead of digits. */
function statedNumbers(target: Target): { value: number; text?: string }[] {
  switch (target.kind) {
    case 'min':
    case 'max':
      return [{ value: target.value, ...(target.valueText ? { text: target.valueText } : {}) }];
    case 'count':
      return [{ value: target.value, ...(target.valueText ? { text: target.valueText } : {}) }];
    case 'approx':
      return [{ value: target.value }];
    case 'ratio':
      return target.value.map((value) => ({ value }));
    case 'reduction':
      return [{ value: target.percent }, { value: target.baseYear }];
    default:
      return [];
  }
}

/** Whether a number is written in a quote as digits (half- or full-width), not as part of a longer number. */
function quoteStates(quote: string, value: number): boolean {
  const normalised = quote.normalize('NFKC');
  const pattern = new RegExp(`(^|[^\\d.])${String(value).replace('.', '\\.')}(?![\\d]|\\.\\d)`);
  return pattern.test(normalised);
}

describe('every catalog entry is traceable to the plan text', () => {
  it.each(indicators.map((indicator) => [indicator.id, indicator] as const))('%s: quotes occur verbatim in its own plan', (_id, indicator) => {
    const text = planText(indicator.plan);
    for (const source of indicator.sources) expect(text).toContain(source.quote);
    for (const baseline of indicator.baseline) expect(text).toContain(baseline.quote);
  });

  it.each(indicators.map((indicator) => [indicator.id, indicator] as const))('%s: every number of its target appears in its quotes', (_id, indicator) => {
    const quotes = indicator.sources.map((source) => source.quote);
    for (const stated of statedNumbers(indicator.target)) {
      const found = quotes.some((quote) => quoteStates(quote, stated.value) || (stated.text !== undefined && quote.includes(stated.text)));
      expect({ id: indicator.id, value: stated.value, found }).toEqual({ id: indicator.id, value: stated.value, found: true });
    }
    if (indicator.targetYear !== 2030) expect(quotes.some((quote) => quoteStates(quote, indicator.targetYear))).toBe(true);
  });

  it.each(indicators.filter((i) => i.milestones.length > 0).map((i) => [i.id, i] as const))('%s: milestone years and values appear in the quote they cite', (_id, indicator) => {
    for (const milestone of indicator.milestones) {
      const quote = indicator.sources[milestone.sourceIndex]?.quote ?? '';
      expect(quoteStates(quote, milestone.year)).toBe(true);
      for (const stated of statedNumbers(milestone.target)) expect(quoteStates(quote, stated.value)).toBe(true);
    }
  });

  it.each(indicators.filter((i) => i.baseline.length > 0).map((i) => [i.id, i] as const))('%s: baseline years and values appear in their quotes', (_id, indicator) => {
    for (const baseline of indicator.baseline) {
      expect(quoteStates(baseline.quote, baseline.year)).toBe(true);
      expect(quoteStates(baseline.quote, baseline.value)).toBe(true);
    }
  });

  it('alternative target values appear in the source they cite', () => {
    const withAlternatives = indicators.filter((i) => (i.target.kind === 'min' || i.target.kind === 'max') && i.target.alternatives);
    expect(withAlternatives.map((i) => i.id)).toContain('C-HEA-20');
    for (const indicator of withAlternatives) {
      const target = indicator.target as Extract<Target, { kind: 'min' }>;
      for (const alternative of target.alternatives ?? []) {
        expect(quoteStates(indicator.sources[alternative.sourceIndex]?.quote ?? '', alternative.value)).toBe(true);
      }
    }
  });

  it('the quote checker itself rejects numbers that are not there', () => {
    expect(quoteStates('孕产妇死亡率下降到9/10万以下', 9)).toBe(true);
    expect(quoteStates('高中阶段毛入学率达到95%以上', 9)).toBe(false);
    expect(quoteStates('达到40.5%左右', 40)).toBe(false);
    expect(quoteStates('降至2‰、3.5‰和5‰及以下', 3.5)).toBe(true);
    expect(quoteStates('控制在10％和5％以下', 10)).toBe(true);
  });
});

describe('what the plans leave open is visible, never invented', () => {
  const byId = (id: string): Indicator => {
    const indicator = catalog.indicators.get(id);
    if (!indicator) throw new Error(`missing ${id}`);
    return indicator;
  };

  it('records the 93% vs 90% conflict of 7岁以下儿童健康管理率 as a conflict note and an alternative', () => {
    const indicator = byId('C-HEA-20');
    expect(indicator.target).toMatchObject({ kind: 'min', value: 93, alternatives: [{ value: 90 }] });
    expect(indicator.notes.map((note) => note.kind)).toContain('conflict');
  });

  it('keeps 基本普及 qualitative, with the 2025 milestone of 70% for rural toilets', () => {
    const indicator = byId('C-ENV-09');
    expect(indicator.target).toMatchObject({ kind: 'qualitative', wording: '基本普及' });
    expect(indicator.milestones).toEqual([{ year: 2025, target: { kind: 'min', value: 70 }, sourceIndex: 0 }]);
    expect(indicator.notes.map((note) => note.kind)).toContain('ambiguity');
  });

  it('gives every qualitative target with its own wording an ambiguity note', () => {
    const worded = indicators.filter((i) => i.target.kind === 'qualitative' && i.target.wording);
    expect(worded.length).toBeGreaterThan(10);
    for (const indicator of worded) expect(indicator.notes.some((note) => note.kind === 'ambiguity')).toBe(true);
  });

  it('keeps the same name in both plans as two indicators', () => {
    expect(byId('W-EDU-05').target).toMatchObject({ kind: 'min', value: 97 });
    expect(byId('C-EDU-03').target).toMatchObject({ kind: 'min', value: 97 });
    expect(byId('W-HEA-28').plan).toBe('women');
    expect(byId('C-HEA-25').plan).toBe('children');
  });

  it('states the baselines of the children\'s plan preface', () => {
    expect(byId('C-HEA-04').baseline).toEqual([
      expect.objectContaining({ year: 2010, value: 12.41 }),
      expect.objectContaining({ year: 2020, value: 5.94 }),
    ]);
    expect(byId('C-HEA-05').baseline.map((b) => b.value)).toEqual([16.35, 7.63]);
    expect(byId('C-EDU-02').baseline.map((b) => b.value)).toEqual([65.34, 85.33]);
    expect(byId('C-EDU-03').baseline.map((b) => b.value)).toEqual([99.57, 97.75]);
    expect(byId('C-EDU-04').baseline.map((b) => b.value)).toEqual([68.6, 95.95]);
  });

  it('has the examples the brief names, with the right kind, value, unit and year', () => {
    expect(byId('W-HEA-15')).toMatchObject({ unit: '1/10万活产', target: { kind: 'max', value: 15 } });
    expect(byId('C-HEA-23')).toMatchObject({ unit: '名/千人', target: { kind: 'min', value: 1.12 } });
    expect(byId('C-HEA-32')).toMatchObject({ unit: '%', target: { kind: 'max', value: 25 } });
    expect(byId('C-SAF-01')).toMatchObject({ unit: '1/10万', target: { kind: 'reduction', percent: 20, baseYear: 2020 } });
    expect(byId('W-ENV-09')).toMatchObject({ unit: '比例', target: { kind: 'ratio', value: [2, 3], favours: 'second' } });
    expect(byId('W-DEC-06')).toMatchObject({ target: { kind: 'notBelowPrevious', compareTo: 'previousTerm' } });
    expect(byId('W-DEC-03')).toMatchObject({ target: { kind: 'relative', comparator: '>=' } });
    expect(byId('C-HEA-25')).toMatchObject({ unit: '是/否', target: { kind: 'achieved' }, targetYear: 2025 });
    expect(byId('C-HEA-09')).toMatchObject({ perUnit: { scope: 'township' }, everyYear: true });
    expect(byId('C-WEL-14')).toMatchObject({ perUnit: { scope: 'township' }, target: { kind: 'count', value: 1 } });
    expect(byId('C-HEA-03')).toMatchObject({ unit: '‰', target: { kind: 'max', value: 2 } });
  });
});
