import { test } from "node:test";
import assert from "node:assert/strict";
import {
  hiddenCells,
  hiddenTable,
  publishedMean,
  publishedRate,
  suppressOne,
  suppressRow,
} from "./suppress.ts";

test("counts of 1 to 4 are hidden; 0 and 5 or more are shown", () => {
  assert.deepEqual(suppressRow([0, 5, 12]), [0, 5, 12]);
  assert.equal(suppressOne(4), null);
  assert.equal(suppressOne(1), null);
  assert.equal(suppressOne(0), 0);
  assert.equal(suppressOne(5), 5);
});

test("one hidden cell in a row hides the next-smallest non-zero cell too", () => {
  // 3 alone hidden could be worked out from the total 3 + 0 + 20 + 9.
  assert.deepEqual(suppressRow([3, 0, 20, 9]), [null, 0, 20, null]);
  // Two small cells already protect each other: nothing more is hidden.
  assert.deepEqual(suppressRow([2, 4, 20, 9]), [null, null, 20, 9]);
  // With only zeros beside it, a zero is the complement.
  assert.deepEqual(hiddenCells([2, 0]), [true, true]);
  // A row of one cell hides only itself.
  assert.deepEqual(hiddenCells([3]), [true]);
});

test("a table hides complements in its rows and in its columns", () => {
  const hidden = hiddenTable([
    [3, 10, 13],
    [8, 9, 17],
    [7, 6, 13],
  ]);
  // 3 hides its row's next-smallest (10) and its column's next-smallest (7); those in turn
  // leave no row or column with one hidden cell.
  for (const [r, row] of hidden.entries()) {
    const n = row.filter(Boolean).length;
    assert.ok(n !== 1, `row ${r} has exactly one hidden cell`);
  }
  for (let c = 0; c < 3; c++) {
    const n = hidden.filter((row) => row[c]).length;
    assert.ok(n !== 1, `column ${c} has exactly one hidden cell`);
  }
  assert.equal(hidden[0]![0], true);
  assert.equal(hidden[1]![1] || hidden[1]![0] || hidden[2]![0], true);
});

test("a rate is hidden with its count, or when its denominator is small", () => {
  assert.equal(publishedRate(null, 40), null);
  assert.equal(publishedRate(2, 4), null);
  assert.equal(publishedRate(10, 40), 25);
  assert.equal(publishedRate(1, 3), null);
  assert.equal(publishedRate(0, 0), null);
  assert.equal(publishedMean(10, 4), null);
  assert.equal(publishedMean(12, 5), 2.4);
});
