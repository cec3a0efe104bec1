import type { Config } from "../config.ts";
import { migrateDatabase, openDatabase, type Database } from "./index.ts";
import { CliError } from "../cli.ts";
import { lockDataDir } from "./data-dir-lock.ts";

/** Opens the configured database (PostgreSQL or embedded PGlite) and applies pending migrations. */
export async function openMigrated(config: Config): Promise<Database> {
  // The embedded database is held by one process at a time (see data-dir-lock.ts).
  const lock = config.databaseUrl ? null : lockDataDir(config.dataDir);
  try {
    const database = config.databaseUrl
      ? await openDatabase({ url: config.databaseUrl })
      : await openDatabase({ dataDir: `${config.dataDir}/pglite` });
    await migrateDatabase(database);
    if (!lock) return database;
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock?.release();
    const what = config.databaseUrl
      ? "PostgreSQL at DATABASE_URL"
      : `PGlite in ${config.dataDir}/pglite`;
    // A failed query wraps what failed (a refused connection, a wrong password) as its cause:
    // that is the reason to print, not the statement.
    let reason = err as Error & { code?: string };
    while (reason.cause instanceof Error) reason = reason.cause;
    const text = (reason.message || reason.code || String(reason)).split("\n")[0];
    throw new CliError(`cannot open the database (${what}): ${text}`);
  }
}

/** Runs `work` on the migrated database and closes it afterwards, also when `work` fails. */
export async function withDatabase<T>(
  config: Config,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openMigrated(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
