import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { and, eq } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { GPS_TAG, exifTags, hugePng, phoneJpeg } from "../helpers/images.ts";
import { storedFiles, tambons } from "../../src/core/db/schema.ts";
import { LOGO_KIND, reencodeStoredLogos, tambonUploadsDir } from "../../src/core/files.ts";

const SETTINGS = "/t/ko-kha/admin/settings";

describe("a tambon's logo goes through the upload pipeline", () => {
  let t: TestApp;
  let admin: Client;
  let tambonId: number;
  let dir: string;
  const logoPath = async () =>
    (await t.database.db.select().from(tambons).where(eq(tambons.id, tambonId)))[0]!.logoPath;
  /** The logos of the tambon in the file store. */
  const files = async () =>
    (
      await t.database.db
        .select({ key: storedFiles.key })
        .from(storedFiles)
        .where(and(eq(storedFiles.tambonId, tambonId), eq(storedFiles.kind, LOGO_KIND)))
    )
      .map((r) => r.key ?? "")
      .sort();
  const onDisk = () => (existsSync(dir) ? readdirSync(dir).sort() : []);
  let settings: Record<string, string> = {};
  const send = (filename: string, type: string, data: Buffer) =>
    postMultipart(
      admin,
      SETTINGS,
      settings,
      { logo: { filename, type, data } },
      { from: SETTINGS },
    );

  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "ko-kha"));
    tambonId = tb!.id;
    settings = {
      nameTh: tb!.nameTh,
      nameEn: tb!.nameEn,
      kind: tb!.kind,
      minRepsPerVillage: String(tb!.minRepsPerVillage),
    };
    dir = tambonUploadsDir(t.app.config.dataDir, tambonId);
    admin = await Client.as(t.app, "kokha-admin");
  });
  after(async () => {
    await t?.close();
  });

  test("a 20000 × 20000 PNG is refused next to the field, and nothing is stored", async () => {
    const png = hugePng(20000, 20000);
    assert.ok(png.length < 1024 * 1024, "it is within the byte limit");
    const before = await logoPath();
    const res = await send("big.png", "image/png", png);
    assert.equal(res.statusCode, 422, res.body.slice(0, 300));
    assert.match(
      res.body,
      /id="f-logo-err">ภาพ “big\.png” มีขนาดพิกเซลใหญ่เกินไป \(ไม่เกิน 25 ล้านพิกเซล\)/,
    );
    assert.equal(await logoPath(), before);
    assert.deepEqual(await files(), []);
  });

  test("an SVG is drawn into a WebP of at most 512 px; no SVG is stored or served", async () => {
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" onload="alert(1)"><script>alert(document.cookie)</script><rect width="100" height="50" fill="#0a58a8"/></svg>`,
    );
    const res = await send("logo.svg", "image/svg+xml", svg);
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const logo = await logoPath();
    assert.match(logo ?? "", /^\/t\/ko-kha\/uploads\/logo-\d+\.webp$/);
    const stored = await files();
    assert.equal(stored.length, 1);
    assert.ok(
      stored.every((f) => f.endsWith(".webp")),
      stored.join(),
    );
    assert.deepEqual(onDisk(), [], "nothing is written to disk");
    const served = await t.app.inject(logo!);
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers["content-type"], "image/webp");
    const meta = await sharp(served.rawPayload).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ["webp", 512, 256]);
    assert.ok(!served.rawPayload.includes("script"));
    // An SVG put in the folder by other means is still not served from it.
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "logo-1.svg"), svg);
    assert.equal((await t.app.inject("/t/ko-kha/uploads/logo-1.svg")).statusCode, 404);
  });

  test("a phone photo as logo is stored upright, without EXIF or GPS", async () => {
    const jpeg = await phoneJpeg(1200, 800, 6);
    assert.ok(exifTags((await sharp(jpeg).metadata()).exif!).has(GPS_TAG));
    const res = await send("photo.jpg", "image/jpeg", jpeg);
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const served = await t.app.inject((await logoPath())!);
    const meta = await sharp(served.rawPayload).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ["webp", 341, 512], "turned upright");
    assert.equal(meta.exif, undefined);
    assert.equal((await files()).length, 1, "the logo it replaces is removed");
  });

  test("a logo kept on disk before is moved into the store through the pipeline", async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "logo-1733000000002.svg"),
      '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30" fill="#c00"/></svg>',
    );
    await t.database.db
      .update(tambons)
      .set({ logoPath: "/t/ko-kha/uploads/logo-1733000000002.svg" })
      .where(eq(tambons.id, tambonId));
    assert.equal(await reencodeStoredLogos(t.database.db, t.app.config.dataDir), 1);
    const logo = await logoPath();
    assert.match(logo ?? "", /^\/t\/ko-kha\/uploads\/logo-\d+\.webp$/);
    const served = await t.app.inject(logo!);
    assert.equal(served.headers["content-type"], "image/webp");
    assert.equal((await sharp(served.rawPayload).metadata()).width, 512);
    assert.equal(await reencodeStoredLogos(t.database.db, t.app.config.dataDir), 0, "once only");
    assert.deepEqual(onDisk(), [], "the disk files are removed");

    // A WebP stored as uploaded (large, with EXIF) is stored again as well.
    const raw = await sharp({
      create: { width: 2000, height: 1000, channels: 3, background: "#0a0" },
    })
      .webp()
      .withExif({ IFD0: { Make: "Phone" } })
      .toBuffer();
    writeFileSync(path.join(dir, "logo-1733000000003.webp"), raw);
    await t.database.db
      .update(tambons)
      .set({ logoPath: "/t/ko-kha/uploads/logo-1733000000003.webp" })
      .where(eq(tambons.id, tambonId));
    assert.equal(await reencodeStoredLogos(t.database.db, t.app.config.dataDir), 1);
    const again = await sharp((await t.app.inject((await logoPath())!)).rawPayload).metadata();
    assert.deepEqual([again.width, again.height, again.exif], [512, 256, undefined]);
    assert.deepEqual(onDisk(), []);
  });
});
