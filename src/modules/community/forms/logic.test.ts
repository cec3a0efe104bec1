import { test } from "node:test";
import assert from "node:assert/strict";
import type { Answers, FormDefinition, Question } from "./definition.ts";
import {
  checkDefinition,
  cleanAnswers,
  evaluate,
  parseExpression,
  validateAnswers,
} from "./logic.ts";
import { formatLogicError } from "./logic-messages.ts";
import { HOUSEHOLD_SURVEY } from "./demo-survey.ts";

const TODAY = "2026-12-05";

function ev(src: string, answers: Answers = {}, dot?: unknown): unknown {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(`${src}: ${JSON.stringify(r.error)}`);
  return evaluate(r.value, { lookup: (n) => answers[n], dot, today: TODAY });
}

function err(src: string) {
  const r = parseExpression(src);
  assert.equal(r.ok, false, `${src} should be refused`);
  return (r as { ok: false; error: { key: string; pos: number; vars: Record<string, unknown> } })
    .error;
}

test("arithmetic and boolean precedence follow XPath", () => {
  assert.equal(ev("1 + 2 * 3"), 7);
  assert.equal(ev("(1 + 2) * 3"), 9);
  assert.equal(ev("7 div 2"), 3.5);
  assert.equal(ev("7 mod 3 + 1"), 2);
  assert.equal(ev("10 - 2 - 3"), 5);
  assert.equal(ev("-2 * -3"), 6);
  assert.equal(ev("1 + 1 = 2 and 3 > 2"), true);
  assert.equal(ev("1 = 2 or 2 = 2 and 3 = 4"), false);
  assert.equal(ev("1 = 2 and 2 = 2 or 3 = 3"), true);
  assert.equal(ev("not(1 = 1) or 2 < 1"), false);
  assert.equal(ev("1 < 2 = 1 < 3"), true);
});

test("strings, equality and the functions of the subset", () => {
  assert.equal(ev("'a' = \"a\""), true);
  assert.equal(ev("'ab' != 'ab'"), false);
  assert.equal(ev("string-length('ข้าว')"), 4);
  assert.equal(ev("int(7.9)"), 7);
  assert.equal(ev("int(-7.9)"), -7);
  assert.equal(ev("number('12.5') + 1"), 13.5);
  assert.equal(ev("if(${x} > 3, 'big', 'small')", { x: 5 }), "big");
  assert.equal(ev("coalesce(${x}, 'none')"), "none");
  assert.equal(ev("coalesce(${x}, 'none')", { x: "v" }), "v");
  assert.equal(ev("regex(${id}, '^[0-9]{13}$')", { id: "1234567890123" }), true);
  assert.equal(ev("regex(${id}, '^[0-9]{13}$')", { id: "12345" }), false);
  assert.equal(ev("today()"), TODAY);
  assert.equal(ev("true() and not(false())"), true);
});

test("unanswered is the empty string, and NaN compares false", () => {
  assert.equal(ev("${x} = ''"), true);
  assert.equal(ev("${x} > 3"), false);
  assert.equal(ev("${x} <= 3"), false);
  assert.ok(Number.isNaN(ev("number(${x})") as number));
  assert.equal(ev("number(${x}) = number(${x})"), false);
});

test("select_multiple: selected and count-selected", () => {
  const a = { k: ["diabetes", "hypertension"] };
  assert.equal(ev("selected(${k}, 'diabetes')", a), true);
  assert.equal(ev("selected(${k}, 'other')", a), false);
  assert.equal(ev("count-selected(${k})", a), 2);
  assert.equal(ev("count-selected(${k})"), 0);
});

test("dates compare as ISO strings and subtract as days", () => {
  assert.equal(ev(". <= today()", {}, "2026-01-01"), true);
  assert.equal(ev(". <= today()", {}, "2027-01-01"), false);
  assert.equal(ev("${d} > '2020-02-28'", { d: "2020-02-29" }), true);
  assert.equal(ev("today() - ${d}", { d: "2026-12-01" }), 4);
  assert.equal(ev("(today() - ${d}) div 365.25 >= 15", { d: "2010-01-01" }), true);
  assert.equal(ev("(today() - ${d}) div 365.25 >= 15", { d: "2015-01-01" }), false);
  assert.equal(ev("(today() - ${d}) div 365.25 >= 15"), false);
});

test("count of a repeat", () => {
  assert.equal(ev("count(${m})", { m: [{}, {}, {}] as unknown as string }), 3);
  assert.equal(ev("count(${m})"), 0);
});

test("refused expressions say where and what was expected", () => {
  let e = err("1 +");
  assert.equal(e.key, "expr.expected");
  assert.equal(e.pos, 3);
  e = err("${a} = 'x");
  assert.equal(e.key, "expr.unclosedString");
  assert.equal(e.pos, 7);
  e = err("${a} == 1");
  assert.equal(e.key, "expr.expected");
  assert.equal(e.pos, 6);
  e = err("age(${d}) > 15");
  assert.equal(e.key, "expr.unknownFunction");
  assert.equal(e.vars.name, "age");
  e = err("selected(${a})");
  assert.equal(e.key, "expr.arity");
  e = err("(1 + 2");
  assert.equal(e.key, "expr.expected");
  assert.equal(e.vars.expected, ")");
  e = err("$a > 1");
  assert.equal(e.key, "expr.badRef");
  e = err("1 2");
  assert.equal(e.key, "expr.unexpected");
  assert.equal(e.pos, 2);
  e = err("count('x')");
  assert.equal(e.key, "expr.countNeedsRef");
  e = err("regex(., '[')");
  assert.equal(e.key, "expr.badRegex");
  e = err("1 # 2");
  assert.equal(e.vars.found, "#");
  assert.equal(err("   ").key, "expr.empty");
  const text = formatLogicError(
    { path: "x", key: "expr.expected", vars: err("1 +").vars as never },
    "th",
  );
  assert.match(text, /ตำแหน่งที่ 4/);
});

const q = (name: string, type: Question["type"], extra: Partial<Question> = {}): Question => ({
  kind: "question",
  type,
  name,
  label: { th: name },
  ...extra,
});

const FORM: FormDefinition = {
  title: { th: "ทดสอบ" },
  formId: "t",
  choices: {
    c: [
      { name: "a", label: { th: "ก" } },
      { name: "b", label: { th: "ข" } },
    ],
  },
  items: [
    q("has_pet", "yesno", { required: true }),
    q("pet_count", "integer", { relevant: "${has_pet} = 'yes'", required: true, min: 1, max: 20 }),
    q("pet_kind", "select_multiple", { list: "c", relevant: "${pet_count} > 2" }),
    q("weight", "decimal", {
      constraint: ". > 0 and . < 500",
      constraintMessage: { th: "น้ำหนักผิด", en: "Bad weight" },
    }),
    q("visit", "date"),
    q("where", "geopoint"),
    {
      kind: "group",
      name: "g",
      label: { th: "กลุ่ม" },
      relevant: "${has_pet} = 'yes'",
      items: [q("vet", "select_one", { list: "c" })],
    },
    {
      kind: "repeat",
      name: "members",
      label: { th: "สมาชิก" },
      maxCount: 3,
      items: [
        q("age", "integer", { required: true, constraint: ". < 130" }),
        q("job", "text", { relevant: "${age} >= 15 and ${has_pet} = 'yes'", required: true }),
      ],
    },
  ],
};

test("skip logic chains drop answers of questions that become irrelevant", () => {
  const kept = cleanAnswers(
    FORM,
    { has_pet: "no", pet_count: 5, pet_kind: ["a"], vet: "a", junk: "x", weight: 3 },
    { today: TODAY },
  );
  assert.deepEqual(kept, { has_pet: "no", weight: 3 });
  const kept2 = cleanAnswers(
    FORM,
    { has_pet: "yes", pet_count: 2, pet_kind: ["a"] },
    { today: TODAY },
  );
  assert.deepEqual(kept2, { has_pet: "yes", pet_count: 2 });
});

test("required, type, range and constraint errors on relevant questions only", () => {
  const errs = validateAnswers(
    FORM,
    { has_pet: "yes", pet_count: 25, weight: 600, visit: "2026-02-30", where: "99 100", vet: "z" },
    { today: TODAY },
  );
  const by = Object.fromEntries(errs.map((e) => [e.path, e]));
  assert.equal(by.pet_count?.key, "answer.max");
  assert.equal(by.weight?.key, "answer.constraint");
  assert.equal(formatLogicError(by.weight!, "en"), "Bad weight");
  assert.equal(by.visit?.key, "answer.date");
  assert.equal(by.where?.key, "answer.geopoint");
  assert.equal(by.vet?.key, "answer.choice");
  assert.deepEqual(
    validateAnswers(FORM, {}, { today: TODAY }).map((e) => e.path),
    ["has_pet"],
  );
  assert.equal(
    validateAnswers(FORM, { has_pet: "yes" }, { today: TODAY })[0]?.key,
    "answer.required",
  );
  assert.equal(
    validateAnswers(FORM, { has_pet: "maybe" }, { today: TODAY })[0]?.key,
    "answer.choice",
  );
  assert.equal(
    validateAnswers(FORM, { has_pet: "no", weight: "3" }, { today: TODAY })[0]?.key,
    "answer.decimal",
  );
  assert.equal(
    validateAnswers(FORM, { has_pet: "yes", pet_count: 1.5 }, { today: TODAY })[0]?.key,
    "answer.integer",
  );
  assert.deepEqual(
    validateAnswers(FORM, { has_pet: "yes", pet_count: 3, pet_kind: ["a", "b"] }, { today: TODAY }),
    [],
  );
  assert.equal(
    validateAnswers(
      FORM,
      { has_pet: "yes", pet_count: 3, pet_kind: ["a", "x"] },
      { today: TODAY },
    )[0]?.key,
    "answer.choice",
  );
});

test("repeats: siblings first, then the top level; paths carry the entry", () => {
  const answers: Answers = {
    has_pet: "no",
    members: [{ age: 40, job: "farmer" }, { age: 10 }, { age: 140 }],
  };
  assert.deepEqual(cleanAnswers(FORM, answers, { today: TODAY }).members, [
    { age: 40 },
    { age: 10 },
    { age: 140 },
  ]);
  const errs = validateAnswers(
    FORM,
    { ...answers, has_pet: "yes", pet_count: 1 },
    { today: TODAY },
  );
  assert.deepEqual(
    errs.map((e) => [e.path, e.key]),
    [
      ["members[3].age", "answer.constraint"],
      ["members[3].job", "answer.required"],
    ],
  );
  const tooMany = validateAnswers(FORM, {
    has_pet: "no",
    members: [{ age: 1 }, { age: 1 }, { age: 1 }, { age: 1 }],
  });
  assert.equal(tooMany[0]?.key, "answer.tooMany");
  assert.equal(validateAnswers(FORM, { has_pet: "no", members: "x" })[0]?.key, "answer.repeat");
});

test("the demo survey is a valid definition whose skip logic works", () => {
  assert.deepEqual(checkDefinition(HOUSEHOLD_SURVEY), []);
  const answers: Answers = {
    members: [
      { member_name: "ก", birth_date: "1980-01-01", smokes: "yes" },
      { member_name: "ข", birth_date: "2020-01-01", smokes: "yes", cigarettes: 3 },
    ],
  };
  const kept = cleanAnswers(HOUSEHOLD_SURVEY, answers, { today: TODAY });
  assert.deepEqual(kept.members, [
    { member_name: "ก", birth_date: "1980-01-01", smokes: "yes" },
    { member_name: "ข", birth_date: "2020-01-01" },
  ]);
  const errs = validateAnswers(HOUSEHOLD_SURVEY, answers, { today: TODAY });
  assert.ok(errs.some((e) => e.path === "members[1].cigarettes" && e.key === "answer.required"));
  assert.ok(!errs.some((e) => e.path.startsWith("members[2].smokes")));
});

test("checkDefinition finds names, lists, ranges and expressions at fault", () => {
  const bad: FormDefinition = {
    title: { th: "" },
    formId: "1x",
    choices: { c: [{ name: "a b", label: { th: "x" } }] },
    items: [
      q("1st", "text"),
      q("dup", "text"),
      q("dup", "integer", { min: 5, max: 1 }),
      q("pick", "select_one", { list: "nope" }),
      q("r", "text", { relevant: "${ghost} = 1" }),
      q("s", "text", { constraint: "age(.) > 1" }),
      { kind: "group", name: "empty", label: { th: "" }, items: [] },
    ],
  };
  const keys = checkDefinition(bad).map((e) => `${e.path}:${e.key}`);
  assert.deepEqual(keys.sort(), [
    "1st:def.badName",
    ":def.formId",
    ":def.title",
    "c:def.badChoice",
    "dup:def.duplicate",
    "dup:def.range",
    "empty:def.emptyGroup",
    "empty:def.label",
    "pick:def.unknownList",
    "r:def.unknownRef",
    "s:expr.unknownFunction",
  ]);
});
