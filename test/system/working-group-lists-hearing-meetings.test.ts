import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { recordMeeting } from "../helpers/charter-fixtures.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { charterEditions } from "../../src/modules/charter/schema.ts";

for (const kind of DB_KINDS) {
  describe(`the working group lists the meetings of a public hearing on ${kind}`, () => {
    let t: TestApp;
    let wg: Client;
    let editionId = 0;
    let hearing = 0;
    let briefing = 0;
    let closed = 0;
    let elsewhere = 0;
    const admin = () => `/t/la-ngu/admin/charter-editions/${editionId}`;
    const pub = () => `/t/la-ngu/charter-editions/${editionId}/hearing`;

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const db = t.database.db;
      const [tb] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      const [other] = await db.select().from(tambons).where(eq(tambons.slug, "lom-raet"));
      const [e] = await db
        .select()
        .from(charterEditions)
        .where(and(eq(charterEditions.tambonId, tb!.id), eq(charterEditions.status, "hearing")));
      editionId = e!.id;
      hearing = await recordMeeting(db, tb!.id, {
        title: "เวทีประชาพิจารณ์ร่างธรรมนูญ หมู่ 3",
        day: "2026-11-14",
        place: "ศาลาอเนกประสงค์บ้านหมู่ 3",
      });
      briefing = await recordMeeting(db, tb!.id, {
        kind: "briefing",
        title: "ประชุมชี้แจงผู้นำชุมชน",
        day: "2026-11-02",
        place: "ห้องประชุม อบต.",
      });
      closed = await recordMeeting(db, tb!.id, {
        kind: "briefing",
        title: "ประชุมภายในคณะทำงาน",
        day: "2026-11-03",
        isPublic: false,
      });
      elsewhere = await recordMeeting(db, other!.id, {
        title: "เวทีของตำบลอื่น",
        day: "2026-11-05",
      });
      wg = await Client.as(t.app, "langu-wg");
    });
    after(async () => {
      await t?.close();
    });

    test("meetings are chosen from the tambon's list and shown on the hearing page and in its report", async () => {
      const page = await wg.get(admin());
      assert.equal(page.statusCode, 200);
      const options = /<select id="f-meeting-meeting"[^]*?<\/select>/.exec(page.body)![0];
      assert.ok(options.indexOf("เวทีประชาพิจารณ์ร่างธรรมนูญ") < options.indexOf("ประชุมชี้แจง"));
      assert.doesNotMatch(options, /เวทีของตำบลอื่น/);

      for (const id of [hearing, briefing, closed]) {
        const added = await wg.post(
          `${admin()}/hearing-meetings`,
          { meeting: String(id) },
          { from: admin() },
        );
        assert.equal(added.statusCode, 303);
      }
      const again = await wg.post(
        `${admin()}/hearing-meetings`,
        { meeting: String(hearing) },
        { from: admin() },
      );
      assert.equal(again.statusCode, 422);
      assert.match(again.body, /การประชุมนี้อยู่ในประชาพิจารณ์แล้ว/);
      const foreign = await wg.post(
        `${admin()}/hearing-meetings`,
        { meeting: String(elsewhere) },
        { from: admin() },
      );
      assert.equal(foreign.statusCode, 422);
      assert.match(foreign.body, /เลือกการประชุมของตำบลนี้จากรายการ/);

      const report = await new Client(t.app).get(pub());
      assert.equal(report.statusCode, 200);
      const section = report.body.slice(report.body.indexOf('id="h-report"'));
      // A web page shows the tambon's digits (Arabic in La-ngu), whatever its charter's are.
      assert.match(section, /จัดเวทีและประชุม 2 ครั้ง/);
      const table = /<table class="hearing-meetings">[^]*?<\/table>/.exec(section)![0];
      const first = table.indexOf("<td>2 พฤศจิกายน 2569</td>");
      assert.ok(first > 0 && first < table.indexOf("<td>14 พฤศจิกายน 2569</td>"));
      assert.match(
        table,
        new RegExp(
          `เวทีประชาพิจารณ์: <a href="/t/la-ngu/meetings/${hearing}">เวทีประชาพิจารณ์ร่างธรรมนูญ หมู่ 3</a></td><td>ศาลาอเนกประสงค์บ้านหมู่ 3`,
        ),
      );
      assert.match(table, new RegExp(`<a href="/t/la-ngu/meetings/${briefing}">`));
      assert.doesNotMatch(table, /ประชุมภายในคณะทำงาน/, "meetings that are not public stay hidden");

      const english = new Client(t.app);
      english.cookies.set("tlang", "en");
      const en = await english.get(pub());
      assert.match(en.body, /Hearing meetings/);
      assert.match(en.body, /Public hearing: <a href/);
    });

    test("a meeting is removed from the hearing; people without the role cannot change the list", async () => {
      const removed = await wg.post(
        `${admin()}/hearing-meetings/remove`,
        { meeting: String(briefing) },
        { from: admin() },
      );
      assert.equal(removed.statusCode, 303);
      const report = await new Client(t.app).get(pub());
      assert.doesNotMatch(report.body, /ประชุมชี้แจงผู้นำชุมชน/);
      assert.match(report.body, /เวทีประชาพิจารณ์ร่างธรรมนูญ หมู่ 3/);

      const member = await Client.as(t.app, "langu-member");
      const denied = await member.post(
        `${admin()}/hearing-meetings`,
        { meeting: String(briefing) },
        { from: pub() },
      );
      assert.equal(denied.statusCode, 403);
    });
  });
}
