import assert from "node:assert/strict";
import { test } from "node:test";
import {
  keptPage,
  pageCount,
  pageCursor,
  paged,
  pageHref,
  pageOfList,
  PAGE_SIZE,
  type Cursor,
} from "./paging.ts";
import { pageCache } from "./page-cache.ts";

test("a list is cut into pages of one size, and an empty list has one empty page", async () => {
  assert.equal(pageCount(0), 1);
  assert.equal(pageCount(PAGE_SIZE), 1);
  assert.equal(pageCount(PAGE_SIZE + 1), 2);
  let read = false;
  const empty = await paged(
    1,
    async () => 0,
    async () => ((read = true), []),
  );
  assert.deepEqual(empty, { items: [], total: 0, page: 1, pageSize: PAGE_SIZE, pages: 1 });
  assert.equal(read, false, "an empty list reads no rows");
});

test("a page past the end shows the last page, and a page before the first shows the first", async () => {
  const rows = Array.from({ length: 45 }, (_, i) => i);
  const windows: { limit: number; offset: number }[] = [];
  const load = (page: number) =>
    paged(
      page,
      async () => rows.length,
      async (w) => (windows.push(w), rows.slice(w.offset, w.offset + w.limit)),
    );
  const last = await load(9);
  assert.equal(last.page, 3);
  assert.deepEqual(last.items, [40, 41, 42, 43, 44]);
  assert.deepEqual(windows.at(-1), { limit: PAGE_SIZE, offset: 40 });
  const first = await load(-4);
  assert.equal(first.page, 1);
  assert.deepEqual(first.items, rows.slice(0, PAGE_SIZE));
  assert.deepEqual(pageOfList(rows, 2, 10).items, rows.slice(10, 20));
  assert.equal(pageOfList(rows, 99, 10).page, 5);
});

test("page links keep the list's filters and leave out empty ones and page 1", () => {
  assert.equal(
    pageHref("/t/x/news", { q: "น้ำ", kind: "", page: 4 }, 1),
    "/t/x/news?q=%E0%B8%99%E0%B9%89%E0%B8%B3",
  );
  assert.equal(
    pageHref("/t/x/news", { status: "all", area: 3 }, 3),
    "/t/x/news?status=all&area=3&page=3",
  );
  assert.equal(pageHref("/t/x/news", {}, 1), "/t/x/news");
});

test("a pager's link names the row its page follows or precedes; the first page and bad ids none", () => {
  assert.deepEqual(pageCursor(2, { after: "812" }), { after: 812 });
  assert.deepEqual(pageCursor(3, { before: "40" }), { before: 40 });
  assert.deepEqual(pageCursor(3, { after: "7", before: "40" }), { after: 7 });
  assert.equal(pageCursor(1, { after: "812" }), null, "the first page is read from the top");
  assert.equal(pageCursor(2, { after: "12abc" }), null);
  assert.equal(pageCursor(2, { after: ["1", "2"] }), null);
  assert.equal(pageCursor(2, {}), null, "a bare page number is read by its number");
});

test("a kept page is read once until its tambon changes, and by its number when its cursor finds nothing", async () => {
  const tambonId = 987_655;
  const reads: (Cursor | null)[] = [];
  const read = async (cursor: Cursor | null) => {
    reads.push(cursor);
    // The row the cursor names was taken back: nothing follows it.
    return { items: cursor ? [] : ["a", "b"] };
  };
  const first = await keptPage(tambonId, "test:list", [3, null], 2, { after: 99 }, read);
  assert.deepEqual(first.items, ["a", "b"]);
  assert.deepEqual(reads, [{ after: 99 }, null]);
  await keptPage(tambonId, "test:list", [3, null], 2, { after: 99 }, read);
  assert.equal(reads.length, 2, "asked again, the page is not read again");
  await keptPage(tambonId, "test:list", [4, null], 2, { after: 99 }, read);
  assert.equal(reads.length, 4, "another filter is another page");
  pageCache.invalidate(tambonId);
  await keptPage(tambonId, "test:list", [3, null], 2, { after: 99 }, read);
  assert.equal(reads.length, 6, "a change of the tambon reads it again");
});
