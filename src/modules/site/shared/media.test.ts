import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { documentKind, storePhoto, storePrivatePhoto } from "./media.ts";
import { demoPdf } from "./demo-files.ts";

const upload = (data: Buffer, filename = "x") => ({ filename, data, truncated: false });

test("photos are recognised by what sharp reads, not by their name", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-media-"));
  const avif = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#123" } })
    .avif()
    .toBuffer();
  const ok = await storePhoto(dir, 7, upload(avif, "photo.jpg"));
  assert.ok(ok.ok && ok.value.width === 64 && ok.value.ext === "webp");
  assert.deepEqual(readdirSync(path.join(dir, "site", "7")).sort(), [
    `${ok.value.file}-l.webp`,
    `${ok.value.file}-t.webp`,
    `${ok.value.file}.webp`,
  ]);
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  const notPhoto = await storePhoto(dir, 7, upload(svg, "a.jpg"));
  assert.ok(!notPhoto.ok && notPhoto.errors.photos!.key === "err.notImage", "SVG is not a photo");
  const r = await storePhoto(dir, 7, {
    filename: "big.jpg",
    data: Buffer.alloc(10),
    truncated: true,
  });
  assert.ok(!r.ok && r.errors.photos!.key === "err.tooBig");
});

test("a stored photo keeps only copies without metadata: full size, a thumbnail and a large WebP", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-media-"));
  const jpeg = await sharp({
    create: { width: 2000, height: 1000, channels: 3, background: "#0a0" },
  })
    .jpeg()
    .withExif({
      IFD0: { Make: "Phone" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "7/1 0/1 0/1" },
    })
    .toBuffer();
  assert.ok((await sharp(jpeg).metadata()).exif, "the upload carries EXIF");
  const r = await storePhoto(dir, 7, upload(jpeg, "a.jpg"));
  assert.ok(r.ok);
  const files = readdirSync(path.join(dir, "site", "7")).sort();
  assert.deepEqual(files, [
    `${r.value.file}-l.webp`,
    `${r.value.file}-t.webp`,
    `${r.value.file}.jpg`,
  ]);
  for (const f of files)
    assert.equal((await sharp(path.join(dir, "site", "7", f)).metadata()).exif, undefined, f);
  const large = await sharp(path.join(dir, "site", "7", `${r.value.file}-l.webp`)).metadata();
  assert.equal(large.width, 1600);
  assert.equal(large.height, 800);
  const published = await sharp(path.join(dir, "site", "7", `${r.value.file}.jpg`)).metadata();
  assert.equal(published.exif, undefined);
});

test("a complaint's photo is kept privately as a JPEG of at most 1600 px without metadata", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-media-"));
  const png = await sharp({
    create: { width: 3200, height: 1600, channels: 3, background: "#a00" },
  })
    .png()
    .withExif({ IFD0: { Make: "Phone" } })
    .toBuffer();
  const r = await storePrivatePhoto(dir, 7, upload(png, "street.png"));
  assert.ok(r.ok);
  const meta = await sharp(path.join(dir, "site", "7", "private", r.value)).metadata();
  assert.deepEqual(
    [meta.format, meta.width, meta.height, meta.exif],
    ["jpeg", 1600, 800, undefined],
  );
});

test("documents are recognised by their bytes", () => {
  assert.equal(documentKind(demoPdf()), "pdf");
  assert.equal(documentKind(Buffer.from("PK\x03\x04....word/document.xml")), "docx");
  assert.equal(documentKind(Buffer.from("PK\x03\x04....xl/workbook.xml")), "xlsx");
  assert.equal(documentKind(Buffer.from("MZ....")), null);
});
