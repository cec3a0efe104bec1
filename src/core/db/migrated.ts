import type { Config } from "../config.ts";
import { migrateDatabase, openDatabase, type Database } from "./index.ts";
import { CliError } from "../cli.ts";

/** Opens the configured database (PostgreSQL or embedded PGlite) and applies pending migrations. */
export async function openMigrated(config: Config): Promise<Database> {
  try {
    const database = config.databaseUrl
      ? await openDatabase({ url: config.databaseUrl })
      : await openDatabase({ dataDir: `${config.dataDir}/pglite` });
    await migrateDatabase(database);
    return database;
  } catch (err) {
    const what = config.databaseUrl
      ? "PostgreSQL at DATABASE_URL"
      : `PGlite in ${config.dataDir}/pglite`;
    throw new CliError(
      `cannot open the database (${what}): ${(err as Error).message.split("\n")[0]}`,
    );
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
