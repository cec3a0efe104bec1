import type { Direction } from "../shared/kinds.ts";

/** How a value stands against its target: met, close, far, or not known (no value or target). */
export type IndicatorStatus = "green" | "amber" | "red" | "grey";

/** Which way the last values moved, and whether that is the better way. */
export type Trend = "improving" | "worsening" | "steady" | "none";

/** The share of the target within which a value that misses it is amber rather than red. */
export const AMBER_BAND = 0.1;

/**
 * A value against its target: green when it meets the target (at or above it when up is
 * better, at or below when down is better), amber when it misses by no more than the band (a
 * share of the target; of the distance from the baseline when the target is 0), red beyond it,
 * grey when there is no value or no target.
 */
export function indicatorStatus(p: {
  direction: Direction;
  value: number | null | undefined;
  target: number | null | undefined;
  baseline?: number | null;
  band?: number;
}): IndicatorStatus {
  const { value, target } = p;
  if (value == null || target == null || !Number.isFinite(value) || !Number.isFinite(target))
    return "grey";
  const share = p.band ?? AMBER_BAND;
  const scale =
    target !== 0 ? Math.abs(target) : p.baseline != null ? Math.abs(p.baseline - target) : 0;
  const band = scale * share;
  const miss = p.direction === "up" ? target - value : value - target;
  if (miss <= 0) return "green";
  return miss <= band + 1e-9 ? "amber" : "red";
}

/**
 * The trend of values in time order: the last against the one before it. A change smaller than
 * `tolerance` (a share of the earlier value) is steady; fewer than two values is none.
 */
export function indicatorTrend(
  direction: Direction,
  values: readonly number[],
  tolerance = 0.01,
): Trend {
  if (values.length < 2) return "none";
  const last = values[values.length - 1]!;
  const before = values[values.length - 2]!;
  const change = last - before;
  if (Math.abs(change) <= Math.abs(before) * tolerance || change === 0) return "steady";
  return change > 0 === (direction === "up") ? "improving" : "worsening";
}
