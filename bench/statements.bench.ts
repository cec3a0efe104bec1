// Two ways of asking the database, compared in one process, batch by batch (old way, new way,
// again), so that a shared machine's drift falls on both alike:
// - the site's part of the home page: its five list readers against its one statement
//   (PostgreSQL and PGlite);
// - PGlite's own unnamed statements against statements kept prepared by name
//   (core/db/pglite-statements.ts): a search at 200 documents, common word and rare, and a news
//   item with its photos and documents.
// `npx tsx bench/statements.bench.ts [postgres|pglite]`; CPU time of this process per call
// (PGlite runs in it; PostgreSQL's own time is not counted), median and range of the batches.
import os from "node:os";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { PGlite } from "@electric-sql/pglite";
import { countingLogger, migrateDatabase, rowsOf, type Db } from "../src/core/db/index.ts";
import { pgliteStartParams } from "../src/core/db/pglite-settings.ts";
import { withKeptStatements } from "../src/core/db/pglite-statements.ts";
import { loadDemo } from "../src/demo/load-demo.ts";
import { modules } from "../src/modules/index.ts";
import { searchSite } from "../src/modules/site/search/queries.ts";
import { fillSearch } from "../src/modules/site/search/fill.ts";
import {
  listCategories,
  newsCards,
  newsWithAttachments,
} from "../src/modules/site/news/queries.ts";
import { listAlbums } from "../src/modules/site/galleries/queries.ts";
import { siteStats } from "../src/modules/site/statistics/queries.ts";
import { listLinks } from "../src/modules/site/jobs/queries.ts";
import { siteHomeData } from "../src/modules/site/home/queries.ts";
import { benchTambon, openBenchDatabase } from "./db.ts";

type Figures = Record<string, string>;

/** CPU ms per call of `a` and of `b`, in alternated batches: median (range) of each. */
async function compare(a: () => Promise<unknown>, b: () => Promise<unknown>, batch = 100) {
  const cpu = async (f: () => Promise<unknown>) => {
    const c0 = process.cpuUsage();
    for (let i = 0; i < batch; i++) await f();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000 / batch;
  };
  for (let i = 0; i < 50; i++) await Promise.all([a(), b()]); // warm-up
  const as: number[] = [];
  const bs: number[] = [];
  for (let k = 0; k < 7; k++) {
    as.push(await cpu(a));
    bs.push(await cpu(b));
  }
  const show = (xs: number[]) => {
    xs.sort((x, y) => x - y);
    return `${xs[3]!.toFixed(2)} ms (${xs[0]!.toFixed(2)}–${xs[6]!.toFixed(2)})`;
  };
  return [show(as), show(bs)] as const;
}

/** The home page's five readers against its one statement, on the demo. */
async function homeStatements(kind: "pglite" | "postgres"): Promise<Figures> {
  const { database, drop } = await openBenchDatabase(kind, "statements");
  try {
    await migrateDatabase(database);
    await loadDemo(database.db, modules);
    await database.rows(sql`ANALYZE`);
    const [t] = await database.rows<{ id: number }>(
      sql`select id from tambons where slug = 'la-ngu'`,
    );
    const { db } = database;
    const id = t!.id;
    const [five, one] = await compare(
      () =>
        Promise.all([
          newsCards(db, id, { limit: 6 }),
          listCategories(db, id),
          listAlbums(db, id, { publishedOnly: true, limit: 3 }),
          siteStats(db, id, null),
          listLinks(db, id),
        ]),
      () => siteHomeData(db, id, null),
    );
    return { [`${kind}, site home: five statements · one`]: `${five} · ${one}` };
  } finally {
    await database.close();
    drop();
  }
}

/** PGlite's unnamed statements against kept ones, over one database in this thread. */
async function keptStatements(): Promise<Figures> {
  const pg = await PGlite.create({ startParams: pgliteStartParams() });
  try {
    const plain = drizzle({ client: pg, logger: countingLogger }) as unknown as Db;
    const kept = drizzle({
      client: withKeptStatements(pg) as never,
      logger: countingLogger,
    }) as unknown as Db;
    const database = {
      db: plain,
      kind: "pglite" as const,
      rows: <T>(q: ReturnType<typeof sql>) => rowsOf<T>(plain, q),
      close: () => pg.close(),
    };
    await migrateDatabase(database);
    await loadDemo(plain, modules);
    const tambonId = await benchTambon(plain, 1);
    await fillSearch(database, tambonId, 200);
    await pg.exec("VACUUM ANALYZE");
    const [news] = await database.rows<{ tambon: number; id: number }>(sql`
      select n.tambon_id as tambon, n.id from site_news n join tambons t on t.id = n.tambon_id
      where t.slug = 'la-ngu' and n.status = 'published' order by n.id limit 1`);
    const [{ w: rare }] = (await database.rows<{ w: string }>(sql`select md5('71') as w`)) as [
      { w: string },
    ];
    const cases: [string, (db: Db) => Promise<unknown>][] = [
      ["search, 200 documents, common word", (db) => searchSite(db, tambonId, "ประปา")],
      ["search, 200 documents, rare word", (db) => searchSite(db, tambonId, rare)],
      [
        "news item with photos and documents",
        (db) => newsWithAttachments(db, news!.tambon, news!.id),
      ],
    ];
    const out: Figures = {};
    for (const [name, run] of cases) {
      const [unnamed, prepared] = await compare(
        () => run(plain),
        () => run(kept),
        40,
      );
      out[`pglite, ${name}: unnamed · kept prepared`] = `${unnamed} · ${prepared}`;
    }
    return out;
  } finally {
    await pg.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const load = os.loadavg().map((l) => l.toFixed(1));
  process.stdout.write(
    `${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model} · load ${load.join(" ")} · Node ${process.version}\n`,
  );
  const kinds = process.argv[2]
    ? [process.argv[2] as "pglite" | "postgres"]
    : (["postgres", "pglite"] as const);
  for (const kind of kinds) {
    const figures = { ...(await homeStatements(kind)) };
    if (kind === "pglite") Object.assign(figures, await keptStatements());
    for (const [k, v] of Object.entries(figures)) process.stdout.write(`| ${k} | ${v} |\n`);
  }
}
