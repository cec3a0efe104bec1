import { test } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { UPLOAD_NAME, isPdf, newFileName, prepareImage, thumbName } from "./uploads.ts";

test("a PDF is recognised by its first bytes, not its name", () => {
  assert.equal(isPdf(Buffer.from("%PDF-1.7\n...")), true);
  assert.equal(isPdf(Buffer.from("<html>%PDF-")), false);
  assert.equal(isPdf(Buffer.alloc(0)), false);
});

test("stored names are random and only of the expected shapes", () => {
  const a = newFileName("partner", "webp");
  assert.match(a, UPLOAD_NAME);
  assert.notEqual(a, newFileName("partner", "webp"));
  assert.match(thumbName(newFileName("centre", "webp")), UPLOAD_NAME);
  assert.doesNotMatch("../etc/passwd", UPLOAD_NAME);
  assert.doesNotMatch("partner-0123456789abcdef.svg", UPLOAD_NAME);
});

test("an uploaded photo is re-encoded to WebP, resized, with its metadata dropped", async () => {
  const jpg = await sharp({
    create: { width: 3000, height: 1500, channels: 3, background: "#3a7" },
  })
    .withMetadata({ exif: { IFD0: { Copyright: "GPS-SECRET" } } })
    .jpeg()
    .toBuffer();
  const img = await prepareImage({ buf: jpg, truncated: false }, 1600, 480);
  assert.ok(img);
  assert.deepEqual([img.width, img.height], [1600, 800]);
  const meta = await sharp(img.main).metadata();
  assert.equal(meta.format, "webp");
  assert.equal(meta.exif, undefined);
  assert.ok(!img.main.includes(Buffer.from("GPS-SECRET")));
  assert.equal((await sharp(img.thumb!).metadata()).width, 480);
});

test("what is not an image, or was cut at the size limit, is refused", async () => {
  assert.equal(
    await prepareImage({ buf: Buffer.from("<?php echo 1;"), truncated: false }, 512),
    null,
  );
  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } })
    .png()
    .toBuffer();
  assert.equal(await prepareImage({ buf: png, truncated: true }, 512), null);
  assert.ok(await prepareImage({ buf: png, truncated: false }, 512));
});
