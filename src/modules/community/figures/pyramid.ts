import { hiddenTable, suppressRow } from "./suppress.ts";

/** Five-year age bands 0–4 … 75–79, then 80 and over (17 bands). */
export const BAND_COUNT = 17;
export const BAND_YEARS = 5;

/** The band of an age in whole years (negative ages count as 0; 80 and over share the last). */
export function bandOf(age: number): number {
  return Math.min(BAND_COUNT - 1, Math.max(0, Math.floor(age / BAND_YEARS)));
}

/** "0–4", …, "75–79", "80+". */
export function bandLabel(band: number): string {
  const from = band * BAND_YEARS;
  return band === BAND_COUNT - 1 ? `${from}+` : `${from}–${from + BAND_YEARS - 1}`;
}

/** Age in whole years on a day (both "YYYY-MM-DD"). */
export function ageOn(birth: string, day: string): number {
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** People counted by band and sex, as the query gives them. */
export interface BandCount {
  band: number;
  sex: string;
  n: number;
}

/** The pyramid as published: per band, men and women (null: "<5"). */
export interface Pyramid {
  male: (number | null)[];
  female: (number | null)[];
  /** People with a birth date and a sex of male or female, counted here. */
  counted: number;
}

/**
 * Builds the published pyramid from counts per band and sex. Each sex's bands add up to that
 * sex's total, so each column is suppressed as one row (small cells and their complement).
 */
export function pyramidOf(rows: readonly BandCount[]): Pyramid {
  const male = new Array<number>(BAND_COUNT).fill(0);
  const female = new Array<number>(BAND_COUNT).fill(0);
  let counted = 0;
  for (const r of rows) {
    const band = Math.min(BAND_COUNT - 1, Math.max(0, r.band));
    if (r.sex === "male") male[band]! += r.n;
    else if (r.sex === "female") female[band]! += r.n;
    else continue;
    counted += r.n;
  }
  return { male: suppressRow(male), female: suppressRow(female), counted };
}

/** People counted by village, band and sex. */
export interface VillageBandCount extends BandCount {
  villageId: number;
}

/**
 * The tambon's pyramid and each village's, suppressed together: for each sex, villages × bands
 * is one table whose rows add up to the village's count of that sex and whose columns add up to
 * the tambon's band, so a village's hidden cell is never the tambon's cell less the other
 * villages' published ones (complementary suppression across villages, per cell).
 */
export function villagePyramids(
  rows: readonly VillageBandCount[],
  villageIds: readonly number[],
): { tambon: Pyramid; villages: Map<number, Pyramid> } {
  const index = new Map(villageIds.map((id, i) => [id, i]));
  const table = () => villageIds.map(() => new Array<number>(BAND_COUNT).fill(0));
  const male = table();
  const female = table();
  const counted = villageIds.map(() => 0);
  for (const r of rows) {
    const v = index.get(r.villageId);
    if (v === undefined) continue;
    const band = Math.min(BAND_COUNT - 1, Math.max(0, r.band));
    if (r.sex === "male") male[v]![band]! += r.n;
    else if (r.sex === "female") female[v]![band]! += r.n;
    else continue;
    counted[v]! += r.n;
  }
  const hideMale = hiddenTable(male);
  const hideFemale = hiddenTable(female);
  const villages = new Map<number, Pyramid>();
  villageIds.forEach((id, v) =>
    villages.set(id, {
      male: male[v]!.map((n, b) => (hideMale[v]![b] ? null : n)),
      female: female[v]!.map((n, b) => (hideFemale[v]![b] ? null : n)),
      counted: counted[v]!,
    }),
  );
  const sumBands = (t: number[][]) =>
    Array.from({ length: BAND_COUNT }, (_, b) => t.reduce((a, row) => a + row[b]!, 0));
  const tambon: Pyramid = {
    male: suppressRow(sumBands(male)),
    female: suppressRow(sumBands(female)),
    counted: counted.reduce((a, b) => a + b, 0),
  };
  return { tambon, villages };
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The pyramid as an SVG drawing (no script): bands from the oldest at the top, men to the left,
 * women to the right, each bar with its count ("<5" for a hidden one). It scales to the page's
 * width through its viewBox.
 */
export function pyramidSvg(
  p: Pyramid,
  words: { title: string; male: string; female: string; hidden: string },
): string {
  // Narrow enough that a phone shows it near its own size (the text stays readable).
  const width = 380;
  const rowH = 18;
  const top = 30;
  const mid = width / 2;
  const labelW = 46;
  const half = mid - labelW / 2 - 34;
  const height = top + BAND_COUNT * rowH + 8;
  const max = Math.max(1, ...p.male.map((n) => n ?? 0), ...p.female.map((n) => n ?? 0));
  const fmt = (n: number | null) => (n === null ? words.hidden : n.toLocaleString("th-TH"));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(words.title)}" class="pyramid" font-family="Sarabun, Tahoma, sans-serif" font-size="12">`,
    `<title>${esc(words.title)}</title>`,
    `<text x="${mid - labelW / 2 - 4}" y="16" text-anchor="end" fill="#1f5f8b" font-weight="bold">${esc(words.male)}</text>`,
    `<text x="${mid + labelW / 2 + 4}" y="16" fill="#8b3a62" font-weight="bold">${esc(words.female)}</text>`,
  ];
  for (let b = BAND_COUNT - 1; b >= 0; b--) {
    const y = top + (BAND_COUNT - 1 - b) * rowH;
    const m = p.male[b] ?? null;
    const f = p.female[b] ?? null;
    const mw = m === null ? 0 : (m / max) * half;
    const fw = f === null ? 0 : (f / max) * half;
    const mx = mid - labelW / 2;
    const fx = mid + labelW / 2;
    out.push(
      `<text x="${mid}" y="${y + 13}" text-anchor="middle" fill="#333">${bandLabel(b)}</text>`,
      `<rect x="${(mx - mw).toFixed(1)}" y="${y + 2}" width="${mw.toFixed(1)}" height="${rowH - 4}" fill="#1f5f8b"/>`,
      `<rect x="${fx}" y="${y + 2}" width="${fw.toFixed(1)}" height="${rowH - 4}" fill="#8b3a62"/>`,
      `<text x="${(mx - mw - 3).toFixed(1)}" y="${y + 13}" text-anchor="end" fill="#222">${esc(fmt(m))}</text>`,
      `<text x="${(fx + fw + 3).toFixed(1)}" y="${y + 13}" fill="#222">${esc(fmt(f))}</text>`,
    );
  }
  out.push("</svg>");
  return out.join("");
}
