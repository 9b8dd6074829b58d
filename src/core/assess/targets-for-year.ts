import type { Indicator } from '../catalog/indicator-schema';
import type { Target } from '../catalog/target-schema';

/**
 * A target that governs a reporting year: `due` targets (year ≤ reporting year) must hold and keep holding
 * (a 2025 milestone still binds in 2027); the `upcoming` one (the next target year) is what the value
 * is on its way to. A target the plan says to 保持/稳定 or meet 每年 (`everyYear`) is due in every year.
 */
export interface TargetCheck {
  readonly year: number;
  readonly target: Target;
  readonly role: 'due' | 'upcoming';
}

/** The targets that govern a reporting year, oldest first: every due target, then the next upcoming one. */
export function targetsForYear(indicator: Indicator, year: number): readonly TargetCheck[] {
  const all = [
    ...indicator.milestones.map((milestone) => ({ year: milestone.year, target: milestone.target })),
    // 保持/稳定/每年: the final target binds in the reporting year itself
    { year: indicator.everyYear ? Math.min(year, indicator.targetYear) : indicator.targetYear, target: indicator.target },
  ];
  const due = all.filter((entry) => entry.year <= year).map((entry) => ({ ...entry, role: 'due' as const }));
  const next = all.find((entry) => entry.year > year);
  return next ? [...due, { ...next, role: 'upcoming' as const }] : due;
}

/** What the "previous value" of an indicator is: the previous year's, or the previous term's (elected bodies). */
export function previousKind(indicator: Indicator): 'previousYear' | 'previousTerm' {
  for (const target of [indicator.target, ...indicator.milestones.map((milestone) => milestone.target)]) {
    if ('compareTo' in target && target.compareTo === 'previousTerm') return 'previousTerm';
  }
  return 'previousYear';
}

/** Which optional inputs a target kind needs beside this year's value. */
export function inputsNeeded(indicator: Indicator): { previous: boolean; baseline: boolean; other: boolean } {
  const kinds = [indicator.target, ...indicator.milestones.map((milestone) => milestone.target)].map((target) => target.kind);
  return {
    previous: kinds.some((kind) => kind === 'increase' || kind === 'decrease' || kind === 'notBelowPrevious'),
    baseline: kinds.includes('reduction'),
    other: kinds.includes('relative'),
  };
}
