/**
 * Small counts in anything public: a count of 1 to 4 people or households could point at them, so
 * it is shown as "<5" (null here). Complementary suppression: when a row of cells adds up to a
 * total that is shown, one hidden cell could be worked out from the total and the others, so the
 * next-smallest cell of the row is hidden too. A rate is hidden when its numerator or its
 * denominator is hidden or small.
 */

/** Counts below this (and above 0) are not published. */
export const MIN_PUBLISHED = 5;

/** True when a count may not be published on its own (1 to 4). */
export const isSmall = (n: number): boolean => n > 0 && n < MIN_PUBLISHED;

/**
 * Which cells of a row to hide: every small cell, and when exactly one cell is hidden, the
 * smallest of the others too (a non-zero one first, so the hidden pair is not simply 0 and a
 * count worked out from the total). A row of one cell hides only that cell when small.
 */
export function hiddenCells(counts: readonly number[]): boolean[] {
  const hidden = counts.map(isSmall);
  const n = hidden.filter(Boolean).length;
  if (n !== 1 || counts.length < 2) return hidden;
  let pick = -1;
  for (const wantNonZero of [true, false]) {
    for (let i = 0; i < counts.length; i++) {
      if (hidden[i] || (wantNonZero && counts[i] === 0)) continue;
      if (pick < 0 || counts[i]! < counts[pick]!) pick = i;
    }
    if (pick >= 0) break;
  }
  if (pick >= 0) hidden[pick] = true;
  return hidden;
}

/** A row's counts as published: a hidden cell becomes null ("<5"). */
export function suppressRow(counts: readonly number[]): (number | null)[] {
  const hidden = hiddenCells(counts);
  return counts.map((c, i) => (hidden[i] ? null : c));
}

/** A single published count (a total with nothing beside it): null when small. */
export const suppressOne = (n: number): number | null => (isSmall(n) ? null : n);

/**
 * A share in per cent (one decimal) as published: null when its count was hidden (`count`
 * null) or its denominator is small; null too when there is nothing to divide by.
 */
export function publishedRate(count: number | null, denominator: number): number | null {
  if (count === null || denominator <= 0 || isSmall(denominator)) return null;
  return Math.round((count / denominator) * 1000) / 10;
}

/** A mean as published: null when fewer than five answers make it. */
export function publishedMean(sum: number, answered: number): number | null {
  if (answered <= 0 || isSmall(answered)) return null;
  return Math.round((sum / answered) * 100) / 100;
}

/**
 * Which cells of a table to hide when both its rows and its columns have totals that are shown
 * (villages × choices, with the tambon's row and each village's number of answers): small
 * cells, then the complement of any row or column left with one hidden cell, until none is.
 */
export function hiddenTable(matrix: readonly (readonly number[])[]): boolean[][] {
  const hidden = matrix.map((row) => row.map(isSmall));
  const cols = Math.max(0, ...matrix.map((r) => r.length));
  const complete = (cells: { v: number; h: boolean; set: () => void }[]) => {
    if (cells.length < 2 || cells.filter((c) => c.h).length !== 1) return false;
    const open = cells.filter((c) => !c.h);
    const nonZero = open.filter((c) => c.v > 0);
    const pool = nonZero.length ? nonZero : open;
    pool.reduce((a, b) => (b.v < a.v ? b : a)).set();
    return true;
  };
  for (let pass = 0; pass < 20; pass++) {
    let changed = false;
    for (let r = 0; r < matrix.length; r++)
      changed =
        complete(
          matrix[r]!.map((v, c) => ({ v, h: hidden[r]![c]!, set: () => (hidden[r]![c] = true) })),
        ) || changed;
    for (let c = 0; c < cols; c++)
      changed =
        complete(
          matrix
            .map((row, r) => ({ row, r }))
            .filter(({ row }) => c < row.length)
            .map(({ row, r }) => ({
              v: row[c]!,
              h: hidden[r]![c]!,
              set: () => (hidden[r]![c] = true),
            })),
        ) || changed;
    if (!changed) break;
  }
  return hidden;
}
