import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq, like, sql } from "drizzle-orm";
import { Client, startDemoApp, type TestApp } from "../helpers/app.ts";
import { auditLog } from "../../src/core/db/schema.ts";
import { dataRequests, people } from "../../src/modules/community/schema.ts";

/*
 * Handling a person's request to delete their data erases them and closes the request. Sent
 * three times at once (a double tap, two staff at once), each request read it as still open:
 * it was handled, erased and audited three times. The request is now locked while it is handled;
 * the others find it closed and say so.
 */
describe("a data request handled three times at once is handled once (postgres)", () => {
  let t: TestApp;
  let langu = 0;

  before(async () => {
    ({ t, langu } = await startDemoApp("postgres"));
  });
  after(async () => {
    await t?.close();
  });

  test("one answer closes it; the others are told it is closed, and one 'done' is audited", async () => {
    const admin = await Client.as(t.app, "langu-admin");
    const [person] = await t.database.db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.tambonId, langu))
      .limit(1);
    const list = "/t/la-ngu/admin/community/requests";
    const made = await admin.post(
      list,
      {
        requester: "ผู้ขอลบข้อมูล",
        kind: "delete",
        receivedOn: "2026-12-01",
        details: "",
        personId: String(person!.id),
      },
      { from: list },
    );
    assert.equal(made.statusCode, 303);
    const [request] = await t.database.db
      .select({ id: dataRequests.id })
      .from(dataRequests)
      .where(eq(dataRequests.tambonId, langu))
      .orderBy(sql`${dataRequests.id} desc`)
      .limit(1);
    const token = await admin.csrf(`${list}/${request!.id}`);
    const form = {
      decision: "done",
      outcome: "ลบข้อมูลแล้ว",
      confirmed: "1",
    };
    const answers = await admin.postAtOnce(`${list}/${request!.id}/handle`, form, { csrf: token });
    const statuses = answers.map((a) => a.statusCode).sort();
    assert.deepEqual(statuses, [303, 422, 422], statuses.join(", "));
    const done = await t.database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.tambonId, langu), like(auditLog.action, "community.request.done")));
    assert.equal(done.length, 1, "handled once");
    const left = await t.database.db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.id, person!.id));
    assert.equal(left.length, 0, "the person is erased");
  });
});
