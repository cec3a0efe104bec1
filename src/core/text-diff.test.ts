import { test } from "node:test";
import assert from "node:assert/strict";
import { tokens, wordDiff } from "./text-diff.ts";

test("Thai text is split into words, not characters or whole lines", () => {
  assert.deepEqual(tokens("ธรรมนูญสุขภาพตำบล"), ["ธรรมนูญ", "สุขภาพ", "ตำบล"]);
});

test("a word-level diff marks only the changed Thai words", () => {
  const parts = wordDiff("ลดการใช้โฟมในงานบุญ", "ลดการใช้พลาสติกในงานบุญ");
  assert.deepEqual(
    parts.filter((p) => p.kind !== "same"),
    [
      { kind: "del", text: "โฟม" },
      { kind: "add", text: "พลาสติก" },
    ],
  );
  assert.equal(
    parts
      .filter((p) => p.kind !== "add")
      .map((p) => p.text)
      .join(""),
    "ลดการใช้โฟมในงานบุญ",
  );
  assert.equal(
    parts
      .filter((p) => p.kind !== "del")
      .map((p) => p.text)
      .join(""),
    "ลดการใช้พลาสติกในงานบุญ",
  );
});

test("identical texts give one unchanged run", () => {
  assert.deepEqual(wordDiff("เหมือนเดิม", "เหมือนเดิม"), [{ kind: "same", text: "เหมือนเดิม" }]);
});
