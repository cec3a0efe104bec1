import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { makeDir } from "../make-dir.ts";

/** The database handle used everywhere: the same query builder on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle; commands receive one and write their audit row through it. */
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
/** Either a database or a transaction handle. */
export type DbOrTx = Db | Tx;

/** The rows of a raw statement on either driver (postgres-js gives an array, PGlite `{ rows }`). */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** An open database with its kind and a close function. */
export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs a raw SQL statement and returns its rows (driver differences hidden). */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

/** Folder of the generated SQL migrations. */
export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../drizzle",
);

/**
 * Statements sent to the database by this process, counted by the query builder's logger: tests
 * bound the queries a page makes (an N+1 shows as a count that grows with the rows), and benches
 * show them beside the time. One increment per statement; nothing is logged unless `recording`
 * is set, when each statement's text and parameters are kept there (for a test's EXPLAIN).
 */
export const queryCount: {
  n: number;
  recording: { sql: string; params: unknown[] }[] | null;
} = { n: 0, recording: null };
/** The query builder's logger that counts statements (see `queryCount`). */
export const countingLogger = {
  logQuery(query: string, params: unknown[]) {
    queryCount.n++;
    queryCount.recording?.push({ sql: query, params });
  },
};

/** Where to open the database: a PostgreSQL URL, a PGlite data dir, or PGlite in memory. */
export type DbTarget =
  | { url: string }
  | {
      dataDir: string;
      /** The database thread's nice value (default: pglite-worker.ts). */ threadNice?: number;
    }
  | { memory: true };

/** Opens PostgreSQL (when a URL is given) or embedded PGlite (data dir or memory). */
export async function openDatabase(target: DbTarget): Promise<Database> {
  if ("url" in target) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(target.url, {
      max: 10,
      onnotice: () => {},
      // Statements kept prepared (db/prepared.ts) are planned for each run's values, as any
      // other: a plan made once for every tambon would read a large tambon as a small one.
      connection: { application_name: "tambon", plan_cache_mode: "force_custom_plan" },
    });
    const db = drizzle({ client, logger: countingLogger }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      rows: <T>(query: SQL) => rowsOf<T>(db, query),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { drizzle } = await import("drizzle-orm/pglite");
  let client: { close(): Promise<void> };
  if ("dataDir" in target) {
    // A data folder (what `serve` and the commands open) gets its own thread, so that a slow
    // statement never holds the event loop; see pglite-worker.ts.
    makeDir(target.dataDir);
    const { PGliteWorker } = await import("./pglite-worker.ts");
    client = await PGliteWorker.create(path.resolve(target.dataDir), target.threadNice);
  } else {
    const { PGlite } = await import("@electric-sql/pglite");
    const { pgliteStartParams } = await import("./pglite-settings.ts");
    const { withKeptStatements } = await import("./pglite-statements.ts");
    // Statements asked again run prepared by name (pglite-statements.ts), as in the thread.
    client = withKeptStatements(await PGlite.create({ startParams: pgliteStartParams() }));
  }
  const db = drizzle({ client: client as never, logger: countingLogger }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    rows: <T>(query: SQL) => rowsOf<T>(db, query),
    close: () => client.close(),
  };
}

/**
 * Applies every pending migration (idempotent), then, when any was applied, gathers the planner's
 * statistics (PGlite has no autovacuum; without them searches and lists skip their indexes).
 */
export async function migrateDatabase(database: Database): Promise<void> {
  const applied = async () => {
    const { sql } = await import("drizzle-orm");
    const [row] = await database.rows<{ n: number }>(
      sql`select count(*)::int as n from pg_catalog.pg_tables where schemaname = 'drizzle' and tablename = '__drizzle_migrations'`,
    );
    if (!row?.n) return 0;
    const [c] = await database.rows<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    return Number(c?.n ?? 0);
  };
  const before = await applied();
  if (database.kind === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(database.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database.db as never, { migrationsFolder });
  }
  if ((await applied()) !== before) {
    const { sql } = await import("drizzle-orm");
    await database.rows(sql`ANALYZE`);
  }
}
