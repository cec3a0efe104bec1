import { describe, test, after } from "node:test";
import assert from "node:assert/strict";
import {
  cpSync,
  realpathSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { migrate } from "drizzle-orm/pglite/migrator";
import { createApp } from "../../src/app.ts";
import { migrateDatabase, migrationsFolder, openDatabase } from "../../src/core/db/index.ts";
import { storedFiles, tambons } from "../../src/core/db/schema.ts";
import { getFile } from "../../src/core/file-store.ts";
import { meetingFiles } from "../../src/modules/groups/schema.ts";
import { reencodeStoredPhotos } from "../../src/modules/groups/public.ts";
import { Client, startTestApp, testConfig, type TestApp } from "../helpers/app.ts";
import { GPS_TAG, exifTags, phoneJpeg } from "../helpers/images.ts";

/** Every file under a folder (relative paths), or none when it does not exist. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** True when an image carries EXIF with a GPS position. */
async function hasGps(data: Buffer): Promise<boolean> {
  const exif = (await sharp(data).metadata()).exif;
  return !!exif && exifTags(exif).has(GPS_TAG);
}

describe("files kept on disk before the file store are moved into it at start", () => {
  let t: TestApp;
  after(async () => {
    await t?.close();
  });

  test("site photos, a complaint photo, a document and a partner logo are served from the store, stripped, and gone from disk", async () => {
    t = await startTestApp("pglite", { demo: true });
    const db = t.database.db;
    const [tb] = await db.select().from(tambons).where(eq(tambons.slug, "lom-raet"));
    const id = tb!.id;
    const data = t.app.config.dataDir;
    // As an installation before the store kept them: a photo with its GPS position, its sizes, the
    // raw original, a complaint's photo, a PDF and a partner's logo.
    const phone = await phoneJpeg(800, 600, 6);
    assert.ok(await hasGps(phone));
    const key = "0123456789abcdef";
    const site = path.join(data, "site", String(id));
    mkdirSync(path.join(site, "private"), { recursive: true });
    mkdirSync(path.join(site, "originals"), { recursive: true });
    writeFileSync(path.join(site, `${key}.jpg`), phone);
    writeFileSync(
      path.join(site, `${key}-t.webp`),
      await sharp(phone).resize(120).webp().withMetadata().toBuffer(),
    );
    writeFileSync(path.join(site, `${key}-l.webp`), await sharp(phone).webp().toBuffer());
    writeFileSync(path.join(site, "originals", `${key}.jpg`), phone);
    writeFileSync(path.join(site, "private", "fedcba9876543210.jpg"), phone);
    writeFileSync(path.join(site, "aaaaaaaaaaaaaaaa.pdf"), Buffer.from("%PDF-1.4 old"));
    const network = path.join(data, "uploads", String(id), "network");
    mkdirSync(network, { recursive: true });
    writeFileSync(
      path.join(network, "partner-00000000000000aa.webp"),
      await sharp(phone).webp().withMetadata().toBuffer(),
    );

    // The server starts again on the same data dir and database.
    const app = await createApp({ ...testConfig(), dataDir: data }, t.database);
    await app.ready();
    try {
      assert.deepEqual(filesUnder(site), [], "the site's disk files are gone");
      assert.deepEqual(filesUnder(network), [], "the network's disk files are gone");
      const full = await app.inject(`/t/lom-raet/uploads/site/${key}.jpg`);
      assert.equal(full.statusCode, 200);
      const meta = await sharp(full.rawPayload).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ["jpeg", 600, 800], "upright");
      assert.equal(meta.exif, undefined, "no EXIF, so no GPS position");
      for (const size of ["-t", "-l"]) {
        const r = await app.inject(`/t/lom-raet/uploads/site/${key}${size}.webp`);
        assert.equal(r.statusCode, 200);
        assert.equal((await sharp(r.rawPayload).metadata()).exif, undefined);
      }
      const pdf = await app.inject("/t/lom-raet/uploads/site/aaaaaaaaaaaaaaaa.pdf");
      assert.equal(pdf.rawPayload.toString(), "%PDF-1.4 old");
      assert.match(String(pdf.headers["content-disposition"]), /^attachment/);
      const logo = await getFile(
        db,
        id,
        (
          await db
            .select({ id: storedFiles.id })
            .from(storedFiles)
            .where(
              and(
                eq(storedFiles.tambonId, id),
                eq(storedFiles.key, "network/partner-00000000000000aa.webp"),
              ),
            )
        )[0]!.id,
      );
      assert.equal((await sharp(Buffer.from(logo!.data)).metadata()).exif, undefined);
      const complaint = await db
        .select({ data: storedFiles.data })
        .from(storedFiles)
        .where(eq(storedFiles.key, "site/private/fedcba9876543210.jpg"));
      assert.equal(complaint.length, 1);
      assert.ok(!(await hasGps(Buffer.from(complaint[0]!.data))));
      assert.equal(
        (await app.inject("/t/lom-raet/uploads/site/fedcba9876543210.jpg")).statusCode,
        404,
        "a complaint's photo is never published",
      );

      // Safe to run again: nothing more is stored.
      const count = async () =>
        (await db.select({ n: sql<number>`count(*)::int` }).from(storedFiles))[0]!.n;
      const before = await count();
      const again = await createApp({ ...testConfig(), dataDir: data }, t.database);
      await again.ready();
      await again.close();
      assert.equal(await count(), before);
    } finally {
      await app.close();
    }
  });
});

describe("files kept in module tables are moved into the store by the migration", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-migrate-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("a meeting photo kept as bytea is served from the store and stripped of its GPS", async () => {
    // The migrations before the store: meeting files still carry their bytes.
    const before = path.join(dir, "drizzle");
    // A copy of the files (the folder may be a link, as in the compiled copy the runner uses):
    // the journal cut below must never be the project's own.
    cpSync(realpathSync(migrationsFolder), before, { recursive: true, dereference: true });
    const journalPath = path.join(before, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as {
      entries: { tag: string }[];
    };
    const upTo = journal.entries.findIndex((e) => e.tag === "0011_files-in-the-store");
    assert.ok(upTo > 0);
    journal.entries = journal.entries.slice(0, upTo);
    writeFileSync(journalPath, JSON.stringify(journal));
    const database = await openDatabase({ memory: true });
    try {
      await migrate(database.db as never, { migrationsFolder: before });
      const phone = await phoneJpeg(640, 480, 6);
      /** The id of the row an INSERT … RETURNING id made (PGlite's result). */
      const insert = async (q: SQL) =>
        ((await database.db.execute(q)) as unknown as { rows: { id: number }[] }).rows[0]!;
      const tb = await insert(
        sql`
        INSERT INTO tambons (slug, dopa_code, name_th, name_en, district_th, district_en, province_th, province_en, kind)
        VALUES ('old', '909090', 'เก่า', 'Old', 'อ', 'D', 'จ', 'P', 'sao') RETURNING id`,
      );
      const meeting = await insert(
        sql`
        INSERT INTO meetings (tambon_id, kind, step, title_th, starts_at, signin_code)
        VALUES (${tb!.id}, 'assembly', 1, 'ประชุม', now(), '1234') RETURNING id`,
      );
      const file = await insert(
        sql`
        INSERT INTO meeting_files (tambon_id, meeting_id, kind, name, mime, bytes, width, height, data)
        VALUES (${tb!.id}, ${meeting!.id}, 'photo', 'phone.jpg', 'image/jpeg', ${phone.length}, 480, 640, ${phone})
        RETURNING id`,
      );

      const config = testConfig();
      // The server starts: the remaining migrations run, then the meeting photos are stripped.
      await migrateDatabase(database);
      const [row] = await database.db
        .select()
        .from(meetingFiles)
        .where(eq(meetingFiles.id, file!.id));
      const moved = await getFile(database.db, tb!.id, row!.fileId);
      assert.ok(moved, "the bytes are a stored file of the same tambon");
      assert.ok(Buffer.from(moved.data).equals(phone), "moved as they were");
      assert.equal(moved.byteSize, phone.length);
      assert.equal(moved.kind, "meeting.photo");
      assert.equal(await reencodeStoredPhotos(database.db), 1);
      const app = await createApp(config, database);
      await app.ready();
      try {
        const served = await new Client(app).get(`/t/old/meeting-files/${file!.id}`);
        assert.equal(served.statusCode, 200);
        const meta = await sharp(served.rawPayload).metadata();
        assert.deepEqual([meta.format, meta.width, meta.height], ["jpeg", 480, 640]);
        assert.equal(meta.exif, undefined, "no EXIF, so no GPS position");
      } finally {
        await app.close();
        rmSync(config.dataDir, { recursive: true, force: true });
      }
    } finally {
      await database.close();
    }
  });
});
