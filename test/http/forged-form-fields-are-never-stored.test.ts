import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq, ne } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { tambons, users } from "../../src/core/db/schema.ts";
import {
  siteAlbums,
  siteCategories,
  siteComplaints,
  siteJobs,
  siteLinks,
  siteNews,
  sitePosts,
} from "../../src/modules/site/schema.ts";
import { charterComments, charterEditions, charters } from "../../src/modules/charter/schema.ts";
import { thaiDay } from "../../src/modules/site/statistics/visits.ts";

/** A table whose rows belong to a tambon. */
type Owned = PgTable & { id: AnyPgColumn; tambonId: AnyPgColumn };

const CHOOSE_TH = "กรุณาเลือกจากรายการที่มีให้";
const LONG_AGO = "2001-02-03T04:05:06.000Z";

for (const kind of DB_KINDS) {
  describe(`fields a form does not have are never stored (${kind})`, () => {
    let t: TestApp;
    let kokha = 0;
    let langu = 0;
    let languAdmin = 0;
    let kokhaMember = 0;

    const userId = async (username: string) => {
      const [u] = await t.database.db.select().from(users).where(eq(users.username, username));
      return u!.id;
    };
    /** Every row of a table that belongs to another tambon than `tambonId`, in id order. */
    const othersOf = async (table: Owned, tambonId: number) =>
      JSON.stringify(
        await t.database.db
          .select()
          .from(table)
          .where(ne(table.tambonId, tambonId))
          .orderBy(table.id),
      );

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const all = await t.database.db.select().from(tambons);
      kokha = all.find((x) => x.slug === "ko-kha")!.id;
      langu = all.find((x) => x.slug === "la-ngu")!.id;
      languAdmin = await userId("langu-admin");
      kokhaMember = await userId("kokha-member");
    });
    after(async () => {
      await t?.close();
    });

    test("an anonymous complaint keeps its tambon, a new code and the status received", async () => {
      const others = await othersOf(siteComplaints, kokha);
      const resident = new Client(t.app);
      const subject = "ไฟถนนหน้าโรงเรียนดับ (ปลอมฟิลด์)";
      const filed = await postMultipart(
        resident,
        "/t/ko-kha/complaints",
        {
          kind: "request",
          channel: "general",
          subject,
          details: "ดับมาสามคืนแล้ว",
          tambonId: String(langu),
          id: "987654",
          code: "RT-FAKE-0001",
          status: "closed",
          answer: "แก้ไขเรียบร้อยแล้ว (ปลอม)",
          assignedTo: String(languAdmin),
          createdAt: LONG_AGO,
          closedAt: LONG_AGO,
          photo: "../../someone-elses.jpg",
        },
        {},
        { from: "/t/ko-kha/complaints" },
      );
      assert.equal(filed.statusCode, 303);
      const code = /code=(RT-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(filed.headers.location as string)![1]!;
      assert.notEqual(code, "RT-FAKE-0001");
      const [row] = await t.database.db
        .select()
        .from(siteComplaints)
        .where(eq(siteComplaints.subject, subject));
      assert.equal(row!.tambonId, kokha);
      assert.equal(row!.code, code);
      assert.equal(row!.kind, "request", "a field of the form is kept");
      assert.equal(row!.status, "received");
      assert.equal(row!.answer, "");
      assert.equal(row!.assignedTo, null);
      assert.equal(row!.closedAt, null);
      assert.equal(row!.photo, null);
      assert.notEqual(row!.id, 987654);
      assert.ok(row!.createdAt.getTime() > Date.parse("2020-01-01"));
      const forgedId = await t.database.db
        .select()
        .from(siteComplaints)
        .where(eq(siteComplaints.id, 987654));
      assert.equal(forgedId.length, 0);
      assert.equal(await othersOf(siteComplaints, kokha), others);
    });

    test("an unknown complaint kind or channel is refused next to its field, and nothing is filed", async () => {
      const resident = new Client(t.app);
      const subject = "เรื่องที่ประเภทไม่ถูกต้อง";
      const badKind = await postMultipart(
        resident,
        "/t/ko-kha/complaints",
        { kind: "bribe", channel: "general", subject, details: "รายละเอียด" },
        {},
        { from: "/t/ko-kha/complaints" },
      );
      assert.equal(badKind.statusCode, 422);
      assert.match(badKind.body, new RegExp(`<p class="error" id="f-kind-err">${CHOOSE_TH}</p>`));
      assert.match(badKind.body, new RegExp(`<a href="#f-kind">${CHOOSE_TH}</a>`));
      assert.match(badKind.body, /รายละเอียด/, "what the resident typed is kept");
      const badChannel = await postMultipart(
        resident,
        "/t/ko-kha/complaints",
        { kind: "complaint", channel: "secret", subject, details: "รายละเอียด" },
        {},
        { from: "/t/ko-kha/complaints" },
      );
      assert.equal(badChannel.statusCode, 422);
      assert.match(
        badChannel.body,
        new RegExp(`<p class="error" id="f-channel-err">${CHOOSE_TH}</p>`),
      );
      const stored = await t.database.db
        .select()
        .from(siteComplaints)
        .where(eq(siteComplaints.subject, subject));
      assert.equal(stored.length, 0);
      const plain = await postMultipart(
        resident,
        "/t/ko-kha/complaints",
        { subject, details: "ไม่ได้เลือกประเภท" },
        {},
        { from: "/t/ko-kha/complaints" },
      );
      assert.equal(plain.statusCode, 303, "an absent kind and channel take their defaults");
      const [row] = await t.database.db
        .select()
        .from(siteComplaints)
        .where(eq(siteComplaints.subject, subject));
      assert.deepEqual([row!.kind, row!.channel], ["complaint", "general"]);
    });

    test("a member's corner post stays in the member's tambon, signed by the member, waiting", async () => {
      const others = await othersOf(sitePosts, kokha);
      const member = await Client.as(t.app, "kokha-member");
      const title = "ชวนกันเก็บขยะริมคลอง (ปลอมฟิลด์)";
      const sent = await postMultipart(
        member,
        "/t/ko-kha/corner",
        {
          title,
          body: "เสาร์นี้เจอกันที่ศาลา",
          tambonId: String(langu),
          authorId: String(languAdmin),
          status: "approved",
          moderatedBy: String(languAdmin),
          moderatedAt: LONG_AGO,
          reason: "ปลอม",
          id: "876543",
          createdAt: LONG_AGO,
        },
        {},
        { from: "/t/ko-kha/corner" },
      );
      assert.equal(sent.statusCode, 303);
      const [post] = await t.database.db.select().from(sitePosts).where(eq(sitePosts.title, title));
      assert.equal(post!.tambonId, kokha);
      assert.equal(post!.authorId, kokhaMember);
      assert.equal(post!.status, "pending");
      assert.equal(post!.moderatedBy, null);
      assert.equal(post!.moderatedAt, null);
      assert.equal(post!.reason, "");
      assert.notEqual(post!.id, 876543);
      assert.ok(post!.createdAt.getTime() > Date.parse("2020-01-01"));
      assert.equal(await othersOf(sitePosts, kokha), others);
    });

    test("a member's job posting waits for staff in the member's tambon", async () => {
      const others = await othersOf(siteJobs, kokha);
      const member = await Client.as(t.app, "kokha-member");
      const title = "รับสมัครคนเก็บลำไย (ปลอมฟิลด์)";
      const sent = await member.post(
        "/t/ko-kha/jobs",
        {
          title,
          employer: "สวนลำไยลุงมา",
          contact: "0811111111",
          closesOn: thaiDay(new Date(Date.now() + 20 * 86400_000)),
          status: "approved",
          tambonId: String(langu),
          createdBy: String(languAdmin),
          id: "765432",
          createdAt: LONG_AGO,
        },
        { from: "/t/ko-kha/jobs" },
      );
      assert.equal(sent.statusCode, 303);
      const [job] = await t.database.db.select().from(siteJobs).where(eq(siteJobs.title, title));
      assert.equal(job!.tambonId, kokha);
      assert.equal(job!.status, "pending");
      assert.equal(job!.createdBy, kokhaMember);
      assert.notEqual(job!.id, 765432);
      assert.equal(await othersOf(siteJobs, kokha), others);
    });

    test("staff forms cannot move albums, categories or job links into another tambon", async () => {
      const before = {
        albums: await othersOf(siteAlbums, kokha),
        categories: await othersOf(siteCategories, kokha),
        links: await othersOf(siteLinks, kokha),
      };
      const editor = await Client.as(t.app, "kokha-editor");
      const forged = { tambonId: String(langu), id: "654321", updatedAt: LONG_AGO };

      const created = await editor.post(
        "/t/ko-kha/admin/site/galleries",
        { title: "อัลบั้มใหม่ (ปลอมฟิลด์)", description: "", published: "1", ...forged },
        { from: "/t/ko-kha/admin/site/galleries" },
      );
      assert.equal(created.statusCode, 303);
      const [album] = await t.database.db
        .select()
        .from(siteAlbums)
        .where(eq(siteAlbums.title, "อัลบั้มใหม่ (ปลอมฟิลด์)"));
      assert.equal(album!.tambonId, kokha);
      assert.notEqual(album!.id, 654321);

      const [existing] = await t.database.db
        .select()
        .from(siteAlbums)
        .where(and(eq(siteAlbums.tambonId, kokha), ne(siteAlbums.id, album!.id)));
      const moved = await editor.post(
        `/t/ko-kha/admin/site/galleries/${existing!.id}`,
        { title: "อัลบั้มที่ถูกแก้ (ปลอมฟิลด์)", description: "", ...forged },
        { from: `/t/ko-kha/admin/site/galleries/${existing!.id}` },
      );
      assert.equal(moved.statusCode, 303);
      const [after] = await t.database.db
        .select()
        .from(siteAlbums)
        .where(eq(siteAlbums.id, existing!.id));
      assert.equal(after!.tambonId, kokha);
      assert.equal(after!.title, "อัลบั้มที่ถูกแก้ (ปลอมฟิลด์)");
      assert.ok(after!.updatedAt.getTime() > Date.parse("2020-01-01"));

      const [category] = await t.database.db
        .select()
        .from(siteCategories)
        .where(eq(siteCategories.tambonId, kokha));
      const renamed = await editor.post(
        `/t/ko-kha/admin/site/news-categories/${category!.id}`,
        {
          nameTh: "ข่าวชุมชน",
          nameEn: "Community news",
          slug: "hijacked",
          position: "99",
          ...forged,
        },
        { from: "/t/ko-kha/admin/site/settings" },
      );
      assert.equal(renamed.statusCode, 303);
      const [cat] = await t.database.db
        .select()
        .from(siteCategories)
        .where(eq(siteCategories.id, category!.id));
      assert.deepEqual(
        [cat!.tambonId, cat!.nameTh, cat!.slug, cat!.position],
        [kokha, "ข่าวชุมชน", category!.slug, category!.position],
      );
      const added = await editor.post(
        "/t/ko-kha/admin/site/news-categories",
        { nameTh: "หมวดใหม่", nameEn: "New section", slug: "x", position: "99", ...forged },
        { from: "/t/ko-kha/admin/site/settings" },
      );
      assert.equal(added.statusCode, 303);
      const [fresh] = await t.database.db
        .select()
        .from(siteCategories)
        .where(eq(siteCategories.nameTh, "หมวดใหม่"));
      assert.deepEqual([fresh!.tambonId, fresh!.slug], [kokha, "new-section"]);
      assert.notEqual(fresh!.position, 99);

      const link = await editor.post(
        "/t/ko-kha/admin/site/job-links",
        { labelTh: "ตลาดงานจังหวัด", url: "https://example.org/jobs", position: "0", ...forged },
        { from: "/t/ko-kha/admin/site/settings" },
      );
      assert.equal(link.statusCode, 303);
      const [stored] = await t.database.db
        .select()
        .from(siteLinks)
        .where(eq(siteLinks.url, "https://example.org/jobs"));
      assert.equal(stored!.tambonId, kokha);
      assert.notEqual(stored!.position, 0);

      assert.deepEqual(
        {
          albums: await othersOf(siteAlbums, kokha),
          categories: await othersOf(siteCategories, kokha),
          links: await othersOf(siteLinks, kokha),
        },
        before,
      );
    });

    test("an unknown news status is refused next to its field", async () => {
      const editor = await Client.as(t.app, "kokha-editor");
      const title = "ข่าวที่สถานะไม่ถูกต้อง";
      const res = await postMultipart(
        editor,
        "/t/ko-kha/admin/site/news",
        { title, status: "featured" },
        {},
        { from: "/t/ko-kha/admin/site/news/new" },
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, new RegExp(`<p class="error" id="f-status-err">${CHOOSE_TH}</p>`));
      const rows = await t.database.db.select().from(siteNews).where(eq(siteNews.title, title));
      assert.equal(rows.length, 0);
    });

    test("the edition form cannot adopt an edition or move it to another charter", async () => {
      const db = t.database.db;
      const [languCharter] = await db.select().from(charters).where(eq(charters.tambonId, langu));
      const [kokhaCharter] = await db.select().from(charters).where(eq(charters.tambonId, kokha));
      const [edition] = await db
        .select()
        .from(charterEditions)
        .where(
          and(
            eq(charterEditions.charterId, languCharter!.id),
            eq(charterEditions.status, "hearing"),
          ),
        );
      const others = await othersOf(charterEditions, langu);
      const wg = await Client.as(t.app, "langu-wg");
      const page = `/t/la-ngu/admin/charter-editions/${edition!.id}`;
      const res = await wg.post(
        page,
        {
          number: String(edition!.number),
          yearBe: String(edition!.yearBe),
          reviewYears: "4",
          effectiveOn: "",
          signingOn: "",
          signingPlace: "ศาลาประชาคม",
          status: "adopted",
          adoptedVersionId: String(edition!.currentVersionId),
          adoptedOn: "2024-01-01",
          adoptedAt: LONG_AGO,
          adoptedBy: String(languAdmin),
          adoptionKind: "resolution",
          resolutionId: "1",
          questionId: "1",
          charterId: String(kokhaCharter!.id),
          tambonId: String(kokha),
          id: "543210",
        },
        { from: page },
      );
      assert.equal(res.statusCode, 303);
      const [row] = await db
        .select()
        .from(charterEditions)
        .where(eq(charterEditions.id, edition!.id));
      assert.equal(row!.reviewYears, 4, "a field of the form is kept");
      assert.equal(row!.signingPlace, "ศาลาประชาคม");
      assert.equal(row!.status, "hearing");
      assert.deepEqual(
        [row!.adoptedVersionId, row!.adoptedOn, row!.adoptedAt, row!.adoptedBy, row!.adoptionKind],
        [null, null, null, null, null],
      );
      assert.deepEqual(
        [row!.resolutionId, row!.questionId, row!.charterId, row!.tambonId],
        [null, null, languCharter!.id, langu],
      );
      assert.equal(await othersOf(charterEditions, langu), others);

      const othersCharters = await othersOf(charters, langu);
      const charterPage = `/t/la-ngu/admin/charters/${languCharter!.id}`;
      const renamed = await wg.post(
        charterPage,
        {
          nameTh: languCharter!.nameTh,
          nameEn: languCharter!.nameEn,
          scope: "tambon",
          digits: languCharter!.digits,
          contactName: languCharter!.contactName,
          contactPhone: languCharter!.contactPhone,
          contactEmail: languCharter!.contactEmail,
          tambonId: String(kokha),
          createdBy: String(languAdmin),
          nextKey: "1",
          id: "432109",
        },
        { from: charterPage },
      );
      assert.equal(renamed.statusCode, 303);
      const [charter] = await db.select().from(charters).where(eq(charters.id, languCharter!.id));
      assert.deepEqual(
        [charter!.tambonId, charter!.createdBy, charter!.nextKey],
        [langu, languCharter!.createdBy, languCharter!.nextKey],
      );
      assert.equal(await othersOf(charters, langu), othersCharters);
    });

    test("an unknown kind of charter comment is refused next to its field", async () => {
      const db = t.database.db;
      const [edition] = await db
        .select()
        .from(charterEditions)
        .where(and(eq(charterEditions.tambonId, langu), eq(charterEditions.status, "hearing")));
      const member = await Client.as(t.app, "langu-member");
      const page = `/t/la-ngu/charter-editions/${edition!.id}/comments`;
      const body = "ความเห็นที่ประเภทไม่ถูกต้อง";
      const res = await member.post(page, { about: "general", kind: "vote", body }, { from: page });
      assert.equal(res.statusCode, 422);
      assert.match(
        res.body,
        new RegExp(`<p class="error" id="f-comment-kind-err">${CHOOSE_TH}</p>`),
      );
      const rows = await db.select().from(charterComments).where(eq(charterComments.body, body));
      assert.equal(rows.length, 0);
    });
  });
}
