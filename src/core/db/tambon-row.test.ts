import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { asc, desc, gt, sql } from "drizzle-orm";
import { openTestDatabase, type TestDatabase } from "../../../test/helpers/db.ts";
import { tambons, villages } from "./schema.ts";
import { anyOf, tambonRow, tambonRows, tambonWhere } from "./tambon-row.ts";

describe("a tambon's rows", () => {
  let database: TestDatabase;
  let own = 0;
  let other = 0;
  before(async () => {
    database = await openTestDatabase("pglite", { demo: true });
    const ids = await database.db.select({ id: tambons.id }).from(tambons).orderBy(asc(tambons.id));
    own = ids[0]!.id;
    other = ids[1]!.id;
  });
  after(() => database.drop());

  const villagesOf = (where: ReturnType<typeof tambonWhere>) =>
    database.db
      .select({ id: villages.id, tambonId: villages.tambonId, moo: villages.moo })
      .from(villages)
      .where(where)
      .orderBy(asc(villages.id));

  test("tambonWhere keeps to the tambon, and to every column it names", async () => {
    const all = await villagesOf(tambonWhere(villages, own));
    assert.ok(all.length > 1, "the demo tambon has villages");
    assert.ok(all.every((v) => v.tambonId === own));
    const first = all[0]!;
    assert.deepEqual(await villagesOf(tambonWhere(villages, own, { id: first.id })), [first]);
    assert.deepEqual(
      await villagesOf(tambonWhere(villages, other, { id: first.id })),
      [],
      "another tambon's village is not found by its id",
    );
    assert.deepEqual(
      await villagesOf(tambonWhere(villages, own, { id: first.id, moo: first.moo + 100 })),
      [],
      "every named column must match",
    );
    assert.deepEqual(
      await villagesOf(tambonWhere(villages, own, {}, gt(villages.id, first.id))),
      all.slice(1),
      "further conditions are added",
    );
  });

  test("anyOf matches a column against a list or a sub-select, and an empty list matches nothing", async () => {
    const all = await villagesOf(tambonWhere(villages, own));
    const two = [all[0]!.id, all[1]!.id];
    assert.deepEqual(
      (await villagesOf(tambonWhere(villages, own, { id: anyOf(two) }))).map((v) => v.id),
      two,
    );
    assert.deepEqual(await villagesOf(tambonWhere(villages, other, { id: anyOf(two) })), []);
    assert.deepEqual(await villagesOf(tambonWhere(villages, own, { id: anyOf([]) })), []);
    const firstOnly = database.db
      .select({ id: villages.id })
      .from(villages)
      .where(tambonWhere(villages, own, { id: all[0]!.id }));
    assert.deepEqual(
      (await villagesOf(tambonWhere(villages, own, { id: anyOf(firstOnly) }))).map((v) => v.id),
      [all[0]!.id],
    );
  });

  test("an undefined or null value matches nothing instead of widening the condition", async () => {
    const id = undefined as unknown as number;
    assert.deepEqual(await villagesOf(tambonWhere(villages, own, { id })), []);
    const moo = null as unknown as number;
    assert.deepEqual(await villagesOf(tambonWhere(villages, own, { moo })), []);
  });

  test("the tambon may be a placeholder of a prepared statement", async () => {
    const query = database.db
      .select({ id: villages.id })
      .from(villages)
      .where(tambonWhere(villages, sql.placeholder("tambonId")))
      .prepare("tambon_where_test");
    const rows = await query.execute({ tambonId: other });
    const direct = await villagesOf(tambonWhere(villages, other));
    assert.deepEqual(
      rows.map((r) => r.id),
      direct.map((r) => r.id),
    );
  });

  test("tambonRows reads the tambon's rows that match, in the order asked", async () => {
    const all = await villagesOf(tambonWhere(villages, own));
    const rows = await tambonRows(database.db, villages, own, {}, desc(villages.id));
    assert.deepEqual(
      rows.map((r) => r.id),
      all.map((v) => v.id).reverse(),
    );
    assert.ok(rows.every((r) => r.tambonId === own));
    const first = all[0]!;
    assert.deepEqual(
      (await tambonRows(database.db, villages, own, { moo: first.moo })).map((r) => r.id),
      [first.id],
    );
    assert.deepEqual(await tambonRows(database.db, villages, other, { id: first.id }), []);
  });

  test("tambonRow finds a row of its tambon only, and never for an id no record can have", async () => {
    const [first] = await villagesOf(tambonWhere(villages, own));
    assert.equal((await tambonRow(database.db, villages, own, first!.id))?.id, first!.id);
    assert.equal(await tambonRow(database.db, villages, other, first!.id), undefined);
    for (const id of [0, -1, 1.5, Number.NaN, 2 ** 31])
      assert.equal(await tambonRow(database.db, villages, own, id), undefined, String(id));
  });
});
