import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { tambons, villages } from "../../src/core/db/schema.ts";
import { charterEditions, charterVersions, charters } from "../../src/modules/charter/schema.ts";

for (const kind of DB_KINDS) {
  describe(`people without the role cannot change a charter on ${kind}`, () => {
    let t: TestApp;
    let adopted = 0;
    let hearing = 0;
    let villageId = 0;
    let charterId = 0;
    const clients = new Map<string, Client>();

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const db = t.database.db;
      const [tb] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      const [charter] = await db.select().from(charters).where(eq(charters.tambonId, tb!.id));
      const editions = await db
        .select()
        .from(charterEditions)
        .where(eq(charterEditions.charterId, charter!.id));
      charterId = charter!.id;
      adopted = editions.find((e) => e.status === "adopted")!.id;
      hearing = editions.find((e) => e.status === "hearing")!.id;
      [{ id: villageId }] = (await db
        .select({ id: villages.id })
        .from(villages)
        .where(and(eq(villages.tambonId, tb!.id), eq(villages.moo, 2)))) as [{ id: number }];
      for (const who of ["langu-member", "langu-facilitator", "langu-editor", "kokha-member"]) {
        const c = await Client.as(t.app, who);
        clients.set(who, c);
      }
    });
    after(async () => {
      await t?.close();
    });

    const versions = async () => (await t.database.db.select().from(charterVersions)).length;

    test("a member comments on the draft in hearing but cannot edit, accept or manage", async () => {
      const member = clients.get("langu-member")!;
      const page = `/t/la-ngu/charter-editions/${hearing}`;
      const before = await versions();
      assert.equal((await member.get("/t/la-ngu/admin/charters")).statusCode, 403);
      assert.equal(
        (await member.get(`/t/la-ngu/admin/charter-editions/${hearing}`)).statusCode,
        403,
      );
      const edit = await member.post(
        `/t/la-ngu/admin/charter-editions/${hearing}/draft`,
        { op: "addChapter", title: "แอบเพิ่ม" },
        { from: page },
      );
      assert.equal(edit.statusCode, 403);
      const comment = await member.post(
        `${page}/comments`,
        { about: "general", kind: "comment", body: "เห็นด้วยกับร่างนี้" },
        { from: page },
      );
      assert.equal(comment.statusCode, 303);
      const record = await member.post(
        `${page}/hearing`,
        {
          name: "แทนคนอื่น",
          village: String(villageId),
          about: "general",
          kind: "comment",
          body: "x",
        },
        { from: page },
      );
      assert.equal(record.statusCode, 403);
      const vote = await member.post(
        `/t/la-ngu/admin/charter-editions/${hearing}/adopt-resolution`,
        { confirmed: "1", resolution: "1" },
        { from: page },
      );
      assert.equal(vote.statusCode, 403);
      assert.equal(await versions(), before);
    });

    test("a facilitator records a hearing view but cannot draft or adopt; an editor records signatories only", async () => {
      const facilitator = clients.get("langu-facilitator")!;
      const page = `/t/la-ngu/charter-editions/${hearing}`;
      const recorded = await facilitator.post(
        `${page}/hearing`,
        {
          name: "นายไม่มีบัญชี",
          village: String(villageId),
          about: "general",
          kind: "comment",
          body: "ขอให้จัดเวทีกลางคืน",
        },
        { from: `${page}/hearing` },
      );
      assert.equal(recorded.statusCode, 303);
      assert.equal(
        (
          await facilitator.post(
            `/t/la-ngu/admin/charter-editions/${hearing}/draft`,
            { op: "addChapter", title: "x" },
            { from: page },
          )
        ).statusCode,
        403,
      );
      const editor = clients.get("langu-editor")!;
      const admin = await editor.get(`/t/la-ngu/admin/charter-editions/${adopted}`);
      assert.equal(admin.statusCode, 200);
      assert.match(admin.body, /บันทึกผู้ลงนาม/);
      assert.doesNotMatch(admin.body, /ข้อมูลฉบับ/);
      assert.equal(
        (
          await editor.post(
            `/t/la-ngu/admin/charters/${charterId}/next-edition`,
            {},
            { from: `/t/la-ngu/admin/charter-editions/${adopted}` },
          )
        ).statusCode,
        403,
      );
      assert.equal(
        (
          await editor.post(
            `/t/la-ngu/charter-editions/${adopted}/follow-up`,
            { clause: "1", status: "done", note: "" },
            { from: `/t/la-ngu/admin/charter-editions/${adopted}` },
          )
        ).statusCode,
        403,
      );
    });

    test("visitors read the adopted edition and the hearing, not drafts or admin pages; another tambon's member cannot comment", async () => {
      const visitor = new Client(t.app);
      assert.equal((await visitor.get(`/t/la-ngu/charter-editions/${adopted}`)).statusCode, 200);
      assert.equal(
        (await visitor.get(`/t/la-ngu/charter-editions/${hearing}/hearing`)).statusCode,
        200,
      );
      const admin = await visitor.get(`/t/la-ngu/admin/charter-editions/${hearing}`);
      assert.equal(admin.statusCode, 303);
      assert.match(String(admin.headers.location), /^\/login\?next=/);
      const outsider = clients.get("kokha-member")!;
      const page = `/t/la-ngu/charter-editions/${hearing}`;
      const res = await outsider.post(
        `${page}/comments`,
        { about: "general", kind: "comment", body: "จากตำบลอื่น" },
        { from: page },
      );
      assert.equal(res.statusCode, 403);
    });
  });
}
