import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, asc, eq, gt } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { siteNews } from "../../src/modules/site/schema.ts";
import { meetings } from "../../src/modules/groups/schema.ts";

/*
 * The pages members read most keep what they read from the database until the tambon changes
 * (news items, meetings, the lists of news and questions). A member reading them sees a change
 * made by somebody else at once: the next page after the change shows it, a news item taken
 * back is gone from its page and its list, and nothing of another tambon is ever shown.
 */

for (const kind of DB_KINDS) {
  describe(`signed-in pages show a change at once (${kind})`, () => {
    let t: TestApp;
    let member: Client;
    let admin: Client;
    let tambonId = 0;
    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      tambonId = tb!.id;
      member = await Client.as(t.app, "langu-member");
      admin = await Client.as(t.app, "langu-admin");
    });
    after(async () => {
      await t?.close();
    });

    test("a news item edited, then taken back, on its page and in the list", async () => {
      const [news] = await t.database.db
        .select()
        .from(siteNews)
        .where(and(eq(siteNews.tambonId, tambonId), eq(siteNews.status, "published")))
        .orderBy(asc(siteNews.id))
        .limit(1);
      const page = `/t/la-ngu/news/${news!.id}`;
      const list = "/t/la-ngu/news";
      // Read twice, so that what the pages read is kept.
      for (let i = 0; i < 2; i++) {
        assert.match((await member.get(page)).body, new RegExp(news!.title.slice(0, 20)));
        assert.match((await member.get(list)).body, new RegExp(`/t/la-ngu/news/${news!.id}-`));
      }
      const edit = `/t/la-ngu/admin/site/news/${news!.id}`;
      const fields = {
        title: "หัวข้อที่แก้แล้ว ทดสอบการเห็นทันที",
        summary: news!.summary,
        bodyMd: news!.bodyMd,
        categoryId: news!.categoryId ? String(news!.categoryId) : "",
        albumId: news!.albumId ? String(news!.albumId) : "",
        status: "published",
        publishAt: "",
      };
      const saved = await postMultipart(admin, edit, fields, {}, { from: edit });
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
      assert.match((await member.get(page)).body, /หัวข้อที่แก้แล้ว ทดสอบการเห็นทันที/);
      assert.match((await member.get(list)).body, /หัวข้อที่แก้แล้ว ทดสอบการเห็นทันที/);

      const draft = await postMultipart(
        admin,
        edit,
        { ...fields, status: "draft" },
        {},
        { from: edit },
      );
      assert.equal(draft.statusCode, 303);
      assert.equal((await member.get(page)).statusCode, 404, "taken back: no longer shown");
      assert.doesNotMatch(
        (await member.get(list)).body,
        new RegExp(`/t/la-ngu/news/${news!.id}-`),
        "and no longer listed",
      );
    });

    test("a meeting's new agenda item is on its page at once", async () => {
      const [meeting] = await t.database.db
        .select()
        .from(meetings)
        .where(
          and(
            eq(meetings.tambonId, tambonId),
            eq(meetings.isPublic, true),
            gt(meetings.startsAt, new Date()),
          ),
        )
        .orderBy(asc(meetings.id))
        .limit(1);
      assert.ok(meeting, "the demo has an upcoming public meeting");
      const page = `/t/la-ngu/meetings/${meeting.id}`;
      for (let i = 0; i < 2; i++) {
        const res = await member.get(page);
        assert.equal(res.statusCode, 200);
        assert.doesNotMatch(res.body, /วาระทดสอบการเห็นทันที/);
      }
      const hub = `/t/la-ngu/admin/meetings/${meeting.id}`;
      const added = await admin.post(
        `${hub}/agenda`,
        { titleTh: "วาระทดสอบการเห็นทันที" },
        { from: hub },
      );
      assert.equal(added.statusCode, 303, added.body.slice(0, 500));
      assert.match((await member.get(page)).body, /วาระทดสอบการเห็นทันที/);
      // Another tambon's meeting of the same id is never this one.
      const other = await member.get(`/t/lom-raet/meetings/${meeting.id}`);
      assert.doesNotMatch(other.body, /วาระทดสอบการเห็นทันที/);
    });

    test("the home page's sections, kept for every viewer, follow changes and languages", async () => {
      // The sections are rendered once for all viewers: read by the member first, they must not
      // carry the member's name or form token into the administrator's page, and they are kept
      // apart for each language.
      const home = "/t/la-ngu";
      const memberHome = (await member.get(home)).body;
      assert.match(memberHome, /ข่าวล่าสุด/);
      const adminHome = (await admin.get(home)).body;
      assert.match(adminHome, /ข่าวล่าสุด/);
      assert.doesNotMatch(adminHome, /tambon-kept/, "the carrier element is taken away");
      const section = (html: string) =>
        html.slice(html.indexOf('<div class="home-site">'), html.lastIndexOf("</aside>"));
      assert.ok(section(memberHome).length > 500, "the site's section is on the page");
      assert.equal(section(adminHome), section(memberHome), "the same section for both viewers");
      const english = await Client.as(t.app, "langu-member");
      english.cookies.set("tlang", "en");
      const englishHome = (await english.get(home)).body;
      assert.match(englishHome, /Latest news/);
      assert.doesNotMatch(englishHome, /ข่าวล่าสุด/);
      assert.match((await member.get(home)).body, /ข่าวล่าสุด/, "the Thai sections still Thai");

      // A news item published by the administrator is on the member's home at once.
      const title = "ข่าวใหม่บนหน้าแรก ทดสอบการเห็นทันที";
      const create = "/t/la-ngu/admin/site/news";
      const saved = await postMultipart(
        admin,
        create,
        {
          title,
          summary: "สรุป",
          bodyMd: "เนื้อหา",
          categoryId: "",
          albumId: "",
          status: "published",
          publishAt: "",
        },
        {},
        { from: create },
      );
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
      assert.match((await member.get(home)).body, new RegExp(title));
      assert.match((await english.get(home)).body, new RegExp(title));
    });

    test("a question proposed is in the decisions list at once", async () => {
      const list = "/t/la-ngu/decisions";
      for (let i = 0; i < 2; i++)
        assert.doesNotMatch((await member.get(list)).body, /คำถามทดสอบการเห็นทันที/);
      const form = (await admin.get("/t/la-ngu/decisions/new")).body;
      /** The first choice of a select of the form that is not empty. */
      const choice = (name: string) => {
        const select = new RegExp(`<select[^>]*name="${name}"[\\s\\S]*?</select>`).exec(form)?.[0];
        const value = [...(select ?? "").matchAll(/<option value="([^"]+)"/g)][0]?.[1];
        assert.ok(value, `the form offers a choice of ${name}`);
        return value;
      };
      const res = await admin.post("/t/la-ngu/decisions", {
        title: "คำถามทดสอบการเห็นทันที",
        area: choice("area"),
        policy: choice("policy"),
        altTitle: "ทางเลือกแรก",
        altBody: "รายละเอียดของทางเลือก",
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      assert.match((await member.get(list)).body, /คำถามทดสอบการเห็นทันที/);
    });
  });
}
