import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { like } from "drizzle-orm";
import { openTestDatabase, type TestDatabase } from "../../../../test/helpers/db.ts";
import { storedFiles, tambons } from "../../../core/db/schema.ts";
import { documentKind } from "./documents.ts";
import {
  readPrivateFile,
  readSiteFile,
  preparePhoto,
  preparePrivatePhoto,
  savePhoto,
  savePrivatePhoto,
  type Upload,
} from "./media.ts";
import { demoPdf } from "./demo-files.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

const upload = (data: Buffer, filename = "x") => ({ filename, data, truncated: false });

describe("site photos are kept in the file store", () => {
  let db: TestDatabase;
  let tambonId = 0;
  /** The keys of a photo's stored files. */
  const keysOf = async (file: string) =>
    (
      await db.db
        .select({ key: storedFiles.key })
        .from(storedFiles)
        .where(tambonWhere(storedFiles, tambonId, {}, like(storedFiles.key, `%${file}%`)))
    )
      .map((r) => r.key)
      .sort();

  /** Prepares and stores a photo, as a command does. */
  const storePhoto = async (u: Upload) => {
    const r = await preparePhoto(u);
    if (r.ok) await savePhoto(db.db, tambonId, r.value);
    return r;
  };
  before(async () => {
    db = await openTestDatabase("pglite");
    const [row] = await db.db
      .insert(tambons)
      .values({
        slug: "media",
        dopaCode: "900101",
        nameTh: "ทดสอบ",
        nameEn: "Test",
        districtTh: "อำเภอ",
        districtEn: "District",
        provinceTh: "จังหวัด",
        provinceEn: "Province",
        kind: "sao",
      })
      .returning({ id: tambons.id });
    tambonId = row!.id;
  });
  after(async () => {
    await db?.drop();
  });

  test("photos are recognised by what sharp reads, not by their name", async () => {
    const avif = await sharp({
      create: { width: 64, height: 48, channels: 3, background: "#123" },
    })
      .avif()
      .toBuffer();
    const ok = await storePhoto(upload(avif, "photo.jpg"));
    assert.ok(ok.ok && ok.value.width === 64 && ok.value.ext === "webp");
    assert.deepEqual(await keysOf(ok.value.file), [
      `site/${ok.value.file}-l.webp`,
      `site/${ok.value.file}-t.webp`,
      `site/${ok.value.file}.webp`,
    ]);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const notPhoto = await storePhoto(upload(svg, "a.jpg"));
    assert.ok(!notPhoto.ok && notPhoto.errors.photos!.key === "err.notImage", "SVG is not a photo");
    const r = await storePhoto({
      filename: "big.jpg",
      data: Buffer.alloc(10),
      truncated: true,
    });
    assert.ok(!r.ok && r.errors.photos!.key === "err.tooBig");
  });

  test("a stored photo keeps only copies without metadata: full size, a thumbnail and a large WebP", async () => {
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
    const r = await storePhoto(upload(jpeg, "a.jpg"));
    assert.ok(r.ok);
    const names = [`${r.value.file}-l.webp`, `${r.value.file}-t.webp`, `${r.value.file}.jpg`];
    assert.deepEqual(
      await keysOf(r.value.file),
      names.map((n) => `site/${n}`),
    );
    for (const n of names) {
      const file = await readSiteFile(db.db, tambonId, n);
      assert.ok(file, n);
      assert.equal((await sharp(Buffer.from(file.data)).metadata()).exif, undefined, n);
    }
    const large = await readSiteFile(db.db, tambonId, `${r.value.file}-l.webp`);
    const meta = await sharp(Buffer.from(large!.data)).metadata();
    assert.deepEqual([meta.width, meta.height], [1600, 800]);
  });

  test("a complaint's photo is kept privately as a JPEG of at most 1600 px without metadata", async () => {
    const png = await sharp({
      create: { width: 3200, height: 1600, channels: 3, background: "#a00" },
    })
      .png()
      .withExif({ IFD0: { Make: "Phone" } })
      .toBuffer();
    const r = await preparePrivatePhoto(upload(png, "street.png"));
    assert.ok(r.ok);
    await savePrivatePhoto(db.db, tambonId, r.value);
    const file = await readPrivateFile(db.db, tambonId, r.value.name);
    assert.ok(file);
    const meta = await sharp(Buffer.from(file.data)).metadata();
    assert.deepEqual(
      [meta.format, meta.width, meta.height, meta.exif],
      ["jpeg", 1600, 800, undefined],
    );
    assert.equal(await readSiteFile(db.db, tambonId, r.value.name), undefined, "never published");
  });
});

test("documents are recognised by their bytes", () => {
  assert.equal(documentKind(demoPdf()), "pdf");
  assert.equal(documentKind(Buffer.from("PK\x03\x04....word/document.xml")), "docx");
  assert.equal(documentKind(Buffer.from("PK\x03\x04....xl/workbook.xml")), "xlsx");
  assert.equal(documentKind(Buffer.from("MZ....")), null);
});
