import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, count, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { auditLog, tambons, users } from "../../src/core/db/schema.ts";
import { indicators, measurements } from "../../src/modules/plans/schema.ts";
import { forms, indicatorSources, submissions } from "../../src/modules/community/schema.ts";
import { seedFormsDemo } from "../../src/modules/community/forms/demo.ts";
import { seedSubmissionsDemo } from "../../src/modules/community/submissions/demo.ts";
import type { Tambon } from "../../src/core/tenancy.ts";
import { findItem, itemValues } from "../../src/modules/community/forms/draft.ts";

const PAGE = "/t/la-ngu/admin/community/indicators";

for (const kind of DB_KINDS) {
  describe(`the plans' indicators linked to survey questions (${kind})`, () => {
    let t: TestApp;
    let langu: number;
    let formId: number;
    let indicatorId: number;
    let admin: Client;

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const db = t.database.db;
      const [tb] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      langu = tb!.id;
      const [a] = await db.select().from(users).where(eq(users.username, "langu-admin"));
      let [form] = await db.select().from(forms).where(eq(forms.tambonId, langu));
      const [answered] = await db
        .select({ n: count() })
        .from(submissions)
        .where(eq(submissions.tambonId, langu));
      await db.transaction(async (tx) => {
        const demo = { byRole: {}, adminId: a!.id };
        if (!form) await seedFormsDemo(tx, tb as Tambon, demo);
        if (!Number(answered!.n)) await seedSubmissionsDemo(tx, tb as Tambon, demo);
      });
      [form] = await db.select().from(forms).where(eq(forms.tambonId, langu));
      formId = form!.id;
      let [ind] = await db.select().from(indicators).where(eq(indicators.tambonId, langu)).limit(1);
      if (!ind)
        [ind] = await db
          .insert(indicators)
          .values({ tambonId: langu, name: "ครัวเรือนมีน้ำสะอาด", unit: "%" })
          .returning();
      indicatorId = ind!.id;
      admin = await Client.as(t.app, "langu-admin");
    });
    after(async () => {
      await t?.close();
    });

    test("staff only: the page lists the plans' indicators and the forms' questions", async () => {
      const member = await Client.as(t.app, "langu-member");
      assert.equal((await member.get(PAGE)).statusCode, 403);
      const res = await admin.get(PAGE);
      assert.equal(res.statusCode, 200);
      const [ind] = await t.database.db
        .select()
        .from(indicators)
        .where(eq(indicators.id, indicatorId));
      assert.ok(res.body.includes(ind!.name));
      assert.ok(res.body.includes(`value="${formId}|clean_water|yes"`));
      assert.match(res.body, /คำนวณใหม่เดี๋ยวนี้/);
    });

    test("a link is saved and audited; a mean of a yes/no question is refused in Thai", async () => {
      const bad = await admin.post(
        `${PAGE}/${indicatorId}`,
        { source: `${formId}|clean_water|`, measure: "mean" },
        { from: PAGE },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /ค่าเฉลี่ยใช้ได้กับคำถามที่ตอบเป็นตัวเลขเท่านั้น/);
      const unknown = await admin.post(
        `${PAGE}/${indicatorId}`,
        { source: `${formId}|no_such_question|`, measure: "count" },
        { from: PAGE },
      );
      assert.equal(unknown.statusCode, 422);
      const saved = await admin.post(
        `${PAGE}/${indicatorId}`,
        { source: `${formId}|clean_water|yes`, measure: "share", tambonId: "999" },
        { from: PAGE },
      );
      assert.equal(saved.statusCode, 303);
      const [link] = await t.database.db
        .select()
        .from(indicatorSources)
        .where(eq(indicatorSources.indicatorId, indicatorId));
      assert.equal(link!.tambonId, langu);
      assert.deepEqual(
        [link!.question, link!.value, link!.measure],
        ["clean_water", "yes", "share"],
      );
      const [logged] = await t.database.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.tambonId, langu), eq(auditLog.action, "community.indicator.link")));
      assert.equal(Number(logged!.n), 1);
    });

    test("recompute now stores the villages' values in the plans; unlinking keeps them", async () => {
      const res = await admin.post(`${PAGE}/recompute`, {}, { from: PAGE });
      assert.equal(res.statusCode, 303);
      const stored = await t.database.db
        .select()
        .from(measurements)
        .where(and(eq(measurements.indicatorId, indicatorId), eq(measurements.source, "computed")));
      assert.ok(stored.length > 0, "values per village");
      for (const m of stored) {
        const v = Number(m.value);
        assert.ok(v >= 0 && v <= 100, `a share in per cent: ${v}`);
      }
      const again = await admin.post(`${PAGE}/recompute`, {}, { from: PAGE });
      assert.equal(again.statusCode, 303);
      const page = await admin.get(PAGE);
      assert.match(
        page.body,
        new RegExp(`เท่าเดิม ${stored.length} ค่า`),
        "a second run changes nothing",
      );
      const gone = await admin.post(
        `${PAGE}/${indicatorId}/remove`,
        { confirmed: "1" },
        { from: PAGE },
      );
      assert.equal(gone.statusCode, 303);
      assert.equal(
        (
          await t.database.db
            .select()
            .from(indicatorSources)
            .where(eq(indicatorSources.indicatorId, indicatorId))
        ).length,
        0,
      );
    });

    test("renaming a question in the form builder takes its indicator links along, audited", async () => {
      const linked = await admin.post(
        `${PAGE}/${indicatorId}`,
        { source: `${formId}|clean_water|yes`, measure: "share" },
        { from: PAGE },
      );
      assert.equal(linked.statusCode, 303);
      const [form] = await t.database.db.select().from(forms).where(eq(forms.id, formId));
      const at = findItem(form!.draft, "clean_water")!;
      const base = `/t/la-ngu/admin/community/forms/${formId}`;
      const renamed = await admin.post(
        `${base}/items/clean_water`,
        { ...itemValues(form!.draft, at.item, at.parent), name: "safe_water" },
        { from: `${base}/items/clean_water` },
      );
      assert.equal(renamed.statusCode, 303);
      const [link] = await t.database.db
        .select()
        .from(indicatorSources)
        .where(eq(indicatorSources.indicatorId, indicatorId));
      assert.deepEqual([link!.question, link!.value], ["safe_water", "yes"]);
      const moves = await t.database.db
        .select({ before: auditLog.before, after: auditLog.after })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.tambonId, langu),
            eq(auditLog.action, "community.indicator.link"),
            eq(auditLog.targetId, String(link!.id)),
          ),
        );
      assert.ok(
        moves.some(
          (m) =>
            (m.before as { question?: string } | null)?.question === "clean_water" &&
            (m.after as { question?: string } | null)?.question === "safe_water",
        ),
        "the move is in the audit log",
      );
    });
  });
}
