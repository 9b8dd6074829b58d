import type { CatalogDefaults } from '../../../src/core/catalog/catalog-schema';
import { IndicatorSchema, type Indicator, type IndicatorInput } from '../../../src/core/catalog/indicator-schema';
import { TargetSchema, type Target } from '../../../src/core/catalog/target-schema';
import type { Message } from '../../../src/core/i18n/message';
import type { CellValue } from '../../../src/core/parse/cell-value';
import { assessEntry } from '../../../src/core/assess/assess-entry';
import type { EntryInput, EntryResult } from '../../../src/core/assess/entry';
import { seedCatalog } from '../../../src/seed-catalog';

/** The defaults both shipped catalogs use (checked against the seeds in judge-target.test.ts). */
export const DEFAULTS: CatalogDefaults = { approxTolerance: 1, swingRelative: 0.2 };

/** An indicator of the real catalog by id; fails loudly when the id is not there. */
export function seeded(id: string): Indicator {
  const indicator = seedCatalog().indicators.get(id);
  if (!indicator) throw new Error(`indicator ${id} is not in the seed catalog`);
  return indicator;
}

/**
 * A small indicator for a case the real catalog does not have, run through the zod schema so that
 * defaults (targetYear 2030, everyYear false, no milestones, no baselines) apply as in a catalog file.
 */
export function testIndicator(fields: Omit<Partial<IndicatorInput>, 'target'> & { target: IndicatorInput['target'] }): Indicator {
  return IndicatorSchema.parse({
    id: 'C-TST-01',
    plan: 'children',
    domain: '测试',
    name: '测试指标',
    nameEn: 'Test indicator',
    unit: '%',
    sources: [
      { section: '二、（一）儿童与健康', part: '主要目标', item: 1, quote: '测试目标' },
      { section: '二、（一）儿童与健康', part: '策略措施', item: 6, quote: '测试措施' },
    ],
    responsible: ['wjj'],
    ...fields,
  });
}

/** A target validated by the schema. */
export function target(input: unknown): Target {
  return TargetSchema.parse(input);
}

/** A parsed number as the parser hands it over: the value of its decimal text. */
export function num(text: string): CellValue {
  return { kind: 'number', value: Number(text), text };
}

export function ratio(left: string, right: string): CellValue {
  return { kind: 'ratio', left: Number(left), right: Number(right), text: `${left}:${right}` };
}

export function yes(value: boolean): CellValue {
  return { kind: 'boolean', value, text: value ? '是' : '否' };
}

/** Assesses an entry of an indicator (a seed id or an indicator) in a year. */
export function assess(
  indicator: string | Indicator,
  input: Omit<EntryInput, 'indicatorId'>,
  year: number,
  defaults: CatalogDefaults = DEFAULTS,
): EntryResult {
  const resolved = typeof indicator === 'string' ? seeded(indicator) : indicator;
  return assessEntry(resolved, { indicatorId: resolved.id, ...input }, { year, defaults });
}

/** The codes of the messages, in order. */
export function codes(result: { readonly messages: readonly Message[] }): string[] {
  return result.messages.map((message) => message.code);
}

/** The one message with a code; fails when there is none or more than one. */
export function messageWith(result: { readonly messages: readonly Message[] }, code: string): Message {
  const found = result.messages.filter((message) => message.code === code);
  if (found.length !== 1) throw new Error(`expected one ${code} message, got ${found.length}: ${codes(result).join(', ')}`);
  return found[0] as Message;
}

/** Every message says something in both languages, without leftovers of template mistakes. */
export function expectBilingual(messages: readonly Pick<Message, 'zh' | 'en'>[]): void {
  for (const message of messages) {
    expect(message.zh.trim()).not.toBe('');
    expect(message.en.trim()).not.toBe('');
    for (const text of [message.zh, message.en]) {
      expect(text).not.toMatch(/undefined|NaN|\[object|null/);
    }
    expect(message.en).not.toMatch(/\bThe this\b|\bthe this\b/);
  }
}
