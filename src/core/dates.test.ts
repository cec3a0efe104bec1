import { test } from "node:test";
import assert from "node:assert/strict";
import { buddhistYear, displayYear, formatDate, todayIso } from "./dates.ts";

test("Thai dates use the Buddhist era", () => {
  assert.equal(formatDate("2009-03-06", "th"), "6 มีนาคม 2552");
  assert.equal(formatDate("2009-03-06", "en"), "6 March 2009");
  assert.equal(buddhistYear("2026-01-01"), 2569);
  assert.equal(displayYear("2026-01-01", "th"), 2569);
  assert.equal(displayYear("2026-01-01", "en"), 2026);
});

test("dates are taken in Bangkok time", () => {
  // 2025-12-31 20:00 UTC is already 1 January 2026 in Bangkok.
  assert.equal(todayIso(new Date("2025-12-31T20:00:00Z")), "2026-01-01");
  assert.equal(buddhistYear(new Date("2025-12-31T20:00:00Z")), 2569);
});
