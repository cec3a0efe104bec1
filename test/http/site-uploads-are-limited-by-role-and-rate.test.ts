import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { answerBeforeBody, multipart } from "../helpers/multipart.ts";

const complaint = {
  kind: "request",
  channel: "general",
  subject: "ขอซ่อมถนนหน้าวัด",
  details: "มีหลุมลึกหลายจุด",
};

describe("site uploads are limited by role, size and rate", () => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await t?.close();
  });

  test("a signed-in member without the editor's role is refused before the upload is read", async () => {
    const member = await Client.as(t.app, "kokha-member");
    await member.get("/t/ko-kha/complaints");
    const cookie = member.cookieHeader();
    for (const path of [
      "/t/ko-kha/admin/site/news",
      "/t/ko-kha/admin/site/documents",
      "/t/ko-kha/admin/site/galleries/1/photos",
    ])
      assert.equal(await answerBeforeBody(base, path, cookie, 50 * 1024 * 1024), 403, path);
  });

  test("someone signed in who is not a member of the tambon cannot upload to its corner", async () => {
    const stranger = await Client.as(t.app, "langu-member");
    await stranger.get("/t/ko-kha/corner");
    assert.equal(
      await answerBeforeBody(base, "/t/ko-kha/corner", stranger.cookieHeader(), 50 * 1024 * 1024),
      403,
    );
  });

  test("the role check runs after the visitor is known: editors and members still upload", async () => {
    const editor = await Client.as(t.app, "kokha-editor");
    const token = await editor.csrf("/t/ko-kha/admin/site/news/new");
    const news = multipart({ _csrf: token, title: "" }, {});
    const res = await t.app.inject({
      method: "POST",
      url: "/t/ko-kha/admin/site/news",
      remoteAddress: editor.ip,
      headers: { cookie: editor.cookieHeader(), "content-type": news.contentType },
      payload: news.body,
    });
    assert.equal(res.statusCode, 422, "the form is read and its errors shown");
    const member = await Client.as(t.app, "kokha-member");
    const corner = await member.csrf("/t/ko-kha/corner");
    const post = multipart({ _csrf: corner, body: "" }, {});
    const posted = await t.app.inject({
      method: "POST",
      url: "/t/ko-kha/corner",
      remoteAddress: member.ip,
      headers: { cookie: member.cookieHeader(), "content-type": post.contentType },
      payload: post.body,
    });
    assert.equal(posted.statusCode, 422, posted.body.slice(0, 200));
  });

  test("a complaint takes one photo of a few megabytes; a larger one is refused in the form", async () => {
    const visitor = new Client(t.app);
    const token = await visitor.csrf("/t/ko-kha/complaints");
    const big = multipart(
      { _csrf: token, ...complaint },
      {
        photo: { filename: "big.jpg", type: "image/jpeg", data: Buffer.alloc(6 * 1024 * 1024, 7) },
      },
    );
    const res = await t.app.inject({
      method: "POST",
      url: "/t/ko-kha/complaints",
      remoteAddress: visitor.ip,
      headers: { cookie: visitor.cookieHeader(), "content-type": big.contentType },
      payload: big.body,
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /ไฟล์ “big\.jpg” ใหญ่เกินไป \(ไม่เกิน 5 MB\)/);
    assert.match(res.body, /ขอซ่อมถนนหน้าวัด/);
  });

  test("filing complaints is rate limited per address, before the body is read", async () => {
    const visitor = new Client(t.app);
    const token = await visitor.csrf("/t/ko-kha/complaints");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const form = multipart({ _csrf: token, ...complaint, subject: `เรื่องที่ ${i}` }, {});
      const res = await t.app.inject({
        method: "POST",
        url: "/t/ko-kha/complaints",
        remoteAddress: visitor.ip,
        headers: { cookie: visitor.cookieHeader(), "content-type": form.contentType },
        payload: form.body,
      });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses, [303, 303, 303, 303, 303, 429]);
    const other = new Client(t.app);
    const again = await other.post("/t/ko-kha/complaints", complaint, {
      from: "/t/ko-kha/complaints",
    });
    assert.equal(again.statusCode, 303, "another address still files");
  });

  test("looking complaints up by code is rate limited", async () => {
    const visitor = new Client(t.app);
    const statuses = new Set<number>();
    for (let i = 0; i < 21; i++) {
      const res = await visitor.get(`/t/ko-kha/complaints/track?code=ABCD-${1000 + i}`);
      statuses.add(res.statusCode);
    }
    assert.ok(statuses.has(200));
    assert.ok(statuses.has(429), "the 21st lookup in a minute is refused");
  });

  test("asking public questions is rate limited, so a member cannot bury the staff's queue", async () => {
    const member = await Client.as(t.app, "kokha-member");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await member.post(
        "/t/ko-kha/qa",
        { question: `คำถามที่ ${i}` },
        { from: "/t/ko-kha/qa" },
      );
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses, [...Array(10).fill(303), 429]);
  });
});
