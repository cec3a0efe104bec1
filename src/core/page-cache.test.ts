import assert from "node:assert/strict";
import { test } from "node:test";
import { PageCache, prepare } from "./page-cache.ts";
import { cacheUrl } from "./app.ts";
import { keptCount } from "./paging.ts";
import { brotliDecompressSync } from "node:zlib";

test("links shared with tracking parameters share one cached page", () => {
  const declared = new Map([["/search", ["q"]]]);
  assert.equal(cacheUrl("/t/la-ngu?fbclid=IwAR0abc", declared), "/t/la-ngu");
  assert.equal(
    cacheUrl("/t/la-ngu/news/12?utm_source=line&utm_medium=share&gclid=x", declared),
    "/t/la-ngu/news/12",
  );
  assert.equal(
    cacheUrl("/t/la-ngu/news?category=health&fbclid=x&page=2", declared),
    "/t/la-ngu/news?category=health&page=2",
    "a page's own parameters stay in its key",
  );
  assert.equal(cacheUrl("/?utm_campaign=x", declared), "/", "the network's pages too");
  assert.equal(cacheUrl("/t/la-ngu/news?page=2", declared), "/t/la-ngu/news?page=2");
  assert.equal(cacheUrl("/t/la-ngu/search?q=a&fbclid=x&n=1", declared), "/t/la-ngu/search?q=a");
});

test("the page cache holds no more bytes than its bound, the oldest pages leaving first", () => {
  const cache = new PageCache(60_000, 1_000, 20_000);
  const page = (n: number) => prepare(`<p>${String(n).repeat(4_000)}</p>`, "text/html");
  for (let n = 1; n <= 5; n++) cache.set(`/p${n}`, 1, cache.generation(1), page(n));
  assert.ok(cache.size.bytes <= 20_000, `${cache.size.bytes} bytes kept`);
  assert.equal(cache.size.entries, 3, "three pages of about 6 KB fit in 20 KB");
  assert.equal(cache.get("/p1"), undefined, "the oldest left");
  assert.equal(cache.get("/p2"), undefined);
  assert.ok(cache.get("/p5"));
  cache.set("/big", 1, cache.generation(1), prepare("x".repeat(30_000), "text/html"));
  assert.equal(cache.get("/big"), undefined, "a page larger than the bound is not kept");
  assert.equal(cache.size.entries, 3);
  // A page kept again under its key replaces itself, and the count of bytes follows.
  cache.set("/p5", 1, cache.generation(1), prepare("<p>small</p>", "text/html"));
  const before = cache.size.bytes;
  cache.invalidate(1);
  for (const k of ["/p3", "/p4", "/p5"]) assert.equal(cache.get(k), undefined);
  assert.ok(cache.size.bytes < before);
  assert.equal(cache.size.bytes, 0, "pages dropped on a change free their bytes when met");
});

test("kept data is bounded too, and a kept count is read again after a change", async () => {
  const cache = new PageCache(60_000, 3);
  let loads = 0;
  const load = async () => ++loads;
  for (const k of ["a", "b", "c", "d"]) await cache.memo(1, k, load);
  assert.equal(loads, 4);
  await cache.memo(1, "d", load);
  assert.equal(loads, 4, "kept");
  await cache.memo(1, "a", load);
  assert.equal(loads, 5, "the oldest left when a fourth came");

  let counted = 0;
  const count = keptCount(987_654, "news:", async () => ++counted);
  assert.equal(await count(), 1);
  assert.equal(await count(), 1, "a second page of the list does not count again");
  const { pageCache } = await import("./page-cache.ts");
  pageCache.invalidate(987_654);
  assert.equal(await count(), 2, "a change of the tambon counts again");
});

test("kept data is bounded in bytes by its text, the oldest leaving first", async () => {
  const cache = new PageCache(60_000, 1_000, 200_000); // data: 100,000 bytes, 25,000 a value
  let loads = 0;
  const text = (n: number) => async () => (loads++, { body: String(n % 10).repeat(10_000) });
  for (let n = 1; n <= 6; n++) await cache.memo(1, `news:${n}`, text(n));
  assert.equal(loads, 6);
  const { entries, bytes } = cache.dataSize;
  assert.ok(bytes <= 100_000, `${bytes} bytes kept`);
  assert.equal(entries, 4, "four values of about 20 KB fit in 100 KB");
  await cache.memo(1, "news:6", text(6));
  assert.equal(loads, 6, "the newest is kept");
  await cache.memo(1, "news:1", text(1));
  assert.equal(loads, 7, "the oldest left");
  const big = async () => (loads++, "x".repeat(20_000)); // 40 KB: over a quarter
  await cache.memo(1, "big", big);
  await cache.memo(1, "big", big);
  assert.equal(loads, 9, "a value over a quarter of the bound is not kept");
  cache.invalidate(1);
  await cache.memo(1, "news:6", text(6));
  assert.equal(loads, 10, "a change of the tambon reads again");
});

test("an expired page that nothing changed is served while one request renders it again", () => {
  let now = 0;
  const cache = new PageCache(1_000, 100, 1_000_000, 30_000, () => now);
  const old = prepare("<p>old</p>", "text/html");
  cache.set("/home", 1, cache.generation(1), old);
  now = 500;
  assert.equal(cache.get("/home"), old, "fresh");
  now = 1_500;
  assert.equal(cache.get("/home"), undefined, "the first request after the lifetime renders");
  assert.equal(cache.get("/home"), old, "the others get the page it replaces meanwhile");
  assert.equal(cache.get("/home"), old);
  const fresh = prepare("<p>new</p>", "text/html");
  cache.set("/home", 1, cache.generation(1), fresh);
  assert.equal(cache.get("/home"), fresh);

  // A render that never ends its work: after a while another request tries.
  now = 3_000;
  assert.equal(cache.get("/home"), undefined);
  assert.equal(cache.get("/home"), fresh);
  now = 13_001;
  assert.equal(cache.get("/home"), undefined, "a second request renders after the first gave up");

  // A change is never answered with the page from before it, even while one renders.
  now = 14_000;
  assert.equal(cache.get("/home"), fresh, "still being rendered by the second request");
  cache.invalidate(1);
  assert.equal(cache.get("/home"), undefined);
  assert.equal(cache.get("/home"), undefined, "nothing kept from before the change");

  // Too old to serve at all, even unchanged.
  cache.set("/old", 1, cache.generation(1), old);
  now += 1_000 + 30_001;
  assert.equal(cache.get("/old"), undefined);
  assert.equal(cache.get("/old"), undefined, "dropped, not handed out while rendered");
});

test("a rendered page is compressed quickly when first sent, and harder once it is sent again", () => {
  const rows = Array.from(
    { length: 400 },
    (_, i) => `<li><a href="/t/la-ngu/news/${i}">ข่าวประชาสัมพันธ์ ครั้งที่ ${i * 7919}</a></li>`,
  );
  const html = `<ol>${rows.join("")}</ol>`;
  const page = prepare(html, "text/html", { quality: 11, first: 1 });
  const first = page.br;
  const again = page.br;
  assert.equal(brotliDecompressSync(first).toString(), html);
  assert.equal(brotliDecompressSync(again).toString(), html);
  assert.ok(again.length < first.length, `${again.length} bytes again, ${first.length} at first`);
  assert.equal(page.br, again, "the harder form is kept, not made a third time");
  const asset = prepare(html, "text/css");
  assert.ok(asset.br.length < first.length, "an asset is compressed at its one quality at once");
});

test("a prepared body is kept by its own size, not by its JSON's", async () => {
  const cache = new PageCache(60_000); // kept data: 32 MB, 8 MB a value
  // A tambon's sitemap of 40,000 addresses: about 1.9 MB, whose JSON (each byte written out as a
  // number) would seem too large to keep.
  const body = Array.from(
    { length: 40_000 },
    (_, i) => `<url><loc>https://tambon.example/t/la-ngu/news/${i}</loc></url>`,
  ).join("");
  assert.ok(2 * JSON.stringify(Buffer.from(body)).length > 8 * 1024 * 1024);
  let loads = 0;
  const load = async () => (loads++, prepare(body, "application/xml", { quality: 1 }));
  await cache.memo(1, "sitemap", load);
  await cache.memo(1, "sitemap", load);
  assert.equal(loads, 1, "kept, and given again");
  const { bytes } = cache.dataSize;
  assert.ok(bytes >= body.length && bytes < body.length * 2, `${bytes} bytes counted`);
});
