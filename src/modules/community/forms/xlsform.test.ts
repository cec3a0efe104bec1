import { test } from "node:test";
import assert from "node:assert/strict";
import { writeWorkbook, type Cell } from "../../../core/xlsx.ts";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { FormDefinition } from "./definition.ts";
import { HOUSEHOLD_SURVEY } from "./demo-survey.ts";
import { formatXlsFormError, readXlsForm, writeXlsForm, type XlsFormError } from "./xlsform.ts";

async function roundTrip(def: FormDefinition): Promise<FormDefinition> {
  const r = await readXlsForm(await writeXlsForm(def));
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  return r.value;
}

const EDGE: FormDefinition = {
  title: { th: "แบบทดสอบ" },
  formId: "edge-1",
  choices: {
    fruit: [
      { name: "mango", label: { th: "มะม่วง", en: "Mango" } },
      { name: "durian", label: { th: "ทุเรียน" } },
    ],
  },
  items: [
    { kind: "question", type: "note", name: "intro", label: { th: "อ่านก่อน" } },
    {
      kind: "question",
      type: "decimal",
      name: "weight",
      label: { th: "น้ำหนัก", en: "Weight" },
      min: -1.5,
      constraint: "string-length(.) < 6",
      constraintMessage: { th: "ยาวไป" },
    },
    { kind: "question", type: "integer", name: "upto", label: { th: "ไม่เกิน" }, max: 9 },
    {
      kind: "group",
      name: "outer",
      label: { th: "นอก" },
      relevant: "${weight} > 1",
      items: [
        {
          kind: "repeat",
          name: "kids",
          label: { th: "เด็ก" },
          items: [
            {
              kind: "question",
              type: "select_multiple",
              name: "likes",
              list: "fruit",
              label: { th: "ชอบ" },
              required: true,
              requiredMessage: { th: "เลือกด้วย", en: "Pick one" },
              hint: { th: "เลือกได้หลายข้อ" },
            },
          ],
        },
      ],
    },
  ],
};

test("the demo survey and an edge-case form survive export and import unchanged", async () => {
  assert.deepEqual(await roundTrip(HOUSEHOLD_SURVEY), HOUSEHOLD_SURVEY);
  assert.deepEqual(await roundTrip(EDGE), EDGE);
});

const SURVEY_HEAD = ["type", "name", "label::Thai (th)", "relevant", "constraint", "required"];

async function errorsOf(survey: Cell[][], choices: Cell[][] = []): Promise<XlsFormError[]> {
  const buf = await writeWorkbook([
    { name: "survey", rows: [SURVEY_HEAD, ...survey] },
    { name: "choices", rows: [["list_name", "name", "label"], ...choices] },
    {
      name: "settings",
      rows: [
        ["form_title", "form_id"],
        ["ทดสอบ", "t"],
      ],
    },
  ]);
  const r = await readXlsForm(buf);
  assert.equal(r.ok, false);
  return (r as { ok: false; errors: XlsFormError[] }).errors;
}

test("a Kobo-style workbook: plain label column, metadata rows, TRUE() and yes/no lists", async () => {
  const buf = await writeWorkbook([
    {
      name: "survey",
      rows: [
        ["type", "name", "label", "required", "appearance"],
        ["start", "start", "", "", ""],
        ["select_one yn", "ok", "ดีไหม", "TRUE()", "minimal"],
        ["integer", "n", "จำนวน", "false", ""],
      ],
    },
    {
      name: "choices",
      rows: [
        ["list_name", "name", "label"],
        ["yn", "yes", "ใช่"],
        ["yn", "no", "ไม่"],
        ["x", "a", "ก"],
      ],
    },
  ]);
  const r = await readXlsForm(buf);
  assert.ok(r.ok);
  assert.deepEqual(r.value.items, [
    { kind: "question", type: "yesno", name: "ok", label: { th: "ดีไหม" }, required: true },
    { kind: "question", type: "integer", name: "n", label: { th: "จำนวน" } },
  ]);
  assert.deepEqual(Object.keys(r.value.choices), []);
  assert.equal(r.value.formId, "form");
});

test("each error class names its row", async () => {
  const found = (errs: XlsFormError[]) => errs.map((e) => `${e.sheet}:${e.row}:${e.key}`);
  assert.deepEqual(
    found(
      await errorsOf([
        ["text", "a", "ก"],
        ["rank", "b", "ข"],
      ]),
    ),
    ["survey:3:xls.type"],
  );
  assert.deepEqual(found(await errorsOf([["calculate", "c", ""]])), ["survey:2:xls.type"]);
  assert.deepEqual(found(await errorsOf([["select_one nope", "c", "ค"]])), [
    "survey:2:xls.unknownList",
  ]);
  assert.deepEqual(
    found(
      await errorsOf([
        ["begin group", "g", "ก"],
        ["text", "a", "ก"],
      ]),
    ),
    ["survey:2:xls.unclosed"],
  );
  assert.deepEqual(
    found(
      await errorsOf([
        ["text", "a", "ก"],
        ["end repeat", "", ""],
      ]),
    ),
    ["survey:3:xls.unopened"],
  );
  assert.deepEqual(found(await errorsOf([["text", "2bad", "ก"]])), ["survey:2:def.badName"]);
  assert.deepEqual(
    found(
      await errorsOf([
        ["text", "a", "ก"],
        ["text", "a", "ข"],
      ]),
    ),
    ["survey:3:def.duplicate"],
  );
  assert.deepEqual(found(await errorsOf([["text", "a", "ก", "${a} = = 1"]])), [
    "survey:2:expr.expected",
  ]);
  assert.deepEqual(found(await errorsOf([["text", "a", "ก", "", "", "maybe"]])), [
    "survey:2:xls.required",
  ]);
  assert.deepEqual(found(await errorsOf([["text", "a", "ก", "${zz} = 1"]])), [
    "survey:2:def.unknownRef",
  ]);
  assert.deepEqual(found(await errorsOf([["text", "a", "ก"]], [["x", "", "y"]])), [
    "choices:2:xls.choice",
  ]);

  const [rank] = await errorsOf([
    ["text", "a", "ก"],
    ["text", "b", "ข"],
    ["rank", "r", "ร"],
  ]);
  assert.equal(formatXlsFormError(rank!, "th"), "แถว 4 ชีต survey: ชนิด 'rank' ไม่รองรับ");
  assert.equal(
    formatXlsFormError(rank!, "en"),
    "Row 4, sheet survey: Type 'rank' is not supported",
  );
  const [expr] = await errorsOf([["text", "a", "ก", "${a} = = 1"]]);
  assert.equal(
    formatXlsFormError(expr!, "th"),
    "แถว 2 ชีต survey: ตำแหน่งที่ 8: ต้องการ ${…} ' \" 0-9 . ( fn() แต่พบ =",
  );
});

test("bytes that are not a workbook are refused, not thrown", async () => {
  const r = await readXlsForm(new TextEncoder().encode("type,name\ntext,a"));
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.errors[0]?.key, "xls.workbook");
});

test("a form workbook with a NUL character in a cell is refused naming the cell", async () => {
  const book = await writeWorkbook([
    {
      name: "survey",
      rows: [
        ["type", "name", "label"],
        ["text", "q1", "MARK"],
      ],
    },
  ]);
  const parts = unzipSync(new Uint8Array(book));
  for (const [name, data] of Object.entries(parts)) {
    const xml = strFromU8(data);
    if (xml.includes("MARK")) parts[name] = strToU8(xml.replace("MARK", "ชื่อ_x0000_"));
  }
  const r = await readXlsForm(zipSync(parts));
  assert.equal(r.ok, false);
  const e = !r.ok ? r.errors[0]! : undefined;
  assert.deepEqual(e && { key: e.key, vars: e.vars }, {
    key: "xls.nul",
    vars: { sheet: "survey", cell: "C2" },
  });
  assert.equal(
    formatXlsFormError(e!, "en"),
    "Cell C2 of sheet “survey” holds a NUL control character, which cannot be stored. Remove it and try again.",
  );
  assert.equal(
    formatXlsFormError(e!, "th"),
    "เซลล์ C2 ของแผ่นงาน “survey” มีอักขระควบคุม (NUL) ที่บันทึกไม่ได้ กรุณาลบอักขระนั้นแล้วลองใหม่",
  );
});
