import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { itaItems, sitePageViews, siteVisitDays } from "../../src/modules/site/schema.ts";
import { thaiDay, visits } from "../../src/modules/site/statistics/visits.ts";
import { demoPdf } from "../../src/modules/site/shared/demo-files.ts";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const PHONE = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 Chrome/126 Mobile";

for (const kind of DB_KINDS) {
  describe(`documents, transparency and visitor statistics (${kind})`, () => {
    let t: TestApp;
    let tambonId: number;
    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const [tb] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      tambonId = tb!.id;
    });
    after(async () => {
      await t?.close();
    });

    test("staff attach a PDF to a page; it is listed with type and size and found by its title", async () => {
      const staff = await Client.as(t.app, "langu-editor");
      const from = "/t/la-ngu/admin/site/documents";
      const html = (await staff.get(from)).body;
      const pageValue = /<option value="(page:\d+)">หน้าเว็บ: อำนาจหน้าที่<\/option>/.exec(html)![1]!;
      const bad = await postMultipart(
        staff,
        from,
        { title: "ไฟล์ปลอม", attachTo: pageValue },
        {
          file: {
            filename: "x.pdf",
            type: "application/pdf",
            data: Buffer.from("<html>not a pdf</html>"),
          },
        },
        { from },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /ไม่ใช่ PDF, XLSX หรือ DOCX/);
      const pdf = demoPdf();
      const ok = await postMultipart(
        staff,
        from,
        { title: "ประกาศอำนาจหน้าที่ อบต.ละงู", attachTo: pageValue },
        { file: { filename: "powers.pdf", type: "application/pdf", data: pdf } },
        { from },
      );
      assert.equal(ok.statusCode, 303);
      const pageId = pageValue.split(":")[1];
      const page = await t.app.inject(`/t/la-ngu/pages/${pageId}`);
      assert.match(page.body, /ประกาศอำนาจหน้าที่ อบต\.ละงู<\/a> <span class="muted">\(PDF, 1 KB\)/);
      const list = await t.app.inject("/t/la-ngu/documents");
      const href =
        /href="(\/t\/la-ngu\/uploads\/site\/[0-9a-f]{16}\.pdf)" download>ประกาศอำนาจหน้าที่/.exec(
          list.body,
        )![1]!;
      const file = await t.app.inject(href);
      assert.equal(file.headers["content-type"], "application/pdf");
      assert.equal(file.rawPayload.length, pdf.length);
      const found = await t.app.inject(`/t/la-ngu/search?q=${encodeURIComponent("อำนาจหน้าที่")}`);
      assert.match(found.body, /เอกสาร/);
      assert.ok(found.body.includes(href));
    });

    test("documents attached to a news item are listed on its page, newest first, and only there", async () => {
      const staff = await Client.as(t.app, "langu-editor");
      const from = "/t/la-ngu/admin/site/documents";
      const html = (await staff.get(from)).body;
      const [first, second] = [...html.matchAll(/<option value="(news:\d+)">/g)].map((m) => m[1]!);
      assert.ok(first && second, "two news items to attach to");
      const attach = async (title: string, attachTo: string) => {
        const res = await postMultipart(
          staff,
          from,
          { title, attachTo },
          { file: { filename: "x.pdf", type: "application/pdf", data: demoPdf() } },
          { from },
        );
        assert.equal(res.statusCode, 303, title);
      };
      await attach("แผนงานเก่ากว่า", first);
      await attach("ตารางเวรใหม่กว่า", first);
      await attach("เอกสารของข่าวอื่น", second);
      const page = await t.app.inject(`/t/la-ngu/news/${first.split(":")[1]}`);
      assert.equal(page.statusCode, 200);
      const shown = [...page.body.matchAll(/download>([^<]+)<\/a> <span class="muted">\(PDF/g)].map(
        (m) => m[1],
      );
      assert.deepEqual(shown, ["ตารางเวรใหม่กว่า", "แผนงานเก่ากว่า"]);
      const other = await t.app.inject(`/t/la-ngu/news/${second.split(":")[1]}`);
      assert.match(other.body, /เอกสารของข่าวอื่น/);
      assert.doesNotMatch(other.body, /ตารางเวรใหม่กว่า/);
    });

    test("the transparency page shows the fiscal year's items, what satisfies them and what is missing", async () => {
      const page = await t.app.inject("/t/la-ngu/transparency");
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /ปีงบประมาณ 2566/);
      // O7 (public relations news) is met by La-ngu's published PR news.
      assert.match(page.body, /ครบถ้วน 9 จาก 43 รายการ \(21%\)/);
      assert.match(
        page.body,
        /O10<\/td><td>นโยบายคุ้มครองข้อมูลส่วนบุคคล<\/td><td><span class="badge missing">ยังขาด/,
      );
      const staff = await Client.as(t.app, "langu-admin");
      const [o10] = await t.database.db
        .select()
        .from(itaItems)
        .where(and(eq(itaItems.tambonId, tambonId), eq(itaItems.code, "O10")));
      const linked = await staff.post(
        `/t/la-ngu/admin/site/ita/${o10!.id}`,
        { target: "url", url: "https://www.pdpc.or.th/" },
        { from: "/t/la-ngu/admin/site/transparency" },
      );
      assert.equal(linked.statusCode, 303);
      const bad = await staff.post(
        `/t/la-ngu/admin/site/ita/${o10!.id}`,
        { target: "url", url: "javascript:alert(1)" },
        { from: "/t/la-ngu/admin/site/transparency" },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(
        (await t.app.inject("/t/la-ngu/transparency")).body,
        /ครบถ้วน 10 จาก 43 รายการ \(23%\)/,
      );

      const next = {
        fiscalYearBE: 2567,
        items: [
          { item: "O1", group: "1", groupTitle: "ข้อมูลพื้นฐาน", title: "โครงสร้าง" },
          { item: "O2", group: "1", groupTitle: "ข้อมูลพื้นฐาน", title: "ผู้บริหาร" },
        ],
      };
      const from = "/t/la-ngu/admin/site/transparency";
      const wrong = await postMultipart(
        staff,
        from,
        {},
        {
          file: { filename: "x.json", type: "application/json", data: Buffer.from('{"items": 3}') },
        },
        { from },
      );
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /ไม่ใช่รายการ ITA ที่ถูกต้อง/);
      const loaded = await postMultipart(
        staff,
        from,
        {},
        {
          file: {
            filename: "ita-2567.json",
            type: "application/json",
            data: Buffer.from(JSON.stringify(next)),
          },
        },
        { from },
      );
      assert.equal(loaded.statusCode, 303);
      const latest = await t.app.inject("/t/la-ngu/transparency");
      assert.match(latest.body, /ปีงบประมาณ 2567/);
      assert.match(latest.body, /ครบถ้วน 0 จาก 2 รายการ/);
      assert.match(
        (await t.app.inject("/t/la-ngu/transparency?year=2566")).body,
        /ครบถ้วน 10 จาก 43/,
        "last year's list stays",
      );
    });

    test("visitors are counted without cookies or stored addresses; bots are not; writes come in batches", async () => {
      await visits.flush(t.database.db);
      const today = thaiDay();
      const [before] = await t.database.db
        .select()
        .from(siteVisitDays)
        .where(and(eq(siteVisitDays.tambonId, tambonId), eq(siteVisitDays.day, today)));
      // The counter is one per process: each database's suite comes from its own addresses.
      const net = kind === "pglite" ? "10.9.1" : "10.9.2";
      const visit = (url: string, ua: string, ip: string) =>
        t.app.inject({
          url,
          remoteAddress: ip.replace("10.9.0", net),
          headers: { "user-agent": ua },
        });
      const first = await visit("/t/la-ngu", FIREFOX, "10.9.0.1");
      assert.equal(first.cookies.length, 0, "counting sets no cookie");
      await visit("/t/la-ngu/news", FIREFOX, "10.9.0.1");
      await visit("/t/la-ngu", PHONE, "10.9.0.2");
      await visit("/t/la-ngu", "Googlebot/2.1 (+http://www.google.com/bot.html)", "10.9.0.3");
      await visit("/t/la-ngu/feed.xml", FIREFOX, "10.9.0.4");
      const [still] = await t.database.db
        .select()
        .from(siteVisitDays)
        .where(and(eq(siteVisitDays.tambonId, tambonId), eq(siteVisitDays.day, today)));
      assert.deepEqual(still, before, "nothing is written while pages are served");
      await visits.flush(t.database.db);
      const [row] = await t.database.db
        .select()
        .from(siteVisitDays)
        .where(and(eq(siteVisitDays.tambonId, tambonId), eq(siteVisitDays.day, today)));
      assert.equal(
        row!.visitors - (before?.visitors ?? 0),
        2,
        "two people (the bot and the feed reader are not pages)",
      );
      assert.equal(row!.views - (before?.views ?? 0), 3);
      const pages = await t.database.db
        .select()
        .from(sitePageViews)
        .where(and(eq(sitePageViews.tambonId, tambonId), eq(sitePageViews.day, today)));
      assert.ok(pages.some((p) => p.path === "/t/la-ngu" && p.views >= 2));
      const dump = JSON.stringify(await t.database.rows(sqlAllSiteStats(tambonId)));
      assert.ok(!dump.includes(`${net}.1`), "addresses are never stored");

      const stats = await t.app.inject("/t/la-ngu/stats?fresh=1");
      assert.match(stats.body, /สถิติผู้เข้าชมเว็บไซต์/);
      assert.match(
        stats.body,
        /<img src="\/t\/la-ngu\/stats\/visits\.svg\?lang=th" alt="กราฟผู้เข้าชม/,
      );
      const chart = await t.app.inject("/t/la-ngu/stats/visits.svg?lang=th");
      assert.equal(chart.headers["content-type"], "image/svg+xml; charset=utf-8");
      assert.match(chart.body, /^<svg/);
      assert.match(chart.body, /ผู้เข้าชม|สถิติผู้เข้าชม/);
      assert.match(
        stats.body,
        /<img src="\/t\/la-ngu\/stats\/top-pages\.svg\?lang=th" alt="กราฟแท่งจำนวนการเปิดหน้า[^"]*" width="720" height="\d+"/,
      );
      const top = await t.app.inject("/t/la-ngu/stats/top-pages.svg?lang=th");
      assert.equal(top.statusCode, 200);
      assert.equal(top.headers["content-type"], "image/svg+xml; charset=utf-8");
      assert.match(top.body, /^<svg/);
      assert.match(top.body, />\/<\/text>/, "the home page's bar is labelled by its path");
      const home = await t.app.inject("/t/la-ngu?fresh=1");
      assert.match(
        home.body,
        /<dt>เปิดเว็บไซต์<\/dt><dd><time dateTime="2012-05-01"|<dt>เปิดเว็บไซต์<\/dt><dd><time datetime="2012-05-01"/,
      );
      assert.match(home.body, /<dt>ปรับปรุง<\/dt>/);
      const lomraet = await t.app.inject("/t/lom-raet");
      assert.match(
        lomraet.body,
        /<dt>สถิติผู้เข้าชม<\/dt><dd>1,96\d,\d{3}<\/dd>/,
        "counts carried over from the old site",
      );
    });

    test("staff add a news category, a job-market link and the counts of the old site", async () => {
      const staff = await Client.as(t.app, "langu-editor");
      const from = "/t/la-ngu/admin/site/settings";
      const cat = await staff.post(
        "/t/la-ngu/admin/site/news-categories",
        { nameTh: "ข่าวสุขภาพ", nameEn: "Health news" },
        { from },
      );
      assert.equal(cat.statusCode, 303);
      const list = await t.app.inject("/t/la-ngu/news?category=health-news");
      assert.match(list.body, /<h1>ข่าวสุขภาพ<\/h1>/);
      const badLink = await staff.post(
        "/t/la-ngu/admin/site/job-links",
        { labelTh: "ลิงก์", url: "ftp://x" },
        { from },
      );
      assert.equal(badLink.statusCode, 422);
      assert.match(badLink.body, /value="ลิงก์"/);
      const link = await staff.post(
        "/t/la-ngu/admin/site/job-links",
        { labelTh: "จัดหางานจังหวัดสตูล", url: "https://satun.doe.go.th/" },
        { from },
      );
      assert.equal(link.statusCode, 303);
      assert.match((await t.app.inject("/t/la-ngu/jobs")).body, /จัดหางานจังหวัดสตูล/);
      const counts = await staff.post(
        "/t/la-ngu/admin/site/counts",
        { visitorsBefore: "1,000,000", viewsBefore: "2000000" },
        { from },
      );
      assert.equal(counts.statusCode, 303);
      assert.match(
        (await t.app.inject("/t/la-ngu?after=counts")).body,
        /<dt>สถิติผู้เข้าชม<\/dt><dd>1,00\d,\d{3}<\/dd>/,
      );
    });
  });
}

import { sql } from "drizzle-orm";
/** Every statistics row of a tambon, for looking for stored addresses. */
function sqlAllSiteStats(tambonId: number) {
  return sql`select d.*, p.path from site_visit_days d left join site_page_views p on p.tambon_id = d.tambon_id and p.day = d.day where d.tambon_id = ${tambonId}`;
}
