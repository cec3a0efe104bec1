import { test } from "node:test";
import assert from "node:assert/strict";
import { describeAudit, personIdsOf, registerAuditActions } from "./audit-text.ts";

registerAuditActions({
  "test.phase": {
    th: "เปลี่ยนขั้น",
    en: "Moved on",
    values: { stage: { sorting: { th: "คัดแยก", en: "sorting" } } },
  },
});

const names = {
  villages: new Map([[7, "หมู่ที่ 3 บ้านนา"]]),
  people: new Map([
    [41, "สมศรี ใจดี"],
    [42, "อาหมัด หลังเต๊ะ"],
  ]),
};

/** The details of an entry as "label: before → after" lines. */
function lines(
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  lang: "th" | "en" = "th",
) {
  return describeAudit(
    { action, targetId: null, before, after },
    lang,
    "x",
    "arabic",
    names,
  ).details.map((d) => `${d.label}: ${[d.before, d.after].filter(Boolean).join(" → ")}`);
}

test("statuses, phases, roles and kinds read as words, never as codes", () => {
  assert.deepEqual(lines("any", { status: "draft" }, { status: "published" }), [
    "สถานะ: ฉบับร่าง → เผยแพร่แล้ว",
  ]);
  assert.deepEqual(lines("any", null, { roles: ["village_rep", "member"] }), [
    "บทบาท: ตัวแทนหมู่บ้าน, สมาชิก",
  ]);
  assert.deepEqual(lines("any", { phase: "voting" }, { phase: "closed" }, "en"), [
    "Phase: voting → closed",
  ]);
  assert.deepEqual(lines("any", null, { kind: "sao" }), ["ประเภท: องค์การบริหารส่วนตำบล (อบต.)"]);
  // An action's own words for its codes.
  assert.deepEqual(lines("test.phase", null, { stage: "sorting" }), ["Stage: คัดแยก"]);
  // A code nobody gave words to stays as it is.
  assert.deepEqual(lines("any", null, { status: "weird" }), ["สถานะ: weird"]);
});

test("villages and people by name; a count with the same word stays a count", () => {
  assert.deepEqual(lines("any", null, { villageId: 7, added: [41, 42] }), [
    "หมู่บ้าน: หมู่ที่ 3 บ้านนา",
    "เพิ่ม: สมศรี ใจดี, อาหมัด หลังเต๊ะ",
  ]);
  assert.deepEqual(lines("any", null, { villages: 7, added: 2 }), ["หมู่บ้าน: 7", "เพิ่ม: 2"]);
  assert.deepEqual(lines("any", null, { villages: [7] }), ["หมู่บ้าน: หมู่ที่ 3 บ้านนา"]);
  // An id the tambon does not have (another tambon's, or gone) is not guessed at.
  assert.deepEqual(lines("any", null, { villageId: 8 }), ["หมู่บ้าน: 8"]);
  assert.deepEqual(
    personIdsOf({ before: { userId: 41 }, after: { added: [42, 43], userIds: 3 } }),
    [41, 42, 43],
  );
});
