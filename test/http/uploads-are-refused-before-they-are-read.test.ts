import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { answerBeforeBody, multipart } from "../helpers/multipart.ts";
import { FACTORY_PASSWORD, makePerson, makeTambon } from "../helpers/factories/core.ts";

describe("uploads from visitors who may not upload are refused before their body is read", () => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await startTestApp("pglite", {
      seed: async (db) => {
        const { tambon } = await makeTambon(db, { slug: "ko-kha" });
        await makePerson(db, tambon.id, { username: "kokha-editor", roles: ["editor"] });
      },
    });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await t?.close();
  });

  test("anonymous, with or without a CSRF cookie, to an editor's upload form", async () => {
    const visitor = new Client(t.app);
    await visitor.get("/t/ko-kha/complaints");
    const csrfCookie = visitor.cookieHeader();
    assert.match(csrfCookie, /tcsrf=/);
    assert.equal(
      await answerBeforeBody(base, "/t/ko-kha/admin/site/news", "", 50 * 1024 * 1024),
      400,
      "no CSRF cookie",
    );
    assert.equal(
      await answerBeforeBody(base, "/t/ko-kha/admin/site/news", csrfCookie, 50 * 1024 * 1024),
      403,
      "not signed in",
    );
  });

  test("a complaint with a photo still works without an account", async () => {
    const visitor = new Client(t.app);
    const token = await visitor.csrf("/t/ko-kha/complaints");
    const { body, contentType } = multipart(
      {
        _csrf: token,
        kind: "request",
        channel: "general",
        subject: "ขอไฟทางหน้าโรงเรียน",
        details: "มืดมากตอนกลางคืน",
      },
      {},
    );
    const res = await t.app.inject({
      method: "POST",
      url: "/t/ko-kha/complaints",
      headers: { cookie: visitor.cookieHeader(), "content-type": contentType },
      payload: body,
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  });

  test("a signed-in editor's upload is read and handled as before", async () => {
    const editor = await Client.as(t.app, "kokha-editor", FACTORY_PASSWORD);
    const token = await editor.csrf("/t/ko-kha/admin/site/news/new");
    const { body, contentType } = multipart({ _csrf: token, title: "" }, {});
    const res = await t.app.inject({
      method: "POST",
      url: "/t/ko-kha/admin/site/news",
      headers: { cookie: editor.cookieHeader(), "content-type": contentType },
      payload: body,
    });
    assert.equal(res.statusCode, 422, "the form is read and its errors shown");
  });
});
