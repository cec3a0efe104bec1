// A search in a tambon larger than what a common query reads in order (SEARCH_READ_MAX newest
// documents): matches among the newest, matches only the text index finds among the older ones,
// and both together are each counted once, on both databases.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../../../../test/helpers/db.ts";
import { makeTambon } from "../../../../test/helpers/factories/core.ts";
import { searchQueries, searchSite, SEARCH_PROBE, SEARCH_READ_MAX } from "./queries.ts";

/**
 * Documents 1…n (the highest id the newest): every one holds "everyone"; "newold" the newest 600
 * and every other one of the oldest 500; "oldonly" one in five of the oldest 500.
 */
async function fill(database: TestDatabase, tambonId: number, n: number) {
  await database.rows(sql`
    with d as (insert into search_documents (tambon_id, kind, ref_id, title, url, tsv)
    select ${tambonId}, 'news', i, 'ข่าว ' || i, '/news/' || i,
      to_tsvector('simple', 'everyone ' || i
        || case when i > ${n} - 600 or (i <= 500 and i % 2 = 0) then ' newold' else '' end
        || case when i <= 500 and i % 5 = 0 then ' oldonly' else '' end)
        || array_to_tsvector(array['§t' || ${tambonId}, '§knews']::text[])
    from generate_series(1, ${n}) i
    returning id)
    insert into search_snippets (document_id, tambon_id, body) select id, ${tambonId}, '' from d`);
}

for (const kind of DB_KINDS) {
  describe(`a search beyond the newest documents on ${kind}`, () => {
    let database: TestDatabase;
    let tambonId = 0;
    const n = SEARCH_READ_MAX + 500;

    before(async () => {
      database = await openTestDatabase(kind);
      tambonId = (await makeTambon(database.db, { villages: 0 })).tambon.id;
      await fill(database, tambonId, n);
      await database.rows(sql`ANALYZE search_documents`);
    });
    after(async () => {
      await database?.drop();
    });

    test("common among the newest, rarer further back: every match counted once", async () => {
      // 600 of the newest and 250 of the oldest 500: the newest read finds 600, the index the rest.
      const r = await searchSite(database.db, tambonId, "newold", { limit: 1000 });
      assert.deepEqual([r.total, r.capped], [850, false]);
      const refs = r.hits.map((h) => h.refId);
      assert.equal(new Set(refs).size, 850, "no match is counted or shown twice");
      assert.ok(refs.every((id) => id > n - 600 || (id <= 500 && id % 2 === 0)));
    });

    test("only among the oldest: found through the index, counted exactly", async () => {
      const r = await searchSite(database.db, tambonId, "oldonly", { limit: 5 });
      assert.deepEqual([r.total, r.capped, r.hits.length], [100, false, 5]);
    });

    test("in every document: the newest 1,001 read, counted as 1,000+", async () => {
      const r = await searchSite(database.db, tambonId, "everyone", { limit: 20 });
      assert.deepEqual([r.total, r.capped], [1000, true]);
      assert.deepEqual(
        r.facets.map((f) => [f.kind, f.count, f.capped]),
        [["news", 1000, true]],
      );
    });

    test("a tambon still counted small after it grew: the index finds what the read did not", async () => {
      assert.ok(n > SEARCH_PROBE);
      for (const [word, total] of [
        ["newold", 850],
        ["oldonly", 100],
      ] as const) {
        const statement = searchQueries(database.db, tambonId, word, new Date())!.statement(
          20,
          0,
          undefined,
          false,
        );
        const [row] = await database.rows<{ ranked: number }>(statement);
        assert.equal(Number(row!.ranked), total, word);
      }
    });
  });
}
