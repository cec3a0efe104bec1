import { test } from "node:test";
import assert from "node:assert/strict";
import {
  CLOSING,
  blankDoc,
  cleanText,
  docFromTexts,
  isCharterDoc,
  maxKey,
  numberDoc,
  suggestSplit,
  type CharterDoc,
} from "./document.ts";
import { applyOp, type DocOp } from "./document-ops.ts";

/** Three chapters of 2, 3 and 1 clauses, and one closing clause; keys 1–13. */
function sample(): { doc: CharterDoc; nextKey: number } {
  return docFromTexts({
    title: "ธรรมนูญสุขภาพตำบลทดลอง",
    preamble: "เหตุผล",
    definitions: [["ตำบล", "ตำบลทดลอง"]],
    chapters: [
      ["สุขภาพกาย", ["ก", "ข"]],
      ["สิ่งแวดล้อม", ["ค", "ง", "จ"]],
      ["เศรษฐกิจ", ["ฉ"]],
    ],
    closing: ["ให้ใช้บังคับ"],
  });
}

function apply(doc: CharterDoc, op: DocOp, nextKey = 100): CharterDoc {
  const r = applyOp(doc, op, nextKey);
  if (!r.ok) throw new Error(`${op.op} failed: ${r.error}`);
  return r.doc;
}

/** "clause key:number" in reading order, chapters separated by |. */
function layout(doc: CharterDoc): string {
  const n = numberDoc(doc);
  return [...doc.chapters.map((c) => c.clauses), doc.closing]
    .map((list) => list.map((cl) => `${cl.key}:${n.clause.get(cl.key)}`).join(" "))
    .join(" | ");
}

test("clauses are numbered continuously across chapters, then the closing clauses", () => {
  const { doc } = sample();
  const n = numberDoc(doc);
  assert.equal(layout(doc), "3:1 4:2 | 6:3 7:4 8:5 | 10:6 | 11:7");
  assert.deepEqual(
    [...n.chapter],
    [
      [2, 1],
      [5, 2],
      [9, 3],
    ],
  );
  assert.equal(n.sectionOf.get(11), CLOSING);
  assert.equal(n.clauses, 7);
});

test("moving a clause renumbers every clause after the change", () => {
  const { doc } = sample();
  assert.equal(
    layout(apply(doc, { op: "moveClause", key: 8, dir: "up" })),
    "3:1 4:2 | 6:3 8:4 7:5 | 10:6 | 11:7",
  );
  // Up from the first clause of a chapter: to the end of the previous chapter.
  assert.equal(
    layout(apply(doc, { op: "moveClause", key: 6, dir: "up" })),
    "3:1 4:2 6:3 | 7:4 8:5 | 10:6 | 11:7",
  );
  // Down from the last clause of a chapter: to the start of the next one.
  assert.equal(
    layout(apply(doc, { op: "moveClause", key: 4, dir: "down" })),
    "3:1 | 4:2 6:3 7:4 8:5 | 10:6 | 11:7",
  );
  // To another chapter (its end).
  assert.equal(
    layout(apply(doc, { op: "moveClauseTo", key: 3, chapter: 9 })),
    "4:1 | 6:2 7:3 8:4 | 10:5 3:6 | 11:7",
  );
  // Nothing before the first clause, nothing after the last.
  const r = applyOp(doc, { op: "moveClause", key: 3, dir: "up" }, 100);
  assert.equal(r.ok ? "ok" : r.error, "noNeighbour");
  const r2 = applyOp(doc, { op: "moveClause", key: 11, dir: "down" }, 100);
  assert.equal(r2.ok ? "ok" : r2.error, "noNeighbour");
});

test("moving a chapter moves its clauses and renumbers them", () => {
  const { doc } = sample();
  const moved = apply(doc, { op: "moveChapter", key: 9, dir: "up" });
  assert.equal(layout(moved), "3:1 4:2 | 10:3 | 6:4 7:5 8:6 | 11:7");
  assert.equal(numberDoc(moved).chapter.get(9), 2);
  assert.equal(numberDoc(moved).chapter.get(5), 3);
  const r = applyOp(doc, { op: "moveChapter", key: 2, dir: "up" }, 100);
  assert.equal(r.ok ? "ok" : r.error, "noNeighbour");
});

test("adding, splitting, merging and deleting clauses keeps the numbering continuous", () => {
  const { doc, nextKey } = sample();
  const added = applyOp(doc, { op: "addClause", chapter: 2, text: "  ใหม่  ", after: 3 }, nextKey);
  assert.ok(added.ok);
  assert.equal(added.nextKey, nextKey + 1);
  assert.equal(layout(added.doc), "3:1 12:2 4:3 | 6:4 7:5 8:6 | 10:7 | 11:8");
  assert.equal(added.doc.chapters[0]!.clauses[1]!.text, "ใหม่");

  const split = applyOp(doc, { op: "splitClause", key: 7, first: "ง1", second: "ง2" }, nextKey);
  assert.ok(split.ok);
  assert.equal(layout(split.doc), "3:1 4:2 | 6:3 7:4 12:5 8:6 | 10:7 | 11:8");
  assert.equal(split.doc.chapters[1]!.clauses[1]!.text, "ง1");
  assert.equal(split.doc.chapters[1]!.clauses[2]!.text, "ง2");

  const merged = apply(doc, { op: "mergeClause", key: 6 });
  assert.equal(layout(merged), "3:1 4:2 | 6:3 8:4 | 10:5 | 11:6");
  assert.equal(merged.chapters[1]!.clauses[0]!.text, "ค\n\nง");
  const last = applyOp(doc, { op: "mergeClause", key: 4 }, 100);
  assert.equal(
    last.ok ? "ok" : last.error,
    "noNeighbour",
    "a clause merges only with the next in its chapter",
  );

  assert.equal(
    layout(apply(doc, { op: "deleteClause", key: 3 })),
    "4:1 | 6:2 7:3 8:4 | 10:5 | 11:6",
  );
  // The original is never changed.
  assert.equal(layout(doc), "3:1 4:2 | 6:3 7:4 8:5 | 10:6 | 11:7");
});

test("splitting and merging chapters keeps clause numbers and renumbers chapters", () => {
  const { doc, nextKey } = sample();
  const split = applyOp(doc, { op: "splitChapter", key: 5, at: 7, title: "ภัยพิบัติ" }, nextKey);
  assert.ok(split.ok);
  assert.equal(layout(split.doc), "3:1 4:2 | 6:3 | 7:4 8:5 | 10:6 | 11:7");
  assert.deepEqual(
    split.doc.chapters.map((c) => [c.title, numberDoc(split.doc).chapter.get(c.key)]),
    [
      ["สุขภาพกาย", 1],
      ["สิ่งแวดล้อม", 2],
      ["ภัยพิบัติ", 3],
      ["เศรษฐกิจ", 4],
    ],
  );
  const atFirst = applyOp(doc, { op: "splitChapter", key: 5, at: 6, title: "x" }, nextKey);
  assert.equal(atFirst.ok ? "ok" : atFirst.error, "noNeighbour");

  const merged = apply(doc, { op: "mergeChapter", key: 2 });
  assert.equal(layout(merged), "3:1 4:2 6:3 7:4 8:5 | 10:6 | 11:7");
  assert.deepEqual(
    merged.chapters.map((c) => c.title),
    ["สุขภาพกาย", "เศรษฐกิจ"],
  );
  const lastChapter = applyOp(doc, { op: "mergeChapter", key: 9 }, 100);
  assert.equal(lastChapter.ok ? "ok" : lastChapter.error, "noNeighbour");
});

test("a chapter is deleted only when empty", () => {
  const { doc, nextKey } = sample();
  const notEmpty = applyOp(doc, { op: "deleteChapter", key: 9 }, nextKey);
  assert.equal(notEmpty.ok ? "ok" : notEmpty.error, "notEmpty");
  const emptied = apply(doc, { op: "moveClauseTo", key: 10, chapter: 5 });
  const gone = apply(emptied, { op: "deleteChapter", key: 9 });
  assert.equal(gone.chapters.length, 2);
  assert.equal(layout(gone), "3:1 4:2 | 6:3 7:4 8:5 10:6 | 11:7");
});

test("texts are cleaned and checked", () => {
  assert.equal(cleanText("  ก\r\nข  \n\n\n\nค "), "ก\nข\n\nค");
  assert.equal(cleanText("เ\u0e35"), "เ\u0e35".normalize("NFC"));
  const { doc } = sample();
  const empty = applyOp(doc, { op: "editClause", key: 3, text: "   " }, 100);
  assert.deepEqual(empty.ok ? null : [empty.error, empty.field], ["empty", "text"]);
  const long = applyOp(doc, { op: "editClause", key: 3, text: "ก".repeat(5001) }, 100);
  assert.equal(long.ok ? "ok" : long.error, "tooLong");
  const same = applyOp(doc, { op: "editClause", key: 3, text: "ก" }, 100);
  assert.equal(same.ok ? "ok" : same.error, "sameText");
  const missing = applyOp(doc, { op: "editClause", key: 999, text: "x" }, 100);
  assert.equal(missing.ok ? "ok" : missing.error, "notFound");
  const edited = apply(doc, { op: "editClause", key: 3, text: "ก ใหม่" });
  assert.equal(edited.chapters[0]!.clauses[0]!.text, "ก ใหม่");
});

test("definitions are added, edited, moved and deleted; keys are never reused", () => {
  const { doc, nextKey } = sample();
  const added = applyOp(
    doc,
    { op: "addDefinition", term: "ผู้ก่อการดี", meaning: "ผู้อำนวยความสะดวก" },
    nextKey,
  );
  assert.ok(added.ok);
  assert.equal(added.doc.definitions[1]!.key, nextKey);
  const moved = apply(added.doc, { op: "moveDefinition", key: nextKey, dir: "up" });
  assert.deepEqual(
    moved.definitions.map((d) => d.term),
    ["ผู้ก่อการดี", "ตำบล"],
  );
  const deleted = apply(moved, { op: "deleteDefinition", key: 1 });
  assert.equal(deleted.definitions.length, 1);
  const again = applyOp(
    deleted,
    { op: "addClause", chapter: CLOSING, text: "ทบทวนทุก 5 ปี" },
    added.nextKey,
  );
  assert.ok(again.ok);
  assert.equal(maxKey(again.doc), nextKey + 1);
});

test("a blank document has the closing clauses; a split is suggested at the first blank line", () => {
  const { doc, nextKey } = blankDoc("ธรรมนูญ", ["ใช้บังคับ", "ทบทวน"], 1);
  assert.equal(nextKey, 3);
  assert.equal(layout(doc), "1:1 2:2");
  assert.ok(isCharterDoc(doc));
  assert.ok(!isCharterDoc({ title: "x" }));
  assert.deepEqual(suggestSplit("หนึ่ง\n\nสอง\n\nสาม"), { first: "หนึ่ง", second: "สอง\n\nสาม" });
  assert.deepEqual(suggestSplit("หนึ่งเดียว"), { first: "หนึ่งเดียว", second: "" });
});
