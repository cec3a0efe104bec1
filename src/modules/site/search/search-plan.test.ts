import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { sql, type SQLWrapper } from "drizzle-orm";
import { openTestDatabase, queryPlan, type TestDatabase } from "../../../../test/helpers/db.ts";
import { searchQueries, searchSite, SEARCH_CANDIDATES, SEARCH_SAMPLE } from "./queries.ts";
import { fillSearch } from "./fill.ts";
import { bareTambon } from "../../../../test/helpers/factories/core.ts";

// At about 20,000 documents the search must take its matches from the tambon's newest documents
// (an index on the tambon and the time) and then from the GIN index, common word or rare, with
// or without a kind: never a sequential scan of search_documents. A common word is answered from
// the newest documents alone; a rare one needs the GIN index.
describe("the search plan uses the text index at 20,000 documents on postgres", () => {
  let database: TestDatabase;
  let tambonId = 0;

  before(async () => {
    database = await openTestDatabase("postgres");
    const ids: number[] = [];
    for (const slug of ["plan-a", "plan-b"]) {
      ids.push(await bareTambon(database.db, slug, slug === "plan-a" ? "999991" : "999992"));
    }
    tambonId = ids[0]!;
    await fillSearch(database, ids[0]!, 16_000);
    await fillSearch(database, ids[1]!, 4_000);
    await database.rows(sql`ANALYZE search_documents`);
  });
  after(async () => {
    await database?.drop();
  });

  const plan = (query: SQLWrapper) => queryPlan(database, query);

  for (const [name, word] of [
    ["a common word", "ประปา"],
    ["a rare word", "ไฟฟ้า"],
    ["a prefix", "ประ"],
  ] as const)
    test(`${name}: counted and ranked from the index`, async () => {
      const q = searchQueries(database.db, tambonId, word, new Date())!;
      for (const query of [
        q.statement(20, 0),
        q.statement(20, 0, "news"),
        q.statement(20, 40, "page"),
      ]) {
        const p = await plan(query);
        assert.doesNotMatch(p, /Seq Scan on search_documents/, p);
        assert.match(p, /search_documents_recent_idx/, p);
        assert.match(p, /search_documents_tsv_idx/, p);
      }
    });

  /** The plan as run: whether the GIN index was read, and how many rows the first step read. */
  const ran = async (query: SQLWrapper) => {
    const rows = await database.rows<{ "QUERY PLAN": string }>(
      sql`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${query}`,
    );
    const p = rows.map((r) => r["QUERY PLAN"]).join("\n");
    const gin = /Bitmap Index Scan on search_documents_tsv_idx \(actual rows=(\d+)/.exec(p);
    const newest = [
      ...p.matchAll(/Index Scan using search_documents_recent_idx.*actual rows=(\d+)/g),
    ];
    return {
      plan: p,
      ginRows: gin ? Number(gin[1]) : null,
      newestRows: newest.map((m) => Number(m[1])),
    };
  };

  test("a common word stops in the newest documents; a rare one goes on to the index", async () => {
    const common = await ran(
      searchQueries(database.db, tambonId, "ประปา", new Date())!.statement(20, 0),
    );
    assert.equal(common.ginRows, null, common.plan);
    // The sample of the newest, then the newest in order up to the 1,001st match.
    assert.deepEqual(
      common.newestRows.sort((a, b) => a - b),
      [SEARCH_SAMPLE, SEARCH_CANDIDATES + 1],
      common.plan,
    );
    const rare = await ran(
      searchQueries(database.db, tambonId, "ไฟฟ้า", new Date())!.statement(20, 0),
    );
    // The sample showed the word is not common: the newest are not read further.
    assert.deepEqual(rare.newestRows, [SEARCH_SAMPLE], rare.plan);
    assert.equal(rare.ginRows, 16, rare.plan);
    // One kind of a common word: the kind's own candidates, also from the newest documents.
    const kind = await ran(
      searchQueries(database.db, tambonId, "ประปา", new Date())!.statement(20, 0, "news"),
    );
    assert.equal(kind.ginRows, null, kind.plan);
  });

  test("the answers are right at that size", async () => {
    const common = await searchSite(database.db, tambonId, "ประปา", { limit: 5 });
    assert.deepEqual(
      [common.total, common.capped, common.hits.length],
      [SEARCH_CANDIDATES, true, 5],
    );
    const rare = await searchSite(database.db, tambonId, "ไฟฟ้า");
    assert.deepEqual([rare.total, rare.capped], [16, false]);
    assert.deepEqual(
      rare.facets.map((f) => [f.kind, f.count]),
      [["news", 16]],
    );
  });
});
