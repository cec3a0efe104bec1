import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { siteDir } from "../../src/modules/site/shared/media.ts";

/** Every file under a folder (relative paths), or none when it does not exist. */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}

const photo = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a7" } })
    .jpeg()
    .toBuffer();

describe("forms that fail keep none of the files sent with them", () => {
  let t: TestApp;
  let dir = "";
  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "lom-raet"));
    dir = siteDir(t.app.config.dataDir, tb!.id);
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
    const before = filesUnder(dir);
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
    assert.deepEqual(filesUnder(dir), before);
  });

  test("a complaint refused for a missing subject does not keep its photo", async () => {
    const visitor = new Client(t.app);
    const before = filesUnder(dir);
    const res = await postMultipart(
      visitor,
      "/t/lom-raet/complaints",
      { kind: "complaint", channel: "general", subject: "", details: "ไฟดับทั้งซอย" },
      { photo: { filename: "street.jpg", type: "image/jpeg", data: await photo() } },
      { from: "/t/lom-raet/complaints" },
    );
    assert.equal(res.statusCode, 422);
    assert.deepEqual(filesUnder(dir), before);
  });

  test("a corner post refused for a missing title does not keep its photos", async () => {
    const member = new Client(t.app);
    await member.login("lomraet-member");
    const before = filesUnder(dir);
    const res = await postMultipart(
      member,
      "/t/lom-raet/corner",
      { title: "", body: "ภาพกิจกรรม" },
      { photos: { filename: "event.jpg", type: "image/jpeg", data: await photo() } },
      { from: "/t/lom-raet/corner" },
    );
    assert.equal(res.statusCode, 422);
    assert.deepEqual(filesUnder(dir), before);
  });
});
