import assert from "node:assert/strict";
import { test } from "node:test";
import { renderToString } from "preact-render-to-string";
import type { ComponentChildren } from "preact";
import { core } from "../i18n/messages.ts";
import { ViewContext, type ViewCtx } from "./ctx.ts";
import { FilterInput, FilterSelect, Filters, LinkSection, Table } from "./list.tsx";
import { Pager } from "./pager.tsx";

function render(node: ComponentChildren): string {
  const ctx = { lang: "th", t: core.t("th"), csrf: () => "x" } as unknown as ViewCtx;
  return renderToString(<ViewContext.Provider value={ctx}>{node}</ViewContext.Provider>);
}

test("a named table is a region a keyboard can scroll, with its headings and rows", () => {
  const html = render(
    <Table
      label="ภาคี"
      columns={["ชื่อ", { label: "จำนวน", num: true }, { label: "แก้ไข", muted: true }]}
    >
      <tr>
        <td>กลุ่มออมทรัพย์</td>
      </tr>
    </Table>,
  );
  assert.match(
    html,
    /^<div class="table-wrap" tabindex="0" role="region" aria-label="ภาคี"><table>/,
  );
  assert.match(
    html,
    /<thead><tr><th scope="col">ชื่อ<\/th><th scope="col" class="num">จำนวน<\/th><th scope="col"><span class="muted">แก้ไข<\/span><\/th><\/tr><\/thead>/,
  );
  assert.match(html, /<tbody><tr><td>กลุ่มออมทรัพย์<\/td><\/tr><\/tbody><\/table><\/div>$/);
  const plain = render(
    <Table
      columns={["ก"]}
      caption="รายการ"
      foot={
        <tr>
          <td>รวม</td>
        </tr>
      }
    >
      {null}
    </Table>,
  );
  assert.match(plain, /^<div class="table-wrap"><table><caption class="muted">รายการ<\/caption>/);
  assert.match(plain, /<tfoot><tr><td>รวม<\/td><\/tr><\/tfoot>/);
});

test("a filter form keeps the chosen values and is sent with GET", () => {
  const html = render(
    <Filters action="/t/la-ngu/partners" label="ตัวกรอง">
      <FilterInput label="ค้นหา" value="ชมรม" maxLength={100} />
      <FilterSelect
        name="kind"
        label="ประเภท"
        any="ทั้งหมด"
        value="2"
        options={[
          { value: "1", label: "กลุ่ม" },
          { value: "2", label: "ชมรม" },
        ]}
      />
    </Filters>,
  );
  assert.match(
    html,
    /<form method="get" action="\/t\/la-ngu\/partners" class="filters" role="search" aria-label="ตัวกรอง">/,
  );
  assert.match(
    html,
    /<label for="q-q">ค้นหา<\/label><input id="q-q" name="q" type="search" value="ชมรม" maxlength="100"\/>/,
  );
  assert.match(
    html,
    /<option value>ทั้งหมด<\/option><option value="1">กลุ่ม<\/option><option value="2" selected>ชมรม<\/option>/,
  );
  assert.match(html, /<button type="submit" class="secondary">กรอง<\/button><\/form>$/);
});

test("a pager reads its place from a page of a list as from its three numbers", () => {
  const href = (n: number) => `/list?page=${n}`;
  const apart = render(<Pager page={2} pages={3} total={45} href={href} />);
  const page = { page: 2, pages: 3, total: 45, items: ["ก"] };
  assert.equal(render(<Pager of={page} href={href} />), apart);
  assert.match(apart, /href="\/list\?page=1" rel="prev"/);
  assert.match(apart, /href="\/list\?page=3" rel="next"/);
  assert.equal(render(<Pager of={{ page: 1, pages: 1, total: 3 }} href={href} />), "");
});

test("a section another module adds is its heading and its links, each with its note", () => {
  const section = {
    id: "plans.projects",
    title: "โครงการ",
    items: [
      { href: "/p/1", title: "ฝาย", meta: "2569" },
      { href: "/p/2", title: "ถนน" },
    ],
  };
  assert.equal(
    render(<LinkSection section={section} class="clause-section" />),
    '<section aria-labelledby="sec-plans.projects" class="clause-section">' +
      '<h2 id="sec-plans.projects">โครงการ</h2><ul>' +
      '<li><a href="/p/1">ฝาย</a><span class="muted"> · 2569</span></li>' +
      '<li><a href="/p/2">ถนน</a></li></ul></section>',
  );
});
