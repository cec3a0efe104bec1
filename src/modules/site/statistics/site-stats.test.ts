// The home page's statistics box and album row, each read in one statement: every figure from
// its own rows (this month's, yesterday's, the carried-over counts, the last published change),
// none from another tambon's, on both databases.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../../../../test/helpers/db.ts";
import { makeTambon } from "../../../../test/helpers/factories/core.ts";
import { siteSettings } from "../settings/schema.ts";
import { sitePages } from "../pages/schema.ts";
import { siteNews } from "../news/schema.ts";
import { siteAlbums, sitePhotos } from "../galleries/schema.ts";
import { siteVisitDays } from "./schema.ts";
import { siteStats } from "./queries.ts";
import { listAlbums } from "../galleries/queries.ts";
import { listCategories, newsCards } from "../news/queries.ts";
import { listLinks } from "../jobs/queries.ts";
import { siteCategories } from "../news/schema.ts";
import { siteLinks } from "../jobs/schema.ts";
import { HOME_ALBUMS, HOME_NEWS, siteHomeData } from "../home/queries.ts";
import { thaiDay } from "./visits.ts";

const NOW = new Date("2026-03-10T05:00:00Z"); // 12:00 in Thailand
const DAY = 86400_000;

for (const kind of DB_KINDS) {
  describe(`a tambon's visitor figures and albums on ${kind}`, () => {
    let database: TestDatabase;
    let mine = 0;
    let other = 0;

    before(async () => {
      database = await openTestDatabase(kind);
      const db = database.db;
      mine = (await makeTambon(db, { villages: 0 })).tambon.id;
      other = (await makeTambon(db, { villages: 0 })).tambon.id;
      const day = (daysAgo: number) => thaiDay(new Date(NOW.getTime() - daysAgo * DAY));
      await db.insert(siteVisitDays).values([
        { tambonId: mine, day: day(0), visitors: 5, views: 50 },
        { tambonId: mine, day: day(1), visitors: 7, views: 70 },
        { tambonId: mine, day: day(9), visitors: 11, views: 110 }, // 1 March: this month
        { tambonId: mine, day: day(10), visitors: 13, views: 130 }, // 28 February
        { tambonId: other, day: day(0), visitors: 1000, views: 1000 },
      ]);
      // Every tambon gets its settings row when it is made; the carried-over counts are set on it.
      const carried = (tambonId: number, visitorsBefore: number, viewsBefore: number) =>
        db
          .update(siteSettings)
          .set({ visitorsBefore, viewsBefore })
          .where(eq(siteSettings.tambonId, tambonId));
      await carried(mine, 100, 200);
      await carried(other, 5000, 5000);
      const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY);
      await db.insert(siteNews).values([
        { tambonId: mine, title: "ล่าสุด", status: "published", publishAt: at(3) },
        { tambonId: mine, title: "ร่าง", status: "draft", publishAt: at(0) },
        { tambonId: mine, title: "ตั้งเวลา", status: "published", publishAt: at(-2) },
        { tambonId: other, title: "อื่น", status: "published", publishAt: at(1) },
      ]);
      // A new tambon's standard pages count as changed when it was made: older than the rest here.
      await db
        .update(sitePages)
        .set({ updatedAt: at(30) })
        .where(eq(sitePages.tambonId, mine));
      await db.insert(sitePages).values([
        { tambonId: mine, titleTh: "ประวัติ", updatedAt: at(5) },
        { tambonId: mine, titleTh: "ซ่อน", published: false, updatedAt: at(0) },
      ]);
      const albums = await db
        .insert(siteAlbums)
        .values([
          { tambonId: mine, title: "สามรูป", published: true, createdAt: at(2) },
          { tambonId: mine, title: "ว่าง", published: true, createdAt: at(1) },
          { tambonId: mine, title: "ร่าง", published: false, createdAt: at(0) },
        ])
        .returning({ id: siteAlbums.id });
      const photo = (albumId: number, position: number, file: string) => ({
        tambonId: mine,
        albumId,
        position,
        file,
        ext: "webp",
        width: 800,
        height: 600,
        bytes: 1000,
      });
      await db
        .insert(sitePhotos)
        .values([
          photo(albums[0]!.id, 2, "b"),
          photo(albums[0]!.id, 1, "a"),
          photo(albums[0]!.id, 3, "c"),
          photo(albums[2]!.id, 1, "d"),
        ]);
    });
    after(async () => {
      await database?.drop();
    });

    test("totals, today, yesterday and the month from this tambon's rows alone", async () => {
      const s = await siteStats(database.db, mine, "2012-05-01", NOW);
      assert.deepEqual(
        {
          visitors: s.visitors,
          views: s.views,
          today: s.today,
          yesterday: s.yesterday,
          month: s.month,
        },
        {
          visitors: 5 + 7 + 11 + 13 + 100,
          views: 50 + 70 + 110 + 130 + 200,
          today: 5,
          yesterday: 7,
          month: 5 + 7 + 11,
        },
      );
      assert.equal(s.opened, "2012-05-01");
      assert.equal(
        s.updated?.toISOString(),
        new Date(NOW.getTime() - 3 * DAY).toISOString(),
        "the newest published news or page, not a draft, a hidden page or one set for later",
      );
    });

    test("a tambon with nothing counted yet shows zeros; its pages' last change", async () => {
      const empty = (await makeTambon(database.db, { villages: 0 })).tambon.id;
      const made = new Date("2025-01-02T03:04:05Z");
      await database.db
        .update(sitePages)
        .set({ updatedAt: made })
        .where(eq(sitePages.tambonId, empty));
      const s = await siteStats(database.db, empty, null, NOW);
      assert.deepEqual(
        [s.visitors, s.views, s.today, s.yesterday, s.month, s.updated?.toISOString()],
        [0, 0, 0, 0, 0, made.toISOString()],
      );
      await database.db
        .update(sitePages)
        .set({ published: false })
        .where(eq(sitePages.tambonId, empty));
      assert.equal((await siteStats(database.db, empty, null, NOW)).updated, null);
    });

    test("albums with their photo count and first photo by position", async () => {
      const shown = await listAlbums(database.db, mine, { publishedOnly: true });
      assert.deepEqual(
        shown.map((a) => [a.title, a.photoCount, a.coverFile]),
        [
          ["ว่าง", 0, null],
          ["สามรูป", 3, "a"],
        ],
      );
      const all = await listAlbums(database.db, mine, { publishedOnly: false, limit: 1 });
      assert.deepEqual(
        all.map((a) => [a.title, a.photoCount, a.coverFile]),
        [["ร่าง", 1, "d"]],
      );
      assert.deepEqual(await listAlbums(database.db, other, { publishedOnly: false }), []);
    });

    test("the home page's one statement reads what each list reads apart", async () => {
      const db = database.db;
      const [cover] = await db
        .select({ id: sitePhotos.id })
        .from(sitePhotos)
        .where(eq(sitePhotos.file, "c"));
      await db.update(siteNews).set({ coverPhotoId: cover!.id }).where(eq(siteNews.title, "ล่าสุด"));
      const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY);
      // More news than the home shows, and more published albums, in this tambon and another.
      await db.insert(siteNews).values(
        Array.from({ length: HOME_NEWS + 2 }, (_, i) => ({
          tambonId: i % 3 ? mine : other,
          title: `ข่าว ${i}`,
          status: "published" as const,
          publishAt: at(4 + (i % 4)),
        })),
      );
      await db.insert(siteAlbums).values(
        Array.from({ length: HOME_ALBUMS + 1 }, (_, i) => ({
          tambonId: i % 2 ? mine : other,
          title: `อัลบั้ม ${i}`,
          published: true,
          createdAt: at(3),
        })),
      );
      await db.insert(siteCategories).values([
        { tambonId: mine, slug: "b", nameTh: "สอง", nameEn: "Two", position: 2 },
        { tambonId: mine, slug: "a", nameTh: "หนึ่ง", nameEn: "One", position: 1 },
        { tambonId: other, slug: "x", nameTh: "อื่น", nameEn: "Other", position: 0 },
      ]);
      await db.insert(siteLinks).values([
        {
          tambonId: mine,
          labelTh: "ลิงก์สอง",
          labelEn: "Two",
          url: "https://b.example",
          position: 2,
        },
        {
          tambonId: mine,
          labelTh: "ลิงก์หนึ่ง",
          labelEn: "One",
          url: "https://a.example",
          position: 1,
        },
        { tambonId: other, labelTh: "อื่น", labelEn: "Other", url: "https://x.example", position: 0 },
      ]);
      const home = await siteHomeData(db, mine, "2012-05-01", NOW);
      const albums = await listAlbums(db, mine, { publishedOnly: true, limit: HOME_ALBUMS });
      assert.deepEqual(home, {
        news: await newsCards(db, mine, { limit: HOME_NEWS, now: NOW }),
        categories: await listCategories(db, mine),
        albums: albums.map(({ id, title, createdAt, photoCount, coverFile }) => ({
          id,
          title,
          createdAt,
          photoCount,
          coverFile,
        })),
        stats: await siteStats(db, mine, "2012-05-01", NOW),
        links: await listLinks(db, mine),
      });
      assert.equal(home.news.length, HOME_NEWS);
      assert.equal(home.news[0]!.title, "ล่าสุด");
      assert.equal(home.news[0]!.coverFile, "c");
      assert.ok(home.news[0]!.publishAt instanceof Date);
      assert.equal(home.albums.length, HOME_ALBUMS);
      assert.ok(home.albums.every((a) => a.createdAt instanceof Date));
      const slugs = home.categories.map((c) => c.slug);
      assert.ok(slugs.indexOf("a") >= 0 && slugs.indexOf("a") < slugs.indexOf("b"), "by position");
      assert.ok(!slugs.includes("x"), "none of another tambon's");
      const links = home.links.map((l) => l.labelEn);
      assert.ok(links.indexOf("One") >= 0 && links.indexOf("One") < links.indexOf("Two"));
      assert.ok(!links.includes("Other"), "none of another tambon's");
    });
  });
}
