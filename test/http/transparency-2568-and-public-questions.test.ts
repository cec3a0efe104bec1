import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { auditLog, tambons } from "../../src/core/db/schema.ts";
import { itaItems, siteQuestions } from "../../src/modules/site/schema.ts";
import ita2568 from "../../seed/ita-oit-2568.json" with { type: "json" };

const ADMIN = "/t/la-ngu/admin/site/transparency";
const completeness = (html: string) => /ครบถ้วน (\d+) จาก (\d+) รายการ/.exec(html)?.slice(1, 3);

test("the 2568 list keeps each item's titles, what satisfies it and how it is checked", () => {
  assert.equal(ita2568.fiscalYearBE, 2568);
  assert.ok(ita2568.source.length > 0 && ita2568.note.includes("unsure"));
  const codes = ita2568.items.map((i) => i.item);
  assert.deepEqual(codes.slice(0, 4), ["O1", "O2", "O3", "O4"]);
  assert.equal(new Set(codes).size, codes.length);
  for (const i of ita2568.items) {
    assert.ok(i.title && i.titleEn && i.satisfiedBy.th && i.satisfiedBy.en, i.item);
    assert.ok(i.check in ita2568.checks, `${i.item}: ${i.check}`);
  }
  assert.equal(ita2568.items[2]!.check, "qa");
});

for (const kind of DB_KINDS) {
  describe(`transparency by fiscal year and the public Q&A (${kind})`, () => {
    let t: TestApp;
    let tambonId: number;
    const staff = () => {
      const c = new Client(t.app);
      return c.login("langu-admin").then(() => c);
    };
    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      tambonId = tb!.id;
    });
    after(() => t.close());

    test("a tambon chooses the 2568 list and sees its completeness per year; O3 is met by an answered public question", async () => {
      const admin = await staff();
      const before2566 = completeness((await t.app.inject("/t/la-ngu/transparency")).body);
      assert.equal(before2566?.[1], "43");
      assert.match((await admin.get(ADMIN)).body, /ใช้รายการปีงบประมาณ 2568/);

      const chosen = await admin.post(`${ADMIN}/shipped`, { year: "2568" }, { from: ADMIN });
      assert.equal(chosen.statusCode, 303);
      const unknown = await admin.post(`${ADMIN}/shipped`, { year: "2570" }, { from: ADMIN });
      assert.equal(unknown.statusCode, 422);
      assert.match(unknown.body, /ไม่มีรายการของปีงบประมาณนี้/);

      const page2568 = await t.app.inject("/t/la-ngu/transparency?year=2568");
      const [done, total] = completeness(page2568.body)!;
      assert.equal(total, String(ita2568.items.length));
      assert.match(page2568.body, /O3<\/td><td>ข้อมูลการติดต่อและช่องทางการสื่อสารสองทาง/);
      assert.match(page2568.body, /O3<\/td>.*?<span class="badge missing">/s);
      const english = await t.app.inject({
        url: "/t/la-ngu/transparency?year=2568",
        headers: { cookie: "tlang=en" },
      });
      assert.match(english.body, /Contact and a two-way channel/);
      // The 2566 list and its completeness stay as they were.
      assert.deepEqual(
        completeness((await t.app.inject("/t/la-ngu/transparency?year=2566")).body),
        before2566,
      );

      // A member asks; the question waits, unseen, until staff answer it.
      const member = await Client.as(t.app, "langu-rep");
      const noToken = await member.post("/t/la-ngu/qa", { question: "x" }, { csrf: null });
      assert.equal(noToken.statusCode, 400);
      const empty = await member.post("/t/la-ngu/qa", { question: " " }, { from: "/t/la-ngu/qa" });
      assert.equal(empty.statusCode, 422);
      const asked = await member.post(
        "/t/la-ngu/qa",
        { question: "รถเก็บขยะหมู่ 3 มาวันไหน", status: "answered", tambonId: "999" },
        { from: "/t/la-ngu/qa" },
      );
      assert.equal(asked.statusCode, 303);
      const [q] = await t.database.db
        .select()
        .from(siteQuestions)
        .where(
          and(
            eq(siteQuestions.tambonId, tambonId),
            eq(siteQuestions.question, "รถเก็บขยะหมู่ 3 มาวันไหน"),
          ),
        );
      assert.equal(q!.status, "pending", "the status comes from the command, not the form");
      assert.doesNotMatch((await t.app.inject("/t/la-ngu/qa")).body, /รถเก็บขยะหมู่ 3/);
      assert.match((await member.get("/t/la-ngu/qa")).body, /รถเก็บขยะหมู่ 3/, "the asker sees it");
      const visitor = await t.app.inject({ method: "POST", url: "/t/la-ngu/qa" });
      assert.notEqual(visitor.statusCode, 303);
      const notStaff = await member.post(
        `/t/la-ngu/admin/site/qa/${q!.id}/answer`,
        { answer: "x" },
        { from: "/t/la-ngu/qa" },
      );
      assert.equal(notStaff.statusCode, 403);

      // Another tambon's staff cannot reach the question.
      const other = await Client.as(t.app, "admin");
      const foreign = await other.post(
        `/t/lom-raet/admin/site/qa/${q!.id}/answer`,
        { answer: "x" },
        { from: "/t/lom-raet/admin/site/qa" },
      );
      assert.equal(foreign.statusCode, 404);

      const answered = await admin.post(
        `/t/la-ngu/admin/site/qa/${q!.id}/answer`,
        { answer: "ทุกวันอังคารและวันศุกร์ เช้า" },
        { from: "/t/la-ngu/admin/site/qa" },
      );
      assert.equal(answered.statusCode, 303);
      const shown = (await t.app.inject("/t/la-ngu/qa")).body;
      assert.match(shown, /รถเก็บขยะหมู่ 3/);
      assert.match(shown, /ทุกวันอังคารและวันศุกร์/);
      // The asker is a member of the tambon, not a name published to every visitor (PDPA).
      const [asker] = await t.database.db
        .select({ name: siteQuestions.askerName })
        .from(siteQuestions)
        .where(eq(siteQuestions.id, q!.id));
      assert.ok(asker!.name.length > 0);
      assert.ok(!shown.includes(asker!.name), "the public page does not name the asker");
      const audit = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tambonId, tambonId), eq(auditLog.action, "site.question.answer")));
      assert.equal(audit.length, 1);

      const after2568 = (await t.app.inject("/t/la-ngu/transparency?year=2568")).body;
      assert.equal(completeness(after2568)![0], String(Number(done) + 1));
      assert.match(after2568, /O3<\/td>.*?href="\/t\/la-ngu\/qa">ถาม-ตอบ<\/a>/s);

      // Moderation: a hidden question is never shown, and O3 no longer counts it.
      const hidden = await admin.post(
        `/t/la-ngu/admin/site/qa/${q!.id}/hide`,
        { reason: "มีข้อมูลส่วนตัว" },
        { from: "/t/la-ngu/admin/site/qa" },
      );
      assert.equal(hidden.statusCode, 303);
      assert.doesNotMatch((await t.app.inject("/t/la-ngu/qa")).body, /รถเก็บขยะหมู่ 3/);
      assert.equal(
        completeness((await t.app.inject("/t/la-ngu/transparency?year=2568")).body)![0],
        done,
      );
      const [o3] = await t.database.db
        .select()
        .from(itaItems)
        .where(
          and(
            eq(itaItems.tambonId, tambonId),
            eq(itaItems.fiscalYear, 2568),
            eq(itaItems.code, "O3"),
          ),
        );
      assert.equal(o3!.linkKind, null, "met by the Q&A itself, not by a stored link");
    });
  });
}
