import type { Indicator } from '../catalog/indicator-schema';
import type { Target } from '../catalog/target-schema';

/**
 * A target that governs a reporting year: `due` targets (year ≤ reporting year) must hold and keep holding
 * (a 2025 milestone still binds in 2027); the `upcoming` one (the next target year) is what the value
 * is on its way to. A recurring target ({@link isRecurring}) is due in every year.
 */
export interface TargetCheck {
  readonly year: number;
  readonly target: Target;
  readonly role: 'due' | 'upcoming';
}

/** Target kinds that compare with the previous year or term, so they are judged in every report. */
const TREND_KINDS = new Set(['increase', 'decrease', 'notBelowPrevious']);

/**
 * Whether the final target binds in every reporting year rather than only by `targetYear`: the plan says
 * 保持/稳定/每年 (`everyYear`), or the target compares with the previous value (逐步提高, 不低于上届).
 */
export function isRecurring(indicator: Indicator): boolean {
  return indicator.everyYear || TREND_KINDS.has(indicator.target.kind);
}

// Catalog indicators are immutable and few, reporting years are ten: compute each list once.
const cache = new WeakMap<Indicator, Map<number, readonly TargetCheck[]>>();

/** The targets that govern a reporting year, oldest first: every due target, then the next upcoming one. */
export function targetsForYear(indicator: Indicator, year: number): readonly TargetCheck[] {
  let byYear = cache.get(indicator);
  if (!byYear) {
    byYear = new Map();
    cache.set(indicator, byYear);
  }
  let checks = byYear.get(year);
  if (!checks) {
    checks = computeTargetsForYear(indicator, year);
    byYear.set(year, checks);
  }
  return checks;
}

function computeTargetsForYear(indicator: Indicator, year: number): readonly TargetCheck[] {
  const all = [
    ...indicator.milestones.map((milestone) => ({ year: milestone.year, target: milestone.target })),
    // a recurring final target binds in the reporting year itself
    { year: isRecurring(indicator) ? Math.min(year, indicator.targetYear) : indicator.targetYear, target: indicator.target },
  ];
  const due = all.filter((entry) => entry.year <= year).map((entry) => ({ ...entry, role: 'due' as const }));
  const next = all.find((entry) => entry.year > year);
  return Object.freeze(next ? [...due, { ...next, role: 'upcoming' as const }] : due);
}

/** What the "previous value" of an indicator is: the previous year's, or the previous term's (elected bodies). */
export function previousKind(indicator: Indicator): 'previousYear' | 'previousTerm' {
  for (const target of [indicator.target, ...indicator.milestones.map((milestone) => milestone.target)]) {
    if ('compareTo' in target && target.compareTo === 'previousTerm') return 'previousTerm';
  }
  return 'previousYear';
}

/** The input a target needs beside this year's value: the previous value, the base-year value or another value. */
export function extraInputOf(target: Target): 'previous' | 'baseline' | 'other' | undefined {
  if (TREND_KINDS.has(target.kind)) return 'previous';
  if (target.kind === 'reduction') return 'baseline';
  if (target.kind === 'relative') return 'other';
  return undefined;
}

/** Which optional inputs an indicator's targets need beside this year's value. */
export function inputsNeeded(indicator: Indicator): { previous: boolean; baseline: boolean; other: boolean } {
  const needed = new Set([indicator.target, ...indicator.milestones.map((milestone) => milestone.target)].map(extraInputOf));
  return { previous: needed.has('previous'), baseline: needed.has('baseline'), other: needed.has('other') };
}
