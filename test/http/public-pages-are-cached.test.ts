import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons, villages } from "../../src/core/db/schema.ts";
import { PageCache, pageCache, prepare } from "../../src/core/page-cache.ts";
import { cacheUrl } from "../../src/core/app.ts";

test("a page that names its query parameters is cached under those alone", () => {
  const declared = new Map([["/search", ["q", "page"]]]);
  assert.equal(
    cacheUrl("/t/la-ngu/search?fbclid=x&q=%E0%B8%AA&n=7&page=2", declared),
    "/t/la-ngu/search?q=%E0%B8%AA&page=2",
  );
  assert.equal(cacheUrl("/t/la-ngu/search?utm_source=line", declared), "/t/la-ngu/search");
  assert.equal(
    cacheUrl("/t/la-ngu/news?category=3&n=1", declared),
    "/t/la-ngu/news?category=3&n=1",
    "other pages keep every parameter",
  );
  assert.equal(cacheUrl("/t/la-ngu/search", declared), "/t/la-ngu/search");
});

test("the page cache drops a tambon's pages and the network's on a change, not other tambons'", () => {
  const cache = new PageCache(60_000);
  const p = prepare("<p>x</p>", "text/html");
  cache.set("a", 1, cache.generation(1), p);
  cache.set("b", 2, cache.generation(2), p);
  cache.set("n", null, cache.generation(null), p);
  cache.invalidate(1);
  assert.equal(cache.get("a"), undefined);
  assert.equal(cache.get("b"), p);
  assert.equal(cache.get("n"), undefined);
  const gen = cache.generation(2);
  cache.invalidate(2);
  cache.set("late", 2, gen, p);
  assert.equal(cache.get("late"), undefined, "a page rendered before a change is not kept");
  cache.invalidate(null);
  assert.equal(cache.get("b"), undefined);
  const short = new PageCache(-1);
  short.set("x", 1, short.generation(1), p);
  assert.equal(short.get("x"), undefined, "entries expire");
});

describe("public pages are cached for anonymous visitors (PGlite)", () => {
  let t: TestApp;
  /** La-ngu's village of the number `moo`. */
  const laNguVillage = async (moo: number) => {
    const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    const [v] = await t.database.db
      .select()
      .from(villages)
      .where(and(eq(villages.tambonId, tb!.id), eq(villages.moo, moo)));
    return v;
  };
  before(async () => {
    t = await startTestApp("pglite", { demo: true });
  });
  after(async () => {
    await t?.close();
  });

  test("the same page gets the same ETag, and 304 when the browser has it", async () => {
    const a = await t.app.inject({ url: "/t/la-ngu", headers: { "accept-encoding": "br" } });
    assert.equal(a.statusCode, 200);
    assert.equal(a.headers["content-encoding"], "br");
    const b = await t.app.inject({ url: "/t/la-ngu" });
    assert.equal(b.headers.etag, a.headers.etag);
    assert.match(b.body, /อบต\.ละงู/);
    const c = await t.app.inject({
      url: "/t/la-ngu",
      headers: { "if-none-match": String(a.headers.etag) },
    });
    assert.equal(c.statusCode, 304);
    assert.equal(c.body, "");
  });

  test("one search asked with different extra parameters is rendered once", async () => {
    const q = encodeURIComponent("สุขภาพ");
    const first = await t.app.inject(`/t/la-ngu/search?q=${q}&n=1`);
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /n%3D1/, "the language link goes back to the address asked");
    const second = await t.app.inject(`/t/la-ngu/search?q=${q}&n=2`);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.match(second.body, /n%3D1/, "the copy rendered for the first visitor");
    const other = await t.app.inject(`/t/la-ngu/search?q=${encodeURIComponent("ชุมชน")}&n=3`);
    assert.match(other.body, /n%3D3/, "another question is its own page");
  });

  test("a change made by staff shows at once", async () => {
    const v = await laNguVillage(1);
    const before = await t.app.inject("/t/la-ngu/villages");
    assert.ok(!before.body.includes("บ้านเปลี่ยนชื่อ"));
    const admin = await Client.as(t.app, "langu-admin");
    const url = `/t/la-ngu/admin/villages/${v!.id}`;
    const res = await admin.post(
      url,
      { moo: "1", nameTh: "บ้านเปลี่ยนชื่อ", code: v!.code, households: "10", population: "20" },
      { from: url },
    );
    assert.equal(res.statusCode, 303);
    const after = await t.app.inject("/t/la-ngu/villages");
    assert.match(after.body, /บ้านเปลี่ยนชื่อ/);
    assert.notEqual(after.headers.etag, before.headers.etag);
  });

  test("a post refused before any command runs leaves the cached pages alone", async () => {
    const v = await laNguVillage(2);
    const url = `/t/la-ngu/admin/villages/${v!.id}`;
    const member = await Client.as(t.app, "langu-member");
    const admin = await Client.as(t.app, "langu-admin");
    const cached = await t.app.inject("/t/la-ngu/villages");
    const hits = pageCache.hits;
    // A post without its form token, and one by a member without the right: nothing ran.
    const forged = await new Client(t.app).post(url, { moo: "2" }, { csrf: null });
    assert.equal(forged.statusCode, 400);
    const denied = await member.post(url, { moo: "2", nameTh: "บ้านของใคร" }, { from: url });
    assert.equal(denied.statusCode, 403);
    const again = await t.app.inject("/t/la-ngu/villages");
    assert.equal(again.headers.etag, cached.headers.etag);
    assert.equal(pageCache.hits, hits + 1, "the page came from the cache, not rendered again");
    // A form answered with its errors may have written beside them: the cache is dropped.
    const bad = await admin.post(url, { moo: "", nameTh: "" }, { from: url });
    assert.equal(bad.statusCode, 422);
    await t.app.inject("/t/la-ngu/villages");
    assert.equal(pageCache.hits, hits + 1, "rendered again after the form with errors");
  });

  test("pages with forms and pages of signed-in people are never shared", async () => {
    const first = await t.app.inject("/login");
    const second = await t.app.inject("/login");
    for (const r of [first, second])
      assert.ok(
        r.cookies.some((c) => c.name === "tcsrf"),
        "each visitor gets their own CSRF cookie",
      );
    const me = await Client.as(t.app, "langu-member");
    const page = await me.get("/t/la-ngu");
    assert.match(page.body, /ออกจากระบบ/);
    assert.match(String(page.headers["cache-control"]), /private/);
    const anon = await t.app.inject("/t/la-ngu");
    assert.ok(!anon.body.includes("ออกจากระบบ"), "anonymous visitors never get a signed-in page");
  });
});
