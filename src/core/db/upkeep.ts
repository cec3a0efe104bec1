import { sql } from "drizzle-orm";
import type { Database } from "./index.ts";
import type { ModuleJob } from "../modules.ts";

/** How often the embedded database's upkeep looks for tables that changed. */
export const UPKEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * PostgreSQL's own autovacuum thresholds: a table is analysed once 50 rows plus a tenth of it
 * changed since its last statistics, and vacuumed once 50 rows plus a fifth of it are dead.
 */
const ANALYZE_BASE = 50;
const ANALYZE_SHARE = 0.1;
const VACUUM_BASE = 50;
const VACUUM_SHARE = 0.2;

/** A table the upkeep took care of, with why. */
export interface UpkeepDone {
  table: string;
  changed: number;
  dead: number;
}

/**
 * What autovacuum does on PostgreSQL, for PGlite, which has no autovacuum worker: `VACUUM ANALYZE`
 * of every table in which many rows changed since its statistics were gathered (or many rows are
 * dead), so that the planner keeps choosing the lists' and the search's indexes as content grows
 * (without statistics it filters every row of a tambon instead of using the search's GIN index).
 * On PostgreSQL nothing is done (its autovacuum does it) unless `postgres` asks for it (after an
 * import), and then only `ANALYZE`. Returns the tables it took care of.
 */
export async function databaseUpkeep(
  database: Database,
  opts: { postgres?: boolean } = {},
): Promise<UpkeepDone[]> {
  // After a large import the statistics are wanted at once, before autovacuum gets to them.
  if (database.kind !== "pglite" && !opts.postgres) return [];
  // The engine writes its change counters out at most once a second; this asks for them now.
  await database.rows(sql`select pg_stat_force_next_flush()`);
  const tables = await database.rows<{
    schema: string;
    table: string;
    changed: number;
    dead: number;
  }>(sql`
    select s.schemaname as schema, s.relname as "table",
           s.n_mod_since_analyze::int as changed, s.n_dead_tup::int as dead
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where s.n_mod_since_analyze > ${ANALYZE_BASE} + ${ANALYZE_SHARE} * greatest(c.reltuples, 0)
       or s.n_dead_tup > ${VACUUM_BASE} + ${VACUUM_SHARE} * greatest(c.reltuples, 0)
    order by s.n_mod_since_analyze desc`);
  const done: UpkeepDone[] = [];
  // PostgreSQL's autovacuum vacuums tables that grew by inserts (since version 13), so after an
  // import there it is enough to gather the statistics at once; PGlite has nobody else to vacuum.
  const command = database.kind === "pglite" ? "VACUUM ANALYZE" : "ANALYZE";
  for (const t of tables) {
    const name = `${quoteIdent(t.schema)}.${quoteIdent(t.table)}`;
    await database.rows(sql.raw(`${command} ${name}`));
    done.push({ table: t.table, changed: Number(t.changed), dead: Number(t.dead) });
  }
  return done;
}

/** An SQL identifier, quoted (a table's name from the catalogue). */
function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The core's job on PGlite: the upkeep above, every ten minutes. */
export const databaseUpkeepJob: ModuleJob = {
  id: "core.db-upkeep",
  everyMs: UPKEEP_EVERY_MS,
  run: async (deps) => {
    await databaseUpkeep(deps.database);
  },
};
