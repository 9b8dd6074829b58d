import type { Catalog } from '../catalog/catalog';
import type { ConsistencyRule } from '../catalog/catalog-schema';
import { formatQuantity, formatQuantityEn } from '../assess/format-quantity';
import { entryKey, type EntryResult } from '../assess/entry';
import type { Message } from '../i18n/message';

/** A consistency rule that the values of a report break. */
export interface ConsistencyFinding extends Message {
  readonly ruleId: string;
  readonly indicatorIds: readonly string[];
  readonly unitId?: string;
}

/**
 * Applies the catalog's consistency rules to the assessed entries of one report: each listed indicator's
 * value must not exceed the next one's (compared per township for per-unit indicators). Entries without
 * a usable number are skipped: a blank is reported as missing, not as inconsistent, and the values on
 * either side of it are compared with each other.
 */
export function checkConsistency(rules: readonly ConsistencyRule[], catalog: Catalog, results: readonly EntryResult[]): ConsistencyFinding[] {
  const values = new Map<string, number>();
  const units = new Set<string>();
  for (const result of results) {
    if (result.value?.kind !== 'number' || result.status === 'invalid') continue;
    values.set(entryKey(result.indicatorId, result.unitId), result.value.value);
    units.add(result.unitId ?? '');
  }
  const findings: ConsistencyFinding[] = [];
  for (const rule of rules) {
    for (const unitId of units) {
      // each value against the next one that was reported: a blank in the middle of a chain
      // (新生儿 3‰, 婴儿 blank, 5岁以下 2‰) must not hide the break between its neighbours
      const present = rule.indicators
        .map((id) => ({ id, value: values.get(entryKey(id, unitId || undefined)) }))
        .filter((item): item is { id: string; value: number } => item.value !== undefined);
      for (let i = 0; i + 1 < present.length; i += 1) {
        const { id: lowerId, value: lower } = present[i] as { id: string; value: number };
        const { id: upperId, value: upper } = present[i + 1] as { id: string; value: number };
        if (lower <= upper) continue;
        const lowerIndicator = catalog.indicators.get(lowerId);
        const upperIndicator = catalog.indicators.get(upperId);
        if (!lowerIndicator || !upperIndicator) continue;
        findings.push({
          code: `consistency.${rule.id}`,
          ruleId: rule.id,
          indicatorIds: [lowerId, upperId],
          ...(unitId === '' ? {} : { unitId }),
          severity: rule.severity,
          field: 'value',
          zh: `${lowerIndicator.name}（${formatQuantity(lower, lowerIndicator.unit)}）不应高于${upperIndicator.name}（${formatQuantity(upper, upperIndicator.unit)}）：${rule.zh}`,
          en: `${lowerIndicator.nameEn} (${formatQuantityEn(lower, lowerIndicator.unit)}) should not exceed ${upperIndicator.nameEn} (${formatQuantityEn(upper, upperIndicator.unit)}): ${rule.en}`,
        });
      }
    }
  }
  return findings;
}
