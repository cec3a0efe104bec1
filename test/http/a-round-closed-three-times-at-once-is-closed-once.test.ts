import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { Client, auditEntries, startDemoApp, type TestApp } from "../helpers/app.ts";
import { forms, rounds } from "../../src/modules/community/schema.ts";

/*
 * Closing a data-collection round set it closed whatever it was: the same form sent three times
 * at once closed it three times and audited three closings. The round is now locked while it is
 * closed; a closing that waited finds it closed and changes nothing.
 */
describe("a data-collection round closed three times at once is closed once (postgres)", () => {
  let t: TestApp;
  let langu = 0;

  before(async () => {
    ({ t, langu } = await startDemoApp("postgres"));
  });
  after(async () => {
    await t?.close();
  });

  test("one closing is audited; every answer goes back to the form", async () => {
    const db = t.database.db;
    const [form] = await db
      .select({ id: forms.id })
      .from(forms)
      .where(eq(forms.tambonId, langu))
      .limit(1);
    assert.ok(form, "the demo has a form");
    const [round] = await db
      .insert(rounds)
      .values({
        tambonId: langu,
        formId: form.id,
        name: "รอบทดสอบ",
        startsOn: "2026-01-01",
        status: "open",
      })
      .returning({ id: rounds.id });
    const admin = await Client.as(t.app, "langu-admin");
    const page = `/t/la-ngu/admin/community/forms/${form.id}`;
    const token = await admin.csrf(page);
    const answers = await admin.postAtOnce(
      `${page}/rounds/${round!.id}/close`,
      { confirmed: "1" },
      { csrf: token },
    );
    const statuses = answers.map((a) => a.statusCode);
    assert.deepEqual(statuses, [303, 303, 303], statuses.join(", "));
    const [after] = await db
      .select({ status: rounds.status })
      .from(rounds)
      .where(eq(rounds.id, round!.id));
    assert.equal(after!.status, "closed");
    const closed = await auditEntries(db, langu, "community.round.close", round!.id);
    assert.equal(closed.length, 1, "closed once");
  });
});
