import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { searchDocuments } from "../../src/modules/site/schema.ts";

// Reach: robots.txt and sitemap.xml at the host root and per tambon, the sitemap listing every
// module's public records, Open Graph tags on every public page and a way back to the network.
describe("robots, sitemaps and share tags (PGlite)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp("pglite", { demo: true });
  });
  after(async () => {
    await t?.close();
  });

  test("the host root has robots.txt and a sitemap index of every tambon", async () => {
    const anon = new Client(t.app);
    const robots = await anon.get("/robots.txt");
    assert.equal(robots.statusCode, 200);
    assert.match(String(robots.headers["content-type"]), /text\/plain/);
    assert.match(robots.body, /^Disallow: \/admin$/m);
    assert.match(robots.body, /^Sitemap: http:\/\/[^/]+\/sitemap\.xml$/m);
    const index = await anon.get("/sitemap.xml");
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /<sitemapindex /);
    for (const tb of await t.database.db.select().from(tambons))
      assert.ok(index.body.includes(`/t/${tb.slug}/sitemap.xml</loc>`), tb.slug);
  });

  test("a tambon's sitemap lists its charter, decisions, meetings, plans and news", async () => {
    const anon = new Client(t.app);
    const res = await anon.get("/t/la-ngu/sitemap.xml");
    assert.equal(res.statusCode, 200);
    const locs = [...res.body.matchAll(/<loc>[^<]*?\/t\/la-ngu([^<]*)<\/loc>/g)].map((m) => m[1]!);
    for (const page of ["/decisions", "/charter", "/meetings", "/plans", "/partners", "/news"])
      assert.ok(locs.includes(page), `${page} is listed`);
    const [laNgu] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    for (const kind of ["question", "clause", "meeting", "plan", "project", "partner"] as const) {
      const [doc] = await t.database.db
        .select()
        .from(searchDocuments)
        .where(and(eq(searchDocuments.tambonId, laNgu!.id), eq(searchDocuments.kind, kind)));
      const path = doc!.url.replace(/#.*$/, "");
      assert.ok(locs.includes(path), `the ${kind} ${path} is listed`);
      assert.equal((await anon.get(`/t/la-ngu${path}`)).statusCode, 200, path);
    }
    assert.ok(
      locs.some((l) => l.startsWith("/news/")),
      "news items are listed",
    );
    assert.equal(new Set(locs).size, locs.length, "each address once");
    const robots = await anon.get("/t/la-ngu/robots.txt");
    assert.match(robots.body, /^Disallow: \/t\/la-ngu\/admin$/m);
    assert.match(robots.body, /^Sitemap: .*\/t\/la-ngu\/sitemap\.xml$/m);
  });

  test("every public page has Open Graph tags, once, and links back to the network", async () => {
    const anon = new Client(t.app);
    for (const path of [
      "/t/la-ngu",
      "/t/la-ngu/decisions",
      "/t/la-ngu/charter",
      "/t/la-ngu/meetings",
      "/t/la-ngu/plans",
      "/t/la-ngu/partners",
      "/t/la-ngu/search?q=%E0%B8%AA%E0%B8%B2%E0%B8%98%E0%B8%B4%E0%B8%95",
    ]) {
      const res = await anon.get(path);
      assert.equal(res.statusCode, 200, path);
      assert.equal(res.body.match(/property="og:title"/g)?.length, 1, `${path}: one og:title`);
      assert.match(res.body, /property="og:description" content="[^"]+"/, path);
      assert.match(res.body, /property="og:site_name" content="อบต\.ละงู"/, path);
      assert.match(res.body, /<a href="\/">[^<]+<\/a>/, `${path} links to the network`);
    }
    // A news item keeps its own tags (type article, its image), not the defaults as well.
    const list = await anon.get("/t/la-ngu/news");
    const item = /href="(\/t\/la-ngu\/news\/[^"?#]+)"/.exec(list.body)![1]!;
    const news = await anon.get(item);
    assert.equal(news.body.match(/property="og:title"/g)?.length, 1);
    assert.match(news.body, /property="og:type" content="article"/);
  });
});
