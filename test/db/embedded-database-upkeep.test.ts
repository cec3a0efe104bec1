import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { sql, type SQLWrapper } from "drizzle-orm";
import { openTestDatabase, queryPlan, type TestDatabase } from "../helpers/db.ts";
import { makeTambon } from "../helpers/factories/core.ts";
import { runJobOnce } from "../../src/core/jobs.ts";
import { databaseUpkeep, databaseUpkeepJob } from "../../src/core/db/upkeep.ts";
import type { ModuleDeps } from "../../src/core/modules.ts";
import { searchQueries } from "../../src/modules/site/search/queries.ts";
import { fillSearch } from "../../src/modules/site/search/fill.ts";

/*
 * PGlite has no autovacuum: the core's upkeep job gathers the statistics of the tables that
 * changed, after which the planner takes a search's matches from the GIN index.
 */
describe("the embedded database's upkeep (PGlite)", () => {
  let database: TestDatabase;
  let tambonId = 0;

  before(async () => {
    database = await openTestDatabase("pglite");
    tambonId = (await makeTambon(database.db, { slug: "upkeep", villages: 0 })).tambon.id;
    await fillSearch(database, tambonId, 4_000);
  });
  after(async () => {
    await database?.drop();
  });

  const plan = (query: SQLWrapper) => queryPlan(database, query);

  const analysed = async () => {
    const [row] = await database.rows<{ at: Date | null }>(
      sql`select last_analyze as at from pg_stat_user_tables where relname = 'search_documents'`,
    );
    return row?.at ?? null;
  };

  test("the job vacuums and analyses the tables that changed; then the search uses its index", async () => {
    assert.equal(await analysed(), null, "nothing analysed the table before the job");
    const deps = { database, config: {} } as unknown as ModuleDeps;
    assert.equal(await runJobOnce(databaseUpkeepJob, deps), true, "the job ran");
    assert.notEqual(await analysed(), null, "the job analysed search_documents");
    const [stats] = await database.rows<{ changed: number; dead: number }>(
      sql`select n_mod_since_analyze::int as changed, n_dead_tup::int as dead
          from pg_stat_user_tables where relname = 'search_documents'`,
    );
    assert.equal(Number(stats!.changed), 0);
    const q = searchQueries(database.db, tambonId, "ไฟฟ้า", new Date())!;
    for (const query of [q.statement(20, 0), q.statement(20, 0, "news")]) {
      const p = await plan(query);
      assert.match(p, /search_documents_tsv_idx/, p);
      assert.doesNotMatch(p, /Seq Scan on search_documents/, p);
    }
  });

  test("a table that has not changed much is left alone", async () => {
    const first = await databaseUpkeep(database);
    assert.ok(!first.some((t) => t.table === "search_documents"), JSON.stringify(first));
    await database.rows(
      sql`delete from search_documents where tambon_id = ${tambonId} and ref_id <= 2000`,
    );
    const done = await databaseUpkeep(database);
    const search = done.find((t) => t.table === "search_documents");
    assert.ok(
      search,
      `search_documents vacuumed after half its rows went: ${JSON.stringify(done)}`,
    );
    assert.ok(search.dead >= 2000 || search.changed >= 2000, JSON.stringify(search));
  });
});
