/**
 * What the indicator page's charts show, as plain data (no ECharts): the same rows feed the chart and its
 * table alternative, so the two always say the same. Only numbers are drawn: a ratio (2:3) or a yes/no has
 * no line; a target line is drawn only where the target is a number in the value's own terms (not a share,
 * not the reflected measure of a 左右 target).
 */
import type { z } from 'zod';
import type { IndicatorLineSchema, IndicatorSeriesSchema, ProgressSummary } from '../../../../contract/monitoring';

type IndicatorSeries = z.infer<typeof IndicatorSeriesSchema>;
type IndicatorLine = z.infer<typeof IndicatorLineSchema>;

export interface ChartTarget {
  readonly value: number;
  readonly year: number;
  readonly role: 'milestone' | 'final';
}

export interface TrendRow {
  readonly year: number;
  readonly value: number | null;
  readonly source: 'observed' | 'baseline' | null;
}

export interface TrendData {
  readonly rows: readonly TrendRow[];
  readonly target: ChartTarget | null;
}

/** The governing target in the value's own terms, when the progress has one. */
export function targetOf(progress: ProgressSummary | null | undefined): ChartTarget | null {
  if (!progress || progress.measure !== 'value' || progress.targetValue === null) return null;
  return { value: progress.targetValue, year: progress.targetYear, role: progress.targetRole };
}

/** One row per year from the first point to the latest point or the target year, a year without data null. */
export function trendData(series: IndicatorSeries): TrendData {
  const numeric = series.points.filter((point): point is typeof point & { value: number } => typeof point.value === 'number');
  const target = targetOf(series.progress);
  if (numeric.length === 0) return { rows: [], target };
  const first = Math.min(...numeric.map((point) => point.year));
  const last = Math.max(...numeric.map((point) => point.year), target?.year ?? 0);
  const rows: TrendRow[] = [];
  for (let year = first; year <= last; year += 1) {
    const point = numeric.find((item) => item.year === year);
    rows.push({ year, value: point ? point.value : null, source: point ? point.source : null });
  }
  return { rows, target };
}

export interface TownshipRow {
  readonly unitId: string;
  readonly name: string;
  readonly value: number | null;
  readonly text: string;
  readonly status: string;
  /** Whether the value reaches the threshold (in the direction the progress says); null without one. */
  readonly meets: boolean | null;
}

export interface TownshipData {
  readonly rows: readonly TownshipRow[];
  readonly threshold: number | null;
}

/**
 * Every township's value of a per-township indicator (the consolidation's unit lines) against the threshold:
 * the target the units' progress governs by (the same for every unit of an indicator).
 */
export function townshipData(line: IndicatorLine, series: IndicatorSeries | undefined): TownshipData {
  const progress = series?.units.map((unit) => unit.progress).find((item) => targetOf(item) !== null) ?? null;
  const threshold = targetOf(progress)?.value ?? null;
  const direction = progress?.direction ?? 1;
  const rows = line.units.map((unit): TownshipRow => {
    const value = typeof unit.value === 'number' ? unit.value : null;
    const meets = value === null || threshold === null ? null : direction === 1 ? value >= threshold : value <= threshold;
    return { unitId: unit.unitId, name: unit.name, value, text: unit.text, status: unit.status, meets };
  });
  return { rows, threshold };
}
