import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq, inArray } from "drizzle-orm";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { storedFiles, villages } from "../../src/core/db/schema.ts";
import { putFile, sweepOrphanFiles } from "../../src/core/file-store.ts";
import { siteAlbums, sitePhotos } from "../../src/modules/site/schema.ts";
import { partners } from "../../src/modules/network/schema.ts";
import {
  charterPhotos,
  charterSignatories,
  charters,
  charterEditions,
} from "../../src/modules/charter/schema.ts";
import { meetingFiles, meetings } from "../../src/modules/groups/schema.ts";
import { plans, projectFiles, projects } from "../../src/modules/plans/schema.ts";
import { forms, formVersions, submissions } from "../../src/modules/community/schema.ts";
import { modules } from "../../src/modules/index.ts";
import { bareTambon } from "../helpers/factories/core.ts";

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
    const addTambon = (slug: string, dopaCode: string) => bareTambon(db.db, slug, dopaCode);
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
      // A file of a kind no module declares is never swept.
      await file("other/kept-1", "other.export");

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
        "other/kept-1",
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
        "network/partner-2222222222222222.webp",
        "other/kept-1",
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

    test("charter, groups, plans and community: a file no row names is swept, a named one kept", async () => {
      /** Stores a file of the kind under the key; its id. */
      const idOf = async (key: string, fileKind: string) => (await file(key, fileKind)).id;
      const named: string[] = [];
      const orphans: string[] = [];
      const keep = async (key: string, fileKind: string) => {
        named.push(key);
        return idOf(key, fileKind);
      };
      const orphan = async (key: string, fileKind: string) => {
        orphans.push(key);
        return idOf(key, fileKind);
      };

      // charter: a signatory's scan and a signing photo, each with its thumbnail
      const [charter] = await db.db
        .insert(charters)
        .values({ tambonId, nameTh: "ธรรมนูญทดสอบ" })
        .returning({ id: charters.id });
      const [edition] = await db.db
        .insert(charterEditions)
        .values({ tambonId, charterId: charter!.id, number: 1, yearBe: 2568 })
        .returning({ id: charterEditions.id });
      await db.db.insert(charterSignatories).values({
        tambonId,
        editionId: edition!.id,
        kind: "pillar",
        name: "ผู้ลงนาม",
        scanFileId: await keep("charter/scan", "charter.scan"),
        thumbFileId: await keep("charter/scan-thumb", "charter.scan.thumb"),
      });
      await db.db.insert(charterPhotos).values({
        tambonId,
        editionId: edition!.id,
        mime: "image/jpeg",
        bytes: 10,
        width: 10,
        height: 10,
        fileId: await keep("charter/photo", "charter.photo"),
        thumbFileId: await keep("charter/photo-thumb", "charter.photo.thumb"),
      });
      await orphan("charter/orphan", "charter.scan");
      await orphan("charter/orphan-thumb", "charter.photo.thumb");

      // groups: a meeting's photo and its thumbnail
      const [meeting] = await db.db
        .insert(meetings)
        .values({
          tambonId,
          kind: "briefing",
          step: 1,
          titleTh: "ประชุม",
          startsAt: new Date(),
          signinCode: "1234",
        })
        .returning({ id: meetings.id });
      await db.db.insert(meetingFiles).values({
        tambonId,
        meetingId: meeting!.id,
        kind: "photo",
        name: "a.jpg",
        mime: "image/jpeg",
        bytes: 10,
        fileId: await keep("meeting/photo", "meeting.photo"),
        thumbFileId: await keep("meeting/photo-thumb", "meeting.photo.thumb"),
      });
      await orphan("meeting/orphan", "meeting.document");

      // plans: a project's photo and its thumbnail
      const [plan] = await db.db
        .insert(plans)
        .values({ tambonId, title: "แผนพัฒนา", firstYear: 2566 })
        .returning({ id: plans.id });
      const [project] = await db.db
        .insert(projects)
        .values({ tambonId, planId: plan!.id, title: "โครงการ" })
        .returning({ id: projects.id });
      await db.db.insert(projectFiles).values({
        tambonId,
        projectId: project!.id,
        kind: "photo",
        name: "a.jpg",
        mime: "image/jpeg",
        bytes: 10,
        fileId: await keep("project/photo", "project.photo"),
        thumbFileId: await keep("project/photo-thumb", "project.photo.thumb"),
      });
      await orphan("project/orphan", "project.photo");

      // community: a submission's photo, its id inside a repeat of the answers
      const [village] = await db.db
        .insert(villages)
        .values({ tambonId, moo: 1, nameTh: "บ้านทดสอบ", code: "01" })
        .returning({ id: villages.id });
      const definition = { title: { th: "แบบสำรวจ" }, formId: "survey", items: [], choices: {} };
      const [form] = await db.db
        .insert(forms)
        .values({ tambonId, title: "แบบสำรวจ", draft: definition })
        .returning({ id: forms.id });
      const [version] = await db.db
        .insert(formVersions)
        .values({ tambonId, formId: form!.id, version: 1, definition })
        .returning({ id: formVersions.id });
      const photoId = await keep("community/photo", "community.photo");
      await orphan("community/orphan", "community.photo");
      await db.db.insert(submissions).values({
        tambonId,
        clientId: "phone-1",
        formId: form!.id,
        formVersionId: version!.id,
        villageId: village!.id,
        answers: { members: 0, rooms: [{ name: "ครัว", photo: photoId }] },
      });

      const all = [...named, ...orphans];
      assert.equal((await keysLeft(all)).length, all.length);
      assert.equal(await sweepOrphanFiles(db.db, declared, { olderThan: later() }), orphans.length);
      assert.deepEqual(await keysLeft(all), [...named].sort());
    });
  });
}
