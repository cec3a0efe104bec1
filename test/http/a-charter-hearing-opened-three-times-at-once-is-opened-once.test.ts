import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { Client, auditEntries, startDemoApp, type TestApp } from "../helpers/app.ts";
import { charterEditions, charters } from "../../src/modules/charter/schema.ts";

/*
 * Opening a draft's public hearing locks the edition, but the same form sent three times at once
 * waited and then opened the hearing again, twice more: three openings audited. A hearing
 * already as the form asks is now left as it is.
 */
describe("a charter hearing opened three times at once is opened once (postgres)", () => {
  let t: TestApp;
  let langu = 0;

  before(async () => {
    ({ t, langu } = await startDemoApp("postgres"));
  });
  after(async () => {
    await t?.close();
  });

  test("one opening is audited; every answer goes back to the edition", async () => {
    const db = t.database.db;
    const [charter] = await db
      .insert(charters)
      .values({ tambonId: langu, nameTh: "ธรรมนูญสุขภาพทดสอบ" })
      .returning();
    const [edition] = await db
      .insert(charterEditions)
      .values({ tambonId: langu, charterId: charter!.id, number: 1, yearBe: 2570 })
      .returning();
    const admin = await Client.as(t.app, "langu-admin");
    const page = `/t/la-ngu/admin/charter-editions/${edition!.id}`;
    const token = await admin.csrf(page);
    const form = {
      open: "1",
      hearingStartsOn: "2099-01-01",
      hearingEndsOn: "2099-01-31",
      hearingNote: "รับฟังความคิดเห็นที่ศาลาหมู่บ้าน",
    };
    const answers = await admin.postAtOnce(`${page}/hearing`, form, { csrf: token });
    const statuses = answers.map((a) => a.statusCode);
    assert.deepEqual(statuses, [303, 303, 303], statuses.join(", "));
    const [after] = await db
      .select({ status: charterEditions.status })
      .from(charterEditions)
      .where(eq(charterEditions.id, edition!.id));
    assert.equal(after!.status, "hearing");
    const opened = await auditEntries(db, langu, "charter.hearing.open", edition!.id);
    assert.equal(opened.length, 1, "opened once");
  });
});
