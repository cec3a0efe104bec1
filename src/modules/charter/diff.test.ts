import { test } from "node:test";
import assert from "node:assert/strict";
import { applyOp, type DocOp } from "./document-ops.ts";
import { docFromTexts, type CharterDoc } from "./document.ts";
import { diffCharters, hasChanges, sameDigitsDiff, type DiffPart } from "./diff.ts";

/** Two chapters of two clauses and one closing clause; keys 1–8 in reading order. */
const { doc: base } = docFromTexts({
  title: "ธรรมนูญสุขภาพตำบลละงู",
  preamble: "ประชาชนตำบลละงูร่วมกันจัดทำธรรมนูญนี้",
  definitions: [["ผู้ก่อการดี", "อาสาสมัครผู้ประสานงาน"]],
  chapters: [
    ["สุขภาพกายและใจ", ["ทุกหมู่บ้านจัดให้มีลานออกกำลังกาย", "ลดการใช้โฟมในงานบุญและงานเลี้ยง"]],
    ["สิ่งแวดล้อม", ["คัดแยกขยะที่ต้นทางทุกครัวเรือน", "ไม่เผาขยะในที่โล่ง"]],
  ],
  closing: ["ธรรมนูญนี้ให้ใช้บังคับตั้งแต่วันที่ประชาคมรับรอง"],
});

function apply(doc: CharterDoc, ...ops: DocOp[]): CharterDoc {
  let d = doc;
  let next = 100;
  for (const op of ops) {
    const r = applyOp(d, op, next);
    if (!r.ok) throw new Error(`${op.op}: ${r.error}`);
    d = r.doc;
    next = r.nextKey;
  }
  return d;
}

const side = (parts: DiffPart[], drop: "add" | "del") =>
  parts
    .filter((p) => p.kind !== drop)
    .map((p) => p.text)
    .join("");

test("a changed Thai clause shows only the changed words, and both sides rebuild the texts", () => {
  const after = apply(base, { op: "editClause", key: 4, text: "ลดการใช้พลาสติกในงานบุญและงานเลี้ยง" });
  const diff = diffCharters(base, after);
  const c = diff.clauses.find((x) => x.key === 4)!;
  assert.equal(c.kind, "changed");
  assert.deepEqual(
    c.parts!.filter((p) => p.kind !== "same"),
    [
      { kind: "del", text: "โฟม" },
      { kind: "add", text: "พลาสติก" },
    ],
  );
  assert.equal(side(c.parts!, "add"), "ลดการใช้โฟมในงานบุญและงานเลี้ยง");
  assert.equal(side(c.parts!, "del"), "ลดการใช้พลาสติกในงานบุญและงานเลี้ยง");
  assert.deepEqual(diff.summary, { added: 0, removed: 0, changed: 1, moved: 0, renumbered: 0 });
  assert.ok(diff.clauses.filter((x) => x.key !== 4).every((x) => x.kind === "same"));
  assert.ok(hasChanges(diff));
  assert.ok(!hasChanges(diffCharters(base, base)));
});

test("an inserted clause is 'added' and only renumbers those after it", () => {
  const after = apply(base, { op: "addClause", chapter: 2, text: "ตรวจสุขภาพประจำปี", after: 3 });
  const diff = diffCharters(base, after);
  assert.deepEqual(
    diff.clauses.map(
      (c) => `${c.key}:${c.kind}:${c.before?.number ?? "-"}→${c.after?.number ?? "-"}`,
    ),
    ["3:same:1→1", "100:added:-→2", "4:same:2→3", "6:same:3→4", "7:same:4→5", "8:same:5→6"],
  );
  assert.deepEqual(diff.summary, { added: 1, removed: 0, changed: 0, moved: 0, renumbered: 4 });
});

test("a moved clause is 'moved' (not removed and added), in its new place", () => {
  const after = apply(base, { op: "moveClauseTo", key: 3, chapter: 5 });
  const diff = diffCharters(base, after);
  assert.deepEqual(
    diff.clauses.map((c) => `${c.key}:${c.kind}`),
    ["4:same", "6:same", "7:same", "3:moved", "8:same"],
  );
  const moved = diff.clauses.find((c) => c.key === 3)!;
  assert.deepEqual([moved.before!.chapter, moved.after!.chapter], [1, 2]);
  assert.deepEqual([moved.before!.number, moved.after!.number], [1, 4]);
  assert.equal(diff.summary.moved, 1);
});

test("an edited clause counts as changed; a swap marks one clause moved; a removed one stays where it stood", () => {
  const after = apply(
    base,
    { op: "moveClause", key: 7, dir: "up" },
    { op: "editClause", key: 7, text: "ห้ามเผาขยะในที่โล่ง" },
    { op: "deleteClause", key: 3 },
  );
  const diff = diffCharters(base, after);
  const seven = diff.clauses.find((c) => c.key === 7)!;
  assert.equal(seven.kind, "changed");
  // Two neighbours that swapped places: one of them is out of the common order.
  assert.equal(diff.clauses.filter((c) => (c.key === 6 || c.key === 7) && c.moved).length, 1);
  assert.deepEqual(
    seven.parts!.filter((p) => p.kind !== "same").map((p) => `${p.kind}:${p.text}`),
    ["del:ไม่", "add:ห้าม"],
  );
  assert.equal(diff.clauses[0]!.key, 3);
  assert.equal(diff.clauses[0]!.kind, "removed");
  assert.equal(diff.summary.removed, 1);
});

test("chapters, definitions, title and preamble are compared too", () => {
  const after = apply(
    base,
    { op: "renameChapter", key: 5, title: "สิ่งแวดล้อมและภัยพิบัติ" },
    { op: "moveChapter", key: 5, dir: "up" },
    { op: "addChapter", title: "เศรษฐกิจชุมชน" },
    { op: "editDefinition", key: 1, term: "ผู้ก่อการดี", meaning: "อาสาสมัครผู้เป็นข้อต่อระหว่างหมู่บ้าน" },
    { op: "setPreamble", text: "ประชาชนตำบลละงูทั้ง 18 หมู่บ้านร่วมกันจัดทำธรรมนูญนี้" },
  );
  const diff = diffCharters(base, after);
  assert.deepEqual(
    diff.chapters.map(
      (c) => `${c.key}:${c.kind}:${c.before?.number ?? "-"}→${c.after?.number ?? "-"}`,
    ),
    ["5:renamed:2→1", "2:moved:1→2", "100:added:-→3"],
  );
  assert.equal(diff.definitions[0]!.kind, "changed");
  assert.equal(diff.definitions[0]!.termParts, null);
  assert.equal(side(diff.definitions[0]!.meaningParts!, "add"), "อาสาสมัครผู้ประสานงาน");
  assert.ok(diff.preamble!.some((p) => p.kind === "add" && p.text.includes("18")));
  assert.equal(diff.title, null);
  // The clauses of the two chapters changed places: numbered differently, moved with their chapter.
  const six = diff.clauses.find((c) => c.key === 6)!;
  assert.deepEqual([six.before!.number, six.after!.number, six.renumbered], [3, 1, true]);
});

test("Thai and Arabic digits of the same number are no change; the text shows as written", () => {
  const parts = sameDigitsDiff("ลดขยะลงร้อยละ ๕๕ ภายในปี", "ลดขยะลงร้อยละ 55 ภายในสองปี");
  assert.ok(
    parts.every((p) => p.kind === "same" || !/[0-9๐-๙]/.test(p.text)),
    "no digit marked as added or removed",
  );
  assert.ok(parts.some((p) => p.kind === "same" && p.text.includes("55")));
  assert.ok(
    parts.some((p) => p.kind !== "same"),
    "the real change is still there",
  );
  const changed = sameDigitsDiff("ร้อยละ ๕๕", "ร้อยละ 56");
  assert.ok(changed.some((p) => p.kind === "add" && p.text.includes("56")));
  const only = diffCharters(base, {
    ...base,
    preamble: base.preamble + " ๒๕๖๘",
  });
  const digitsOnly = diffCharters(
    { ...base, preamble: base.preamble + " ๒๕๖๘" },
    { ...base, preamble: base.preamble + " 2568" },
  );
  assert.ok(hasChanges(only));
  assert.equal(hasChanges(digitsOnly), false);
});
