import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { sql, eq } from "drizzle-orm";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { migrateDatabase } from "../../src/core/db/index.ts";
import { auditLog, tambons, users, villages } from "../../src/core/db/schema.ts";
import { audit } from "../../src/core/audit.ts";
import { createTambon, saveVillage } from "../../src/core/commands/tambons.ts";
import { modules } from "../../src/modules/index.ts";
import { listAreas } from "../../src/modules/areas/public.ts";
import type { Actor } from "../../src/core/roles.ts";

const PLATFORM_TABLES = new Set(["tambons", "users", "sessions", "password_resets"]);

for (const kind of DB_KINDS) {
  describe(`database contract on ${kind}`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(kind);
    });
    after(async () => {
      await database?.drop();
    });

    test("migrations apply once and again without change", async () => {
      await migrateDatabase(database);
      const rows = await database.rows<{ n: number }>(
        sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
      );
      assert.ok(Number(rows[0]!.n) >= 9);
    });

    test("every table but the platform's own carries tambon_id", async () => {
      const rows = await database.rows<{ table_name: string; has: boolean }>(sql`
        select t.table_name, exists (
          select 1 from information_schema.columns c
          where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'tambon_id'
        ) as has
        from information_schema.tables t where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`);
      const missing = rows
        .filter((r) => !r.has && !PLATFORM_TABLES.has(r.table_name))
        .map((r) => r.table_name);
      assert.deepEqual(missing, []);
      assert.ok(rows.some((r) => r.table_name === "issue_areas" && r.has));
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
        .values({ name: "root", isPlatformAdmin: true })
        .returning({ id: users.id });
      const admin: Actor = {
        user: { id: root!.id, name: "root", isPlatformAdmin: true, lang: "th" },
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
  });
}
