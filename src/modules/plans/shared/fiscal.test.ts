import { test } from "node:test";
import assert from "node:assert/strict";
import {
  fiscalYearBounds,
  fiscalYearOf,
  lastYear,
  planYears,
  splitOverYears,
  yearsOverlap,
} from "./fiscal.ts";

test("a fiscal year is named by the พ.ศ. year in which it ends (October boundary)", () => {
  assert.equal(fiscalYearOf("2024-09-30"), 2567);
  assert.equal(fiscalYearOf("2024-10-01"), 2568);
  assert.equal(fiscalYearOf("2025-09-30"), 2568);
  assert.equal(fiscalYearOf("2025-10-01"), 2569);
  assert.equal(fiscalYearOf("2025-01-15"), 2568);
});

test("an instant counts in Bangkok time: 17:00 UTC on 30 September is already 1 October", () => {
  assert.equal(fiscalYearOf(new Date("2024-09-30T16:59:59Z")), 2567);
  assert.equal(fiscalYearOf(new Date("2024-09-30T17:00:00Z")), 2568);
});

test("a fiscal year's first and last days", () => {
  assert.deepEqual(fiscalYearBounds(2568), { start: "2024-10-01", end: "2025-09-30" });
  assert.equal(fiscalYearOf(fiscalYearBounds(2570).start), 2570);
  assert.equal(fiscalYearOf(fiscalYearBounds(2570).end), 2570);
});

test("a five-year plan from 2566 covers 2566 to 2570", () => {
  assert.deepEqual(planYears({ firstYear: 2566, years: 5 }), [2566, 2567, 2568, 2569, 2570]);
  assert.equal(lastYear({ firstYear: 2566, years: 5 }), 2570);
  assert.deepEqual(planYears({ firstYear: 2571, years: 1 }), [2571]);
});

test("a budget split over years adds up to the amount to the satang", () => {
  const split = splitOverYears(100_000, [2566, 2567, 2568]);
  assert.deepEqual([...split.values()], [33_333.34, 33_333.33, 33_333.33]);
  const total = [...split.values()].reduce((a, b) => a + b, 0);
  assert.equal(Math.round(total * 100), 10_000_000);
  assert.deepEqual([...splitOverYears(0.05, [1, 2]).values()], [0.03, 0.02]);
  assert.equal(splitOverYears(500, []).size, 0);
});

test("ranges of years overlap when they share a year", () => {
  assert.ok(yearsOverlap([2566, 2567], [2567, 2568]));
  assert.ok(!yearsOverlap([2566, 2567], [2568]));
  assert.ok(!yearsOverlap([], [2568]));
});
