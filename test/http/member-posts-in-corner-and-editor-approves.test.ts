import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { auditLog, tambons } from "../../src/core/db/schema.ts";
import {
  siteComments,
  siteJobs,
  sitePhotos,
  sitePosts,
  siteReports,
} from "../../src/modules/site/schema.ts";
import { thaiDay } from "../../src/modules/site/statistics/visits.ts";

for (const kind of DB_KINDS) {
  describe(`members' corner and job board (${kind})`, () => {
    let t: TestApp;
    let tambonId: number;
    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      tambonId = tb!.id;
    });
    after(async () => {
      await t?.close();
    });

    test("a member posts with a photo, an editor approves it, others comment and report abuse", async () => {
      const anon = await t.app.inject("/t/la-ngu/corner");
      assert.match(anon.body, /เข้าสู่ระบบในฐานะสมาชิกของตำบลเพื่อเขียนโพสต์/);
      const member = await Client.as(t.app, "langu-member");
      const empty = await postMultipart(
        member,
        "/t/la-ngu/corner",
        { title: "", body: "" },
        {},
        { from: "/t/la-ngu/corner" },
      );
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, /กรุณากรอกช่องนี้/);
      const photo = await sharp({
        create: { width: 640, height: 480, channels: 3, background: "#3a7" },
      })
        .jpeg()
        .toBuffer();
      const title = "ขอบคุณอาสาสมัครเก็บขยะชายหาดปากบารา";
      const sent = await postMultipart(
        member,
        "/t/la-ngu/corner",
        { title, body: "วันอาทิตย์ที่ผ่านมาเราช่วยกันเก็บขยะได้ 20 กระสอบ" },
        { photos: { filename: "beach.jpg", type: "image/jpeg", data: photo } },
        { from: "/t/la-ngu/corner" },
      );
      assert.equal(sent.statusCode, 303);
      const [post] = await t.database.db.select().from(sitePosts).where(eq(sitePosts.title, title));
      assert.equal(post!.status, "pending");
      const photos = await t.database.db
        .select()
        .from(sitePhotos)
        .where(and(eq(sitePhotos.postId, post!.id), eq(sitePhotos.tambonId, tambonId)));
      assert.equal(photos.length, 1);
      assert.doesNotMatch(
        (await t.app.inject("/t/la-ngu/corner")).body,
        new RegExp(title),
        "pending posts are not shown",
      );
      assert.equal((await t.app.inject(`/t/la-ngu/corner/${post!.id}`)).statusCode, 404);

      const editor = await Client.as(t.app, "langu-editor");
      const queue = await editor.get("/t/la-ngu/admin/site/corner");
      assert.match(queue.body, new RegExp(title));
      const noReason = await editor.post(
        `/t/la-ngu/admin/site/corner/${post!.id}/moderate`,
        { decision: "hidden", reason: "" },
        { from: "/t/la-ngu/admin/site/corner" },
      );
      assert.equal(noReason.statusCode, 422);
      assert.match(noReason.body, /กรุณาระบุเหตุผลที่ซ่อน/);
      const approved = await editor.post(
        `/t/la-ngu/admin/site/corner/${post!.id}/moderate`,
        { decision: "approved", reason: "" },
        { from: "/t/la-ngu/admin/site/corner" },
      );
      assert.equal(approved.statusCode, 303);
      const shown = await t.app.inject(`/t/la-ngu/corner/${post!.id}`);
      assert.equal(shown.statusCode, 200);
      assert.ok(shown.body.includes(`/t/la-ngu/photo/${photos[0]!.id}`));
      const found = await t.app.inject(`/t/la-ngu/search?q=${encodeURIComponent("เก็บขยะ")}`);
      assert.match(found.body, /มุมสมาชิก/);
      assert.ok(found.body.includes(`/t/la-ngu/corner/${post!.id}`));

      const other = await Client.as(t.app, "langu-osm");
      const comment = await other.post(
        `/t/la-ngu/corner/${post!.id}/comments`,
        { body: "เยี่ยมมากครับ" },
        { from: `/t/la-ngu/corner/${post!.id}` },
      );
      assert.equal(comment.statusCode, 303);
      assert.match((await other.get(`/t/la-ngu/corner/${post!.id}`)).body, /เยี่ยมมากครับ/);
      const report = await other.post(
        `/t/la-ngu/corner/${post!.id}/report`,
        { reason: "มีข้อมูลส่วนตัว" },
        { from: `/t/la-ngu/corner/${post!.id}` },
      );
      assert.equal(report.statusCode, 303);
      const reports = await t.database.db
        .select()
        .from(siteReports)
        .where(and(eq(siteReports.postId, post!.id), eq(siteReports.tambonId, tambonId)));
      assert.equal(reports.length, 1);

      const outsider = await Client.as(t.app, "kokha-member");
      const refused = await outsider.post(
        `/t/la-ngu/corner/${post!.id}/comments`,
        { body: "สแปม" },
        { from: `/t/la-ngu/corner/${post!.id}` },
      );
      assert.equal(refused.statusCode, 403, "only members of the tambon take part");

      const [c] = await t.database.db
        .select()
        .from(siteComments)
        .where(and(eq(siteComments.postId, post!.id), eq(siteComments.body, "เยี่ยมมากครับ")));
      const commentReport = await other.post(
        `/t/la-ngu/corner/${post!.id}/report`,
        { reason: "ความเห็นซ้ำ", commentId: String(c!.id) },
        { from: `/t/la-ngu/corner/${post!.id}` },
      );
      assert.equal(commentReport.statusCode, 303);
      const hideNoReason = await editor.post(
        `/t/la-ngu/admin/site/corner-comments/${c!.id}/hide`,
        { reason: "  " },
        { from: "/t/la-ngu/admin/site/corner" },
      );
      assert.equal(hideNoReason.statusCode, 422, "hiding a comment needs a reason, as a post does");
      assert.match(hideNoReason.body, new RegExp(`id="hide-reason-${c!.id}-err">กรุณาระบุเหตุผลที่ซ่อน`));
      const [still] = await t.database.db
        .select()
        .from(siteComments)
        .where(eq(siteComments.id, c!.id));
      assert.equal(still!.hidden, false);
      const hideComment = await editor.post(
        `/t/la-ngu/admin/site/corner-comments/${c!.id}/hide`,
        { reason: "ซ้ำกับความเห็นก่อนหน้า" },
        { from: "/t/la-ngu/admin/site/corner" },
      );
      assert.equal(hideComment.statusCode, 303);
      const commentHidden = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tambonId, tambonId), eq(auditLog.action, "site.comment.hide")));
      assert.equal((commentHidden[0]!.after as { reason: string }).reason, "ซ้ำกับความเห็นก่อนหน้า");

      const hidden = await editor.post(
        `/t/la-ngu/admin/site/corner/${post!.id}/moderate`,
        { decision: "hidden", reason: "มีข้อมูลส่วนบุคคล" },
        { from: "/t/la-ngu/admin/site/corner" },
      );
      assert.equal(hidden.statusCode, 303);
      assert.equal((await t.app.inject(`/t/la-ngu/corner/${post!.id}`)).statusCode, 404);
      assert.doesNotMatch(
        (await t.app.inject(`/t/la-ngu/search?q=${encodeURIComponent("เก็บขยะ")}`)).body,
        new RegExp(title),
      );
      const [after] = await t.database.db
        .select()
        .from(sitePosts)
        .where(eq(sitePosts.id, post!.id));
      assert.equal(after!.reason, "มีข้อมูลส่วนบุคคล");
      const [resolved] = await t.database.db
        .select()
        .from(siteReports)
        .where(eq(siteReports.id, reports[0]!.id));
      assert.ok(resolved!.resolvedAt, "hiding the post closes its reports");
      const logged = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tambonId, tambonId), eq(auditLog.action, "site.post.hide")));
      assert.equal(logged.length, 1);
      assert.equal((logged[0]!.after as { reason: string }).reason, "มีข้อมูลส่วนบุคคล");
    });

    test("an employer posts a job, staff approve it, and it hides itself after its closing day", async () => {
      const member = await Client.as(t.app, "langu-member");
      const closes = thaiDay(new Date(Date.now() + 10 * 86400_000));
      const past = await member.post(
        "/t/la-ngu/jobs",
        {
          title: "คนงานสวนยาง",
          employer: "สวนยางบ้านนา",
          contact: "0811111111",
          closesOn: "2020-01-01",
        },
        { from: "/t/la-ngu/jobs" },
      );
      assert.equal(past.statusCode, 422);
      assert.match(past.body, /วันปิดรับสมัครต้องไม่อยู่ในอดีต/);
      assert.match(past.body, /value="คนงานสวนยาง"/);
      // A day that does not exist is refused, not read as the first days of March.
      const noSuchDay = await member.post(
        "/t/la-ngu/jobs",
        {
          title: "คนงานสวนยาง",
          employer: "สวนยางบ้านนา",
          contact: "0811111111",
          closesOn: "2099-02-30",
        },
        { from: "/t/la-ngu/jobs" },
      );
      assert.equal(noSuchDay.statusCode, 422);
      assert.match(noSuchDay.body, /id="f-closesOn-err"/);
      const sent = await member.post(
        "/t/la-ngu/jobs",
        {
          title: "คนงานสวนยาง",
          employer: "สวนยางบ้านนา",
          place: "หมู่ 4",
          wage: "วันละ 350 บาท",
          contact: "0811111111",
          closesOn: closes,
        },
        { from: "/t/la-ngu/jobs" },
      );
      assert.equal(sent.statusCode, 303);
      const [job] = await t.database.db
        .select()
        .from(siteJobs)
        .where(eq(siteJobs.title, "คนงานสวนยาง"));
      assert.equal(job!.status, "pending");
      assert.doesNotMatch((await t.app.inject("/t/la-ngu/jobs")).body, /คนงานสวนยาง/);
      const staff = await Client.as(t.app, "langu-admin");
      const ok = await staff.post(
        `/t/la-ngu/admin/site/jobs/${job!.id}/moderate`,
        { decision: "approved" },
        { from: "/t/la-ngu/admin/site/jobs" },
      );
      assert.equal(ok.statusCode, 303);
      const board = await t.app.inject("/t/la-ngu/jobs");
      assert.match(board.body, /คนงานสวนยาง/);
      assert.match(
        board.body,
        /smartjob\.doe\.go\.th/,
        "links to the labour-market information centre",
      );
      const found = await t.app.inject(`/t/la-ngu/search?q=${encodeURIComponent("สวนยาง")}`);
      assert.ok(
        found.body.includes(`href="/t/la-ngu/jobs/${job!.id}"`),
        "jobs are found by search",
      );
      await t.database.db
        .update(siteJobs)
        .set({ closesOn: thaiDay(new Date(Date.now() - 86400_000)) })
        .where(eq(siteJobs.id, job!.id));
      // A new address, as the cached board is kept for a few seconds only.
      assert.doesNotMatch(
        (await t.app.inject("/t/la-ngu/jobs?day=next")).body,
        /คนงานสวนยาง/,
        "expired jobs hide themselves",
      );
      assert.equal((await t.app.inject(`/t/la-ngu/jobs/${job!.id}`)).statusCode, 404);
    });
  });
}
