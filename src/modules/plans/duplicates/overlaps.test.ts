import { test } from "node:test";
import assert from "node:assert/strict";
import { rankOverlaps, type Candidate } from "./overlaps.ts";

const base: Candidate = {
  title: "",
  objectives: "",
  areaId: 1,
  villageIds: [3],
  wholeTambon: false,
  targetGroups: ["elderly"],
  years: [2568],
};
const project = (id: number, c: Partial<Candidate>) => ({
  project: id,
  candidate: { ...base, ...c },
});

const pool = [
  project(1, { title: "โครงการดูแลสุขภาพผู้สูงอายุในชุมชน" }),
  project(2, { title: "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก", areaId: 3, targetGroups: [] }),
  project(3, { title: "โครงการส่งเสริมสุขภาพผู้สูงอายุ", villageIds: [7], years: [2567] }),
  project(4, { title: "โครงการออกกำลังกายผู้สูงอายุ", wholeTambon: true, villageIds: [] }),
  project(5, { title: "โครงการอบรมอาชีพสตรี", targetGroups: ["women"] }),
];

test("a proposal finds the alike projects, most alike first, and not the road or the training", () => {
  const found = rankOverlaps({ ...base, title: "โครงการส่งเสริมสุขภาพผู้สูงอายุ หมู่ที่ 3" }, pool);
  const ids = found.map((o) => o.project);
  // The same title (in another village and year) first, then the same project written otherwise.
  assert.deepEqual(ids.slice(0, 2), [3, 1]);
  assert.ok(ids.includes(4), "a whole-tambon project for the same group overlaps");
  assert.ok(!ids.includes(2));
  assert.ok(!ids.includes(5));
  const first = found[1]!;
  assert.ok(first.sameArea && first.sameVillages && first.sameTargets && first.sameYears);
  const third = found.find((o) => o.project === 3)!;
  assert.equal(third.sameVillages, false);
  assert.equal(third.sameYears, false);
});

test("different issue areas and unlike titles do not overlap", () => {
  const found = rankOverlaps(
    { ...base, title: "โครงการปลูกป่าชายเลน", areaId: 2, targetGroups: ["everyone"] },
    pool,
  );
  assert.deepEqual(found, []);
});
