import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import Fastify, { type FastifyInstance } from "fastify";
import sharp from "sharp";
import {
  bodyAllowance,
  checkImage,
  readUploads,
  reencodeImage,
  registerUploads,
  uploadError,
  uploadRoute,
} from "./uploads.ts";
import { GPS_TAG, exifTags, hugePng, phoneJpeg } from "../../test/helpers/images.ts";

/** Encodes fields and files as multipart/form-data. */
function form(
  fields: Record<string, string>,
  files: { name: string; filename: string; data: Buffer }[],
) {
  const boundary = "----uploadtest";
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  for (const f of files)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
      ),
      f.data,
      Buffer.from("\r\n"),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const photos = (n: number, bytes: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: "photos",
    filename: `p${i}.jpg`,
    data: Buffer.alloc(bytes, i + 1),
  }));

describe("uploads are limited while they stream in", () => {
  let app: FastifyInstance;
  let handled = 0;
  before(async () => {
    app = Fastify();
    await registerUploads(app);
    app.post("/two", uploadRoute({ files: 2, fileBytes: 1000, fields: 5 }), async (req) => {
      handled++;
      const got = readUploads(req, "photos");
      return {
        files: got.files.map((f) => [f.filename, f.data.length, f.truncated]),
        tooMany: got.tooMany,
        error: uploadError(req, got),
      };
    });
    app.post("/none", async () => {
      handled++;
      return { ok: true };
    });
    await app.ready();
  });
  after(() => app.close());

  const post = (url: string, payload: Buffer | Readable, contentType: string) =>
    app.inject({ method: "POST", url, headers: { "content-type": contentType }, payload });

  test("files within the declaration are read", async () => {
    const f = form({ title: "x" }, photos(2, 1000));
    const res = await post("/two", f.body, f.contentType);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      files: [
        ["p0.jpg", 1000, false],
        ["p1.jpg", 1000, false],
      ],
      tooMany: false,
      error: null,
    });
  });

  test("a file over the size is cut one byte past it and named in a field error", async () => {
    const f = form({}, [{ name: "photos", filename: "big.jpg", data: Buffer.alloc(900_000, 1) }]);
    const res = await post("/two", Readable.from([f.body]), f.contentType);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(body.files, [["big.jpg", 1001, true]]);
    assert.deepEqual(body.error, { key: "upload.tooBig", vars: { name: "big.jpg", max: 0 } });
  });

  test("files beyond the number are not read and are reported next to the field", async () => {
    const f = form({}, photos(4, 10));
    const res = await post("/two", Readable.from([f.body]), f.contentType);
    const body = res.json();
    assert.equal(body.files.length, 2);
    assert.equal(body.tooMany, true);
    assert.deepEqual(body.error, { key: "upload.tooMany", vars: { max: 2 } });
  });

  test("a body declared larger than the route takes is refused before the route runs", async () => {
    const big = form({}, photos(2, 600_000));
    assert.ok(big.body.length > bodyAllowance({ files: 2, fileBytes: 1000 }));
    const before = handled;
    const res = await post("/two", big.body, big.contentType);
    assert.equal(res.statusCode, 413);
    assert.equal(handled, before);
  });

  test("a flood of files sent without a length is cut off with a 413", async () => {
    const f = form({}, photos(40, 100));
    const before = handled;
    const res = await post("/two", Readable.from([f.body]), f.contentType);
    assert.equal(res.statusCode, 413);
    assert.equal(handled, before);
  });

  test("too many text fields are refused", async () => {
    const fields = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, "x"]));
    const f = form(fields, []);
    const res = await post("/two", Readable.from([f.body]), f.contentType);
    assert.equal(res.statusCode, 413);
  });

  test("a route that declares no upload takes a multipart form without files, and no file", async () => {
    const plain = form({ a: "1" }, []);
    assert.equal((await post("/none", plain.body, plain.contentType)).statusCode, 200);
    const withFile = form({ a: "1" }, photos(1, 10));
    assert.equal(
      (await post("/none", Readable.from([withFile.body]), withFile.contentType)).statusCode,
      413,
    );
  });
});

describe("every uploaded image is re-encoded the same way", () => {
  test("a phone photo is turned upright and loses its EXIF and GPS position", async () => {
    const input = await phoneJpeg();
    const inMeta = await sharp(input).metadata();
    assert.equal(inMeta.orientation, 6);
    assert.ok(exifTags(inMeta.exif!).has(GPS_TAG), "with a GPS position");
    const r = await reencodeImage(input, { variants: { thumb: { width: 100 } } });
    assert.ok(r.ok);
    assert.equal(r.image.format, "jpeg");
    assert.deepEqual([r.image.width, r.image.height], [300, 400], "orientation applied");
    const meta = await sharp(r.image.data).metadata();
    assert.equal(meta.exif, undefined);
    assert.equal(meta.xmp, undefined);
    assert.equal(meta.orientation, undefined);
    const thumb = await sharp(r.image.variants.thumb).metadata();
    assert.deepEqual(
      [thumb.format, thumb.width, thumb.height, thumb.exif],
      ["webp", 75, 100, undefined],
    );
  });

  test("PNG and WebP uploads are stored as WebP, bounded to the longest side", async () => {
    const png = await sharp({
      create: {
        width: 3000,
        height: 1000,
        channels: 4,
        background: { r: 0, g: 0, b: 0, alpha: 0 },
      },
    })
      .png()
      .toBuffer();
    const r = await reencodeImage(png, { maxWidth: 600 });
    assert.ok(r.ok);
    assert.deepEqual([r.image.format, r.image.mime, r.image.ext], ["webp", "image/webp", "webp"]);
    assert.deepEqual([r.image.width, r.image.height], [600, 200]);
    assert.equal((await sharp(r.image.data).metadata()).hasAlpha, true, "transparency kept");
    const small = await reencodeImage(png, { maxWidth: 6000, format: "jpeg" });
    assert.ok(small.ok);
    assert.deepEqual([small.image.format, small.image.width], ["jpeg", 3000], "never enlarged");
  });

  test("an image of too many pixels is refused from its header, before it is decoded", async () => {
    const png = hugePng(20000, 20000);
    assert.ok(png.length < 1024 * 1024, `a small file (${png.length} bytes)`);
    const r = await reencodeImage(png, { maxPixels: 25_000_000 });
    assert.deepEqual(r, { ok: false, reason: "tooManyPixels" });
  });

  test("bytes that are not an image of an accepted format are refused", async () => {
    assert.deepEqual(await reencodeImage(Buffer.from("%PDF-1.7 ...")), {
      ok: false,
      reason: "notImage",
    });
    assert.deepEqual(await reencodeImage(Buffer.alloc(0)), { ok: false, reason: "notImage" });
    const truncated = (await phoneJpeg()).subarray(0, 200);
    assert.equal((await reencodeImage(truncated)).ok, false);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    assert.deepEqual(
      await reencodeImage(svg),
      { ok: false, reason: "notImage" },
      "SVG not taken by default",
    );
  });

  test("an SVG is drawn into pixels at a bounded size, whatever it contains", async () => {
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><rect width="20" height="10" fill="#c00"/></a></svg>`,
    );
    const r = await reencodeImage(svg, { accept: ["png", "svg"], maxWidth: 256 });
    assert.ok(r.ok);
    assert.equal(r.image.source, "svg");
    assert.deepEqual([r.image.format, r.image.width, r.image.height], ["webp", 256, 128]);
    assert.equal(checkImage(r.image.data), "webp");
    assert.ok(!r.image.data.includes("script"));
    const huge = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="200000" height="100000"><rect width="100%" height="100%"/></svg>',
    );
    const h = await reencodeImage(huge, { accept: ["svg"], maxWidth: 512 });
    assert.ok(h.ok);
    assert.deepEqual([h.image.width, h.image.height], [512, 256]);
  });
});

test("raster images are recognised by their bytes, not their names", () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  assert.equal(checkImage(png), "png");
  assert.equal(checkImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])), "jpg");
  assert.equal(checkImage(Buffer.from("RIFF\0\0\0\0WEBPVP8 ")), "webp");
  assert.equal(checkImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')), null);
  assert.equal(checkImage(Buffer.from("%PDF-1.7")), null);
});
