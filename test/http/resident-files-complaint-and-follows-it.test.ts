import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { auditLog, tambons, users } from "../../src/core/db/schema.ts";
import { siteComplaints } from "../../src/modules/site/schema.ts";

for (const kind of DB_KINDS) {
  describe(`complaints and requests (${kind})`, () => {
    let t: TestApp;
    let tambonId: number;
    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "ko-kha"));
      tambonId = tb!.id;
    });
    after(async () => {
      await t?.close();
    });

    test("a resident files a complaint with a photo, gets a code and follows it while staff answer", async () => {
      const resident = new Client(t.app);
      const missing = await postMultipart(
        resident,
        "/t/ko-kha/complaints",
        { kind: "complaint", channel: "general", subject: "", details: "ถนนเป็นหลุม" },
        {},
        { from: "/t/ko-kha/complaints" },
      );
      assert.equal(missing.statusCode, 422);
      assert.match(missing.body, /กรุณากรอกช่องนี้/);
      assert.match(missing.body, /ถนนเป็นหลุม/, "what the resident typed is kept");
      const photo = await sharp({
        create: { width: 800, height: 600, channels: 3, background: "#888" },
      })
        .jpeg()
        .toBuffer();
      const filed = await postMultipart(
        resident,
        "/t/ko-kha/complaints",
        {
          kind: "complaint",
          channel: "general",
          subject: "ถนนหน้าวัดเป็นหลุมลึก",
          details: "รถจักรยานยนต์ล้มแล้วสองคัน",
          location: "หมู่ 2 หน้าวัด",
          name: "นางสมศรี",
          contact: "0812345678",
        },
        { photo: { filename: "road.jpg", type: "image/jpeg", data: photo } },
        { from: "/t/ko-kha/complaints" },
      );
      assert.equal(filed.statusCode, 303);
      const location = filed.headers.location as string;
      const code = /code=(RT-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(location)![1]!;
      const track = await resident.get(location);
      assert.match(
        track.body,
        new RegExp(`รหัสติดตามเรื่องของท่านคือ ${code}`),
        "the code is shown once filed",
      );
      assert.match(track.body, /รับเรื่องแล้ว/);
      assert.doesNotMatch(
        track.body,
        /นางสมศรี|0812345678/,
        "the filer's name and contact are never shown publicly",
      );
      assert.equal(track.headers["cache-control"], "no-cache");
      const typed = await t.app.inject(
        `/t/ko-kha/complaints/track?code=${code.toLowerCase().replace(/-/g, " ")}`,
      );
      assert.match(typed.body, /ถนนหน้าวัดเป็นหลุมลึก/, "the code may be typed loosely");
      const elsewhere = await t.app.inject(`/t/la-ngu/complaints/track?code=${code}`);
      assert.match(elsewhere.body, /ไม่พบเรื่องที่มีรหัสนี้/, "a code only works in its own tambon");

      const [row] = await t.database.db
        .select()
        .from(siteComplaints)
        .where(eq(siteComplaints.code, code));
      assert.ok(row!.photo);
      const [logged] = await t.database.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, "site.complaint.file"), eq(auditLog.targetId, String(row!.id))),
        );
      assert.ok(!JSON.stringify(logged).includes("0812345678"), "the audit log keeps no contact");

      const staff = await Client.as(t.app, "kokha-editor");
      const list = await staff.get("/t/ko-kha/admin/site/complaints");
      assert.match(list.body, new RegExp(code));
      const detail = await staff.get(`/t/ko-kha/admin/site/complaints/${row!.id}`);
      assert.match(detail.body, /นางสมศรี/);
      const photoUrl = `/t/ko-kha/admin/site/complaint-photos/${row!.photo}`;
      assert.equal((await staff.get(photoUrl)).statusCode, 200);
      assert.notEqual((await t.app.inject(photoUrl)).statusCode, 200, "the photo is not public");
      const [admin] = await t.database.db
        .select()
        .from(users)
        .where(eq(users.username, "kokha-admin"));
      const updated = await staff.post(
        `/t/ko-kha/admin/site/complaints/${row!.id}`,
        {
          status: "answered",
          assignedTo: String(admin!.id),
          answer: "กองช่างจะซ่อมภายใน 7 วัน",
          note: "ส่งเรื่องให้กองช่าง",
        },
        { from: `/t/ko-kha/admin/site/complaints/${row!.id}` },
      );
      assert.equal(updated.statusCode, 303);
      const again = await t.app.inject(`/t/ko-kha/complaints/track?code=${code}`);
      assert.match(again.body, /ตอบกลับแล้ว/);
      assert.match(again.body, /กองช่างจะซ่อมภายใน 7 วัน/);
      assert.match(again.body, /ส่งเรื่องให้กองช่าง/);
      const member = await Client.as(t.app, "kokha-member");
      assert.equal(
        (await member.get(`/t/ko-kha/admin/site/complaints/${row!.id}`)).statusCode,
        403,
      );

      const stats = await t.app.inject("/t/ko-kha/complaints");
      assert.match(stats.body, /สถิติเรื่องร้องเรียนรายเดือน/);
    });

    test("corruption complaints go to a channel only the tambon's admins see", async () => {
      const resident = new Client(t.app);
      const filed = await postMultipart(
        resident,
        "/t/ko-kha/complaints",
        {
          kind: "complaint",
          channel: "corruption",
          subject: "เรียกรับเงินใต้โต๊ะ",
          details: "รายละเอียดลับ",
        },
        {},
        { from: "/t/ko-kha/complaints" },
      );
      assert.equal(filed.statusCode, 303);
      const [row] = await t.database.db
        .select()
        .from(siteComplaints)
        .where(
          and(eq(siteComplaints.tambonId, tambonId), eq(siteComplaints.subject, "เรียกรับเงินใต้โต๊ะ")),
        );
      assert.equal(row!.channel, "corruption");
      const editor = await Client.as(t.app, "kokha-editor");
      assert.doesNotMatch(
        (await editor.get("/t/ko-kha/admin/site/complaints")).body,
        /เรียกรับเงินใต้โต๊ะ/,
      );
      assert.equal(
        (await editor.get(`/t/ko-kha/admin/site/complaints/${row!.id}`)).statusCode,
        403,
      );
      const denied = await editor.post(
        `/t/ko-kha/admin/site/complaints/${row!.id}`,
        { status: "closed" },
        { from: "/t/ko-kha/admin/site/complaints" },
      );
      assert.equal(denied.statusCode, 403);
      const network = await Client.as(t.app, "admin");
      assert.equal(
        (await network.get(`/t/ko-kha/admin/site/complaints/${row!.id}`)).statusCode,
        403,
        "not even the network administrator",
      );
      const admin = await Client.as(t.app, "kokha-admin");
      const list = await admin.get("/t/ko-kha/admin/site/complaints");
      assert.match(list.body, /เรื่องร้องเรียนการทุจริต \(เฉพาะผู้บริหาร\)/);
      assert.match(list.body, /เรียกรับเงินใต้โต๊ะ/);
      assert.equal((await admin.get(`/t/ko-kha/admin/site/complaints/${row!.id}`)).statusCode, 200);
      for (const url of [
        "/t/ko-kha/complaints",
        `/t/ko-kha/search?q=${encodeURIComponent("ใต้โต๊ะ")}`,
        "/t/ko-kha/sitemap.xml",
        "/t/ko-kha",
      ]) {
        assert.doesNotMatch(
          (await t.app.inject(url)).body,
          /เรียกรับเงินใต้โต๊ะ/,
          `${url} never shows it`,
        );
      }
    });
  });
}
