import { test } from "node:test";
import assert from "node:assert/strict";
import {
  buddhistYear,
  displayYear,
  foldDateParts,
  formatDate,
  isIsoDay,
  todayIso,
} from "./dates.ts";

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

test("a date typed as day, month and พ.ศ. year becomes one ISO date, or stays as typed when no such day", () => {
  const body: Record<string, unknown> = {
    due__d: "5",
    due__m: "12",
    due__y: "2569",
    held__d: "๓๑",
    held__m: "2",
    held__y: "๒๕๖๘",
    from__d: "",
    from__m: "",
    from__y: "",
    gregorian__d: "1",
    gregorian__m: "1",
    gregorian__y: "2026",
    text: "2569",
    at__d: "5",
    at__m: "12",
    at__y: "๒๕๖๙",
    at__t: "9.05",
    late__d: "5",
    late__m: "12",
    late__y: "2569",
    late__t: "25:00",
    none__d: "",
    none__m: "",
    none__y: "",
    none__t: "",
    multi__d: { value: "7" },
    multi__m: { value: "1" },
    multi__y: ["2500", "2568"],
  };
  foldDateParts(body);
  assert.equal(body.at, "2026-12-05T09:05", "a date with its time folds as datetime-local sends");
  assert.equal(body.late, "2026-12-05T25:00", "no such time: kept for the form's error");
  assert.equal(body.none, "");
  assert.equal(body.multi, "2025-01-07", "multipart fields and repeated fields are read too");
  assert.equal(body.due, "2026-12-05");
  assert.equal(body.held, "31/2/2568", "31 February is no day: kept as typed for the form's error");
  assert.equal(body.from, "");
  assert.equal(body.gregorian, "2026-01-01");
  assert.equal(body.text, "2569");
  assert.ok(isIsoDay("2024-02-29"));
  assert.ok(!isIsoDay("2025-02-29"));
  assert.ok(!isIsoDay("2025-13-01"));
});
