import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../../../../test/helpers/db.ts";
import { indexItem } from "./commands.ts";
import {
  searchSite,
  searchSiteCached,
  SEARCH_CANDIDATES,
  SNIPPET_LEAD,
  SNIPPET_WINDOW,
} from "./queries.ts";
import { snippetsOf } from "../shared/text.ts";
import { bareTambon } from "../../../../test/helpers/factories/core.ts";

for (const kind of DB_KINDS) {
  describe(`site search ranks a bounded set of matches on ${kind}`, () => {
    let database: TestDatabase;
    let tambonId = 0;

    before(async () => {
      database = await openTestDatabase(kind);
      const db = database.db;
      tambonId = await bareTambon(db, "search-test", "999999");
      await db.transaction(async (tx) => {
        for (let i = 0; i < SEARCH_CANDIDATES + 20; i++)
          await indexItem(tx, {
            tambonId,
            kind: "news",
            refId: i + 1,
            title: `ข่าวประจำวันที่ ${i}`,
            body: "ประชาสัมพันธ์การซ่อมท่อประปาหมู่บ้าน",
            url: `/news/${i + 1}`,
          });
        for (let i = 0; i < 3; i++)
          await indexItem(tx, {
            tambonId,
            kind: "page",
            refId: i + 1,
            title: i === 1 ? "ตารางเก็บขยะ ขยะอันตราย" : `หน้าที่ ${i}`,
            body: "การคัดแยกขยะในครัวเรือน",
            url: `/pages/${i + 1}`,
          });
      });
    });
    after(async () => {
      await database?.drop();
    });

    test("a word in more than 1,000 items is counted as 1,000+ and still pages", async () => {
      const first = await searchSite(database.db, tambonId, "ประปา", { limit: 10 });
      assert.deepEqual([first.total, first.capped, first.hits.length], [1000, true, 10]);
      const last = await searchSite(database.db, tambonId, "ประปา", { limit: 10, offset: 990 });
      assert.deepEqual([last.total, last.capped, last.hits.length], [1000, true, 10]);
      const beyond = await searchSite(database.db, tambonId, "ประปา", { limit: 10, offset: 1000 });
      assert.deepEqual([beyond.total, beyond.capped, beyond.hits.length], [1000, true, 0]);
    });

    test("a rarer word is counted exactly, best match first", async () => {
      const r = await searchSite(database.db, tambonId, "ขยะ", { limit: 2 });
      assert.deepEqual([r.total, r.capped, r.hits.length], [3, false, 2]);
      assert.equal(r.hits[0]!.title, "ตารางเก็บขยะ ขยะอันตราย");
      const page2 = await searchSite(database.db, tambonId, "ขยะ", { limit: 2, offset: 2 });
      assert.deepEqual([page2.total, page2.hits.length], [3, 1]);
      const past = await searchSite(database.db, tambonId, "ขยะ", { limit: 2, offset: 10 });
      assert.deepEqual([past.total, past.hits.length], [3, 0]);
      assert.deepEqual(await searchSite(database.db, tambonId, "ไม่มีคำนี้"), {
        total: 0,
        capped: false,
        hits: [],
        facets: [],
      });
    });

    test("matches are counted per kind, as lower bounds beyond the cap, and one kind can be kept", async () => {
      const common = await searchSite(database.db, tambonId, "ประปา หมู่บ้าน", { limit: 5 });
      assert.deepEqual(common.facets, [{ kind: "news", count: 1000, capped: true }]);
      const few = await searchSite(database.db, tambonId, "ขยะ", { limit: 5 });
      assert.deepEqual(few.facets, [{ kind: "page", count: 3, capped: false }]);
      const mixed = await searchSite(database.db, tambonId, "การ", { limit: 5 });
      assert.equal(mixed.facets[0]!.kind, "news");
      assert.ok(
        mixed.facets.every((f) => f.capped),
        "beyond the cap every count is a lower bound",
      );
      const pages = await searchSite(database.db, tambonId, "การ", { limit: 5, kind: "page" });
      assert.deepEqual([pages.total, pages.capped, pages.hits.length], [3, false, 3]);
      assert.ok(pages.hits.every((h) => h.kind === "page"));
      assert.ok(
        pages.facets.some((f) => f.kind === "news"),
        "the other kinds are still offered",
      );
      const none = await searchSite(database.db, tambonId, "การ", { kind: "plan" });
      assert.deepEqual([none.total, none.hits.length], [0, 0]);
    });

    test("another tambon's documents are never found", async () => {
      const otherId = await bareTambon(database.db, "search-other", "999998");
      await indexItem(database.db, {
        tambonId: otherId,
        kind: "plan",
        refId: 1,
        title: "แผนลับเฉพาะตำบลอื่น",
        body: "ขยะ",
        url: "/plans/1",
      });
      const mine = await searchSite(database.db, tambonId, "ขยะ");
      assert.deepEqual(
        mine.facets.map((f) => f.kind),
        ["page"],
      );
      const theirs = await searchSite(database.db, otherId, "ขยะ");
      assert.deepEqual(
        theirs.hits.map((h) => h.title),
        ["แผนลับเฉพาะตำบลอื่น"],
      );
    });

    test("visitors asking the same thing at once share one query", async () => {
      let queries = 0;
      const counting = new Proxy(database.db, {
        get(target, prop, receiver) {
          if (prop === "select" || prop === "execute") queries++;
          return Reflect.get(target, prop, receiver) as unknown;
        },
      });
      // answers are kept per process: each database kind asks its own word
      const word = kind === "pglite" ? "ประปา" : "ซ่อม";
      await searchSite(counting, tambonId, word, { limit: 10, offset: 0 });
      const perSearch = queries;
      queries = 0;
      const asked = await Promise.all(
        Array.from({ length: 20 }, () =>
          searchSiteCached(counting, tambonId, word, { limit: 10, offset: 0 }),
        ),
      );
      assert.ok(perSearch > 0);
      assert.equal(queries, perSearch, "twenty visitors cost one search");
      assert.ok(asked.every((r) => r === asked[0]));
      assert.equal(asked[0]!.hits.length, 10);
    });

    test("a long item's words stay in its row, uncompressed, and its snippet comes from its own table", async () => {
      // About 200 different words, as a long news item holds: a tsvector of several kilobytes,
      // which used to be compressed or moved out of the row, to be read back for every search.
      const words = Array.from({ length: 200 }, (_, i) => `คำ${i.toString(36)}ที่${i}`);
      const [toast] = await database.rows<{ name: string }>(
        sql`select reltoastrelid::regclass::text as name from pg_class where relname = 'search_documents'`,
      );
      const chunks = async () =>
        Number(
          (
            await database.rows<{ n: number }>(
              sql.raw(`select count(*)::int as n from ${toast!.name}`),
            )
          )[0]!.n,
        );
      const before = await chunks();
      const indexPage = (body: string) =>
        database.db.transaction((tx) =>
          indexItem(tx, {
            tambonId,
            kind: "page",
            refId: 900_001,
            title: "หน้ายาวมาก",
            body,
            url: "/pages/long",
          }),
        );
      await indexPage(`${words.join(" ")} น้ำประปาสะอาด`);
      const [row] = await database.rows<{ size: number; compressed: string | null }>(
        sql`select pg_column_size(tsv)::int as size, pg_column_compression(tsv) as compressed
          from search_documents where tambon_id = ${tambonId} and kind = 'page' and ref_id = 900001`,
      );
      assert.ok(row!.size > 4000 && row!.size < 8000, `a tsvector of ${row!.size} bytes`);
      assert.equal(row!.compressed, null);
      assert.equal(await chunks(), before, "nothing of it went to the TOAST table");
      const found = await searchSite(database.db, tambonId, "หน้ายาวมาก", { kind: "page" });
      assert.equal(found.hits.length, 1);
      assert.match(found.hits[0]!.body, /^คำ0ที่0 คำ1ที่1/);
      // Indexed again (the page edited): the one document and its snippet text are replaced.
      await indexPage("เนื้อหาใหม่ของหน้า");
      const again = await searchSite(database.db, tambonId, "หน้ายาวมาก", { kind: "page" });
      assert.deepEqual(
        again.hits.map((h) => h.body),
        ["เนื้อหาใหม่ของหน้า"],
      );
    });

    test("a hit sends only the part of its text around its first match, and says what it left out", async () => {
      const filler = (n: number) => "ลมหนาวพัดผ่านทุ่งนา ".repeat(n);
      const body = `${filler(45)}ทุเรียนหมอนทองของหมู่บ้าน ${filler(20)}`;
      await indexItem(database.db, {
        tambonId,
        kind: "news",
        refId: 900_002,
        title: "ผลไม้ประจำตำบล",
        body,
        url: "/news/900002",
      });
      const [hit] = (await searchSite(database.db, tambonId, "ทุเรียน")).hits;
      assert.ok(hit!.body.length <= SNIPPET_WINDOW, `${hit!.body.length} characters sent`);
      assert.ok(hit!.body.length < body.length);
      assert.deepEqual(hit!.cut, { before: true, after: true });
      const at = body.indexOf("ทุเรียน");
      assert.equal(hit!.body, body.slice(at - SNIPPET_LEAD, at - SNIPPET_LEAD + SNIPPET_WINDOW));
      const parts = snippetsOf("ทุเรียน")(hit!.body, 180, hit!.cut);
      assert.equal(parts[0]!.text, "…");
      assert.equal(parts.at(-1)!.text, "…");
      assert.deepEqual(
        parts.filter((p) => p.hit).map((p) => p.text),
        ["ทุเรียน"],
      );
      // A Latin word is found whatever its letters' case, at its first place.
      await indexItem(database.db, {
        tambonId,
        kind: "news",
        refId: 900_003,
        title: "Orchard visit",
        body: `${"rice field ".repeat(60)}Durian orchard ${"rubber trees ".repeat(60)}durian stall`,
        url: "/news/900003",
      });
      const [latin] = (await searchSite(database.db, tambonId, "durian")).hits;
      assert.match(latin!.body, /Durian orchard/);
      // A short text is sent whole, with nothing left out on either side.
      const [short] = (await searchSite(database.db, tambonId, "ตารางเก็บขยะ")).hits;
      assert.deepEqual(
        [short!.body, short!.cut],
        ["การคัดแยกขยะในครัวเรือน", { before: false, after: false }],
      );
    });

    test("the text search index is a GIN index", async () => {
      const rows = await database.rows<{ indexdef: string }>(
        sql`select indexdef from pg_indexes where tablename = 'search_documents' and indexname = 'search_documents_tsv_idx'`,
      );
      assert.match(rows[0]!.indexdef, /USING gin \(tsv\)/i);
    });
  });
}
