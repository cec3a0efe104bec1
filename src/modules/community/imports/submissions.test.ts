import assert from "node:assert/strict";
import { test } from "node:test";
import type { FormDefinition, Question } from "../forms/definition.ts";
import { answerOf } from "./submissions.ts";

const def: FormDefinition = { title: { th: "ทดสอบ" }, formId: "t", items: [], choices: {} };
const q = (type: Question["type"]): Question => ({
  kind: "question",
  type,
  name: "a",
  label: { th: "ก" },
});

test("a date cell is a day, in the Thai or the ISO way, or the day of an exported moment", () => {
  const days: [string, string][] = [
    ["2024-01-15", "2024-01-15"],
    ["15/01/2567", "2024-01-15"],
    ["2024-01-15T09:30:00.000+07:00", "2024-01-15"],
    ["2024-01-15T02:30:00Z", "2024-01-15"],
  ];
  for (const [cell, day] of days)
    assert.deepEqual(answerOf(q("date"), cell, def), { value: day }, cell);
  for (const cell of ["2024-01-15garbage", "2024-01-15 and more", "2024-02-30", "15/01/25"])
    assert.equal(answerOf(q("date"), cell, def).error, "imp.dateInvalid", cell);
});

test("a geopoint is on the earth: latitude within 90 and longitude within 180 degrees", () => {
  assert.deepEqual(answerOf(q("geopoint"), "6.88 99.79 12 5", def), { value: "6.88 99.79" });
  assert.deepEqual(answerOf(q("geopoint"), "-90 180", def), { value: "-90 180" });
  for (const cell of ["200 500", "6.88 181", "91 99", "6.88", "6.88 99.79 1 2 3", "a b"])
    assert.equal(answerOf(q("geopoint"), cell, def).error, "imp.answerInvalid", cell);
});
