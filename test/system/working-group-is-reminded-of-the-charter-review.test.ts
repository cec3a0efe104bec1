import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq, inArray } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { auditLog, roleGrants, tambons, users } from "../../src/core/db/schema.ts";
import { charterModule } from "../../src/modules/charter/module.ts";
import { sendReviewReminders } from "../../src/modules/charter/charters/review.ts";
import { charterEditions, charterReviewNotices } from "../../src/modules/charter/schema.ts";

for (const kind of DB_KINDS) {
  describe(`the working group is reminded of the charter's review on ${kind}`, () => {
    let t: TestApp;
    let tambonId = 0;
    let editionId = 0;

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const db = t.database.db;
      const [tb] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      tambonId = tb!.id;
      const [e] = await db
        .select()
        .from(charterEditions)
        .where(and(eq(charterEditions.tambonId, tambonId), eq(charterEditions.status, "adopted")));
      editionId = e!.id;
      // Adopted on 16 September 2023 for five years: due on 16 September 2028.
      assert.deepEqual([e!.adoptedOn, e!.reviewYears], ["2023-09-16", 5]);
    });
    after(async () => {
      await t?.close();
    });

    test("the job is declared in the module's manifest", () => {
      assert.ok(charterModule.jobs?.some((j) => j.id === "charter.review-reminders"));
    });

    test("nothing is sent while the review is far off", async () => {
      assert.equal(await sendReviewReminders(t.database.db, "2028-06-01"), 0);
    });

    test("within 90 days the tambon's admins and working group are reminded once", async () => {
      const db = t.database.db;
      assert.equal(await sendReviewReminders(db, "2028-07-01"), 1);
      assert.equal(await sendReviewReminders(db, "2028-07-02"), 0, "a rerun repeats nothing");
      const notices = await db
        .select()
        .from(charterReviewNotices)
        .where(eq(charterReviewNotices.editionId, editionId));
      assert.deepEqual(
        notices.map((n) => [n.kind, n.dueOn]),
        [["soon", "2028-09-16"]],
      );
      const expected = await db
        .selectDistinct({ id: roleGrants.userId })
        .from(roleGrants)
        .where(
          and(
            eq(roleGrants.tambonId, tambonId),
            inArray(roleGrants.role, ["admin", "working_group"]),
          ),
        );
      const wg = await db.select().from(users).where(eq(users.username, "langu-wg"));
      assert.ok(notices[0]!.recipients.includes(wg[0]!.id));
      assert.deepEqual(
        notices[0]!.recipients,
        expected.map((e) => e.id).sort((a, b) => a - b),
      );
      const logged = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tambonId, tambonId), eq(auditLog.action, "charter.review.remind")));
      assert.equal(logged.length, 1);
      assert.equal(logged[0]!.targetId, String(editionId));
    });

    test("once overdue they are reminded once more, and the admin page says so", async () => {
      const db = t.database.db;
      assert.equal(await sendReviewReminders(db, "2028-09-20"), 1);
      assert.equal(await sendReviewReminders(db, "2028-10-20"), 0);
      const kinds = await db
        .select({ kind: charterReviewNotices.kind })
        .from(charterReviewNotices)
        .where(eq(charterReviewNotices.editionId, editionId));
      assert.deepEqual(kinds.map((k) => k.kind).sort(), ["overdue", "soon"]);
      const wg = await Client.as(t.app, "langu-wg");
      const page = await wg.get("/t/la-ngu/admin/charters");
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /แจ้งเตือนผู้ดูแลและคณะทำงาน [๐-๙0-9]+ คนแล้วเมื่อ .+ ว่าเลยกำหนดทบทวน/);
    });
  });
}
