// Rows read inside another statement come back as the plain select gives them: dates as Date,
// a date column as its string, JSON as objects, nulls as null, in the order asked, only the rows
// picked, on both databases; also when the outer statement reads the same table.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { asc, desc, eq, ne, sql } from "drizzle-orm";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../../../test/helpers/db.ts";
import { makeTambon } from "../../../test/helpers/factories/core.ts";
import { auditLog, tambons } from "./schema.ts";
import { jsonRows } from "./json-rows.ts";
import { tambonWhere } from "./tambon-row.ts";

for (const kind of DB_KINDS) {
  describe(`rows read as JSON inside a statement on ${kind}`, () => {
    let database: TestDatabase;
    let mine = 0;
    let other = 0;

    before(async () => {
      database = await openTestDatabase(kind);
      mine = (await makeTambon(database.db, { villages: 0 })).tambon.id;
      other = (await makeTambon(database.db, { villages: 0 })).tambon.id;
      await database.db
        .update(tambons)
        .set({ siteOpened: "2012-05-01", isDemo: true })
        .where(eq(tambons.id, mine));
      await database.db.insert(auditLog).values([
        {
          tambonId: mine,
          action: "json.one",
          targetType: "thing",
          targetId: "7",
          before: null,
          after: { name: 'ตำบล "ละงู"', n: 3, list: [1, "สอง"], nested: { ok: true } },
          at: new Date("2026-01-02T03:04:05.678Z"),
        },
        {
          tambonId: mine,
          action: "json.two",
          targetType: "thing",
          targetId: null,
          before: { name: "เก่า" },
          after: null,
          at: new Date("2025-12-31T23:59:59.001Z"),
        },
        { tambonId: other, action: "json.other", targetType: "thing" },
      ]);
    });
    after(async () => {
      await database?.drop();
    });

    test("each row as the plain select gives it, in the order asked, only those picked", async () => {
      const picked = tambonWhere(auditLog, mine, {}, ne(auditLog.action, "tambon.create"));
      const plain = await database.db
        .select()
        .from(auditLog)
        .where(picked)
        .orderBy(desc(auditLog.at), desc(auditLog.id));
      const log = jsonRows(auditLog, picked, [desc(auditLog.at), desc(auditLog.id)]);
      const [row] = await database.db
        .select({ id: tambons.id, log: log.sql })
        .from(tambons)
        .where(eq(tambons.id, mine));
      const read = log.read(row!.log);
      assert.ok(plain.some((r) => r.action === "json.one") && plain.length >= 2);
      assert.deepEqual(read, plain);
      assert.ok(read.every((r) => r.at instanceof Date));
    });

    test("the outer statement reading the same table: the inner rows are the sub-select's", async () => {
      const same = jsonRows(tambons, eq(tambons.id, mine), [asc(tambons.id)]);
      const rows = await database.db
        .select({ id: tambons.id, inner: same.sql })
        .from(tambons)
        .where(eq(tambons.id, other));
      const [plain] = await database.db.select().from(tambons).where(eq(tambons.id, mine));
      assert.equal(rows[0]!.id, other);
      assert.deepEqual(same.read(rows[0]!.inner), [plain]);
      assert.equal(plain!.siteOpened, "2012-05-01");
      assert.equal(plain!.isDemo, true);
    });

    test("a set of columns: those alone, under the names given", async () => {
      const some = jsonRows(auditLog, eq(auditLog.tambonId, mine), [asc(auditLog.id)], {
        what: auditLog.action,
        when: auditLog.at,
      });
      const [row] = await database.db
        .select({ rows: some.sql })
        .from(tambons)
        .where(eq(tambons.id, mine));
      const plain = await database.db
        .select({ what: auditLog.action, when: auditLog.at })
        .from(auditLog)
        .where(eq(auditLog.tambonId, mine))
        .orderBy(asc(auditLog.id));
      assert.deepEqual(some.read(row!.rows), plain);
    });

    test("a limit: the first rows in the order asked, with expressions over each row", async () => {
      const picked = eq(auditLog.tambonId, mine);
      const order = [asc(auditLog.at), asc(auditLog.id)];
      const firstOne = jsonRows(
        auditLog,
        picked,
        order,
        {
          id: auditLog.id,
          action: auditLog.action,
          shout: sql<string>`upper(${auditLog.action})`,
          logged: sql<number>`(select count(*) from ${auditLog} a
            where a.tambon_id = ${auditLog.tambonId} and a.at <= ${auditLog.at})`.mapWith(Number),
        },
        1,
      );
      const [row] = await database.db
        .select({ rows: firstOne.sql })
        .from(tambons)
        .where(eq(tambons.id, other));
      const plain = await database.db
        .select({ id: auditLog.id, action: auditLog.action })
        .from(auditLog)
        .where(picked)
        .orderBy(...order);
      const read = firstOne.read(row!.rows);
      assert.ok(plain.length >= 3, "more rows than the limit");
      assert.deepEqual(read, [{ ...plain[0]!, shout: plain[0]!.action.toUpperCase(), logged: 1 }]);
      assert.equal(typeof read[0]!.logged, "number");
    });

    test("no rows picked: an empty list", async () => {
      const none = jsonRows(auditLog, eq(auditLog.tambonId, -1), []);
      const [row] = await database.db
        .select({ rows: none.sql })
        .from(tambons)
        .where(eq(tambons.id, mine));
      assert.deepEqual(none.read(row!.rows), []);
    });
  });
}
