import { test } from "node:test";
import assert from "node:assert/strict";
import { participation, type HearingComment } from "./participation.ts";

const c = (over: Partial<HearingComment>): HearingComment => ({
  authorId: null,
  authorName: "",
  villageId: null,
  kind: "comment",
  status: "open",
  phase: "hearing",
  ...over,
});

test("participants are counted once per village; account holders fall back to their member village", () => {
  const report = participation(
    [
      c({ authorId: 1 }),
      c({ authorId: 1, kind: "suggestion", status: "accepted" }),
      c({ authorName: "นางมาลี  ทองมา", villageId: 10 }),
      c({ authorName: "นางมาลี ทองมา", villageId: 10, kind: "suggestion" }),
      c({ authorName: "นางมาลี ทองมา", villageId: 11 }),
      c({ authorId: 2 }),
      c({ authorId: 3, phase: "draft" }),
    ],
    new Map([
      [1, 10],
      [2, null],
      [3, 11],
    ]),
  );
  assert.deepEqual(report.byVillage.get(10), {
    villageId: 10,
    people: 2,
    comments: 2,
    suggestions: 2,
    accepted: 1,
  });
  assert.deepEqual(report.byVillage.get(11), {
    villageId: 11,
    people: 1,
    comments: 1,
    suggestions: 0,
    accepted: 0,
  });
  assert.equal(report.byVillage.get(null)!.people, 1, "member 2 has no village");
  assert.equal(report.people, 4, "comments made while drafting do not count");
  assert.equal(report.villagesReached, 2);
});
