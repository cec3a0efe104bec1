import { test } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { processImage } from "./images.ts";

/** A phone photo: a JPEG taken sideways, with the camera's GPS position in its EXIF. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 200, channels: 3, background: "#c0d8a0" } })
    .withExif({
      IFD0: { Make: "PhoneMaker", Model: "Phone 12" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "6/1 52/1 4800/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "99/1 46/1 3000/100",
      },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

/** True when EXIF holds a GPS section (tag 0x8825, in either byte order). */
const hasGps = (exif: Buffer) =>
  exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));

test("a signatory scan or ceremony photo keeps no EXIF or GPS position, and is stored upright", async () => {
  const original = await phonePhoto();
  const before = await sharp(original).metadata();
  assert.ok(before.exif, "the test photo carries EXIF");
  assert.match(before.exif.toString("latin1"), /PhoneMaker/);
  assert.ok(hasGps(before.exif), "the test photo carries a GPS position");
  assert.equal(before.orientation, 6);
  const image = await processImage(original);
  assert.ok(image);
  const after = await sharp(image.data).metadata();
  assert.equal(after.exif, undefined, "no EXIF left");
  assert.equal(after.orientation, undefined);
  assert.doesNotMatch(image.data.toString("latin1"), /PhoneMaker|Phone 12|Exif/);
  assert.equal(image.mime, "image/jpeg");
  assert.deepEqual([image.width, image.height, after.width, after.height], [200, 300, 200, 300]);
  assert.equal(image.bytes, image.data.length);
  assert.equal((await sharp(image.thumb).metadata()).format, "webp");
});

test("a PNG becomes a WebP without its metadata; other bytes are refused", async () => {
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#fff" } })
    .withMetadata({ exif: { IFD0: { Copyright: "Somebody" } } })
    .png()
    .toBuffer();
  const image = await processImage(png);
  assert.ok(image);
  assert.ok((await sharp(png).metadata()).exif, "the upload carries EXIF");
  assert.equal(image.mime, "image/webp");
  const after = await sharp(image.data).metadata();
  assert.equal(after.format, "webp");
  assert.equal(after.exif, undefined);
  assert.equal(await processImage(Buffer.from("not an image")), null);
  assert.equal(await processImage(Buffer.alloc(0)), null);
});
