import { describe, test, before, after } from "node:test";
import { randomBytes } from "node:crypto";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { multipart } from "../helpers/charter-fixtures.ts";
import { tambons } from "../../src/core/db/schema.ts";
import {
  charterEditions,
  charterPhotos,
  charterSignatories,
} from "../../src/modules/charter/schema.ts";

/** A photo as a phone takes it: a few megabytes of detail. */
async function phonePhoto(width: number, height: number): Promise<Buffer> {
  const pixels = randomBytes(width * height * 3);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 100, chromaSubsampling: "4:4:4" })
    .toBuffer();
}

for (const kind of DB_KINDS) {
  describe(`the working group records signatories with photos from a phone on ${kind}`, () => {
    let t: TestApp;
    let wg: Client;
    let editionId = 0;
    const base = () => `/t/la-ngu/admin/charter-editions/${editionId}`;

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      const [e] = await t.database.db
        .select()
        .from(charterEditions)
        .where(and(eq(charterEditions.tambonId, tb!.id), eq(charterEditions.status, "adopted")));
      editionId = e!.id;
      wg = await Client.as(t.app, "langu-wg");
    });
    after(async () => {
      await t?.close();
    });

    const upload = async (
      path: string,
      fields: Record<string, string>,
      file: Parameters<typeof multipart>[1],
    ) => {
      const csrf = await wg.csrf(base());
      const body = multipart({ _csrf: csrf, ...fields }, file);
      return t.app.inject({
        method: "POST",
        url: path,
        remoteAddress: wg.ip,
        headers: {
          cookie: [...wg.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
          "content-type": body.contentType,
        },
        payload: body.payload,
      });
    };

    test("a 3 MB phone photo of the signed page and of the ceremony is accepted", async () => {
      const photo = await phonePhoto(1200, 900);
      assert.ok(photo.length > 2.5 * 1024 * 1024, `a photo of ${photo.length} bytes`);
      const signed = await upload(
        `${base()}/signatories`,
        { kind: "pillar", pillar: "ท้องที่", name: "นายสมชาย ภาพใหญ่", position: "กำนัน" },
        { field: "scan", filename: "IMG_0001.jpg", type: "image/jpeg", data: photo },
      );
      assert.equal(signed.statusCode, 303);
      const [s] = await t.database.db
        .select()
        .from(charterSignatories)
        .where(eq(charterSignatories.name, "นายสมชาย ภาพใหญ่"));
      assert.deepEqual([s!.scanWidth, s!.scanHeight, s!.scanMime], [1200, 900, "image/jpeg"]);
      const ceremony = await upload(
        `${base()}/photos`,
        { caption: "ผู้แทนทุกภาคส่วนลงนาม" },
        { field: "photo", filename: "IMG_0002.jpg", type: "image/jpeg", data: photo },
      );
      assert.equal(ceremony.statusCode, 303);
      const photos = await t.database.db
        .select()
        .from(charterPhotos)
        .where(eq(charterPhotos.caption, "ผู้แทนทุกภาคส่วนลงนาม"));
      assert.equal(photos.length, 1);
    });

    test("a file over the limit is refused next to its field, in Thai or English, keeping what was typed", async () => {
      const huge = Buffer.concat([await phonePhoto(200, 200), Buffer.alloc(16 * 1024 * 1024)]);
      const signed = await upload(
        `${base()}/signatories`,
        { kind: "pillar", pillar: "ท้องถิ่น", name: "นางสาวพิมพ์ ไฟล์ใหญ่", position: "ปลัด อบต." },
        { field: "scan", filename: "huge.jpg", type: "image/jpeg", data: huge },
      );
      assert.equal(signed.statusCode, 422);
      assert.match(signed.body, /<p class="error" id="f-sign-scan-err">ไฟล์ huge\.jpg ใหญ่เกิน 15 MB/);
      assert.match(signed.body, /value="นางสาวพิมพ์ ไฟล์ใหญ่"/);
      assert.match(signed.body, /value="ปลัด อบต\."/);
      const none = await t.database.db
        .select()
        .from(charterSignatories)
        .where(eq(charterSignatories.name, "นางสาวพิมพ์ ไฟล์ใหญ่"));
      assert.equal(none.length, 0);

      wg.cookies.set("tlang", "en");
      const photo = await upload(
        `${base()}/photos`,
        { caption: "Too big to keep" },
        { field: "photo", filename: "huge.jpg", type: "image/jpeg", data: huge },
      );
      wg.cookies.delete("tlang");
      assert.equal(photo.statusCode, 422);
      assert.match(
        photo.body,
        /<p class="error" id="f-photo-photo-err">huge\.jpg is larger than 15 MB/,
      );
      assert.match(photo.body, /value="Too big to keep"/);
    });

    test("a file that is not a photo is refused next to its field with the photo rule, not the logo's", async () => {
      const signed = await upload(
        `${base()}/signatories`,
        { kind: "pillar", pillar: "ท้องถิ่น", name: "นายไฟล์ ไม่ใช่ภาพ", position: "ปลัด อบต." },
        {
          field: "scan",
          filename: "scan.jpg",
          type: "image/jpeg",
          data: Buffer.from("%PDF-1.4 not a photo"),
        },
      );
      assert.equal(signed.statusCode, 422);
      assert.match(
        signed.body,
        /<p class="error" id="f-sign-scan-err">ไฟล์ต้องเป็นภาพถ่าย JPG, PNG หรือ WebP/,
      );
      assert.doesNotMatch(signed.body, /โลโก้/);
      assert.match(signed.body, /value="นายไฟล์ ไม่ใช่ภาพ"/);
    });
  });
}
