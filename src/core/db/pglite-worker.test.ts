// The embedded database's thread: statements asked together cross to it together, and a
// transaction still holds the database alone from BEGIN to its end.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGliteWorker } from "./pglite-worker.ts";

describe("PGlite in its own thread", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tambon-pglite-worker-"));
  let db: PGliteWorker;

  before(async () => {
    db = await PGliteWorker.create(dir, 0);
    await db.exec("create table marks (id serial primary key, label text not null)");
  });
  after(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("statements asked at once are all sent before the first answer, and answered in order", async () => {
    const asked = [1, 2, 3, 4, 5].map((n) => db.query<{ n: number }>(`select ${n} as n`));
    assert.equal(db.waiting, 5, "every statement is with the database thread");
    const answers = await Promise.all(asked);
    assert.deepEqual(
      answers.map((a) => a.rows[0]!.n),
      [1, 2, 3, 4, 5],
    );
    assert.equal(db.waiting, 0);
  });

  test("a statement asked while a transaction is open waits for its end and sees none of a rollback", async () => {
    const events: string[] = [];
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const tx = db
      .transaction(async (t) => {
        await t.query("insert into marks (label) values ('inside')");
        inserted();
        await new Promise((resolve) => setTimeout(resolve, 50));
        events.push("transaction about to fail");
        throw new Error("changed my mind");
      })
      .catch((err: Error) => events.push(`transaction ended: ${err.message}`));
    await insertedYet;
    const outside = db
      .query<{ n: number }>("select count(*)::int as n from marks where label = 'inside'")
      .then((r) => (events.push("outside answered"), r.rows[0]!.n));
    assert.equal(await outside, 0, "the rolled-back row is never seen");
    await tx;
    assert.deepEqual(events, [
      "transaction about to fail",
      "transaction ended: changed my mind",
      "outside answered",
    ]);
  });

  test("after a transaction, statements are sent at once again", async () => {
    await db.transaction(async (t) => {
      await t.query("insert into marks (label) values ('kept')");
    });
    const asked = [db.query("select 1"), db.query("select 2")];
    assert.equal(db.waiting, 2);
    await Promise.all(asked);
    const { rows } = await db.query<{ n: number }>("select count(*)::int as n from marks");
    assert.equal(rows[0]!.n, 1);
  });

  test("an error answers its own statement only", async () => {
    const bad = db.query("select * from no_such_table");
    const good = db.query<{ n: number }>("select 7 as n");
    await assert.rejects(bad, (err: Error & { code?: string }) => err.code === "42P01");
    assert.equal((await good).rows[0]!.n, 7);
  });
});
