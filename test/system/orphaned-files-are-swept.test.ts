import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq, inArray } from "drizzle-orm";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { storedFiles, tambons } from "../../src/core/db/schema.ts";
import { putFile, sweepOrphanFiles } from "../../src/core/file-store.ts";
import { siteAlbums, sitePhotos } from "../../src/modules/site/schema.ts";
import { partners } from "../../src/modules/network/schema.ts";
import { modules } from "../../src/modules/index.ts";

/** Every module's declared file references, as the core's sweep job reads them. */
const declared = modules.flatMap((m) => (m.files ? [m.files] : []));
/** A moment after every file of the test was stored: they all count as old enough. */
const later = () => new Date(Date.now() + 60_000);

for (const kind of DB_KINDS) {
  describe(`files whose rows went with a cascade are swept (${kind})`, () => {
    let db: TestDatabase;
    let tambonId = 0;
    let otherTambonId = 0;
    const file = (key: string, fileKind: string, tambon = tambonId) =>
      putFile(db.db, {
        tambonId: tambon,
        kind: fileKind,
        contentType: "image/webp",
        data: Buffer.from(key),
        key,
      });
    const keysLeft = async (keys: string[]) =>
      (
        await db.db
          .select({ key: storedFiles.key })
          .from(storedFiles)
          .where(and(eq(storedFiles.tambonId, tambonId), inArray(storedFiles.key, keys)))
      )
        .map((r) => r.key)
        .sort();
    const addTambon = async (slug: string, dopaCode: string) => {
      const [row] = await db.db
        .insert(tambons)
        .values({
          slug,
          dopaCode,
          nameTh: "ทดสอบ",
          nameEn: "Test",
          districtTh: "อำเภอ",
          districtEn: "District",
          provinceTh: "จังหวัด",
          provinceEn: "Province",
          kind: "sao",
        })
        .returning({ id: tambons.id });
      return row!.id;
    };
    const addPhoto = async (albumId: number, name: string, tambon = tambonId) => {
      await db.db.insert(sitePhotos).values({
        tambonId: tambon,
        albumId,
        file: name,
        ext: "jpg",
        width: 10,
        height: 10,
        bytes: 10,
      });
      for (const key of [`site/${name}.jpg`, `site/${name}-t.webp`, `site/${name}-l.webp`])
        await file(key, key.endsWith(".jpg") ? "site.photo" : "site.photo.thumb", tambon);
    };
    const addAlbum = async (title: string, tambon = tambonId) => {
      const [a] = await db.db
        .insert(siteAlbums)
        .values({ tambonId: tambon, title })
        .returning({ id: siteAlbums.id });
      return a!.id;
    };

    before(async () => {
      db = await openTestDatabase(kind);
      tambonId = await addTambon("sweep", "900201");
      otherTambonId = await addTambon("sweep-other", "900202");
    });
    after(async () => {
      await db?.drop();
    });

    test("an album's photos and a partner's logo go with their rows; files still named stay", async () => {
      const gone = await addAlbum("งานที่ถูกลบ");
      const kept = await addAlbum("งานที่ยังอยู่");
      await addPhoto(gone, "aaaaaaaaaaaaaaaa");
      await addPhoto(kept, "bbbbbbbbbbbbbbbb");
      // The same name in another tambon's album does not keep this tambon's file, and the reverse.
      const elsewhere = await addAlbum("อัลบั้มตำบลอื่น", otherTambonId);
      await addPhoto(elsewhere, "aaaaaaaaaaaaaaaa", otherTambonId);
      const [p1] = await db.db
        .insert(partners)
        .values({ tambonId, nameTh: "ภาคีที่ถูกลบ", logoFile: "partner-1111111111111111.webp" })
        .returning({ id: partners.id });
      await db.db
        .insert(partners)
        .values({ tambonId, nameTh: "ภาคีที่ยังอยู่", logoFile: "partner-2222222222222222.webp" });
      await file("network/partner-1111111111111111.webp", "network.logo");
      await file("network/partner-2222222222222222.webp", "network.logo");
      // A file of a kind no module declares (a charter scan, named by id) is never swept.
      await file("charter/scan-1", "charter.scan");

      await db.db.delete(siteAlbums).where(eq(siteAlbums.id, gone)); // its photos go by cascade
      await db.db.delete(partners).where(eq(partners.id, p1!.id));
      const all = [
        "site/aaaaaaaaaaaaaaaa.jpg",
        "site/aaaaaaaaaaaaaaaa-t.webp",
        "site/aaaaaaaaaaaaaaaa-l.webp",
        "site/bbbbbbbbbbbbbbbb.jpg",
        "site/bbbbbbbbbbbbbbbb-t.webp",
        "site/bbbbbbbbbbbbbbbb-l.webp",
        "network/partner-1111111111111111.webp",
        "network/partner-2222222222222222.webp",
        "charter/scan-1",
      ];
      assert.equal((await keysLeft(all)).length, 9, "a cascade leaves the files behind");

      // Files younger than the cut-off are left alone.
      assert.equal(
        await sweepOrphanFiles(db.db, declared, { olderThan: new Date(Date.now() - 3_600_000) }),
        0,
      );
      const swept = await sweepOrphanFiles(db.db, declared, { olderThan: later() });
      assert.equal(swept, 4);
      assert.deepEqual(await keysLeft(all), [
        "charter/scan-1",
        "network/partner-2222222222222222.webp",
        "site/bbbbbbbbbbbbbbbb-l.webp",
        "site/bbbbbbbbbbbbbbbb-t.webp",
        "site/bbbbbbbbbbbbbbbb.jpg",
      ]);
      const otherFiles = await db.db
        .select({ key: storedFiles.key })
        .from(storedFiles)
        .where(eq(storedFiles.tambonId, otherTambonId));
      assert.equal(otherFiles.length, 3, "the other tambon's album keeps its photo");
      assert.equal(await sweepOrphanFiles(db.db, declared, { olderThan: later() }), 0);
    });
  });
}
