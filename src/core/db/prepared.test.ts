// A prepared statement is built once for each database handle and shape, and every run answers
// with its own values: the rows the plain statement gives, for each tambon in turn, each shape
// its own statement, a time given as an ISO string compared with a time column, a
// transaction's own rows inside it.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { asc, eq, gte, sql } from "drizzle-orm";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../../../test/helpers/db.ts";
import { makeTambon } from "../../../test/helpers/factories/core.ts";
import { auditLog } from "./schema.ts";
import { prepared, type Holes } from "./prepared.ts";
import { tambonWhere } from "./tambon-row.ts";

for (const kind of DB_KINDS) {
  describe(`statements prepared once on ${kind}`, () => {
    let database: TestDatabase;
    let mine = 0;
    let other = 0;
    let builds: string[] = [];
    const logOf = prepared(
      "test_log_of",
      (db, p: Holes<{ tambonId: number; since: string; action: string }>, shape: "" | "action") => {
        builds.push(shape);
        return db
          .select({ action: auditLog.action, at: auditLog.at })
          .from(auditLog)
          .where(
            tambonWhere(
              auditLog,
              p.tambonId,
              { targetType: "t" },
              gte(auditLog.at, p.since),
              shape === "action" ? eq(auditLog.action, p.action) : undefined,
            ),
          )
          .orderBy(asc(auditLog.at), asc(auditLog.id));
      },
    );

    before(async () => {
      database = await openTestDatabase(kind);
      mine = (await makeTambon(database.db, { villages: 0 })).tambon.id;
      other = (await makeTambon(database.db, { villages: 0 })).tambon.id;
      await database.db.insert(auditLog).values([
        { tambonId: mine, action: "p.old", targetType: "t", at: new Date("2020-01-01T00:00:00Z") },
        { tambonId: mine, action: "p.one", targetType: "t", at: new Date("2026-03-01T10:00:00Z") },
        { tambonId: mine, action: "p.two", targetType: "t", at: new Date("2026-03-02T10:00:00Z") },
        { tambonId: other, action: "p.one", targetType: "t", at: new Date("2026-03-05T00:00:00Z") },
      ]);
      builds = [];
    });
    after(async () => {
      await database?.drop();
    });

    const since = "2026-01-01T00:00:00.000Z";
    const plain = (tambonId: number, action?: string) =>
      database.db
        .select({ action: auditLog.action, at: auditLog.at })
        .from(auditLog)
        .where(
          tambonWhere(
            auditLog,
            tambonId,
            { targetType: "t" },
            gte(auditLog.at, new Date(since)),
            action ? eq(auditLog.action, action) : undefined,
          ),
        )
        .orderBy(asc(auditLog.at), asc(auditLog.id));

    test("each run answers with its own values, as the plain statement does", async () => {
      const values = (tambonId: number) => ({ tambonId, since, action: "" });
      const a = await logOf(database.db, values(mine));
      const b = await logOf(database.db, values(other));
      const again = await logOf(database.db, values(mine));
      assert.deepEqual(a, await plain(mine));
      assert.deepEqual(b, await plain(other));
      assert.deepEqual(again, a);
      assert.deepEqual(
        a.map((r) => r.action),
        ["p.one", "p.two"],
        "the older row is left out by the time given as an ISO string",
      );
      assert.ok(a[0]!.at instanceof Date, "a time comes back as a Date");
      assert.equal(a[0]!.at.toISOString(), "2026-03-01T10:00:00.000Z");
      assert.deepEqual(
        b.map((r) => r.action),
        ["p.one"],
      );
    });

    test("each shape is built once and keeps its own condition", async () => {
      await logOf(database.db, { tambonId: mine, since, action: "" });
      builds = [];
      for (const action of ["p.one", "p.two", "p.one"]) {
        const rows = await logOf(database.db, { tambonId: mine, since, action }, "action");
        assert.deepEqual(rows, await plain(mine, action));
      }
      const all = await logOf(database.db, { tambonId: mine, since, action: "p.one" });
      assert.equal(all.length, 2, "the shape without the action filter ignores the value");
      assert.deepEqual(builds, ["action"], "the filtered shape built once, the plain one kept");
    });

    if (kind === "postgres")
      test("PostgreSQL plans a kept statement for each run's values", async () => {
        // A plan made once for unknown values would serve a tambon of 20,000 news as one of 20.
        const [row] = await database.rows<{ plan_cache_mode: string }>(sql`show plan_cache_mode`);
        assert.equal(row?.plan_cache_mode, "force_custom_plan");
      });

    test("a transaction runs its own statement and sees its own rows", async () => {
      builds = [];
      let inside: { action: string }[] = [];
      const undo = new Error("undo");
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await tx
            .insert(auditLog)
            .values({ tambonId: mine, action: "p.tx", targetType: "t", at: new Date() });
          inside = await logOf(tx, { tambonId: mine, since, action: "p.tx" }, "action");
          throw undo;
        }),
        (e) => e === undo,
      );
      assert.deepEqual(
        inside.map((r) => r.action),
        ["p.tx"],
        "the transaction's statement sees its row",
      );
      assert.deepEqual(builds, ["action"], "built again for the transaction's handle");
      const after = await logOf(database.db, { tambonId: mine, since, action: "p.tx" }, "action");
      assert.deepEqual(after, [], "the row rolled back with its transaction");
      assert.deepEqual(builds, ["action"], "the database's own statement was kept");
    });
  });
}
