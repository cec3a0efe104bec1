import { randomBytes } from "node:crypto";
import { migrateDatabase, openDatabase, type Database } from "../../src/core/db/index.ts";

/** The database kinds every database test runs on. */
export const DB_KINDS = ["pglite", "postgres"] as const;
export type DbKind = (typeof DB_KINDS)[number];

/** The PostgreSQL server tests use; each test file gets its own new database there. */
export const TEST_PG_URL =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A migrated database for one test file, with a drop function. */
export interface TestDatabase extends Database {
  drop(): Promise<void>;
}

async function adminClient() {
  const { default: postgres } = await import("postgres");
  const sql = postgres(TEST_PG_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await sql`select 1`;
  } catch (err) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_PG_URL} (${(err as Error).message}). ` +
        "Install and start it (Debian: apt-get install postgresql; see .ci/run) or set TEST_DATABASE_URL.",
      { cause: err },
    );
  }
  return sql;
}

/** Opens a fresh, migrated database of the given kind (PGlite in memory, or a new PostgreSQL database). */
export async function openTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const database = await openDatabase({ memory: true });
    await migrateDatabase(database);
    return { ...database, drop: () => database.close() };
  }
  const admin = await adminClient();
  const name = `tambon_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await migrateDatabase(database);
  return {
    ...database,
    async drop() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
