// Statements the embedded database keeps prepared answer as PGlite's own unnamed ones do: the
// same rows and types, errors with their fields, a bounded number kept, a table altered under
// one, and another caller's transaction never entered.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { PGlite } from "@electric-sql/pglite";
import { KEPT_STATEMENTS, KeptStatements } from "./pglite-statements.ts";

describe("statements kept prepared in PGlite", () => {
  let db: PGlite;
  let kept: KeptStatements;

  before(async () => {
    db = await PGlite.create();
    kept = new KeptStatements(db);
    await db.exec(`create table things (
      id serial primary key, name text not null unique, at timestamptz, doc jsonb,
      tags text[], n numeric, big bigint)`);
    await db.query(
      "insert into things (name, at, doc, tags, n, big) values ($1, $2, $3, $4, $5, $6)",
      ["ก", "2026-01-02T03:04:05.678Z", { a: [1, "สอง"] }, ["x", "y"], "1.50", "9007199254740993"],
    );
    await db.query("insert into things (name) values ($1)", ["ข"]);
  });
  after(async () => {
    await db?.close();
  });

  test("asked again, a statement is prepared and answers as PGlite's own query", async () => {
    const text = "select * from things where name = any($1) or at > $2 order by id";
    const params = [["ก", "ข"], new Date("2020-01-01T00:00:00Z")];
    const plain = await db.query(text, params);
    const sizeBefore = kept.size;
    const first = await kept.query(text, params);
    assert.equal(kept.size, sizeBefore, "a statement seen once is not prepared");
    const second = await kept.query(text, params);
    const third = await kept.query(text, params, { rowMode: "array" });
    assert.equal(kept.size, sizeBefore + 1, "asked again, it is kept");
    assert.deepEqual(first.rows, plain.rows);
    assert.deepEqual(second.rows, plain.rows);
    assert.deepEqual(second.fields, plain.fields);
    assert.deepEqual(
      third.rows,
      plain.rows.map((r) => Object.values(r as object)),
    );
    const row = second.rows[0] as Record<string, unknown>;
    assert.ok(row.at instanceof Date);
    assert.deepEqual(row.doc, { a: [1, "สอง"] });
    assert.deepEqual(row.tags, ["x", "y"]);
    assert.equal((second.rows[1] as Record<string, unknown>).at, null);
  });

  test("a kept statement's parameters may be null, and parsers given per call apply", async () => {
    const text = "select id, at from things where ($1::text is null or name = $1) order by id";
    await kept.query(text, [null]);
    const all = await kept.query<{ id: number; at: unknown }>(text, [null], {
      parsers: { 1184: (v: string) => `raw:${v}` },
    });
    assert.equal(all.rows.length, 2);
    assert.match(String(all.rows[0]!.at), /^raw:2026-01-02/);
    const one = await kept.query<{ id: number }>(text, ["ข"]);
    assert.equal(one.rows.length, 1);
  });

  test("an error answers with its fields, and the database answers after it", async () => {
    const text = "insert into things (name) values ($1) returning id";
    await assert.rejects(kept.query(text, ["ก"]), (e: Error & { code?: string }) => {
      assert.equal(e.code, "23505");
      return true;
    });
    await assert.rejects(kept.query(text, ["ก"]), (e: Error & { code?: string }) => {
      assert.equal(e.code, "23505");
      return true;
    });
    const made = await kept.query<{ id: number }>(text, ["ค"]);
    assert.equal(made.affectedRows, 1);
    assert.ok(made.rows[0]!.id > 0);
  });

  test("a table altered under a kept statement: it is prepared again", async () => {
    const text = "select * from things where id = $1";
    await kept.query(text, [1]);
    await kept.query(text, [1]);
    await db.exec("alter table things add column extra text default 'เพิ่ม'");
    const after = await kept.query<Record<string, unknown>>(text, [1]);
    assert.equal(after.rows[0]!.extra, "เพิ่ม");
  });

  test(`no more than ${KEPT_STATEMENTS} statements are kept`, async () => {
    for (let i = 0; i < KEPT_STATEMENTS + 20; i++) {
      await kept.query(`select ${i} as n`);
      const { rows } = await kept.query<{ n: number }>(`select ${i} as n`);
      assert.equal(rows[0]!.n, i);
    }
    assert.equal(kept.size, KEPT_STATEMENTS);
    const [{ n }] = (
      await db.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements")
    ).rows as [{ n: number }];
    assert.equal(n, KEPT_STATEMENTS, "the ones let go are closed in the database too");
  });

  test("a kept statement waits for another caller's transaction and sees none of a rollback", async () => {
    const text = "select count(*)::int as n from things where name = $1";
    await kept.query(text, ["ใน"]);
    await kept.query(text, ["ใน"]);
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const events: string[] = [];
    const tx = db
      .transaction(async (t) => {
        await t.query("insert into things (name) values ('ใน')");
        inserted();
        await new Promise((resolve) => setTimeout(resolve, 50));
        events.push("transaction ends");
        throw new Error("rolled back");
      })
      .catch(() => {});
    await insertedYet;
    const outside = await kept.query<{ n: number }>(text, ["ใน"]);
    events.push("outside answered");
    await tx;
    assert.equal(outside.rows[0]!.n, 0);
    assert.deepEqual(events, ["transaction ends", "outside answered"]);
  });
});
