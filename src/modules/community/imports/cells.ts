import { arabicDigits } from "../../../core/dates.ts";
import type { Village } from "../../../core/commands/tambons.ts";

/** Words that mean the whole tambon in a village column. */
const WHOLE_TAMBON = new Set(["", "0", "ทั้งตำบล", "ตำบล", "tambon", "whole tambon", "all"]);

/** A village read from a cell ("3", "หมู่ 3", "ม.3", "หมู่ที่ 3"): its หมู่ที่, or null. */
export function mooOf(raw: string): number | null {
  const m = /^(?:หมู่ที่|หมู่|ม\.|moo)?\s*(\d{1,3})$/i.exec(arabicDigits(raw).trim());
  return m ? Number(m[1]) : null;
}

/** True when a village cell names the whole tambon. */
export const isWholeTambon = (raw: string) =>
  WHOLE_TAMBON.has(arabicDigits(raw).trim().toLowerCase());

/** The villages of a tambon by หมู่ที่. */
export const villagesByMoo = (list: readonly Village[]) => new Map(list.map((v) => [v.moo, v.id]));

/** The village a cell names (by `villagesByMoo`), or undefined when the tambon has no such หมู่. */
export function villageIdOf(byMoo: ReadonlyMap<number, number>, raw: string): number | undefined {
  const moo = mooOf(raw);
  return moo === null ? undefined : byMoo.get(moo);
}

/**
 * A day read from a cell: "2530-04-13" or "13/4/2530" (พ.ศ. when the year is past 2400, else
 * ค.ศ.), Thai digits too, as "YYYY-MM-DD" (Gregorian); null when not a real day.
 */
export function dayOf(raw: string): string | null {
  const s = arabicDigits(raw).trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)))
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  if (y > 2400) y -= 543;
  if (y < 1850 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  // Written out, not through a Date: an import reads a million of them.
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** The days of month `m` (1–12) of Gregorian year `y`. */
function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** A non-negative number from a cell ("1,234.5", Thai digits), null when empty, undefined when bad. */
export function numberOf(raw: string): number | null | undefined {
  const s = arabicDigits(raw).trim().replace(/,/g, "");
  if (s === "") return null;
  if (!/^\d{1,12}(\.\d{1,6})?$/.test(s)) return undefined;
  return Number(s);
}
