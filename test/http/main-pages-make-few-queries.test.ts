import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { copyRows } from "../helpers/row-copies.ts";
import { queryCount } from "../../src/core/db/index.ts";
import { pageCache } from "../../src/core/page-cache.ts";
import { clearActorCache } from "../../src/core/auth/session.ts";

/*
 * The pages members use most read the database a bounded number of times, however many rows they
 * show: each page is asked with nothing cached (the actor, the tambon's kept data and counts
 * dropped before it), on the demo and again with 40 more news items, questions, meetings and
 * agenda items; its statements must not grow with the rows (a query per row would) and stay under
 * a bound.
 */

/**
 * The most statements a page may send with nothing cached (the signed-in actor's three among
 * them). The home page gathers every module's section, each read once and then kept.
 */
const BOUND: Record<string, number> = { home: 9 };

/** Statements a page sends with nothing cached, the signed-in actor loaded afresh included. */
async function queriesOf(client: Client, url: string): Promise<number> {
  pageCache.invalidate(null);
  clearActorCache();
  const before = queryCount.n;
  const res = await client.get(url);
  assert.equal(res.statusCode, 200, url);
  return queryCount.n - before;
}

for (const kind of DB_KINDS) {
  describe(`the main pages make few queries, however much they show (${kind})`, () => {
    let t: TestApp;
    let member: Client;
    let pages: Record<string, string>;
    before(async () => {
      t = await startTestApp(kind, { demo: true });
      member = await Client.as(t.app, "langu-admin");
      const list = (await member.get("/t/la-ngu/news")).body;
      const meetings = (await member.get("/t/la-ngu/meetings")).body;
      pages = {
        home: "/t/la-ngu",
        "news item": /href="(\/t\/la-ngu\/news\/\d+[^"?]*)"/.exec(list)![1]!,
        "news list": "/t/la-ngu/news",
        "category list": /href="(\/t\/la-ngu\/news\?category=[^"]+)"/.exec(list)![1]!,
        "decisions list": "/t/la-ngu/decisions",
        "meetings list": "/t/la-ngu/meetings",
        meeting: /href="(\/t\/la-ngu\/meetings\/\d+)"/.exec(meetings)![1]!,
      };
    });
    after(async () => {
      await t?.close();
    });

    test("each page's queries stay bounded as its rows grow", async () => {
      const few: Record<string, number> = {};
      for (const [name, url] of Object.entries(pages)) few[name] = await queriesOf(member, url);

      const meetingId = Number(/\d+$/.exec(pages.meeting!)![0]);
      const laNgu = `tb.slug = 'la-ngu'`;
      const db = t.database;
      await copyRows(db, "site_news", {
        n: 40,
        tambons: laNgu,
        from: `t.tambon_id = (select id from tambons where slug = 'la-ngu') and t.status = 'published'`,
        overrides: { title: `'ข่าวเพิ่ม ' || g`, publish_at: `now() - make_interval(mins => g)` },
      });
      await copyRows(db, "questions", {
        n: 40,
        tambons: laNgu,
        from: `t.tambon_id = (select id from tambons where slug = 'la-ngu')`,
        overrides: { title: `'คำถามเพิ่ม ' || g` },
      });
      await copyRows(db, "meetings", {
        n: 40,
        tambons: laNgu,
        from: `t.tambon_id = (select id from tambons where slug = 'la-ngu')`,
        overrides: {
          title_th: `'การประชุมเพิ่ม ' || g`,
          starts_at: `now() + make_interval(days => g)`,
        },
      });
      await copyRows(db, "meeting_agenda_items", {
        n: 40,
        tambons: laNgu,
        from: `t.tambon_id = (select id from tambons where slug = 'la-ngu')`,
        overrides: { meeting_id: String(meetingId), position: `100 + g` },
      });
      const [grown] = await db.rows<{ n: number }>(
        sql`select count(*)::int as n from meeting_agenda_items where meeting_id = ${meetingId}`,
      );
      assert.ok(grown!.n >= 40, "the meeting has its 40 more agenda items");

      for (const [name, url] of Object.entries(pages)) {
        const many = await queriesOf(member, url);
        assert.equal(many, few[name], `${name}: ${few[name]} queries, then ${many} with more rows`);
        assert.ok(many <= (BOUND[name] ?? 14), `${name}: ${many} queries`);
      }
    });
  });
}
