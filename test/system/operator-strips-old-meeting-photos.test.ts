import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { GPS_TAG, exifTags, phoneJpeg } from "../helpers/images.ts";
import { auditLog, tambons } from "../../src/core/db/schema.ts";
import { meetingFiles, meetings } from "../../src/modules/groups/schema.ts";
import { reencodeStoredPhotos } from "../../src/modules/groups/files/commands.ts";
import { getFile, putFile } from "../../src/core/file-store.ts";

for (const kind of DB_KINDS) {
  describe(`meeting photos stored before uploads were stripped (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, { demo: true });
    });
    after(async () => {
      await t?.close();
    });

    test("tambon reencode-images strips their EXIF and GPS once, and leaves clean photos alone", async () => {
      const db = t.database.db;
      const [tb] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      const [meeting] = await db
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.tambonId, tb!.id), eq(meetings.isPublic, true)))
        .limit(1);
      // As the upload stored it before: the phone's bytes, EXIF and GPS included.
      const raw = await phoneJpeg(640, 480, 6);
      assert.ok(exifTags((await sharp(raw).metadata()).exif!).has(GPS_TAG));
      const rawFile = await putFile(db, {
        tambonId: tb!.id,
        kind: "meeting.photo",
        contentType: "image/jpeg",
        data: raw,
        name: "phone.jpg",
      });
      const [old] = await db
        .insert(meetingFiles)
        .values({
          tambonId: tb!.id,
          meetingId: meeting!.id,
          kind: "photo",
          name: "phone.jpg",
          mime: "image/jpeg",
          bytes: raw.length,
          width: 480,
          height: 640,
          fileId: rawFile.id,
          thumbFileId: null,
        })
        .returning({ id: meetingFiles.id });
      const clean = await db
        .select({
          id: meetingFiles.id,
          tambonId: meetingFiles.tambonId,
          fileId: meetingFiles.fileId,
        })
        .from(meetingFiles)
        .where(eq(meetingFiles.kind, "photo"));
      const untouched = new Map(clean.filter((r) => r.id !== old!.id).map((r) => [r.id, r.fileId]));

      assert.equal(await reencodeStoredPhotos(db), 1);
      const [row] = await db.select().from(meetingFiles).where(eq(meetingFiles.id, old!.id));
      const main = await getFile(db, tb!.id, row!.fileId);
      const meta = await sharp(Buffer.from(main!.data)).metadata();
      assert.equal(meta.exif, undefined, "no EXIF, and so no GPS position, is kept");
      assert.deepEqual([meta.format, meta.width, meta.height], ["jpeg", 480, 640]);
      assert.equal(row!.bytes, main!.byteSize);
      const thumb = await getFile(db, tb!.id, row!.thumbFileId!);
      assert.equal((await sharp(Buffer.from(thumb!.data)).metadata()).format, "webp");
      assert.equal(await getFile(db, tb!.id, rawFile.id), undefined, "the phone's bytes are gone");
      // What visitors download is the re-encoded photo: no EXIF, so no GPS position.
      const served = await new Client(t.app).get(`/t/la-ngu/meeting-files/${old!.id}`);
      assert.equal(served.statusCode, 200);
      const servedMeta = await sharp(served.rawPayload).metadata();
      assert.equal(servedMeta.exif, undefined, "no EXIF, and so no GPS position, is served");
      assert.ok(!served.rawPayload.equals(raw), "the phone's bytes are never served");
      for (const [id, before] of untouched) {
        const [now] = await db
          .select({ fileId: meetingFiles.fileId })
          .from(meetingFiles)
          .where(eq(meetingFiles.id, id));
        assert.equal(now!.fileId, before, `photo ${id} had no metadata to remove`);
      }
      const audited = await db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, "meeting.file.reencode"), eq(auditLog.targetId, String(old!.id))),
        );
      assert.equal(audited.length, 1);

      assert.equal(await reencodeStoredPhotos(db), 0, "safe to run twice");
    });
  });
}
