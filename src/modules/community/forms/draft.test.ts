import { test } from "node:test";
import assert from "node:assert/strict";
import type { FormDefinition } from "./definition.ts";
import {
  choicesText,
  findItem,
  itemValues,
  moveItem,
  parseChoices,
  putItem,
  removeItem,
  renameRef,
} from "./draft.ts";

const EMPTY: FormDefinition = { title: { th: "ท" }, formId: "f", items: [], choices: {} };

function put(def: FormDefinition, body: Record<string, string>, editing?: string): FormDefinition {
  const r = putItem(def, body, editing);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  return r.value;
}

test("questions go into a repeat, are edited in place, moved out, moved and removed", () => {
  let def = put(EMPTY, { kind: "repeat", name: "members", label_th: "สมาชิก", max_count: "12" });
  def = put(def, {
    kind: "question",
    type: "integer",
    name: "age",
    label_th: "อายุ",
    min: "0",
    max: "120",
    parent: "members",
  });
  def = put(def, {
    kind: "question",
    type: "select_multiple",
    name: "cond",
    label_th: "ภาวะ",
    parent: "members",
    choices: "a = ก | A\n\nb = ข",
  });
  assert.deepEqual(def.choices.cond, [
    { name: "a", label: { th: "ก", en: "A" } },
    { name: "b", label: { th: "ข" } },
  ]);
  assert.equal(findItem(def, "age")?.parent, "members");
  const values = itemValues(def, findItem(def, "cond")!.item, "members");
  assert.equal(values.choices, "a = ก | A\nb = ข");
  def = put(def, { ...values, label_th: "ภาวะที่ติดตาม", parent: "" }, "cond");
  assert.deepEqual(
    def.items.map((i) => i.name),
    ["members", "cond"],
  );
  assert.equal(def.items[1]!.label.th, "ภาวะที่ติดตาม");
  def = moveItem(def, "cond", true)!;
  assert.deepEqual(
    def.items.map((i) => i.name),
    ["cond", "members"],
  );
  assert.deepEqual(
    moveItem(def, "cond", true)!.items.map((i) => i.name),
    ["cond", "members"],
  );
  def = removeItem(def, "members")!;
  assert.deepEqual(
    def.items.map((i) => i.name),
    ["cond"],
  );
  assert.equal(removeItem(def, "ghost"), undefined);
});

test("bad fields are refused per field and the draft is not touched", () => {
  const def = put(EMPTY, { kind: "group", name: "g", label_th: "กลุ่ม" });
  const before = structuredClone(def);
  const r = putItem(def, {
    kind: "question",
    type: "rank",
    name: "g",
    label_th: "",
    relevant: "${x} = = 1",
    constraint: "${nobody} > 1",
    min: "สิบ",
    choices: "",
    parent: "nowhere",
  });
  assert.equal(r.ok, false);
  const errors = !r.ok ? r.errors : {};
  assert.equal(errors.type?.key, "err.choice");
  assert.equal(errors.name?.key, "form.logic.def.duplicate");
  assert.equal(errors.label_th?.key, "err.required");
  assert.equal(errors.relevant?.key, "form.logic.expr.expected");
  assert.equal(errors.constraint?.key, "form.logic.def.unknownRef");
  assert.equal(errors.parent?.key, "err.choice");
  assert.deepEqual(def, before);
  const expr = putItem(def, {
    kind: "question",
    type: "text",
    name: "a",
    label_th: "ก",
    relevant: "1 = = 1",
  });
  assert.equal(!expr.ok && expr.errors.relevant?.key, "form.logic.expr.expected");
  assert.equal(!expr.ok && expr.errors.relevant?.vars?.pos, 5);
  const choices = putItem(def, {
    kind: "question",
    type: "select_one",
    name: "s",
    label_th: "ส",
    choices: "a = x\na = y",
  });
  assert.equal(!choices.ok && choices.errors.choices?.key, "form.choicesInvalid");
  const range = putItem(def, {
    kind: "question",
    type: "integer",
    name: "n",
    label_th: "น",
    min: "5",
    max: "1",
  });
  assert.equal(!range.ok && range.errors.max?.key, "form.logic.def.range");
  const inside = putItem(
    put(def, { kind: "group", name: "h", label_th: "ข", parent: "g" }),
    { kind: "group", name: "g", label_th: "ก", parent: "h" },
    "g",
  );
  assert.equal(!inside.ok && inside.errors.parent?.key, "err.choice");
});

test("choices text reads back what it writes", () => {
  const cs = parseChoices("yes = ใช่ | Yes\nno = ไม่ใช่");
  assert.deepEqual(parseChoices(choicesText(cs!)), cs);
  assert.equal(parseChoices("no equals sign"), null);
});

test("renaming a question rewrites the expressions that name it, quoted text left alone", () => {
  let def = put(EMPTY, { kind: "question", type: "yesno", name: "smokes", label_th: "สูบ" });
  def = put(def, { kind: "question", type: "integer", name: "smokes_not", label_th: "ไม่" });
  def = put(def, { kind: "repeat", name: "members", label_th: "สมาชิก" });
  def = put(def, {
    kind: "question",
    type: "integer",
    name: "cigarettes",
    label_th: "มวน",
    parent: "members",
    relevant: "${smokes} = 'yes' and ${smokes} != '${smokes}'",
    constraint: ". > 0 or ${smokes_not} = 1",
  });
  def = put(
    def,
    { kind: "question", type: "yesno", name: "tobacco", label_th: "สูบ", parent: "" },
    "smokes",
  );
  const q = findItem(def, "cigarettes")!.item as { relevant?: string; constraint?: string };
  assert.equal(q.relevant, "${tobacco} = 'yes' and ${tobacco} != '${smokes}'");
  assert.equal(q.constraint, ". > 0 or ${smokes_not} = 1", "another name that starts alike");
  assert.equal(findItem(def, "smokes"), undefined);
  assert.equal(renameRef('${a} + ${ab} + "${a}"', "a", "b"), '${b} + ${ab} + "${a}"');
});
