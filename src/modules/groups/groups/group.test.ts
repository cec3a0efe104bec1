import { test } from "node:test";
import assert from "node:assert/strict";
import {
  changeDays,
  coversDay,
  membersOn,
  nextDay,
  overlaps,
  splitHistory,
  type MembershipLike,
} from "./group.ts";

const rows: MembershipLike[] = [
  { id: 1, name: "สมชาย", position: "chair", startOn: "2025-01-10", endOn: null },
  { id: 2, name: "มาลี", position: "member", startOn: "2025-01-10", endOn: "2025-06-30" },
  { id: 3, name: "อารีย์", position: "secretary", startOn: "2025-03-01", endOn: null },
  // A task member: joined for one task and left after it, then came back for another.
  { id: 4, name: "ยูโซะ", position: "member", startOn: "2025-02-01", endOn: "2025-02-28" },
  { id: 5, name: "ยูโซะ", position: "member", startOn: "2025-09-01", endOn: null },
];

const names = (xs: MembershipLike[]) => xs.map((x) => x.id);

test("members on a date: both ends included, chair then secretary then members", () => {
  assert.deepEqual(names(membersOn(rows, "2025-01-09")), []);
  assert.deepEqual(names(membersOn(rows, "2025-01-10")), [1, 2]);
  assert.deepEqual(names(membersOn(rows, "2025-02-15")), [1, 2, 4]);
  assert.deepEqual(names(membersOn(rows, "2025-02-28")), [1, 2, 4]);
  assert.deepEqual(names(membersOn(rows, "2025-03-01")), [1, 3, 2]);
  assert.deepEqual(names(membersOn(rows, "2025-06-30")), [1, 3, 2]);
  assert.deepEqual(names(membersOn(rows, "2025-07-01")), [1, 3]);
  assert.deepEqual(names(membersOn(rows, "2026-01-01")), [1, 3, 5]);
});

test("history around a day: current, past (latest leaver first) and future members", () => {
  const h = splitHistory(rows, "2025-08-01");
  assert.deepEqual(names(h.current), [1, 3]);
  assert.deepEqual(names(h.past), [2, 4]);
  assert.deepEqual(names(h.future), [5]);
});

test("change days are the joins and the days after leaving", () => {
  assert.deepEqual(changeDays(rows), [
    "2025-01-10",
    "2025-02-01",
    "2025-03-01",
    "2025-07-01",
    "2025-09-01",
  ]);
});

test("days and periods", () => {
  assert.equal(nextDay("2024-02-28"), "2024-02-29");
  assert.equal(nextDay("2025-12-31"), "2026-01-01");
  assert.equal(coversDay({ startOn: "2025-01-01", endOn: null }, "2099-01-01"), true);
  assert.equal(
    overlaps(
      { startOn: "2025-01-01", endOn: "2025-01-31" },
      { startOn: "2025-01-31", endOn: null },
    ),
    true,
  );
  assert.equal(
    overlaps(
      { startOn: "2025-01-01", endOn: "2025-01-30" },
      { startOn: "2025-01-31", endOn: null },
    ),
    false,
  );
});
