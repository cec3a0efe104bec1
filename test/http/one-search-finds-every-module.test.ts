import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, eq, isNull, sql } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { pageForms } from "../helpers/forms.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { searchDocuments } from "../../src/modules/site/schema.ts";
import { meetings } from "../../src/modules/groups/schema.ts";
import { decisionPolicies } from "../../src/modules/decisions/schema.ts";
import { issueAreas } from "../../src/modules/areas/schema.ts";

// One search over a tambon's website, decisions, charter, meetings, partners, centres and plans:
// what is public is found and links to its page, with counts per kind; drafts, private meetings
// and other tambons' records are not.
describe("one search finds the public records of every module (PGlite)", () => {
  let t: TestApp;
  let laNgu = 0;
  let lomRaet = 0;
  const html = (s: string) => s.replace(/&amp;/g, "&");

  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    const rows = await t.database.db.select().from(tambons);
    laNgu = rows.find((r) => r.slug === "la-ngu")!.id;
    lomRaet = rows.find((r) => r.slug !== "la-ngu")!.id;
  });
  after(async () => {
    await t?.close();
  });

  const docsOf = (tambonId: number, kind: string) =>
    t.database.db
      .select()
      .from(searchDocuments)
      .where(and(eq(searchDocuments.tambonId, tambonId), eq(searchDocuments.kind, kind as "news")));

  test("the demo's records of every module are indexed, and each is found by its title and opens", async () => {
    const anon = new Client(t.app);
    for (const kind of [
      "news",
      "question",
      "clause",
      "meeting",
      "resolution",
      "partner",
      "centre",
      "plan",
      "project",
    ]) {
      const docs = await docsOf(laNgu, kind);
      assert.ok(docs.length > 0, `the demo's ${kind} records are in the search`);
      const doc = docs[0]!;
      const res = await anon.get(`/t/la-ngu/search?q=${encodeURIComponent(doc.title)}`);
      assert.equal(res.statusCode, 200);
      const href = `/t/la-ngu${doc.url}`;
      assert.ok(html(res.body).includes(`href="${href}"`), `a ${kind} result links to ${href}`);
      const page = await anon.get(href.replace(/#.*$/, ""));
      assert.equal(page.statusCode, 200, `${href} opens for an anonymous visitor`);
    }
  });

  test("results are counted per kind and one kind can be kept", async () => {
    const anon = new Client(t.app);
    // The demo marks its records "(สาธิต)", whatever their kind.
    const word = "สาธิต";
    const all = await anon.get(`/t/la-ngu/search?q=${encodeURIComponent(word)}`);
    assert.equal(all.statusCode, 200);
    const kinds = [...html(all.body).matchAll(/[?&]kind=([a-z]+)/g)].map((m) => m[1]);
    assert.ok(kinds.length >= 2, `several kinds are offered: ${kinds.join(", ")}`);
    const kept = kinds[0]!;
    const one = await anon.get(`/t/la-ngu/search?q=${encodeURIComponent(word)}&kind=${kept}`);
    assert.equal(one.statusCode, 200);
    assert.match(one.body, new RegExp(`kind=${kept}"[^>]*aria-current="page"`));
    const badges = [...one.body.matchAll(/<span class="badge">([^<]+)<\/span>/g)].map((m) => m[1]);
    assert.ok(badges.length > 0);
    assert.equal(new Set(badges).size, 1, "only the kept kind is listed");
    const unknown = await anon.get(`/t/la-ngu/search?q=${encodeURIComponent(word)}&kind=nope`);
    assert.equal(unknown.statusCode, 200, "an unknown kind shows every kind");
  });

  test("a draft question is found only once it is out of draft", async () => {
    const admin = await Client.as(t.app, "langu-admin");
    const db = t.database.db;
    const [area] = await db.select().from(issueAreas).where(eq(issueAreas.tambonId, laNgu));
    const [policy] = await db
      .select()
      .from(decisionPolicies)
      .where(eq(decisionPolicies.tambonId, laNgu));
    const title = "ทางม้าลายหน้าโรงเรียนบ้านเกาะยวน";
    const made = await admin.post(
      "/t/la-ngu/decisions",
      {
        title,
        area: String(area!.id),
        policy: String(policy!.id),
        altTitle: "ทาสีทางม้าลายใหม่",
        altBody: "ทาสีและติดป้ายเตือน",
      },
      { from: "/t/la-ngu/decisions/new" },
    );
    assert.equal(made.statusCode, 303, made.body.slice(0, 300));
    const id = /\/decisions\/(\d+)/.exec(String(made.headers.location))![1];
    const anon = new Client(t.app);
    const q = `/t/la-ngu/search?q=${encodeURIComponent("ทางม้าลาย")}`;
    assert.doesNotMatch((await anon.get(q)).body, new RegExp(`/decisions/${id}"`));
    const moved = await admin.post(
      `/t/la-ngu/decisions/${id}/phase`,
      { confirmed: "1" },
      {
        from: `/t/la-ngu/decisions/${id}`,
      },
    );
    assert.equal(moved.statusCode, 303);
    const found = await anon.get(q);
    assert.match(found.body, new RegExp(`href="/t/la-ngu/decisions/${id}"`));
    assert.match(found.body, /เรื่องที่ตัดสินใจ/);
  });

  test("a meeting that is not public, and another tambon's records, are never found", async () => {
    const db = t.database.db;
    const [meeting] = await db
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.tambonId, laNgu),
          eq(meetings.isPublic, true),
          isNull(meetings.minutesConfirmedAt),
        ),
      );
    const anon = new Client(t.app);
    const q = `/t/la-ngu/search?q=${encodeURIComponent(meeting!.titleTh)}`;
    assert.match((await anon.get(q)).body, new RegExp(`/meetings/${meeting!.id}"`));
    // Made private through the meeting's form, as an organiser does.
    const admin = await Client.as(t.app, "langu-admin");
    const edit = `/t/la-ngu/admin/meetings/${meeting!.id}`;
    const page = await admin.get(edit);
    assert.equal(page.statusCode, 200);
    const form = pageForms(page.body, edit).find((f) => f.action === edit)!;
    const fields: Record<string, string[]> = {};
    for (const [k, v] of form.fields) if (k !== "isPublic") (fields[k] ??= []).push(v);
    const saved = await admin.post(edit, fields, { csrf: null });
    assert.equal(
      saved.statusCode,
      303,
      [...saved.body.matchAll(/class="[^"]*error[^"]*"[^>]*>([^<]+)</g)]
        .map((m) => m[1])
        .join(" | "),
    );
    const [after] = await db.select().from(meetings).where(eq(meetings.id, meeting!.id));
    assert.equal(after!.isPublic, false);
    assert.doesNotMatch((await anon.get(q)).body, new RegExp(`/meetings/${meeting!.id}"`));

    const [theirs] = await docsOf(lomRaet, "partner");
    assert.ok(theirs, "the other tambon has partners in the search");
    const mine = await anon.get(`/t/la-ngu/search?q=${encodeURIComponent(theirs!.title)}`);
    assert.doesNotMatch(mine.body, new RegExp(`href="/t/[^/"]+${theirs!.url}"`));
    const count = await t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from search_documents where tambon_id = ${laNgu} and url = ${theirs!.url} and title = ${theirs!.title}`,
    );
    assert.equal(count[0]!.n, 0);
  });
});
