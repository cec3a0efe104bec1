// The site search at 200 and 20,000 documents in one tambon, common word and rare, on PGlite and
// PostgreSQL: `npx tsx bench/search.bench.ts`. Each search is the page's own query (searchSite,
// uncached), timed in process; the query of the previous design (every match sorted by date
// before its limit, the GIN index not scoped by tambon) is timed beside it on the same data.
import os from "node:os";
import { sql } from "drizzle-orm";
import { migrateDatabase, type Database } from "../src/core/db/index.ts";
import { benchTambon, openBenchDatabase } from "./db.ts";
import { searchSite } from "../src/modules/site/search/queries.ts";
import { fillSearch } from "../src/modules/site/search/fill.ts";
import { searchQuery } from "../src/modules/site/shared/text.ts";

type Figures = Record<string, string | number>;

/** The previous design's query, for comparison: all matches sorted by date, then ranked. */
async function previous(database: Database, tambonId: number, word: string) {
  const q = searchQuery(word)!;
  return database.rows(sql`
    select d.kind, d.ref_id, d.title, d.url,
      ts_rank(d.tsv, to_tsquery('simple', ${q})) as rank, count(*) over () as matched
    from (
      select id from search_documents
      where tambon_id = ${tambonId} and tsv @@ to_tsquery('simple', ${q})
      order by updated_at desc, id desc limit 1001
    ) c join search_documents d on d.id = c.id
    order by rank desc, d.updated_at desc, d.id desc limit 20`);
}

/**
 * Wall time (median, p95) and this process's CPU time (user + system) per search. On PGlite in
 * memory the database runs in this thread, so its CPU time is the whole cost of a search; on
 * PostgreSQL the server's own is not counted.
 */
async function timed(runs: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
  const cpuMs = ((cpu.user + cpu.system) / 1000 / runs).toFixed(2);
  return `median ${at(0.5)} ms · p95 ${at(0.95)} ms · CPU ${cpuMs} ms`;
}

/** Search figures on one database kind. */
export async function benchSearch(
  kind: "pglite" | "postgres",
  sizes: readonly number[] = [200, 20_000],
): Promise<Figures> {
  const { database, drop } = await openBenchDatabase(kind, "search");
  const figures: Figures = {};
  try {
    await migrateDatabase(database);
    const ids: number[] = [];
    for (const [i, n] of sizes.entries()) {
      ids.push(await benchTambon(database.db, i));
      const t0 = performance.now();
      await fillSearch(database, ids[i]!, n);
      figures[`${kind}: ${n.toLocaleString("en-US")} documents indexed in`] =
        `${((performance.now() - t0) / 1000).toFixed(1)} s`;
    }
    await database.rows(sql`VACUUM ANALYZE search_documents`);
    const rowsIn = sizes.reduce((a, b) => a + b, 0);
    const [size] = await database.rows<{ table: string; index: string }>(
      sql`select pg_size_pretty(pg_table_size('search_documents')) as table,
        pg_size_pretty(pg_relation_size('search_documents_tsv_idx')) as index`,
    );
    figures[
      `${kind}: search_documents (${rowsIn.toLocaleString("en-US")} rows): table · GIN index`
    ] = `${size!.table} · ${size!.index}`;
    // A word in every document, and one in a single document (a word of its own).
    const rare = (await database.rows<{ w: string }>(sql`select md5('71') as w`))[0]!.w;
    for (const [i, n] of sizes.entries()) {
      const label = `${kind}, ${n.toLocaleString("en-US")} documents`;
      const runs = kind === "pglite" && n > 200 ? 40 : 100;
      const id = ids[i]!;
      figures[`${label}: common word (all match)`] = await timed(runs, () =>
        searchSite(database.db, id, "ประปา", { limit: 20 }),
      );
      figures[`${label}: common word, previous query`] = await timed(runs, () =>
        previous(database, id, "ประปา"),
      );
      figures[`${label}: rare word (one match)`] = await timed(runs, () =>
        searchSite(database.db, id, rare, { limit: 20 }),
      );
      figures[`${label}: rare word, previous query`] = await timed(runs, () =>
        previous(database, id, rare),
      );
      figures[`${label}: common word, one kind`] = await timed(runs, () =>
        searchSite(database.db, id, "ประปา", { limit: 20, kind: "news" }),
      );
    }
  } finally {
    await database.close();
    drop();
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const load = os.loadavg().map((l) => l.toFixed(1));
  process.stdout.write(
    `${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model} · load ${load.join(" ")} · Node ${process.version}\n`,
  );
  // SEARCH_SIZES=200,100000 and SEARCH_KINDS=pglite choose the tambons' sizes and the databases.
  const sizes = (process.env.SEARCH_SIZES ?? "200,20000").split(",").map(Number);
  const kinds = (process.env.SEARCH_KINDS ?? "postgres,pglite").split(",") as (
    "postgres" | "pglite"
  )[];
  for (const kind of kinds)
    for (const [k, v] of Object.entries(await benchSearch(kind, sizes)))
      process.stdout.write(`| ${k} | ${v} |\n`);
}
