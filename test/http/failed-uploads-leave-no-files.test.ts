import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { storedFiles, tambons } from "../../src/core/db/schema.ts";

const photo = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a7" } })
    .jpeg()
    .toBuffer();

describe("forms that fail keep none of the files sent with them", () => {
  let t: TestApp;
  let tambonId = 0;
  /** The ids of every file the tambon has in the file store. */
  const filesStored = async () =>
    (
      await t.database.db
        .select({ id: storedFiles.id })
        .from(storedFiles)
        .where(eq(storedFiles.tambonId, tambonId))
    )
      .map((r) => r.id)
      .sort((a, b) => a - b);
  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "lom-raet"));
    tambonId = tb!.id;
  });
  after(async () => {
    await t?.close();
  });

  test("a gallery batch with one bad file leaves neither copies nor originals of the good ones", async () => {
    const ed = new Client(t.app);
    await ed.login("lomraet-editor");
    const created = await ed.post(
      "/t/lom-raet/admin/site/galleries",
      { title: "งานวันเด็ก", description: "", published: "1" },
      { from: "/t/lom-raet/admin/site/galleries" },
    );
    assert.equal(created.statusCode, 303);
    const albumUrl = created.headers.location as string;
    const before = await filesStored();
    const res = await postMultipart(
      ed,
      `/t/lom-raet/admin/site/galleries/${Number(/galleries\/(\d+)$/.exec(albumUrl)![1])}/photos`,
      {},
      {
        photos: [
          { filename: "good-1.jpg", type: "image/jpeg", data: await photo() },
          { filename: "good-2.jpg", type: "image/jpeg", data: await photo() },
          { filename: "bad.jpg", type: "image/jpeg", data: Buffer.from("not a photo") },
        ],
      },
      { from: albumUrl },
    );
    assert.equal(res.statusCode, 422, res.body.slice(0, 200));
    assert.deepEqual(await filesStored(), before);
  });

  test("a complaint refused for a missing subject does not keep its photo", async () => {
    const visitor = new Client(t.app);
    const before = await filesStored();
    const res = await postMultipart(
      visitor,
      "/t/lom-raet/complaints",
      { kind: "complaint", channel: "general", subject: "", details: "ไฟดับทั้งซอย" },
      { photo: { filename: "street.jpg", type: "image/jpeg", data: await photo() } },
      { from: "/t/lom-raet/complaints" },
    );
    assert.equal(res.statusCode, 422);
    assert.deepEqual(await filesStored(), before);
  });

  test("a corner post refused for a missing title does not keep its photos", async () => {
    const member = new Client(t.app);
    await member.login("lomraet-member");
    const before = await filesStored();
    const res = await postMultipart(
      member,
      "/t/lom-raet/corner",
      { title: "", body: "ภาพกิจกรรม" },
      { photos: { filename: "event.jpg", type: "image/jpeg", data: await photo() } },
      { from: "/t/lom-raet/corner" },
    );
    assert.equal(res.statusCode, 422);
    assert.deepEqual(await filesStored(), before);
  });
  test("a news item refused for a missing title does not keep its cover photo", async () => {
    const ed = new Client(t.app);
    await ed.login("lomraet-editor");
    const before = await filesStored();
    const res = await postMultipart(
      ed,
      "/t/lom-raet/admin/site/news",
      { title: "", summary: "", bodyMd: "เนื้อหา", status: "draft" },
      { cover: { filename: "cover.jpg", type: "image/jpeg", data: await photo() } },
      { from: "/t/lom-raet/admin/site/news" },
    );
    assert.equal(res.statusCode, 422, res.body.slice(0, 200));
    assert.deepEqual(await filesStored(), before);
  });

  test("a news item refused inside its transaction (an album of no one) keeps no cover", async () => {
    const ed = new Client(t.app);
    await ed.login("lomraet-editor");
    const before = await filesStored();
    const res = await postMultipart(
      ed,
      "/t/lom-raet/admin/site/news",
      { title: "ข่าวทดสอบ", summary: "", bodyMd: "เนื้อหา", status: "draft", albumId: "999999" },
      { cover: { filename: "cover.jpg", type: "image/jpeg", data: await photo() } },
      { from: "/t/lom-raet/admin/site/news" },
    );
    assert.equal(res.statusCode, 422, res.body.slice(0, 200));
    assert.deepEqual(await filesStored(), before);
  });

  test("a document attached to a page of no one is refused and its file not kept", async () => {
    const ed = new Client(t.app);
    await ed.login("lomraet-admin");
    const before = await filesStored();
    const res = await postMultipart(
      ed,
      "/t/lom-raet/admin/site/documents",
      { title: "ประกาศ", attachTo: "page:999999" },
      {
        file: {
          filename: "a.pdf",
          type: "application/pdf",
          data: Buffer.from("%PDF-1.4\n%%EOF\n"),
        },
      },
      { from: "/t/lom-raet/admin/site/documents" },
    );
    assert.equal(res.statusCode, 422, res.body.slice(0, 200));
    assert.deepEqual(await filesStored(), before);
  });

  test("a partner refused for a missing name does not keep its logo", async () => {
    const admin = new Client(t.app);
    await admin.login("langu-admin");
    const [langu] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    const count = async () =>
      (
        await t.database.db
          .select({ id: storedFiles.id })
          .from(storedFiles)
          .where(eq(storedFiles.tambonId, langu!.id))
      ).length;
    const before = await count();
    const res = await postMultipart(
      admin,
      "/t/la-ngu/admin/network/partners/new",
      { nameTh: "" },
      { logo: { filename: "logo.jpg", type: "image/jpeg", data: await photo() } },
      { from: "/t/la-ngu/admin/network/partners/new" },
    );
    assert.equal(res.statusCode, 422, res.body.slice(0, 200));
    assert.equal(await count(), before);
  });
});
