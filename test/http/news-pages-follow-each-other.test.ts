import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { copyRows } from "../helpers/row-copies.ts";

/*
 * The news list's pager names the item the next page follows (or the previous page precedes), so
 * that a deep page is read from the index there; walking the pages that way gives every published
 * news item once, in order, the same pages as the old `?page=N` links, which still work.
 */

/** The news items a list page shows, in order (the links inside the page's main content). */
function itemsOf(html: string): number[] {
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
  const list = main.split('class="pager"')[0]!;
  const ids = [...list.matchAll(/href="\/t\/la-ngu\/news\/(\d+)/g)].map((m) => Number(m[1]));
  return ids.filter((id, i) => ids.indexOf(id) === i);
}

/** The pager's link with `rel`, decoded, or null. */
function link(html: string, rel: "next" | "prev"): string | null {
  const m = new RegExp(`<a href="([^"]+)" rel="${rel}"`).exec(html);
  return m ? m[1]!.replace(/&amp;/g, "&") : null;
}

for (const kind of DB_KINDS) {
  describe(`the news list's pages follow each other (${kind})`, () => {
    let t: TestApp;
    let visitor: Client;
    let live: number[];
    before(async () => {
      t = await startTestApp(kind, { demo: true });
      visitor = new Client(t.app);
      // 75 more news items, three to each publish time (the order then falls to the id).
      await copyRows(t.database, "site_news", {
        n: 75,
        tambons: `tb.slug = 'la-ngu'`,
        from: `t.tambon_id = (select id from tambons where slug = 'la-ngu') and t.status = 'published'`,
        overrides: {
          title: `'ข่าวเพิ่ม ' || g`,
          slug: `'more-' || g`,
          publish_at: `date_trunc('minute', now()) - make_interval(mins => g / 3)`,
        },
      });
      const rows = await t.database.rows<{ id: number }>(sql`
        select id from site_news
        where tambon_id = (select id from tambons where slug = 'la-ngu')
          and status = 'published' and publish_at <= now()
        order by publish_at desc, id desc`);
      live = rows.map((r) => r.id);
      assert.ok(live.length > 60, `${live.length} published news items`);
    });
    after(async () => {
      await t?.close();
    });

    test("next links name an item and give every news item once, in order; prev links go back", async () => {
      const seen: number[] = [];
      const pages: { url: string; items: number[] }[] = [];
      let url: string | null = "/t/la-ngu/news";
      while (url && pages.length < 20) {
        const res = await visitor.get(url);
        assert.equal(res.statusCode, 200, url);
        const items = itemsOf(res.body);
        assert.ok(items.length > 0 && items.length <= 20, `${url}: ${items.length} items`);
        pages.push({ url, items });
        seen.push(...items);
        url = link(res.body, "next");
        if (url) assert.match(url, /[?&]after=\d+/, "the next page follows an item");
      }
      assert.deepEqual(seen, live, "every published item once, newest first");
      assert.equal(pages.length, Math.ceil(live.length / 20));

      // Back from the last page by its prev links: the same pages, in reverse.
      for (let i = pages.length - 1; i > 0; i--) {
        const res = await visitor.get(pages[i]!.url);
        const prev = link(res.body, "prev");
        assert.ok(prev, `page ${i + 1} links to the one before`);
        if (i > 1) assert.match(prev, /[?&]before=\d+/);
        const back = await visitor.get(prev);
        assert.equal(back.statusCode, 200, prev);
        assert.deepEqual(itemsOf(back.body), pages[i - 1]!.items, `${prev} is page ${i}`);
      }
    });

    test("the decisions list's next links name a question and give every question once", async () => {
      await copyRows(t.database, "questions", {
        n: 45,
        tambons: `tb.slug = 'la-ngu'`,
        from: `t.tambon_id = (select id from tambons where slug = 'la-ngu')`,
        overrides: { title: `'คำถามเพิ่ม ' || g` },
      });
      const all = (
        await t.database.rows<{ id: number }>(sql`
          select id from questions
          where tambon_id = (select id from tambons where slug = 'la-ngu') order by id desc`)
      ).map((r) => r.id);
      const alternatives = new Map(
        (
          await t.database.rows<{ id: number; n: number }>(sql`
            select q.id, count(a.id)::int as n from questions q
            left join alternatives a on a.question_id = q.id
            where q.tambon_id = (select id from tambons where slug = 'la-ngu') group by q.id`)
        ).map((r) => [Number(r.id), Number(r.n)]),
      );
      assert.ok(
        [...alternatives.values()].some((n) => n > 1),
        "some question has alternatives",
      );
      const member = await Client.as(t.app, "langu-admin");
      const seen: number[] = [];
      const shownAlternatives = new Map<number, number>();
      let url: string | null = "/t/la-ngu/decisions";
      for (let n = 0; url && n < 10; n++) {
        const res = await member.get(url);
        assert.equal(res.statusCode, 200, url);
        const main = /<main[\s\S]*?<\/main>/.exec(res.body)?.[0] ?? res.body;
        const ids = [
          ...main.split('class="pager"')[0]!.matchAll(/href="\/t\/la-ngu\/decisions\/(\d+)"/g),
        ].map((m) => Number(m[1]));
        seen.push(...ids.filter((id, i) => ids.indexOf(id) === i));
        for (const card of main.matchAll(/decisions\/(\d+)"[\s\S]*?ข้อเสนอ: (\d+)/g))
          shownAlternatives.set(Number(card[1]), Number(card[2]));
        url = link(res.body, "next");
        if (url) assert.match(url, /[?&]after=\d+/);
      }
      assert.deepEqual(seen, all, "every question once, newest first");
      assert.deepEqual(shownAlternatives, alternatives, "each card counts its own alternatives");
      const third = await member.get("/t/la-ngu/decisions?page=3");
      assert.equal(third.statusCode, 200, "an old ?page=N link");
    });

    test("an old ?page=N link still shows page N, and so does a link whose item is gone", async () => {
      const third = await visitor.get("/t/la-ngu/news?page=3");
      assert.equal(third.statusCode, 200);
      assert.deepEqual(itemsOf(third.body), live.slice(40, 60));
      const gone = await visitor.get("/t/la-ngu/news?after=999999999&page=2");
      assert.equal(gone.statusCode, 200);
      assert.deepEqual(itemsOf(gone.body), live.slice(20, 40));
      const bad = await visitor.get("/t/la-ngu/news?after=x%27&page=2");
      assert.equal(bad.statusCode, 200);
      assert.deepEqual(itemsOf(bad.body), live.slice(20, 40));
    });
  });
}
