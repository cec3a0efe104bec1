import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { sql, eq, is } from "drizzle-orm";
import { PgTable, getTableConfig } from "drizzle-orm/pg-core";
import { DB_KINDS, openEmptyDatabase, openTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { migrateDatabase, migrationsFolder, type Database } from "../../src/core/db/index.ts";
import { auditLog, tambons, users, villages } from "../../src/core/db/schema.ts";
import { audit } from "../../src/core/audit.ts";
import { createTambon, saveVillage } from "../../src/core/commands/tambons.ts";
import { modules } from "../../src/modules/index.ts";
import { listAreas } from "../../src/modules/areas/public.ts";
import type { Actor } from "../../src/core/roles.ts";
import { runJobOnce } from "../../src/core/jobs.ts";
import type { ModuleDeps } from "../../src/core/modules.ts";

/**
 * The tables docs/architecture.md ("Distributing by tambon") names on its line that starts with
 * `label`: the document says which tables carry no tambon_id, or an empty one, and this test holds
 * the schema to it, so neither drifts from the other.
 */
function documentedTables(label: string): string[] {
  const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/architecture.md"), "utf8");
  const line = doc.split("\n").find((l) => l.startsWith(label));
  assert.ok(line, `docs/architecture.md has a line starting "${label}"`);
  return [...line.slice(label.length).matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]!).sort();
}

/** Everything the migrations define, as the catalogs describe it, in a stable order. */
async function schemaOf(database: Database) {
  const q = (query: ReturnType<typeof sql>) => database.rows(query);
  return {
    tables: await q(sql`
      select table_schema, table_name, table_type from information_schema.tables
      where table_schema in ('public', 'drizzle') order by 1, 2`),
    columns: await q(sql`
      select table_name, column_name, ordinal_position, data_type, udt_name, is_nullable,
        column_default, character_maximum_length, numeric_precision, numeric_scale, is_identity,
        identity_generation, is_generated, generation_expression
      from information_schema.columns where table_schema = 'public' order by 1, 3`),
    types: await q(sql`
      select t.typname, t.typtype, e.enumlabel, e.enumsortorder
      from pg_type t left join pg_enum e on e.enumtypid = t.oid
      where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd', 'c')
      order by 1, 4`),
    indexes: await q(sql`
      select tablename, indexname, indexdef from pg_indexes where schemaname = 'public'
      order by 1, 2`),
    constraints: await q(sql`
      select conrelid::regclass::text as table_name, conname, contype,
        pg_get_constraintdef(oid) as definition
      from pg_constraint where connamespace = 'public'::regnamespace order by 1, 2`),
    triggers: await q(sql`
      select event_object_table, trigger_name, event_manipulation, action_timing,
        action_statement
      from information_schema.triggers where trigger_schema = 'public' order by 1, 2, 3`),
    functions: await q(sql`
      select proname, pg_get_function_identity_arguments(oid) as args,
        pg_get_function_result(oid) as result, md5(prosrc) as body
      from pg_proc where pronamespace = 'public'::regnamespace order by 1, 2`),
    views: await q(sql`
      select viewname, definition from pg_views where schemaname = 'public' order by 1`),
    sequences: await q(sql`
      select sequence_name, data_type, start_value, increment, maximum_value, cycle_option
      from information_schema.sequences where sequence_schema = 'public' order by 1`),
  };
}

/** The migrations a database has recorded as applied. */
const appliedMigrations = (database: Database) =>
  database.rows<{ hash: string; created_at: string }>(
    sql`select hash, created_at::text from drizzle.__drizzle_migrations order by id`,
  );

const journal = JSON.parse(
  readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8"),
) as { entries: { tag: string }[] };

/** The tables the code declares (the drizzle schemas of the core and of every module). */
async function declaredTables() {
  const src = path.resolve(import.meta.dirname, "../../src");
  // The sources through tsx, or the compiled copy scripts/run-tests.mjs runs.
  const ext = import.meta.filename.endsWith(".js") ? "js" : "ts";
  const files = [
    path.join(src, `core/db/schema.${ext}`),
    // The core's other parts with tables of their own (drizzle.config.ts lists them too).
    ...readdirSync(path.join(src, "core"))
      .map((d) => path.join(src, "core", d, `schema.${ext}`))
      .filter((f) => existsSync(f) && !f.endsWith(`core/db/schema.${ext}`)),
    ...readdirSync(path.join(src, "modules"))
      .map((m) => path.join(src, "modules", m, `schema.${ext}`))
      .filter((f) => existsSync(f)),
  ];
  const tables = new Map<string, string[]>();
  for (const file of files)
    for (const value of Object.values(await import(file)))
      if (is(value, PgTable)) {
        const config = getTableConfig(value);
        tables.set(
          config.name,
          config.columns.map((c) => c.name),
        );
      }
  return tables;
}

for (const kind of DB_KINDS) {
  describe(`migrations on ${kind}`, () => {
    let fresh: TestDatabase;
    let once: Awaited<ReturnType<typeof schemaOf>>;
    before(async () => {
      fresh = await openEmptyDatabase(kind);
      await migrateDatabase(fresh);
      once = await schemaOf(fresh);
    });
    after(async () => {
      await fresh?.drop();
    });

    test("an empty database migrates to every table and column the code declares", async () => {
      const declared = await declaredTables();
      assert.ok(declared.size > 0);
      const inDb = new Map<string, string[]>();
      for (const c of once.columns as { table_name: string; column_name: string }[])
        inDb.set(c.table_name, [...(inDb.get(c.table_name) ?? []), c.column_name]);
      for (const [table, columns] of declared) {
        assert.ok(inDb.has(table), `table ${table} is missing`);
        assert.deepEqual(
          columns.filter((c) => !inDb.get(table)!.includes(c)),
          [],
          `columns of ${table} missing`,
        );
      }
      assert.deepEqual(
        [...inDb.keys()].filter((t) => !declared.has(t)),
        [],
        "tables no schema declares",
      );
      assert.ok(once.indexes.length > declared.size, "indexes beyond the primary keys");
      assert.ok(once.constraints.length > declared.size, "constraints beyond the primary keys");
      const applied = await appliedMigrations(fresh);
      assert.equal(applied.length, journal.entries.length, "each migration recorded once");
    });

    test("migrating again changes nothing: same tables, columns, types, indexes and constraints", async () => {
      const applied = await appliedMigrations(fresh);
      await migrateDatabase(fresh);
      assert.deepEqual(await schemaOf(fresh), once);
      assert.deepEqual(await appliedMigrations(fresh), applied);
    });

    test("a test database starts with exactly the migrated schema", async () => {
      const copy = await openTestDatabase(kind);
      try {
        assert.deepEqual(await schemaOf(copy), once);
        assert.deepEqual(
          (await appliedMigrations(copy)).map((m) => m.hash),
          (await appliedMigrations(fresh)).map((m) => m.hash),
        );
      } finally {
        await copy.drop();
      }
    });
  });

  describe(`database contract on ${kind}`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(kind);
    });
    after(async () => {
      await database?.drop();
    });

    test("every table carries a tambon_id that is never empty, but those the architecture names", async () => {
      const rows = await database.rows<{ table_name: string; nullable: string | null }>(sql`
        select t.table_name, c.is_nullable as nullable
        from information_schema.tables t
        left join information_schema.columns c
          on c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'tambon_id'
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`);
      assert.deepEqual(
        rows
          .filter((r) => r.nullable === null)
          .map((r) => r.table_name)
          .sort(),
        documentedTables("Tables without `tambon_id`:"),
        "the tables without tambon_id are those docs/architecture.md lists",
      );
      assert.deepEqual(
        rows
          .filter((r) => r.nullable === "YES")
          .map((r) => r.table_name)
          .sort(),
        documentedTables("Tables whose `tambon_id` may be empty:"),
        "the tables whose tambon_id may be empty are those docs/architecture.md lists",
      );
      assert.ok(rows.some((r) => r.table_name === "issue_areas" && r.nullable === "NO"));
    });

    test("a tambon is created from its DOPA code with its modules' defaults and an audit row", async () => {
      const result = await createTambon(
        database.db,
        null,
        { dopaCode: "910502", kind: "sao" },
        modules,
      );
      assert.ok(result.ok);
      assert.equal(result.value.slug, "la-ngu");
      assert.equal(result.value.provinceTh, "สตูล");
      const areas = await listAreas(database.db, result.value.id);
      assert.equal(areas.length, 5);
      assert.equal(areas[0]!.nameTh, "สุขภาพกาย/ใจ");
      const logs = await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.tambonId, result.value.id));
      // One row for the tambon; every module that sets up defaults audits them too.
      const actions = logs.map((l) => l.action);
      assert.equal(actions.filter((a) => a === "tambon.create").length, 1);
      assert.ok(actions.includes("area.seed"), actions.join(", "));
      const again = await createTambon(
        database.db,
        null,
        { dopaCode: "910502", kind: "sao" },
        modules,
      );
      assert.deepEqual(again.ok ? null : again.errors.dopaCode?.key, "err.dopaTaken");
    });

    test("a failure inside a command leaves neither the change nor its audit row", async () => {
      const before = await database.db.select().from(auditLog);
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await tx.insert(users).values({ name: "ชั่วคราว", username: "temp-user" });
          await audit(tx, {
            tambonId: null,
            actorId: null,
            action: "user.create",
            targetType: "user",
          });
          throw new Error("boom");
        }),
        /boom/,
      );
      assert.equal(
        (await database.db.select().from(users).where(eq(users.username, "temp-user"))).length,
        0,
      );
      assert.equal((await database.db.select().from(auditLog)).length, before.length);
    });

    test("secrets never reach the audit log", async () => {
      await audit(database.db, {
        tambonId: null,
        actorId: null,
        action: "test.secret",
        targetType: "user",
        after: { name: "x", passwordHash: "scrypt$…", token: "abc" },
      });
      const [row] = await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "test.secret"));
      assert.deepEqual(row!.after, { name: "x", passwordHash: "[redacted]", token: "[redacted]" });
    });

    test("e-mail addresses are unique regardless of case", async () => {
      await database.db.insert(users).values({ name: "ก", email: "Som@Example.org" });
      await assert.rejects(
        database.db.insert(users).values({ name: "ข", email: "som@example.org" }),
      );
    });

    test("villages: codes start with the tambon's code, moo numbers are unique per tambon", async () => {
      const [tb] = await database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      const [root] = await database.db
        .insert(users)
        .values({ name: "root", isNetworkAdmin: true })
        .returning({ id: users.id });
      const admin: Actor = {
        user: { id: root!.id, name: "root", isNetworkAdmin: true, lang: "th" },
        roles: new Map(),
        memberOf: new Set(),
      };
      const ok1 = await saveVillage(database.db, admin, tb!, {
        moo: "1",
        nameTh: "บ้านทดสอบ",
        code: "",
      });
      assert.ok(ok1.ok);
      assert.equal(ok1.value.code, "91050201");
      const dup = await saveVillage(database.db, admin, tb!, { moo: "1", nameTh: "ซ้ำ", code: "" });
      assert.equal(dup.ok ? "" : dup.errors.moo?.key, "err.mooTaken");
      const badCode = await saveVillage(database.db, admin, tb!, {
        moo: "2",
        nameTh: "x",
        code: "52080102",
      });
      assert.equal(badCode.ok ? "" : badCode.errors.code?.key, "err.villageCode");
      const badNum = await saveVillage(database.db, admin, tb!, {
        moo: "สอง",
        nameTh: "x",
        code: "",
      });
      assert.equal(badNum.ok ? "" : badNum.errors.moo?.key, "err.number");
      const rows = await database.db.select().from(villages).where(eq(villages.tambonId, tb!.id));
      assert.equal(rows.length, 1, "failed saves wrote nothing");
    });

    test("Thai text round-trips unchanged", async () => {
      const text = "ธรรมนูญสุขภาพตำบลละงู ฉบับที่ ๒ พ.ศ. ๒๕๖๘ — ผู้ก่อการดี";
      const rows = await database.rows<{ t: string }>(sql`select ${text}::text as t`);
      assert.equal(rows[0]!.t, text);
    });

    test("a job runs once in its slot, whoever asks again; one about an instance's memory every time", async () => {
      let runs = 0;
      const job = { id: "contract.once", everyMs: 3_600_000, run: async () => void runs++ };
      const deps = { database } as unknown as ModuleDeps;
      const now = Date.now();
      assert.equal(await runJobOnce(job, deps, now), true);
      // A second start in the same slot (a restart, another instance) finds it claimed.
      assert.equal(await runJobOnce(job, deps, now + 1), false);
      assert.equal(runs, 1);
      assert.equal(await runJobOnce(job, deps, now + job.everyMs), true, "the next slot runs");
      assert.equal(runs, 2);
      const memory = { ...job, id: "contract.memory", everyInstance: true };
      assert.equal(await runJobOnce(memory, deps, now), true);
      assert.equal(await runJobOnce(memory, deps, now), true);
      assert.equal(runs, 4);
    });
  });
}
