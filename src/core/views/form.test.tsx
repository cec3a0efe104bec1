import assert from "node:assert/strict";
import { test } from "node:test";
import { renderToString } from "preact-render-to-string";
import type { ComponentChildren } from "preact";
import { core } from "../i18n/messages.ts";
import type { Lang } from "../i18n/index.ts";
import { ViewContext, type ViewCtx } from "./ctx.ts";
import { CheckGroup, DateField, dateParts, failedForm, TextArea } from "./form.tsx";
import { Pager } from "./pager.tsx";
import { fail } from "../result.ts";

function render(node: ComponentChildren, lang: Lang = "th"): string {
  const ctx = { lang, t: core.t(lang), csrf: () => "x" } as unknown as ViewCtx;
  return renderToString(<ViewContext.Provider value={ctx}>{node}</ViewContext.Provider>);
}

test("a date field shows a stored date as day, Thai month and พ.ศ. year, and what was typed after an error", () => {
  assert.deepEqual(dateParts("2026-12-05"), { d: "5", m: "12", y: "2569" });
  assert.deepEqual(dateParts("31/2/2568"), { d: "31", m: "2", y: "2568" });
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
