import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import sharp from "sharp";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../../test/helpers/db.ts";
import { phoneJpeg } from "../../test/helpers/images.ts";
import { tambons } from "./db/schema.ts";
import {
  cleanFileName,
  deleteFile,
  getFile,
  getFileByKey,
  putFile,
  putImage,
  serveFile,
} from "./file-store.ts";
import { reencodeImage } from "./uploads.ts";

test("a kept file name is the last part of a path, without what could break a header", () => {
  assert.equal(cleanFileName("C:\\photos\\..\\งาน ๑.jpg"), "งาน ๑.jpg");
  assert.equal(cleanFileName('a"b\r\n<c>.pdf'), "abc.pdf");
  assert.equal(cleanFileName("../../etc/passwd"), "passwd");
  assert.equal(cleanFileName(".hidden"), "hidden");
  assert.equal(cleanFileName("", "scan.jpg"), "scan.jpg");
  const long = cleanFileName("ก".repeat(300) + ".xlsx");
  assert.equal(long.length, 120);
  assert.ok(long.endsWith(".xlsx"));
});

for (const kind of DB_KINDS) {
  describe(`the file store keeps each tambon's files apart (${kind})`, () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let one = 0;
    let two = 0;

    before(async () => {
      db = await openTestDatabase(kind);
      const place = (slug: string, code: string) => ({
        slug,
        dopaCode: code,
        nameTh: slug,
        nameEn: slug,
        districtTh: "อำเภอ",
        districtEn: "District",
        provinceTh: "จังหวัด",
        provinceEn: "Province",
        kind: "sao" as const,
      });
      const rows = await db.db
        .insert(tambons)
        .values([place("one", "900001"), place("two", "900002")])
        .returning({ id: tambons.id });
      one = rows[0]!.id;
      two = rows[1]!.id;
      app = Fastify();
      app.get<{ Params: { tambon: string; id: string }; Querystring: { private?: string } }>(
        "/:tambon/files/:id",
        async (req, reply) => {
          const file = await getFile(db.db, Number(req.params.tambon), Number(req.params.id));
          if (!file) return reply.code(404).send("not found");
          return serveFile(reply, req, file, {
            visibility: req.query.private ? "private" : "public",
          });
        },
      );
      await app.ready();
    });
    after(async () => {
      await app?.close();
      await db?.drop();
    });

    test("a file is read back whole, with its hash, by its own tambon only", async () => {
      const data = Buffer.from("%PDF-1.4 รายงานการประชุม");
      const ref = await putFile(db.db, {
        tambonId: one,
        kind: "site.document",
        contentType: "application/pdf",
        data,
        name: "../รายงาน.pdf",
      });
      assert.equal(ref.sha256, createHash("sha256").update(data).digest("hex"));
      const got = await getFile(db.db, one, ref.id);
      assert.ok(got);
      assert.deepEqual(Buffer.from(got.data), data);
      assert.equal(got.byteSize, data.length);
      assert.equal(got.name, "รายงาน.pdf");
      assert.equal(got.kind, "site.document");
      assert.equal(await getFile(db.db, two, ref.id), undefined, "another tambon does not see it");

      await deleteFile(db.db, two, ref.id);
      assert.ok(await getFile(db.db, one, ref.id), "another tambon cannot remove it");
      await deleteFile(db.db, one, ref.id);
      assert.equal(await getFile(db.db, one, ref.id), undefined);
    });

    test("a key names a file within its tambon; the same key may serve another tambon", async () => {
      const a = await putFile(db.db, {
        tambonId: one,
        kind: "network.logo",
        contentType: "image/webp",
        data: Buffer.from("one"),
        key: "partner-0123456789abcdef.webp",
      });
      await putFile(db.db, {
        tambonId: two,
        kind: "network.logo",
        contentType: "image/webp",
        data: Buffer.from("two"),
        key: "partner-0123456789abcdef.webp",
      });
      const got = await getFileByKey(db.db, one, "partner-0123456789abcdef.webp");
      assert.equal(got?.id, a.id);
      assert.equal(Buffer.from(got!.data).toString(), "one");
      await assert.rejects(
        putFile(db.db, {
          tambonId: one,
          kind: "network.logo",
          contentType: "image/webp",
          data: Buffer.from("again"),
          key: "partner-0123456789abcdef.webp",
        }),
        "a key is unique in its tambon",
      );
    });

    test("an image from the pipeline is kept with its sizes, and no metadata", async () => {
      const r = await reencodeImage(await phoneJpeg(800, 600), {
        variants: { thumb: { width: 100 }, large: { width: 400 } },
      });
      assert.ok(r.ok);
      const stored = await putImage(db.db, r.image, {
        tambonId: one,
        kind: "site.photo",
        name: "IMG_0001.jpg",
        key: (size) => `abc${size ? `-${size}` : ""}.jpg`,
      });
      const thumb = await getFile(db.db, one, stored.variants.thumb.id);
      assert.equal(thumb?.kind, "site.photo.thumb");
      assert.equal(thumb?.contentType, "image/webp");
      assert.equal(thumb?.key, "abc-thumb.jpg");
      const main = await getFile(db.db, one, stored.main.id);
      const meta = await sharp(Buffer.from(main!.data)).metadata();
      assert.equal(meta.format, "jpeg");
      assert.equal(meta.exif, undefined);
      assert.equal(meta.width, 600, "turned upright");
      const small = await sharp(Buffer.from(thumb!.data)).metadata();
      assert.equal(Math.max(small.width!, small.height!), 100);
    });

    test("serveFile sends type, length, hash and caching; 304 when the browser has it", async () => {
      const png = await sharp({
        create: { width: 4, height: 4, channels: 3, background: "#000" },
      })
        .png()
        .toBuffer();
      const img = await putFile(db.db, {
        tambonId: one,
        kind: "site.photo",
        contentType: "image/png",
        data: png,
        name: "ภาพ.png",
      });
      const res = await app.inject({ url: `/${one}/files/${img.id}` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers["content-type"], "image/png");
      assert.equal(res.headers["content-length"], String(png.length));
      assert.equal(res.headers.etag, `"${img.sha256}"`);
      assert.equal(res.headers["x-content-type-options"], "nosniff");
      assert.equal(res.headers["cache-control"], "public, max-age=31536000, immutable");
      assert.match(String(res.headers["content-disposition"]), /^inline; /);
      assert.deepEqual(res.rawPayload, png);

      const again = await app.inject({
        url: `/${one}/files/${img.id}`,
        headers: { "if-none-match": `W/"x", "${img.sha256}"` },
      });
      assert.equal(again.statusCode, 304);
      assert.equal(again.rawPayload.length, 0);
      const changed = await app.inject({
        url: `/${one}/files/${img.id}`,
        headers: { "if-none-match": `"${"0".repeat(64)}"` },
      });
      assert.equal(changed.statusCode, 200);

      const other = await app.inject({ url: `/${two}/files/${img.id}` });
      assert.equal(other.statusCode, 404, "another tambon's id is not found");
    });

    test("a document is saved, never shown; a private file is asked for every time", async () => {
      const doc = await putFile(db.db, {
        tambonId: one,
        kind: "meeting.document",
        contentType: "application/pdf",
        data: Buffer.from("%PDF-1.4"),
        name: "บันทึก.pdf",
      });
      const res = await app.inject({ url: `/${one}/files/${doc.id}?private=1` });
      assert.equal(res.statusCode, 200);
      assert.match(
        String(res.headers["content-disposition"]),
        /^attachment; filename="______\.pdf"; filename\*=UTF-8''/,
      );
      assert.equal(res.headers["cache-control"], "private, no-cache");
      assert.match(String(res.headers["content-security-policy"]), /sandbox/);
    });
  });
}
