import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { siteAlbums, siteNews, sitePhotos } from "../../src/modules/site/schema.ts";

/** A JPEG photo with camera EXIF and a GPS position, as phones make them. */
async function phonePhoto(width = 1280, height = 960): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 90 } } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: "TestPhone", Model: "T1" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "6/1 52/1 0/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "99/1 47/1 0/1",
      },
    })
    .toBuffer();
}

/** A tiny PNG whose header claims 30,000 × 30,000 pixels (a decompression bomb). */
async function pngBomb(): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#fff" } })
    .png()
    .toBuffer();
  const out = Buffer.from(png);
  out.writeUInt32BE(30_000, 16);
  out.writeUInt32BE(30_000, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)) >>> 0, 29);
  return out;
}

const BROWSER = { "user-agent": "Mozilla/5.0 (Linux; Android 14) Chrome/126 Mobile" };

for (const kind of DB_KINDS) {
  describe(`an editor publishes news with a gallery and a visitor finds it (${kind})`, () => {
    let t: TestApp;
    let tambonId: number;
    const editor = () => {
      const c = new Client(t.app);
      return c.login("lomraet-editor").then(() => c);
    };
    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "lom-raet"));
      tambonId = tb!.id;
    });
    after(async () => {
      await t?.close();
    });

    test("photos are checked, kept, resized, stripped of their location and listed with pixels and bytes", async () => {
      const ed = await editor();
      const created = await ed.post(
        "/t/lom-raet/admin/site/galleries",
        { title: "ประชุมประชาคมหมู่ 3", description: "ภาพจากเวที", published: "1" },
        { from: "/t/lom-raet/admin/site/galleries" },
      );
      assert.equal(created.statusCode, 303);
      const albumUrl = created.headers.location as string;
      const albumId = Number(/galleries\/(\d+)$/.exec(albumUrl)![1]);

      const notImage = await postMultipart(
        ed,
        `/t/lom-raet/admin/site/galleries/${albumId}/photos`,
        {},
        {
          photos: {
            filename: "virus.jpg",
            type: "image/jpeg",
            data: Buffer.from("MZ not a photo"),
          },
        },
        { from: albumUrl },
      );
      assert.equal(notImage.statusCode, 422);
      assert.match(notImage.body, /ไฟล์ “virus\.jpg” ไม่ใช่ภาพที่อ่านได้/);

      const bomb = await postMultipart(
        ed,
        `/t/lom-raet/admin/site/galleries/${albumId}/photos`,
        {},
        { photos: { filename: "bomb.png", type: "image/png", data: await pngBomb() } },
        { from: albumUrl },
      );
      assert.equal(bomb.statusCode, 422);
      assert.match(bomb.body, /มีขนาดพิกเซลใหญ่เกินไป/);

      const huge = await postMultipart(
        ed,
        `/t/lom-raet/admin/site/galleries/${albumId}/photos`,
        {},
        {
          photos: {
            filename: "huge.jpg",
            type: "image/jpeg",
            data: Buffer.alloc(16 * 1024 * 1024, 0xff),
          },
        },
        { from: albumUrl },
      );
      assert.equal(huge.statusCode, 422, "an oversize file gets the form back, not a bare 413");
      assert.match(huge.body, /ใหญ่เกินไป \(ไม่เกิน 15 MB\)/);
      const none = await t.database.db
        .select()
        .from(sitePhotos)
        .where(eq(sitePhotos.albumId, albumId));
      assert.equal(none.length, 0, "nothing was stored from the refused uploads");

      const photo = await phonePhoto();
      assert.ok((await sharp(photo).metadata()).exif, "the test photo carries EXIF");
      const ok = await postMultipart(
        ed,
        `/t/lom-raet/admin/site/galleries/${albumId}/photos`,
        {},
        {
          photos: [
            { filename: "a.jpg", type: "image/jpeg", data: photo },
            { filename: "b.jpg", type: "image/jpeg", data: await phonePhoto(800, 600) },
          ],
        },
        { from: albumUrl },
      );
      assert.equal(ok.statusCode, 303);
      const rows = await t.database.db
        .select()
        .from(sitePhotos)
        .where(and(eq(sitePhotos.albumId, albumId), eq(sitePhotos.tambonId, tambonId)));
      assert.equal(rows.length, 2);
      const first = rows.find((r) => r.originalName === "a.jpg")!;
      assert.equal(first.width, 1280);
      assert.equal(first.height, 960);

      const full = await t.app.inject(`/t/lom-raet/uploads/site/${first.file}.${first.ext}`);
      assert.equal(full.statusCode, 200);
      assert.equal(full.headers["content-type"], "image/jpeg");
      assert.match(String(full.headers["cache-control"]), /max-age=31536000/);
      assert.equal(full.rawPayload.length, first.bytes);
      const meta = await sharp(full.rawPayload).metadata();
      assert.equal(meta.exif, undefined, "no EXIF (and so no GPS position) is published");
      for (const [suffix, width] of [
        ["-t", 480],
        ["-l", 1280],
      ] as const) {
        const r = await t.app.inject(`/t/lom-raet/uploads/site/${first.file}${suffix}.webp`);
        assert.equal(r.headers["content-type"], "image/webp");
        assert.equal((await sharp(r.rawPayload).metadata()).width, width);
      }

      const page = await t.app.inject({
        url: `/t/lom-raet/galleries/${albumId}`,
        headers: BROWSER,
      });
      assert.equal(page.statusCode, 200);
      assert.ok(
        page.body.includes(`1280x960 pixel , ${first.bytes.toLocaleString("en-US")} bytes`),
        "each photo is listed with its pixel size and bytes, as the seed shows",
      );
      assert.match(
        page.body,
        new RegExp(`href="/t/lom-raet/photo/${first.id}"`),
        "plain links work without JavaScript",
      );
      const single = await t.app.inject(`/t/lom-raet/photo/${first.id}`);
      assert.equal(single.statusCode, 200);
      assert.match(single.body, /ภาพที่ 1 จาก 2/);
      assert.match(single.body, /rel="next"/);
    });

    test("news is drafted, scheduled and published with a cover and the album, and shows up everywhere", async () => {
      const ed = await editor();
      const [album] = await t.database.db
        .select()
        .from(siteAlbums)
        .where(and(eq(siteAlbums.tambonId, tambonId), eq(siteAlbums.title, "ประชุมประชาคมหมู่ 3")));
      const title = "เทศบาลจัดเวทีประชาคมแผนพัฒนาสุขภาพตำบล";
      const draft = await postMultipart(
        ed,
        "/t/lom-raet/admin/site/news",
        {
          title,
          summary: "ชวนชาวบ้านร่วมวางแผนสุขภาพ",
          bodyMd: "# หัวข้อ\n\nเนื้อหา **สำคัญ** <script>alert(1)</script>",
          status: "draft",
          albumId: String(album!.id),
        },
        { cover: { filename: "cover.jpg", type: "image/jpeg", data: await phonePhoto(1600, 900) } },
        { from: "/t/lom-raet/admin/site/news" },
      );
      assert.equal(draft.statusCode, 303);
      const [news] = await t.database.db.select().from(siteNews).where(eq(siteNews.title, title));
      assert.ok(news && news.coverPhotoId, "the cover was stored");
      assert.ok(!news.bodyHtml.includes("<script"), "rich text is sanitised");
      assert.match(news.bodyHtml, /<strong>สำคัญ<\/strong>/);
      const publicUrl = `/t/lom-raet/news/${news.id}-${encodeURIComponent(news.slug)}`;
      assert.equal((await t.app.inject(publicUrl)).statusCode, 404, "a draft is not public");
      const search = () =>
        t.app.inject(`/t/lom-raet/search?q=${encodeURIComponent("ประชาคมแผนพัฒนา")}`);
      assert.doesNotMatch((await search()).body, new RegExp(title));

      const edit = `/t/lom-raet/admin/site/news/${news.id}`;
      const later = new Date(Date.now() + 3 * 86400_000 + 7 * 3600_000).toISOString().slice(0, 16);
      const scheduled = await postMultipart(
        ed,
        edit,
        {
          title,
          summary: "ชวนชาวบ้านร่วมวางแผนสุขภาพ",
          bodyMd: "เนื้อหา",
          status: "published",
          publishAt: later,
          albumId: String(album!.id),
        },
        {},
        { from: edit },
      );
      assert.equal(scheduled.statusCode, 303);
      assert.equal(
        (await t.app.inject(publicUrl)).statusCode,
        404,
        "scheduled news waits for its time",
      );
      assert.doesNotMatch((await search()).body, new RegExp(title), "and is not found before then");

      const published = await postMultipart(
        ed,
        edit,
        {
          title,
          summary: "ชวนชาวบ้านร่วมวางแผนสุขภาพ",
          bodyMd: "ประชุมที่ศาลาหมู่บ้าน",
          status: "published",
          publishAt: "",
          albumId: String(album!.id),
        },
        {},
        { from: edit },
      );
      assert.equal(published.statusCode, 303);
      const page = await t.app.inject({ url: publicUrl, headers: BROWSER });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`<h1>${title}</h1>`));
      assert.match(page.body, /<meta property="og:title" content="เทศบาลจัดเวที/);
      assert.match(
        page.body,
        /<meta property="og:image" content="http:\/\/localhost(:\d+)?\/t\/lom-raet\/uploads\/site\/[0-9a-f]{16}-l\.webp"/,
      );
      assert.match(page.body, /"@type":"NewsArticle"/);
      assert.match(page.body, /ภาพประกอบข่าว/, "the album's photos are shown with the news");
      assert.match(page.body, /social-plugins\.line\.me/);

      const found = await search();
      // One news item has these words; the search covers every module (the demo's plan too).
      assert.match(found.body, /kind=news">ข่าว <span class="count">1<\/span>/);
      assert.match(found.body, /<mark>ประชาคมแผนพัฒนา<\/mark>/, "matching words are highlighted");
      const other = await t.app.inject(
        `/t/lom-raet/search?q=${encodeURIComponent("แผนพัฒนาสุขภาพ")}`,
      );
      assert.ok(
        other.body.includes(`href="/t/lom-raet/news/${news.id}-`),
        "found by other words too",
      );

      const home = await t.app.inject("/t/lom-raet");
      assert.match(home.body, new RegExp(title), "the home page lists the latest news");
      assert.match(home.body, /สถิติผู้เข้าชม/);
      assert.match(home.body, /Page Views/);
      assert.match(home.body, /ศูนย์ข้อมูลข่าวสารตลาดแรงงานจังหวัดลำปาง/);
      const feed = await t.app.inject("/t/lom-raet/feed.xml");
      assert.equal(feed.headers["content-type"], "application/atom+xml; charset=utf-8");
      assert.match(feed.body, new RegExp(`<title>${title}</title>`));
      const sitemap = await t.app.inject("/t/lom-raet/sitemap.xml");
      assert.ok(sitemap.body.includes(`/t/lom-raet/news/${news.id}-`));
      const robots = await t.app.inject("/t/lom-raet/robots.txt");
      assert.match(robots.body, /Sitemap: http:\/\/localhost(:\d+)?\/t\/lom-raet\/sitemap\.xml/);
    });

    test("public pages come from the cache with an ETag until something they show changes", async () => {
      const ed = await editor();
      const created = await ed.post(
        "/t/lom-raet/admin/site/pages",
        { titleTh: "ประวัติหมู่บ้านล้อมแรด", bodyMd: "หมู่บ้านตั้งอยู่ริมแม่น้ำวัง", published: "1" },
        { from: "/t/lom-raet/admin/site/pages" },
      );
      assert.equal(created.statusCode, 303);
      const url = created.headers.location as string;
      const id = /pages\/(\d+)-/.exec(url)![1]!;
      const a = await t.app.inject({ url, headers: { "accept-encoding": "br" } });
      assert.equal(a.headers["content-encoding"], "br");
      const b = await t.app.inject({ url, headers: { "if-none-match": String(a.headers.etag) } });
      assert.equal(b.statusCode, 304);
      const searchUrl = `/t/lom-raet/search?q=${encodeURIComponent("ก่อตั้ง")}`;
      const notYet = await t.app.inject(searchUrl);
      assert.ok(!notYet.body.includes("<mark>ก่อตั้ง</mark>"), "not found before the edit");
      assert.equal((await t.app.inject(searchUrl)).headers.etag, notYet.headers.etag, "cached");
      const form = `/t/lom-raet/admin/site/pages/${id}`;
      const res = await ed.post(
        form,
        { titleTh: "ประวัติหมู่บ้านล้อมแรด", bodyMd: "หมู่บ้านก่อตั้งเมื่อ พ.ศ. 2450", published: "1" },
        { from: form },
      );
      assert.equal(res.statusCode, 303);
      const c = await t.app.inject({ url, headers: { "if-none-match": String(a.headers.etag) } });
      assert.equal(c.statusCode, 200, "the change dropped the cached page");
      assert.match(c.body, /หมู่บ้านก่อตั้งเมื่อ พ.ศ. 2450/);
      const found = await t.app.inject(searchUrl);
      assert.match(found.body, /<mark>ก่อตั้ง<\/mark>/, "search shows the change at once");
    });

    test("editors edit the nested menu; a sub-menu cannot nest deeper", async () => {
      const ed = await editor();
      const form = "/t/lom-raet/admin/site/menu";
      const top = await ed.post(
        form,
        { labelTh: "ท่องเที่ยว", labelEn: "Tourism", href: "" },
        { from: form },
      );
      assert.equal(top.statusCode, 303);
      const html = (await ed.get(form)).body;
      const topId = new RegExp(`href="/t/lom-raet/admin/site/menu/(\\d+)">ท่องเที่ยว`).exec(html)![1]!;
      const child = await ed.post(
        form,
        { labelTh: "วัดล้อมแรด", href: "/pages/1", parentId: topId },
        { from: form },
      );
      assert.equal(child.statusCode, 303);
      const childId = /href="\/t\/lom-raet\/admin\/site\/menu\/(\d+)">วัดล้อมแรด/.exec(
        (await ed.get(form)).body,
      )![1]!;
      const deeper = await ed.post(
        form,
        { labelTh: "ลึกเกินไป", href: "/news", parentId: childId },
        { from: form },
      );
      assert.equal(deeper.statusCode, 422);
      assert.match(deeper.body, /เมนูย่อยซ้อนได้เพียงชั้นเดียว/);
      assert.match(deeper.body, /value="ลึกเกินไป"/, "what the editor typed is kept");
      const bad = await ed.post(
        form,
        { labelTh: "ลิงก์แปลก", href: "javascript:alert(1)" },
        { from: form },
      );
      assert.equal(bad.statusCode, 422);
      const home = await t.app.inject("/t/lom-raet");
      assert.match(
        home.body,
        /<summary>ท่องเที่ยว<\/summary><ul><li><a href="\/t\/lom-raet\/pages\/1">วัดล้อมแรด<\/a>/,
      );
    });

    test("a member cannot reach the site's administration, another tambon's editor neither", async () => {
      const member = await Client.as(t.app, "lomraet-member");
      assert.equal((await member.get("/t/lom-raet/admin/site/news")).statusCode, 403);
      const other = await Client.as(t.app, "langu-editor");
      assert.equal((await other.get("/t/lom-raet/admin/site")).statusCode, 403);
    });
  });
}
