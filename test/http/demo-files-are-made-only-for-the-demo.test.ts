import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { and, eq, like } from "drizzle-orm";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { storedFiles, tambons } from "../../src/core/db/schema.ts";
import { siteDocuments, sitePhotos } from "../../src/modules/site/schema.ts";
import { partners } from "../../src/modules/network/schema.ts";

/** Every file under a folder (relative paths), or none when it does not exist. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The keys of a tambon's stored site files (of every stored file when no tambon is given). */
async function storedKeys(t: TestApp, tambonId?: number): Promise<string[]> {
  const rows = await t.database.db
    .select({ id: storedFiles.id, key: storedFiles.key })
    .from(storedFiles)
    .where(
      tambonId === undefined
        ? undefined
        : and(eq(storedFiles.tambonId, tambonId), like(storedFiles.key, "site/%")),
    );
  return rows.map((r) => r.key ?? `#${r.id}`).sort();
}

describe("a demo tambon's files are made for the files its rows name, and for nothing else", () => {
  let t: TestApp;
  let tambonId: number;
  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    tambonId = tb!.id;
  });
  after(async () => {
    await t?.close();
  });

  test("an invented demo-like name is 404 and creates no file and no row", async () => {
    const data = t.app.config.dataDir;
    const photosBefore = await t.database.db.select().from(sitePhotos);
    const storedBefore = await storedKeys(t);
    for (const url of [
      "/t/la-ngu/uploads/site/de00000000000063.jpg",
      "/t/la-ngu/uploads/site/de00000000000063-t.webp",
      "/t/la-ngu/uploads/site/de00000000000063-l.webp",
      "/t/la-ngu/uploads/site/df0000000000abcd.pdf",
      "/t/la-ngu/uploads/network/partner-de000000000000ff.webp",
      "/t/la-ngu/uploads/network/centre-de000000000000ff-thumb.webp",
    ]) {
      const res = await t.app.inject(url);
      assert.equal(res.statusCode, 404, url);
    }
    assert.deepEqual(filesUnder(data), [], "nothing was written to disk");
    assert.deepEqual(await storedKeys(t), storedBefore, "nothing was stored");
    assert.equal((await t.database.db.select().from(sitePhotos)).length, photosBefore.length);
  });

  test("a demo photo and document of the tambon are made once, then served from the store", async () => {
    const [photo] = await t.database.db
      .select()
      .from(sitePhotos)
      .where(and(eq(sitePhotos.tambonId, tambonId), like(sitePhotos.file, "de%")))
      .limit(1);
    assert.ok(photo, "the demo has photos");
    const full = await t.app.inject(`/t/la-ngu/uploads/site/${photo.file}.${photo.ext}`);
    assert.equal(full.statusCode, 200);
    assert.equal(full.headers["content-type"], "image/jpeg");
    assert.equal((await sharp(full.rawPayload).metadata()).width, photo.width);
    const thumb = await t.app.inject(`/t/la-ngu/uploads/site/${photo.file}-t.webp`);
    assert.equal(thumb.statusCode, 200);
    assert.deepEqual(await storedKeys(t, tambonId), [
      `site/${photo.file}-t.webp`,
      `site/${photo.file}.${photo.ext}`,
    ]);
    const again = await t.app.inject({
      url: `/t/la-ngu/uploads/site/${photo.file}-t.webp`,
      headers: { "if-none-match": String(thumb.headers.etag) },
    });
    assert.equal(again.statusCode, 304, "the browser's copy is still good");
    assert.equal((await storedKeys(t, tambonId)).length, 2, "made once");
    const wrongExt = photo.ext === "jpg" ? "webp" : "jpg";
    assert.equal(
      (await t.app.inject(`/t/la-ngu/uploads/site/${photo.file}.${wrongExt}`)).statusCode,
      404,
      "only the name the row has",
    );
    const [doc] = await t.database.db
      .select()
      .from(siteDocuments)
      .where(eq(siteDocuments.tambonId, tambonId))
      .limit(1);
    const pdf = await t.app.inject(`/t/la-ngu/uploads/site/${doc!.file}.${doc!.ext}`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");
    assert.ok((await storedKeys(t, tambonId)).includes(`site/${doc!.file}.pdf`));
    assert.deepEqual(filesUnder(t.app.config.dataDir), [], "nothing on disk");
  });

  test("a demo partner's logo is made for its row", async () => {
    const [row] = await t.database.db
      .select({ logo: partners.logoFile, slug: tambons.slug })
      .from(partners)
      .innerJoin(tambons, eq(tambons.id, partners.tambonId))
      .where(like(partners.logoFile, "partner-de%"))
      .limit(1);
    assert.ok(row?.logo, "the demo has partners with logos");
    const res = await t.app.inject(`/t/${row.slug}/uploads/network/${row.logo}`);
    assert.equal(res.statusCode, 200);
    assert.equal((await sharp(res.rawPayload).metadata()).format, "webp");
  });
});
