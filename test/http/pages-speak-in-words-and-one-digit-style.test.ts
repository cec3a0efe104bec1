import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { auditLog, tambons } from "../../src/core/db/schema.ts";
import { hasAuditLabel } from "../../src/core/audit-text.ts";
import { thaiDigits } from "../../src/core/digits.ts";
import { settingsValues } from "../../src/core/views/admin/settings.tsx";

/** What a reader sees of a page: its text without tags, scripts, styles, code or references. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style|textarea|pre|code)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/g, " ")
    .replace(/&#?[0-9a-z]+;/gi, " ");
}

// The pages people read speak in words: actions and villages by name, never codes or JSON, dates
// entered as day, month and พ.ศ. year, and every page of a tambon in the one digit style it chose.
describe("pages speak in words, in one digit style (demo, PGlite)", () => {
  let t: TestApp;
  let admin: Client;

  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    admin = await Client.as(t.app, "langu-admin");
  });
  after(async () => {
    await t?.close();
  });

  test("the audit log and the editor's dashboard say what was done, never an action key or JSON", async () => {
    // A news item and a changed one add the website's own actions to what the demo wrote.
    const made = await postMultipart(
      admin,
      "/t/la-ngu/admin/site/news",
      {
        title: "ตลาดนัดชุมชนวันเสาร์",
        summary: "",
        body: "ทุกวันเสาร์ที่ลานหน้า อบต.",
        status: "published",
        publishAt__d: "๑",
        publishAt__m: "1",
        publishAt__y: "2569",
        publishAt__t: "8.05",
      },
      {},
      { from: "/t/la-ngu/admin/site/news/new" },
    );
    assert.equal(made.statusCode, 303, made.body.slice(0, 400));
    const db = t.database.db;
    const [tb] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    const actions = [
      ...new Set(
        (
          await db
            .select({ action: auditLog.action })
            .from(auditLog)
            .where(eq(auditLog.tambonId, tb!.id))
        ).map((r) => r.action),
      ),
    ];
    assert.ok(actions.includes("site.news.create"));
    const { siteNews } = await import("../../src/modules/site/schema.ts");
    const [news] = await db.select().from(siteNews).where(eq(siteNews.title, "ตลาดนัดชุมชนวันเสาร์"));
    assert.equal(
      news!.publishAt?.toISOString(),
      "2026-01-01T01:05:00.000Z",
      "a date and time sent in parts (Thai digits too) is the moment in Bangkok",
    );
    assert.deepEqual(
      actions.filter((a) => !hasAuditLabel(a)),
      [],
      "every action has its words",
    );
    for (const lang of ["en", "th"]) {
      await admin.get(`/lang?to=${lang}`);
      const log = await admin.get("/t/la-ngu/admin/audit");
      assert.equal(log.statusCode, 200);
      const text = visibleText(log.body);
      for (const a of actions) assert.ok(!text.includes(a), `${lang}: the log shows "${a}"`);
      assert.doesNotMatch(text, /[{}]/, `${lang}: the log shows JSON`);
      assert.match(
        log.body,
        lang === "th"
          ? /<a href="\/t\/la-ngu\/admin\/site\/news\/\d+">เพิ่มข่าว “ตลาดนัดชุมชนวันเสาร์”<\/a>/
          : /<a href="\/t\/la-ngu\/admin\/site\/news\/\d+">Added news “ตลาดนัดชุมชนวันเสาร์”<\/a>/,
      );
    }
    const dash = await admin.get("/t/la-ngu/admin/site");
    assert.equal(dash.statusCode, 200);
    const dashText = visibleText(dash.body);
    assert.doesNotMatch(dashText, /\bsite\.[a-z]+\.[a-z]+/);
    assert.doesNotMatch(dashText, /#\d+|[{}]/);
    assert.match(dashText, /เพิ่มข่าว/);
  });

  test("the statistics name their top pages by title, not by address", async () => {
    const visitor = new Client(t.app);
    const list = await visitor.get("/t/la-ngu/news");
    const link = /href="(\/t\/la-ngu\/news\/\d+[^"?]*)"/.exec(list.body)?.[1];
    assert.ok(link, "the demo has news");
    await visitor.get(link);
    await visitor.get("/t/la-ngu");
    // The page views are counted in memory and written by the site's visits job.
    const { visits } = await import("../../src/modules/site/statistics/visits.ts");
    await visits.flush(t.database.db);
    const stats = await visitor.get("/t/la-ngu/stats");
    assert.equal(stats.statusCode, 200);
    const top = stats.body.slice(stats.body.indexOf('id="top-h"'));
    const id = /news\/(\d+)/.exec(link)![1];
    assert.match(
      top,
      new RegExp(`<a href="/t/la-ngu/news/${id}[^"]*">[^<]*[ก-๙][^<]*</a>`),
      top.slice(0, 1500),
    );
    assert.doesNotMatch(top, /<a href="[^"]*">\/t\/la-ngu/);
  });

  test("a meeting that ends before it starts is refused next to its end time, in words of time", async () => {
    const res = await admin.post(
      "/t/la-ngu/admin/meetings",
      {
        kind: "working_group",
        titleTh: "ประชุมทดสอบเวลา",
        date__d: "10",
        date__m: "1",
        date__y: "2570",
        startTime: "10:00",
        endTime: "09:00",
        status: "planned",
      },
      { from: "/t/la-ngu/admin/meetings/new" },
    );
    assert.equal(res.statusCode, 422, res.body.slice(0, 300));
    // The error sits in the end time's own field box, and speaks of time, not of a date.
    assert.match(
      res.body,
      /<div class="field has-error">(?:(?!<div class="field)[\s\S])*?name="endTime"|<div class="field has-error">(?:(?!<\/div>)[\s\S])*?เวลาเลิกต้องไม่ก่อนเวลาเริ่ม/,
    );
    assert.match(res.body, /id="f-endTime-err">เวลาเลิกต้องไม่ก่อนเวลาเริ่ม</);
    assert.doesNotMatch(res.body, /วันสิ้นสุด/);
    // The date came as day, month and พ.ศ. year and is shown back the same way.
    assert.match(res.body, /name="date__y"[^>]*value="2570"/);
    assert.doesNotMatch(res.body, /type="date"/);
  });

  test("a tambon's pages use only the digit style it chose", async () => {
    const db = t.database.db;
    const [tb] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
    const pages = [
      "/t/la-ngu",
      "/t/la-ngu/news",
      "/t/la-ngu/stats",
      "/t/la-ngu/admin/audit",
      "/t/la-ngu/representatives",
    ];
    for (const digits of ["thai", "arabic"] as const) {
      const values = settingsValues(tb!);
      const [y, m, d] = (tb!.siteOpened ?? "2009-03-06").split("-");
      const res = await postMultipart(
        admin,
        "/t/la-ngu/admin/settings",
        {
          ...values,
          siteOpened: "",
          siteOpened__d: digits === "thai" ? thaiDigits(String(Number(d))) : String(Number(d)),
          siteOpened__m: String(Number(m)),
          siteOpened__y: String(Number(y) + 543),
          digits,
        },
        {},
        { from: "/t/la-ngu/admin/settings" },
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const [now] = await db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      assert.equal(now!.digits, digits);
      assert.equal(now!.siteOpened, tb!.siteOpened, "the date sent in parts is kept");
      for (const path of pages) {
        const page = await admin.get(path);
        assert.equal(page.statusCode, 200, path);
        const text = visibleText(page.body);
        const other = digits === "thai" ? /[0-9]/ : /[๐-๙]/;
        const own = digits === "thai" ? /[๐-๙]/ : /[0-9]/;
        assert.doesNotMatch(text, other, `${path} mixes digits (${digits})`);
        assert.match(text, own, `${path} shows numbers`);
      }
      // English pages keep 0–9 whatever the tambon chose.
      await admin.get("/lang?to=en");
      const en = visibleText((await admin.get("/t/la-ngu/news")).body);
      await admin.get("/lang?to=th");
      assert.doesNotMatch(en, /[๐-๙]/);
    }
  });
});
