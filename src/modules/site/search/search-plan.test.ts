import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { sql, type SQLWrapper } from "drizzle-orm";
import { openTestDatabase, queryPlan, type TestDatabase } from "../../../../test/helpers/db.ts";
import { tambons } from "../../../core/db/schema.ts";
import { searchQueries, searchSite, SEARCH_CANDIDATES } from "./queries.ts";
import { fillSearch } from "./fill.ts";

// At about 20,000 documents the search must take its matches from the GIN index, common word
// or rare, with or without a kind: never a sequential scan of search_documents.
describe("the search plan uses the text index at 20,000 documents on postgres", () => {
  let database: TestDatabase;
  let tambonId = 0;

  before(async () => {
    database = await openTestDatabase("postgres");
    const ids: number[] = [];
    for (const slug of ["plan-a", "plan-b"]) {
      const [tb] = await database.db
        .insert(tambons)
        .values({
          slug,
          dopaCode: slug === "plan-a" ? "999991" : "999992",
          nameTh: slug,
          nameEn: slug,
          districtTh: "ทดสอบ",
          districtEn: "Test",
          provinceTh: "ทดสอบ",
          provinceEn: "Test",
          kind: "sao",
        })
        .returning({ id: tambons.id });
      ids.push(tb!.id);
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
        assert.match(p, /search_documents_tsv_idx/, p);
      }
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
