import assert from "node:assert/strict";
import { test } from "node:test";
import { renderToString } from "preact-render-to-string";
import type { ComponentChildren } from "preact";
import { core } from "../i18n/messages.ts";
import { ViewContext, type ViewCtx } from "./ctx.ts";
import { ArchiveToggle, ButtonForm } from "./confirm.tsx";

function render(node: ComponentChildren): string {
  const ctx = { lang: "th", t: core.t("th"), csrf: () => "x" } as unknown as ViewCtx;
  return renderToString(<ViewContext.Provider value={ctx}>{node}</ViewContext.Provider>);
}

test("a one-button form posts at once, with its hidden fields, or asks for a tick first", () => {
  assert.equal(
    render(
      <ButtonForm action="/p/unlink" label="ฝาย" text="เลิกเชื่อม" fields={{ projectId: "7" }} />,
    ),
    '<form method="post" action="/p/unlink" class="inline-form" aria-label="ฝาย">' +
      '<input type="hidden" name="_csrf" value="x"/>' +
      '<input type="hidden" name="projectId" value="7"/>' +
      '<button type="submit" class="secondary">เลิกเชื่อม</button></form>',
  );
  const sure = render(<ButtonForm action="/f/1/delete" label="ลบ ภาพ" text="ลบ" confirm />);
  assert.match(sure, /class="inline-form confirm-form" aria-label="ลบ ภาพ"/);
  assert.match(sure, /name="confirmed" value="1" required/);
  assert.match(sure, /<button type="submit" class="danger">ลบ<\/button>/);
});

test("an archived record is restored at once; archiving one in use asks for a tick", () => {
  const restore = render(
    <ArchiveToggle action="/a/1/archive" archived name="น้ำ" archive="เก็บ" restore="คืน" />,
  );
  assert.match(restore, /name="archived" value="0"/);
  assert.match(restore, /<button type="submit" class="secondary">คืน<\/button>/);
  const archive = render(
    <ArchiveToggle action="/a/1/archive" archived={false} name="น้ำ" archive="เก็บ" restore="คืน" />,
  );
  assert.match(archive, /aria-label="เก็บ น้ำ"/);
  assert.match(archive, /name="archived" value="1"/);
  assert.match(archive, /name="confirmed" value="1" required/);
});
