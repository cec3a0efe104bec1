import { test } from "node:test";
import assert from "node:assert/strict";
import { meaningfulWords, similarity } from "./similarity.ts";

test("the same project written two ways is found alike", () => {
  assert.ok(similarity("โครงการส่งเสริมสุขภาพผู้สูงอายุ", "โครงการดูแลสุขภาพผู้สูงอายุในชุมชน") >= 0.6);
  assert.ok(similarity("โครงการป้องกันและควบคุมโรคไข้เลือดออก", "รณรงค์ป้องกันโรคไข้เลือดออกในหมู่บ้าน") >= 0.6);
  assert.ok(
    similarity("โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3", "ก่อสร้างถนนคอนกรีต สายบ้านนา หมู่ 3") >= 0.5,
  );
});

test("projects about different things are not alike, however alike their framing", () => {
  assert.ok(similarity("โครงการส่งเสริมสุขภาพผู้สูงอายุ", "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก") < 0.1);
  assert.ok(similarity("โครงการอบรมอาชีพสตรี", "โครงการป้องกันไข้เลือดออก") < 0.1);
  // Both "ส่งเสริม … ผู้…": the shared framing words are dropped.
  assert.ok(similarity("โครงการส่งเสริมสุขภาพผู้สูงอายุ", "โครงการส่งเสริมอาชีพผู้พิการ") < 0.2);
});

test("a related project ranks above an unrelated one", () => {
  const title = "โครงการคัดแยกขยะในครัวเรือน";
  const related = similarity(title, "โครงการธนาคารขยะชุมชน");
  const unrelated = similarity(title, "โครงการจัดหาครุภัณฑ์การแพทย์");
  assert.ok(related > unrelated);
  assert.ok(related > 0.15);
});

test("stop words go only as whole words: การ stays inside พิการ", () => {
  assert.deepEqual(meaningfulWords("โครงการส่งเสริมอาชีพผู้พิการ หมู่ที่ 5"), ["อาชีพ", "พิการ"]);
  assert.equal(similarity("", "โครงการ"), 0);
  assert.equal(similarity("ขยะ", "ขยะ"), 1);
});
