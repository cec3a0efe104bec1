/**
 * Fiscal years (ปีงบประมาณ) in พ.ศ.: a fiscal year runs 1 October – 30 September and is named by
 * the Buddhist-era year in which it ends (1 Oct 2024 – 30 Sep 2025 is 2568).
 */

/** The Buddhist-era year of a Gregorian year (2025 → 2568). */
export const BE_OFFSET = 543;

/** The fiscal year (พ.ศ.) of a day, taken in Bangkok time. */
export function fiscalYearOf(day: Date | string): number {
  const [y, m] = bangkokYearMonth(day);
  return y + BE_OFFSET + (m >= 10 ? 1 : 0);
}

function bangkokYearMonth(day: Date | string): [number, number] {
  if (typeof day === "string") {
    const match = /^(\d{4})-(\d{2})/.exec(day);
    if (!match) throw new RangeError(`not a day: ${day}`);
    return [Number(match[1]), Number(match[2])];
  }
  const shifted = new Date(day.getTime() + 7 * 3600_000);
  return [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1];
}

/** The first and last day (YYYY-MM-DD, Gregorian) of a fiscal year named in พ.ศ. */
export function fiscalYearBounds(year: number): { start: string; end: string } {
  const ce = year - BE_OFFSET;
  return { start: `${ce - 1}-10-01`, end: `${ce}-09-30` };
}

/** The fiscal years a plan covers, in order (2566 for 5 years → 2566 … 2570). */
export function planYears(plan: { firstYear: number; years: number }): number[] {
  return Array.from({ length: plan.years }, (_, i) => plan.firstYear + i);
}

/** The last fiscal year of a plan. */
export function lastYear(plan: { firstYear: number; years: number }): number {
  return plan.firstYear + plan.years - 1;
}

/**
 * Splits an amount in baht over fiscal years in whole satang: equal shares, the satang left over
 * go to the first years, so the shares always add up to the amount.
 */
export function splitOverYears(amount: number, years: number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (!years.length) return out;
  const satang = Math.round(amount * 100);
  const base = Math.floor(satang / years.length);
  let rest = satang - base * years.length;
  for (const y of years) {
    out.set(y, (base + (rest > 0 ? 1 : 0)) / 100);
    if (rest > 0) rest--;
  }
  return out;
}

/** True when two ranges of fiscal years share at least one year. */
export function yearsOverlap(a: readonly number[], b: readonly number[]): boolean {
  const set = new Set(a);
  return b.some((y) => set.has(y));
}
