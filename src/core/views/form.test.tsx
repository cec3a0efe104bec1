import assert from "node:assert/strict";
import { test } from "node:test";
import { renderToString } from "preact-render-to-string";
import type { ComponentChildren } from "preact";
import { core } from "../i18n/messages.ts";
import type { Lang } from "../i18n/index.ts";
import { ViewContext, type ViewCtx } from "./ctx.ts";
import {
  CheckGroup,
  DateField,
  DateInput,
  dateParts,
  ErrorSummary,
  failedForm,
  Field,
  field,
  Fields,
  FormError,
  SelectField,
  TextArea,
  ThaiEnglishFields,
} from "./form.tsx";
import { Pager } from "./pager.tsx";
import { fail } from "../result.ts";

function render(
  node: ComponentChildren,
  lang: Lang = "th",
  digits: "arabic" | "thai" = "arabic",
): string {
  const ctx = { lang, t: core.t(lang), csrf: () => "x", digits } as unknown as ViewCtx;
  return renderToString(<ViewContext.Provider value={ctx}>{node}</ViewContext.Provider>);
}

test("a date field shows a stored date as day, Thai month and พ.ศ. year, and what was typed after an error", () => {
  assert.deepEqual(dateParts("2026-12-05"), { d: "5", m: "12", y: "2569", t: "" });
  assert.deepEqual(dateParts("31/2/2568"), { d: "31", m: "2", y: "2568", t: "" });
  assert.deepEqual(dateParts("2026-12-05T09:30"), { d: "5", m: "12", y: "2569", t: "09:30" });
  const html = render(
    <DateField form={{ values: { due: "2026-12-05" }, errors: {} }} name="due" label="กำหนดส่ง" />,
  );
  assert.match(html, /name="due__d"[^>]*value="5"/);
  assert.match(html, /<option value="12" selected>ธันวาคม<\/option>/);
  assert.match(html, /name="due__y"[^>]*value="2569"/);
  const failed = failedForm({ due: "31/2/2568" }, fail("due", "err.date").errors, "th");
  const again = render(<DateField form={failed} name="due" label="กำหนดส่ง" />);
  assert.match(again, /name="due__d"[^>]*value="31"/);
  assert.match(again, /class="error" id="f-due-err"/);
  assert.match(again, /aria-invalid="true"/);
});

test("a date field is in ค.ศ. in English, in the tambon's digits in Thai, and takes a time", () => {
  assert.deepEqual(dateParts("2026-12-05", "en"), { d: "5", m: "12", y: "2026", t: "" });
  const en = render(
    <DateField form={{ values: { due: "2026-12-05" }, errors: {} }} name="due" label="Due" />,
    "en",
  );
  assert.match(en, /name="due__y"[^>]*value="2026"/);
  assert.match(en, /<option value="12" selected>December<\/option>/);
  assert.doesNotMatch(en, /B\.E\.|2569/);
  const thai = render(
    <DateField
      form={{ values: { at: "2026-12-05T09:30" }, errors: {} }}
      name="at"
      time
      label="เผยแพร่"
    />,
    "th",
    "thai",
  );
  assert.match(thai, /name="at__d"[^>]*value="๕"/);
  assert.match(thai, /name="at__y"[^>]*value="๒๕๖๙"/);
  assert.match(thai, /name="at__t"[^>]*value="๐๙:๓๐"/);
  assert.doesNotMatch(thai, /type="(date|datetime-local|time)"/);
  const filter = render(<DateInput id="a-from" name="from" label="ตั้งแต่" value="2026-01-31" />);
  assert.match(filter, /^<fieldset class="date-input" id="a-from"><legend>ตั้งแต่<\/legend>/);
  assert.match(filter, /name="from__d"[^>]*value="31"/);
  assert.match(filter, /<option value="1" selected>มกราคม<\/option>/);
  assert.doesNotMatch(filter, /required/);
});

test("a text area keeps what was typed, escaped, and a check group ticks the chosen values", () => {
  const html = render(
    <TextArea form={{ values: { body: "<b>น้ำ</b>" }, errors: {} }} name="body" label="เนื้อหา" />,
  );
  assert.match(html, /&lt;b>น้ำ&lt;\/b>|&lt;b&gt;น้ำ&lt;\/b&gt;/);
  const group = render(
    <CheckGroup
      form={{ values: {}, errors: {} }}
      name="pillar"
      label="เสาหลัก"
      options={[
        { value: "1", label: "สุขภาพ" },
        { value: "2", label: "การศึกษา" },
      ]}
      checked={["2"]}
    />,
  );
  assert.match(group, /<legend>/);
  assert.doesNotMatch(group, /value="1" checked/);
  assert.match(group, /value="2" checked/);
});

test("fields of one of several forms on a page carry its scope in their ids, and show the record's value until the user typed", () => {
  const failed = failedForm(
    { title: "" },
    { ...fail("title", "form.required").errors, ...fail("_form", "error.403").errors },
    "th",
  );
  const field = render(
    <Field scope="ch-7" form={failed} name="title" label="ชื่อหมวด" value="เดิม" required />,
  );
  assert.match(field, /<label for="f-ch-7-title">/);
  assert.match(field, /id="f-ch-7-title-err"/);
  assert.doesNotMatch(field, /เดิม/, "what the user sent wins over the record's value");
  const fresh = render(<Field scope="ch-7" name="title" label="ชื่อหมวด" value="เดิม" />);
  assert.match(fresh, /id="f-ch-7-title"[^>]*value="เดิม"/);
  assert.doesNotMatch(fresh, /has-error/);
  const summary = render(<ErrorSummary scope="ch-7" form={failed} />);
  assert.match(summary, /<a href="#f-ch-7-title">/);
  assert.doesNotMatch(summary, /#f-ch-7-_form|#f-_form/, "the whole form's error links nowhere");
  assert.match(render(<FormError form={failed} />), /role="alert"/);
  assert.equal(render(<FormError form={emptyState} />), "");
  const select = (placeholder?: boolean | string) =>
    render(
      <SelectField
        scope="v"
        name="area"
        label="ประเด็น"
        value="2"
        placeholder={placeholder}
        options={[
          { value: "1", label: "หนึ่ง" },
          { value: "2", label: "สอง" },
        ]}
      />,
    );
  assert.match(select(), /<option value>— เลือก —<\/option>/);
  assert.match(select(""), /<option value><\/option>/);
  assert.doesNotMatch(select(false), /<option value>/);
  assert.match(select(false), /<option value="2" selected>สอง/);
});

const emptyState = { values: {}, errors: {} };

test("the pager links to the neighbouring pages only, and hides on a list of one page", () => {
  const href = (p: number) => `/news?page=${p}`;
  assert.equal(render(<Pager page={1} pages={1} total={3} href={href} />), "");
  const first = render(<Pager page={1} pages={3} total={45} href={href} />, "en");
  assert.doesNotMatch(first, /rel="prev"/);
  assert.match(first, /href="\/news\?page=2" rel="next"/);
  assert.match(first, /Page 1 of 3 \(45 items\)/);
  const last = render(<Pager page={3} pages={3} total={45} href={href} />);
  assert.match(last, /href="\/news\?page=2" rel="prev"/);
  assert.doesNotMatch(last, /rel="next"/);
});

test("a Thai and English pair is the two fields it stands for, one-line or multi-line", () => {
  const form = failedForm(
    { nameTh: "ก", nameEn: "b" },
    fail("nameTh", "err.required").errors,
    "th",
  );
  assert.equal(
    render(
      <ThaiEnglishFields
        form={form}
        name="name"
        label="ชื่อ"
        labelEn="ชื่อ (อังกฤษ)"
        hint="ชื่อเต็ม"
        required
        maxLength={120}
      />,
    ),
    render(
      <>
        <Field form={form} name="nameTh" label="ชื่อ" hint="ชื่อเต็ม" required maxLength={120} />
        <Field form={form} name="nameEn" label="ชื่อ (อังกฤษ)" maxLength={120} />
      </>,
    ),
  );
  assert.equal(
    render(
      <ThaiEnglishFields
        multiline
        form={emptyState}
        name="bio"
        label="ประวัติ"
        labelEn="ประวัติ (อังกฤษ)"
        rows={3}
        maxLength={3000}
      />,
    ),
    render(
      <>
        <TextArea form={emptyState} name="bioTh" label="ประวัติ" rows={3} maxLength={3000} />
        <TextArea form={emptyState} name="bioEn" label="ประวัติ (อังกฤษ)" rows={3} maxLength={3000} />
      </>,
    ),
  );
});

test("a form's fields described as data draw the same markup as the components written out", () => {
  const form = {
    values: { name: "บ้าน <ดี>", kind: "b", note: "a\nb", due: "2026-12-05", ok: "1" },
    errors: { name: "ต้องกรอก", due: "วันที่ไม่ถูกต้อง" },
  };
  const options = [
    { value: "a", label: "ก" },
    { value: "b", label: "ข" },
  ];
  const written = render(
    <>
      <Field form={form} scope="s" name="name" label="ชื่อ" required maxLength={40} hint="h" />
      <SelectField form={form} scope="s" name="kind" label="ประเภท" options={options} />
      <TextArea form={form} scope="s" name="note" label="หมายเหตุ" rows={3} />
      <DateField form={form} scope="s" name="due" label="กำหนด" required />
      <CheckGroup
        form={form}
        scope="s"
        name="ok"
        label="ตกลง"
        options={[{ value: "1", label: "ใช่" }]}
      />
      <ThaiEnglishFields form={form} name="title" label="ชื่อไทย" labelEn="English" />
    </>,
  );
  const described = render(
    <Fields
      form={form}
      scope="s"
      fields={[
        { name: "name", label: "ชื่อ", required: true, maxLength: 40, hint: "h" },
        false,
        { kind: "select", name: "kind", label: "ประเภท", options },
        { kind: "textarea", name: "note", label: "หมายเหตุ", rows: 3 },
        null,
        { kind: "date", name: "due", label: "กำหนด", required: true },
        { kind: "checks", name: "ok", label: "ตกลง", options: [{ value: "1", label: "ใช่" }] },
        { kind: "thaiEnglish", name: "title", label: "ชื่อไทย", labelEn: "English" },
      ]}
    />,
  );
  assert.equal(described, written);
  const inLines = render(
    <Fields
      form={form}
      scope="s"
      fields={[
        field.text("name", "ชื่อ", { required: true, maxLength: 40, hint: "h" }),
        field.select("kind", "ประเภท", options),
        field.textarea("note", "หมายเหตุ", { rows: 3 }),
        field.date("due", "กำหนด", { required: true }),
        field.checks("ok", "ตกลง", [{ value: "1", label: "ใช่" }]),
        field.thaiEnglish("title", "ชื่อไทย", "English"),
      ]}
    />,
  );
  assert.equal(inLines, written, "the one-line specs are the same fields");
  assert.deepEqual(field.check("agree", "ยอมรับ", { value: "yes" }), {
    kind: "check",
    name: "agree",
    label: "ยอมรับ",
    value: "yes",
  });
  assert.deepEqual(field.file("photo", "ภาพ", { accept: ".jpg", types: "JPEG", maxBytes: 9 }), {
    kind: "file",
    name: "photo",
    label: "ภาพ",
    accept: ".jpg",
    types: "JPEG",
    maxBytes: 9,
  });
  assert.match(described, /id="f-s-name"/);
  assert.match(described, /บ้าน &lt;ดี>/);
  assert.match(described, /<option value="b" selected>ข<\/option>/);
});
