import { createHash, randomBytes } from "node:crypto";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import {
  migrateDatabase,
  migrationsFolder,
  openDatabase,
  countingLogger,
  rowsOf,
  type Database,
  type Db,
} from "../../src/core/db/index.ts";
import { todayIso } from "../../src/core/dates.ts";
import { loadDemo } from "../../src/demo/load-demo.ts";
import { modules } from "../../src/modules/index.ts";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

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

/** What a new test database holds besides the migrated schema. */
export interface TestDatabaseOptions {
  /** The demo network (three tambons with their people and content). */
  demo?: boolean;
}

/*
 * Migrating a database and loading the demo take most of a test file's set-up, so each is done
 * once per run: a migrated PostgreSQL database (and one with the demo) serves as the template of
 * every test database, and a dump of a migrated PGlite (and one with the demo) is loaded into each
 * PGlite. `scripts/run-tests.mjs` gives every test process of a run the same folder
 * (TAMBON_TEST_RUN_DIR) and name (TAMBON_TEST_RUN_ID): the first process that needs a template
 * builds it while the others wait, and the run removes them all at its end. The names carry a hash
 * of the migrations (and, for the demo, of src/, seed/ and today's date), so a change made during
 * the run gets its own template instead of a stale one. A test file run on its own builds the PGlite
 * dumps in its own process and makes PostgreSQL databases from scratch.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const RUN_DIR = process.env.TAMBON_TEST_RUN_DIR || null;
const RUN_ID = /^[a-z0-9]{1,20}$/.test(process.env.TAMBON_TEST_RUN_ID ?? "")
  ? process.env.TAMBON_TEST_RUN_ID!
  : null;
/** Where the run lists the PostgreSQL templates it made, for `scripts/run-tests.mjs` to drop. */
export const PG_TEMPLATES_FILE = "pg-templates.txt";

type Variant = "schema" | "demo";

function hashFiles(
  hash: ReturnType<typeof createHash>,
  dir: string,
  keep: (file: string) => boolean,
) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) hashFiles(hash, file, keep);
    else if (keep(file)) {
      hash.update(path.relative(ROOT, file) + "\0");
      hash.update(readFileSync(file));
      hash.update("\0");
    }
  }
}

const keys = new Map<Variant, string>();
/** A hash of what a template's content depends on. */
function templateKey(variant: Variant): string {
  let key = keys.get(variant);
  if (key) return key;
  const hash = createHash("sha256");
  if (variant === "schema") {
    hashFiles(hash, migrationsFolder, () => true);
    const pglite = path.join(ROOT, "node_modules/@electric-sql/pglite/package.json");
    if (existsSync(pglite)) hash.update(JSON.parse(readFileSync(pglite, "utf8")).version);
  } else {
    hash.update(templateKey("schema"));
    const sources = (f: string) => /\.(tsx?|json)$/.test(f) && !/\.test\.tsx?$/.test(f);
    hashFiles(hash, path.join(ROOT, "src"), sources);
    hashFiles(hash, path.join(ROOT, "seed"), sources);
    // the demo dates its rows from today
    hash.update(todayIso());
  }
  key = hash.digest("hex").slice(0, 12);
  keys.set(variant, key);
  return key;
}

function memo<T>(cache: Map<Variant, Promise<T>>, variant: Variant, make: () => Promise<T>) {
  let p = cache.get(variant);
  if (!p) {
    p = make();
    cache.set(variant, p);
    p.catch(() => cache.delete(variant));
  }
  return p;
}

async function loadDemoInto(db: Db) {
  await loadDemo(db, modules);
}

// The keys are taken as this file loads, when the process has read every file it imports, so they
// name the code it runs even if src/ changes before it first asks for a template.
if (RUN_DIR) templateKey("demo");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The file's bytes; the first process of the run to ask builds it while the others wait. */
async function sharedFile(
  file: string,
  build: () => Promise<Buffer<ArrayBuffer>>,
): Promise<Buffer<ArrayBuffer>> {
  const lock = `${file}.lock`;
  for (;;) {
    if (existsSync(file)) return readFileSync(file);
    try {
      mkdirSync(lock);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let owner = 0;
      try {
        owner = Number(readFileSync(path.join(lock, "pid"), "utf8"));
      } catch {
        // the builder has not written its pid yet, or has just finished
      }
      if (owner && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      await sleep(200);
      continue;
    }
    try {
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      if (existsSync(file)) return readFileSync(file);
      const bytes = await build();
      const partial = `${file}.${process.pid}.part`;
      writeFileSync(partial, bytes);
      renameSync(partial, file);
      return bytes;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * A dump as PGlite's `loadDataDir` takes it. PGlite only calls `arrayBuffer()` and reads `type`;
 * a Blob's `arrayBuffer()` on Node 20 reads its bytes back in small pieces and joins them, which
 * cost 0.6 s of CPU for each test database opened from a 50-70 MB dump.
 */
function tarball(dump: Buffer<ArrayBuffer>): Blob {
  const bytes =
    dump.byteOffset === 0 && dump.byteLength === dump.buffer.byteLength
      ? dump.buffer
      : dump.buffer.slice(dump.byteOffset, dump.byteOffset + dump.byteLength);
  return { type: "application/x-tar", arrayBuffer: async () => bytes } as unknown as Blob;
}

/** PGlite in memory, empty or loaded from a dump; `dump()` makes a dump of it. */
async function openPglite(
  dump?: Buffer<ArrayBuffer>,
): Promise<Database & { dump(): Promise<Buffer<ArrayBuffer>> }> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { pgliteStartParams } = await import("../../src/core/db/pglite-settings.ts");
  // The settings the app's own PGlite starts with (smaller shared buffers than PGlite's default,
  // which PostgreSQL zeroes on every start: half of a test database's opening).
  const startParams = pgliteStartParams();
  const client = await PGlite.create(
    dump ? { loadDataDir: tarball(dump), startParams } : { startParams },
  );
  const { withKeptStatements } = await import("../../src/core/db/pglite-statements.ts");
  // Statements asked again run prepared by name, as the app's own PGlite runs them.
  const db = drizzle({
    client: withKeptStatements(client) as never,
    logger: countingLogger,
  }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    rows: <T>(query: SQL) => rowsOf<T>(db, query),
    close: () => client.close(),
    dump: async () => Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()),
  };
}

const dumps = new Map<Variant, Promise<Buffer<ArrayBuffer>>>();
/** The data directory (a tarball) of a migrated PGlite, with the demo loaded for "demo". */
function pgliteDump(variant: Variant): Promise<Buffer<ArrayBuffer>> {
  return memo(dumps, variant, async () => {
    const build = async () => {
      const database = await openPglite(
        variant === "demo" ? await pgliteDump("schema") : undefined,
      );
      try {
        if (variant === "schema") await migrateDatabase(database);
        else await loadDemoInto(database.db);
        return await database.dump();
      } finally {
        await database.close();
      }
    };
    if (!RUN_DIR) return build();
    return sharedFile(path.join(RUN_DIR, `pglite-${variant}-${templateKey(variant)}.tar`), build);
  });
}

const dataDirs = new Map<Variant, Promise<string | null>>();
/**
 * The run's data directory of a migrated PGlite (with the demo for "demo"), written once from its
 * dump, for the `tambon` commands of a test to open a copy of (a copy of a folder costs a tenth of
 * writing it out from the dump again). Null outside a run. Test databases stay in memory: on disk,
 * a file that writes much took twice its time.
 */
function pgliteDataDir(variant: Variant): Promise<string | null> {
  if (!RUN_DIR) return Promise.resolve(null);
  return memo(dataDirs, variant, async () => {
    const dir = path.join(RUN_DIR, `pglite-${variant}-${templateKey(variant)}`);
    await sharedFile(`${dir}.ready`, async () => {
      const partial = `${dir}.${process.pid}.part`;
      rmSync(partial, { recursive: true, force: true });
      await writeDataDir(partial, await pgliteDump(variant));
      rmSync(dir, { recursive: true, force: true });
      renameSync(partial, dir);
      return Buffer.alloc(0);
    });
    return dir;
  });
}

/** Writes a dump out as the data directory PGlite opens; closing it leaves the folder ready. */
async function writeDataDir(dir: string, dump: Buffer<ArrayBuffer>): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const client = await PGlite.create(dir, { loadDataDir: tarball(dump) });
  await client.close();
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

function pgUrl(name: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

const templates = new Map<Variant, Promise<string>>();
/** The name of the run's template database: migrated, with the demo loaded for "demo". */
function pgTemplate(variant: Variant): Promise<string> {
  return memo(templates, variant, async () => {
    const name = `tambon_tpl_${RUN_ID}_${variant === "demo" ? "d" : "s"}${templateKey(variant)}`;
    const admin = await adminClient();
    try {
      // Session-level: released when this process dies, so a waiting process then builds it.
      await admin`select pg_advisory_lock(hashtext(${name}))`;
      const [found] = await admin`select 1 from pg_database where datname = ${name}`;
      if (found) return name;
      const building = `${name}_b`;
      await admin.unsafe(`drop database if exists ${building} with (force)`);
      appendFileSync(path.join(RUN_DIR!, PG_TEMPLATES_FILE), `${building}\n${name}\n`);
      if (variant === "schema") await admin.unsafe(`create database ${building}`);
      else await admin.unsafe(`create database ${building} template ${await pgTemplate("schema")}`);
      const database = await openDatabase({ url: pgUrl(building) });
      try {
        if (variant === "schema") await migrateDatabase(database);
        else await loadDemoInto(database.db);
      } finally {
        await database.close();
      }
      // Only a finished template gets its name; nobody connects to it afterwards, which a copy needs.
      await admin.unsafe(`alter database ${building} rename to ${name}`);
      await admin.unsafe(`alter database ${name} with allow_connections false`);
      return name;
    } finally {
      await admin.end({ timeout: 5 });
    }
  });
}

/** A new PostgreSQL database (a copy of `template` when given) that drop() removes. */
async function newPgDatabase(
  template: string | null,
): Promise<{ name: string; database: Database }> {
  const admin = await adminClient();
  const name = `tambon_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  try {
    await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ""}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return { name, database: await openDatabase({ url: pgUrl(name) }) };
}

function droppable(database: Database, name: string | null): TestDatabase {
  const { db, kind, rows, close } = database;
  return {
    db,
    kind,
    rows,
    close,
    async drop() {
      await database.close();
      if (!name) return;
      const admin = await adminClient();
      try {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end({ timeout: 5 });
      }
    },
  };
}

/**
 * Opens a fresh, migrated database of the given kind (PGlite in memory, or a new PostgreSQL
 * database), with the demo network loaded when asked. Each call gets its own database.
 */
export async function openTestDatabase(
  kind: DbKind,
  opts: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const variant: Variant = opts.demo ? "demo" : "schema";
  if (kind === "pglite") return droppable(await openPglite(await pgliteDump(variant)), null);
  if (RUN_DIR && RUN_ID) {
    const { name, database } = await newPgDatabase(await pgTemplate(variant));
    return droppable(database, name);
  }
  const { name, database } = await newPgDatabase(null);
  const test = droppable(database, name);
  try {
    await migrateDatabase(database);
    if (opts.demo) await loadDemoInto(database.db);
  } catch (err) {
    await test.drop();
    throw err;
  }
  return test;
}

/**
 * Builds the run's templates (migrated and with the demo, PGlite and PostgreSQL) before any test
 * file asks for them: `scripts/run-tests.mjs` runs it beside the unit lane on a whole run.
 */
export async function prepareTestDatabases(): Promise<void> {
  if (!RUN_DIR || !RUN_ID)
    throw new Error("TAMBON_TEST_RUN_DIR and TAMBON_TEST_RUN_ID are not set");
  await Promise.all([pgliteDump("demo"), pgTemplate("demo")]);
}

/**
 * Writes the run's migrated PGlite (with the demo loaded when asked) into `dir` as a data
 * directory that `tambon` opens like one it made itself: a copy of the template's dump, so a
 * command-line journey starts from a ready database instead of creating one (an initdb, the
 * migrations and the demo: 20-30 s of CPU time per journey).
 */
export async function writePgliteDataDir(
  dir: string,
  opts: TestDatabaseOptions = {},
): Promise<void> {
  const variant = opts.demo ? "demo" : "schema";
  const ready = await pgliteDataDir(variant);
  if (ready) cpSync(ready, dir, { recursive: true });
  else await writeDataDir(dir, await pgliteDump(variant));
}

/** Opens a new database of the given kind with nothing in it: for tests of the migrations. */
export async function openEmptyDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === "pglite") return droppable(await openPglite(), null);
  const { name, database } = await newPgDatabase(null);
  return droppable(database, name);
}

/** The text plan PostgreSQL chooses for a query (`EXPLAIN`, one line per node). */
export async function queryPlan(database: Database, query: SQLWrapper): Promise<string> {
  const rows = await database.rows<{ "QUERY PLAN": string }>(
    sql`EXPLAIN SELECT * FROM (${query}) AS q`,
  );
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}
