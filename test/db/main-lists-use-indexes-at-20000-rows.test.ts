import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { openTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { copyRows } from "../helpers/row-copies.ts";
import { queryCount } from "../../src/core/db/index.ts";
import { listNews } from "../../src/modules/site/news/queries.ts";
import { listQuestions } from "../../src/modules/decisions/questions/queries.ts";
import { listMeetings } from "../../src/modules/groups/meetings/queries.ts";
import { partnerDirectory } from "../../src/modules/network/partners/queries.ts";

/*
 * The main lists read one page through an index however much a tambon has: with 20,000 more rows
 * in every tambon (copied set-wise from the demo's), PostgreSQL's plan for a page of each list
 * neither reads the whole table nor sorts every matching row to find the first ones. Counts are
 * not checked here: they are kept per tambon until it changes (core/paging.ts), and counting
 * every row of the list is what a count does.
 */

const ROWS = 20_000;

/** Gives every tambon `ROWS` more rows of a table, copies of the table's first row. */
const grow = (database: TestDatabase, table: string, overrides: Record<string, string>) =>
  copyRows(database, table, { n: ROWS, overrides });

/** Every node of an EXPLAIN (FORMAT JSON) plan. */
function* nodes(plan: Record<string, unknown>): Generator<Record<string, unknown>> {
  yield plan;
  for (const child of (plan.Plans as Record<string, unknown>[] | undefined) ?? [])
    yield* nodes(child);
}

/** A parameter as an SQL literal (for EXPLAIN of a statement the query builder sent). */
function literal(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return `'${v.toISOString()}'`;
  return `'${String(v).replace(/'/g, "''")}'`;
}

describe("the main lists read a page through an index at 20,000 rows (PostgreSQL)", () => {
  let database: TestDatabase;
  let tambonId: number;
  before(async () => {
    database = await openTestDatabase("postgres", { demo: true });
    const [tb] = await database.rows<{ id: number }>(
      sql`select id from tambons where slug = 'la-ngu'`,
    );
    tambonId = tb!.id;
    await grow(database, "site_news", {
      title: `'ข่าวที่ ' || g`,
      slug: `'news-' || g`,
      status: `'published'`,
      publish_at: `now() - make_interval(hours => g)`,
      category_id: `(select id from site_categories c where c.tambon_id = tb.id order by id offset (g % 3) limit 1)`,
    });
    await grow(database, "questions", {
      title: `'คำถามที่ ' || g`,
      phase: `(array['draft','discussion','voting','closed'])[1 + g % 4]`,
    });
    await grow(database, "meetings", {
      title_th: `'การประชุมที่ ' || g`,
      starts_at: `now() - make_interval(hours => g)`,
      is_public: `g % 5 <> 0`,
    });
    await grow(database, "network_partners", {
      name_th: `'ภาคีที่ ' || g`,
    });
    await database.rows(sql`ANALYZE`);
  });
  after(async () => {
    queryCount.recording = null;
    await database?.drop();
  });

  /** The plans of the page queries (those with a LIMIT) a list function sends. */
  async function pagePlans(list: () => Promise<unknown>) {
    const sent: { sql: string; params: unknown[] }[] = [];
    queryCount.recording = sent;
    try {
      await list();
    } finally {
      queryCount.recording = null;
    }
    const pages = sent.filter((s) => /\blimit\b/i.test(s.sql));
    assert.ok(pages.length > 0, "the list reads a page with a limit");
    const plans = [];
    for (const s of pages) {
      const text = s.sql.replace(/\$(\d+)/g, (_, i: string) => literal(s.params[Number(i) - 1]));
      const [row] = await database.rows<{ "QUERY PLAN": [{ Plan: Record<string, unknown> }] }>(
        sql.raw(`explain (format json) ${text}`),
      );
      plans.push({ sql: s.sql, plan: row!["QUERY PLAN"][0].Plan });
    }
    return plans;
  }

  async function assertIndexed(name: string, table: string, list: () => Promise<unknown>) {
    for (const { sql: text, plan } of await pagePlans(list)) {
      const scans = [...nodes(plan)].filter((n) => n["Relation Name"] === table);
      const show = `${name}\n${text}\n${JSON.stringify(plan, null, 1)}`;
      assert.ok(scans.length > 0, show);
      for (const scan of scans)
        assert.notEqual(scan["Node Type"], "Seq Scan", `a sequential scan of ${table}: ${show}`);
      // A full sort under the limit means every matching row was read to find the first 20.
      const sorts = [...nodes(plan)].filter((n) => n["Node Type"] === "Sort");
      assert.equal(sorts.length, 0, `every row sorted for one page: ${show}`);
    }
  }

  test("news, and news of one category", async () => {
    const [cat] = await database.rows<{ id: number }>(
      sql`select id from site_categories where tambon_id = ${tambonId} order by id limit 1`,
    );
    await assertIndexed("news list", "site_news", () =>
      listNews(database.db, tambonId, { limit: 20 }),
    );
    await assertIndexed("category list", "site_news", () =>
      listNews(database.db, tambonId, { limit: 20, categoryId: cat!.id }),
    );
    await assertIndexed("news list, page 2", "site_news", () =>
      listNews(database.db, tambonId, { limit: 20, offset: 20 }),
    );
  });

  /** The rows the plan of each page query reads from `table`'s index (EXPLAIN ANALYZE). */
  async function rowsRead(table: string, list: () => Promise<unknown>, indexed = true) {
    const sent: { sql: string; params: unknown[] }[] = [];
    queryCount.recording = sent;
    try {
      await list();
    } finally {
      queryCount.recording = null;
    }
    const read: number[] = [];
    for (const s of sent.filter((q) => /\blimit\b/i.test(q.sql))) {
      const text = s.sql.replace(/\$(\d+)/g, (_, i: string) => literal(s.params[Number(i) - 1]));
      const [row] = await database.rows<{ "QUERY PLAN": [{ Plan: Record<string, unknown> }] }>(
        sql.raw(`explain (analyze, format json) ${text}`),
      );
      const plan = row!["QUERY PLAN"][0].Plan;
      const scans = [...nodes(plan)].filter(
        (n) => n["Relation Name"] === table && n["Parent Relationship"] !== "InitPlan",
      );
      const show = `${s.sql}\n${JSON.stringify(plan, null, 1)}`;
      assert.equal(scans.length, 1, show);
      if (indexed) assert.notEqual(scans[0]!["Node Type"], "Seq Scan", show);
      read.push(Number(scans[0]!["Actual Rows"]) * Number(scans[0]!["Actual Loops"] ?? 1));
    }
    assert.ok(read.length > 0, "the list reads a page with a limit");
    return read;
  }

  test("a deep page of news, after or before an item, reads one page of the index", async () => {
    const [cat] = await database.rows<{ id: number }>(
      sql`select id from site_categories where tambon_id = ${tambonId} order by id limit 1`,
    );
    // Page 500 of the list (about 10,000 rows in): the item the previous page ended with.
    const deep = await listNews(database.db, tambonId, { limit: 20, offset: 9_980 });
    const last = deep.items[deep.items.length - 1]!;
    const next = await listNews(database.db, tambonId, { limit: 20, offset: 10_000 });
    const byCursor = await listNews(database.db, tambonId, {
      limit: 20,
      cursor: { after: last.id },
    });
    assert.deepEqual(
      byCursor.items.map((n) => n.id),
      next.items.map((n) => n.id),
      "the page after an item is the page its number names",
    );
    const back = await listNews(database.db, tambonId, {
      limit: 20,
      cursor: { before: next.items[0]!.id },
    });
    assert.deepEqual(
      back.items.map((n) => n.id),
      deep.items.map((n) => n.id),
      "the page before an item is the one before it, newest first",
    );
    for (const [name, list] of [
      ["after", () => listNews(database.db, tambonId, { limit: 20, cursor: { after: last.id } })],
      ["before", () => listNews(database.db, tambonId, { limit: 20, cursor: { before: last.id } })],
      [
        "category, after",
        () =>
          listNews(database.db, tambonId, {
            limit: 20,
            categoryId: cat!.id,
            cursor: { after: last.id },
          }),
      ],
    ] as const) {
      await assertIndexed(`news list, ${name}`, "site_news", list);
      for (const n of await rowsRead("site_news", list))
        assert.ok(n <= 21, `${name}: ${n} rows read for a page of 20`);
    }
    // The offset page it replaces reads every row before it (what the cursor avoids); its plan
    // may then scan the whole table.
    const [offsetRead] = await rowsRead(
      "site_news",
      () => listNews(database.db, tambonId, { limit: 20, offset: 10_000 }),
      false,
    );
    assert.ok(offsetRead! > 10_000, `an offset page read ${offsetRead} rows`);
  });

  test("a deep page of questions after or before a question reads one page of the index", async () => {
    const deep = await listQuestions(database.db, tambonId, {}, 400);
    const last = deep.items[deep.items.length - 1]!.q.id;
    const next = await listQuestions(database.db, tambonId, {}, 401);
    const byCursor = await listQuestions(database.db, tambonId, {}, 401, { after: last });
    assert.deepEqual(
      byCursor.items.map((r) => r.q.id),
      next.items.map((r) => r.q.id),
    );
    const back = await listQuestions(database.db, tambonId, {}, 400, {
      before: next.items[0]!.q.id,
    });
    assert.deepEqual(
      back.items.map((r) => r.q.id),
      deep.items.map((r) => r.q.id),
    );
    for (const cursor of [{ after: last }, { before: last }])
      for (const filter of [{}, { phase: "voting" as const }]) {
        const list = () => listQuestions(database.db, tambonId, filter, 401, cursor);
        await assertIndexed(`questions ${JSON.stringify({ cursor, filter })}`, "questions", list);
        for (const n of await rowsRead("questions", list))
          assert.ok(n <= 21, `${JSON.stringify({ cursor, filter })}: ${n} rows read`);
      }
  });

  test("questions, and questions in one phase", async () => {
    await assertIndexed("decisions list", "questions", () =>
      listQuestions(database.db, tambonId, {}, 1),
    );
    await assertIndexed("decisions in voting", "questions", () =>
      listQuestions(database.db, tambonId, { phase: "voting" }, 1),
    );
  });

  test("meetings, for members and for visitors", async () => {
    await assertIndexed("meetings", "meetings", () =>
      listMeetings(database.db, tambonId, { includePrivate: true }, 1),
    );
    await assertIndexed("public meetings", "meetings", () =>
      listMeetings(database.db, tambonId, { includePrivate: false }, 1),
    );
  });

  test("partners", async () => {
    await assertIndexed("partners", "network_partners", () =>
      partnerDirectory(
        database.db,
        tambonId,
        {
          q: "",
          kindId: null,
          roleId: null,
          pillarId: null,
          villageId: null,
          areaId: null,
          status: "active",
        },
        1,
      ),
    );
  });
});
