import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { and, count, eq } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { makePerson, makeTambon, FACTORY_PASSWORD } from "../helpers/factories/core.ts";
import { auditLog, users } from "../../src/core/db/schema.ts";
import { siteNews } from "../../src/modules/site/news/schema.ts";

/**
 * Every action that closes, deletes, archives, publishes for good or opens a vote runs only when
 * its form says it was confirmed (`confirmed=1`, the tick or the confirmation page). A request
 * without it — forged, or from a browser that ignores `required` — goes through the route's own
 * checks first (403 without the right, 404 for another tambon's record), then is refused with 422
 * and the confirmation to send it again (what it sent kept), nothing stored; with the tick it runs.
 * The guard is the route option `confirmFirst` (src/core/confirmation.tsx); this file lists the
 * routes that must have it, and checks every other route named like one too.
 */

/** The dangerous routes, each with the form a page sends (ids need not exist). */
const DANGEROUS: [route: string, form?: Record<string, string>][] = [
  ["/t/:tambon/admin/people/:id/status", { status: "removed" }],
  ["/t/:tambon/admin/site/docs/:id/delete"],
  ["/t/:tambon/admin/site/photo/:id/delete"],
  ["/t/:tambon/admin/site/menu/:id/delete"],
  ["/t/:tambon/admin/site/news/:id/delete"],
  ["/t/:tambon/admin/site/pages/:id/delete"],
  ["/t/:tambon/admin/site/job-links/:id/delete"],
  ["/t/:tambon/admin/areas/:id/archive", { archived: "1" }],
  ["/t/:tambon/decisions/:id/phase"],
  ["/t/:tambon/decisions/:id/cancel"],
  ["/t/:tambon/admin/agenda/:id/delete"],
  ["/t/:tambon/admin/meeting-files/:id/delete"],
  ["/t/:tambon/admin/attendance/:id/delete"],
  ["/t/:tambon/admin/resolutions/:id/delete"],
  ["/t/:tambon/admin/meetings/:id/confirm"],
  ["/t/:tambon/admin/nominations/:id/withdraw"],
  ["/t/:tambon/admin/network/pillars/:id/archive", { archived: "1" }],
  ["/t/:tambon/admin/network/lists/:id/archive", { archived: "1" }],
  ["/t/:tambon/admin/network/agreements/:id/parties/:partyId/delete"],
  ["/t/:tambon/admin/network/agreements/:id/activities/:activityId/delete"],
  ["/t/:tambon/admin/network/links/:id/delete"],
  ["/t/:tambon/admin/network/centres/:id/photos/:photoId/delete"],
  ["/t/:tambon/admin/network/people/:id/roles/:roleId/delete"],
  ["/t/:tambon/admin/network/people/:id/affiliations/:affiliationId/delete"],
  ["/t/:tambon/admin/charter-editions/:id/vote", { area: "1" }],
  ["/t/:tambon/admin/charter-editions/:id/adopt-vote"],
  ["/t/:tambon/admin/charter-editions/:id/withdraw-vote"],
  ["/t/:tambon/admin/charter-editions/:id/adopt-resolution", { resolution: "1" }],
  ["/t/:tambon/charter-signatories/:id/delete"],
  ["/t/:tambon/charter-photos/:id/delete"],
  ["/t/:tambon/admin/projects/:id/merge", { intoId: "1" }],
  ["/t/:tambon/admin/plans/:id/vote", { title: "ทำอะไรก่อน", areaId: "1", projects: "1" }],
  ["/t/:tambon/admin/milestones/:id/delete"],
  ["/t/:tambon/admin/project-files/:id/delete"],
  ["/t/:tambon/evaluations/:id/close", { decisions: "ทำต่อ" }],
  ["/t/:tambon/admin/community/forms/:id/items/:name/delete"],
  ["/t/:tambon/admin/community/forms/:id/publish"],
  ["/t/:tambon/admin/community/forms/:id/rounds/:roundId/close"],
  ["/t/:tambon/admin/community/indicators/:id/remove"],
];

/**
 * POST routes named like a dangerous action that do not ask first, and why. Every other route
 * whose last word is one of DANGEROUS_WORDS is checked as the listed ones are.
 */
const NOT_DANGEROUS: Record<string, string> = {
  "/t/:tambon/decisions/:id/ballot/withdraw":
    "a voter takes back their own ballot while voting is open, and may vote again",
  "/t/:tambon/admin/charter-editions/:id/hearing-meetings/remove":
    "takes a meeting off a hearing's list; it can be listed again",
  "/t/:tambon/admin/projects/:id/clauses/unlink": "a link, made again in one step",
  "/t/:tambon/admin/indicators/:id/projects/unlink": "a link, made again in one step",
  "/t/:tambon/admin/memberships/:id/end":
    "records the day a member left a group; the day can be corrected on the same form",
  "/t/:tambon/admin/terms/:id/end":
    "records the day a representative's term ended; the day can be corrected on the same form",
};
const DANGEROUS_WORDS =
  /\/(delete|archive|close|withdraw|withdraw-vote|adopt-vote|adopt-resolution|vote|phase|cancel|merge|publish|remove|confirm|unlink|end)$/;

/** Fills a route's parameters: the test tambon, and ids that no row has. */
const fill = (route: string) =>
  route
    .replace(":tambon", "home")
    .replace(/:name\b/, "q1")
    .replace(/:\w+/g, "987654");

describe("an action that cannot be undone asks first, on the server too", () => {
  let t: TestApp;
  let admin: Client;
  let homeId = 0;

  before(async () => {
    t = await startTestApp("pglite", {
      seed: async (db) => {
        const { tambon } = await makeTambon(db, { slug: "home", villages: 1 });
        homeId = tambon.id;
        const id = await makePerson(db, tambon.id, { username: "netadmin" });
        await db.update(users).set({ isNetworkAdmin: true }).where(eq(users.id, id));
        await makePerson(db, tambon.id, { username: "home-admin", roles: ["admin"] });
        await makePerson(db, tambon.id, { username: "home-member" });
        const other = await makeTambon(db, { slug: "other", villages: 1 });
        await makePerson(db, other.tambon.id, { username: "other-admin", roles: ["admin"] });
      },
    });
    admin = await Client.as(t.app, "netadmin", FACTORY_PASSWORD);
  });

  /** A news item of the home tambon, to delete. */
  async function news(title = "ข่าวที่จะลบ"): Promise<number> {
    const [row] = await t.database.db
      .insert(siteNews)
      .values({ tambonId: homeId, title })
      .returning({ id: siteNews.id });
    return row!.id;
  }
  const newsLeft = async (id: number) =>
    (
      await t.database.db
        .select({ id: siteNews.id })
        .from(siteNews)
        .where(and(eq(siteNews.id, id), eq(siteNews.tambonId, homeId)))
    ).length;
  const audited = async () =>
    (
      await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.tambonId, homeId))
    )[0]!.n;
  async function signedIn(username: string): Promise<Client> {
    const c = await Client.as(t.app, username, FACTORY_PASSWORD);
    return c;
  }
  after(async () => {
    await t?.close();
  });

  /** The listed routes and every other POST route named like a dangerous action. */
  function dangerousRoutes(): [string, Record<string, string>][] {
    const listed = new Map(DANGEROUS.map(([r, form]) => [r, form ?? {}]));
    for (const r of t.app.routeList)
      if (r.method === "POST" && DANGEROUS_WORDS.test(r.url) && !(r.url in NOT_DANGEROUS))
        if (!listed.has(r.url)) listed.set(r.url, {});
    return [...listed];
  }

  test("every listed route is a route of the app", () => {
    const posts = new Set(t.app.routeList.filter((r) => r.method === "POST").map((r) => r.url));
    for (const [route] of DANGEROUS) assert.ok(posts.has(route), `no POST route ${route}`);
    for (const route of Object.keys(NOT_DANGEROUS))
      assert.ok(posts.has(route), `no POST route ${route}`);
  });

  test("each asks first; a record that is nobody's is not found, ticked or not", async () => {
    const csrf = await admin.csrf("/t/home/admin/settings");
    const asking = new Set(t.app.routeList.filter((r) => r.asksFirst).map((r) => r.url));
    const report: string[] = [];
    const routes = dangerousRoutes();
    assert.ok(routes.length >= DANGEROUS.length);
    for (const [route, form] of routes) {
      if (!asking.has(route)) report.push(`${route} does not ask first`);
      const url = fill(route);
      // The route's own lookup comes before the confirmation: the ids are nobody's, so the
      // route answers (not found, or the form's own error), ticked or not.
      for (const sent of [form, { ...form, confirmed: "1" }]) {
        const res = await admin.post(url, sent, { csrf });
        if (res.statusCode === 500 || res.body.includes("ยังไม่ได้ยืนยัน"))
          report.push(`${url} ${sent.confirmed ? "with" : "without"} the tick: ${res.statusCode}`);
      }
    }
    assert.deepEqual(report, []);
  });

  test("the confirmation comes after the access check and the lookup, and before anything is kept", async () => {
    const id = await news();
    const url = `/t/home/admin/site/news/${id}/delete`;
    const before = await audited();

    const member = await signedIn("home-member");
    const forbidden = await member.post(url, {}, { csrf: await member.csrf("/t/home") });
    assert.equal(forbidden.statusCode, 403, "a member without the right is refused first");
    assert.doesNotMatch(forbidden.body, /ยังไม่ได้ยืนยัน/);

    const stranger = await signedIn("other-admin");
    const otherCsrf = await stranger.csrf("/t/other/admin/settings");
    const elsewhere = await stranger.post(
      `/t/other/admin/site/news/${id}/delete`,
      {},
      {
        csrf: otherCsrf,
      },
    );
    assert.equal(elsewhere.statusCode, 404, "another tambon's admin, with this tambon's id");
    assert.doesNotMatch(elsewhere.body, /ยังไม่ได้ยืนยัน/);
    const foreign = await stranger.post(url, {}, { csrf: otherCsrf });
    assert.equal(foreign.statusCode, 403, "another tambon's admin, in this tambon");

    const owner = await signedIn("home-admin");
    const csrf = await owner.csrf("/t/home/admin/settings");
    const unticked = await owner.post(url, { note: "ลบ" }, { csrf });
    assert.equal(unticked.statusCode, 422);
    assert.match(unticked.body, /ยังไม่ได้ยืนยัน/);
    assert.ok(unticked.body.includes(`<form method="post" action="${url}"`));
    assert.match(unticked.body, /<input type="checkbox" name="confirmed" value="1" required/);
    assert.ok(unticked.body.includes('<input type="hidden" name="note" value="ลบ"'));
    assert.equal(await newsLeft(id), 1, "the news item is still there");
    assert.equal(await audited(), before, "nothing audited: nothing was done");

    const ticked = await owner.post(url, { note: "ลบ", confirmed: "1" }, { csrf });
    assert.equal(ticked.statusCode, 303);
    assert.equal(await newsLeft(id), 0, "with the tick it is deleted");
    assert.equal(await audited(), before + 1);
  });

  test("the page to send again escapes what was sent and never writes back a password or secret", async () => {
    const csrf = await admin.csrf("/t/home/admin/settings");
    const url = `/t/home/admin/site/news/${await news()}/delete`;
    const res = await admin.post(
      url,
      {
        note: '"><script>alert(1)</script>',
        password: "hunter2-secret-pw",
        accessToken: "tok-AAAA-should-not-show",
        channelSecret: "0123456789abcdef0123456789abcdef",
      },
      { csrf },
    );
    assert.equal(res.statusCode, 422);
    assert.doesNotMatch(res.body, /<script>alert/);
    assert.match(res.body, /name="note" value="&quot;>&lt;script>alert\(1\)&lt;\/script>"/);
    assert.doesNotMatch(res.body, /hunter2|tok-AAAA|0123456789abcdef/);
  });

  test("restoring an archived entry is not dangerous and needs no tick", async () => {
    const csrf = await admin.csrf("/t/home/admin/settings");
    for (const route of [
      "/t/:tambon/admin/areas/:id/archive",
      "/t/:tambon/admin/network/lists/:id/archive",
    ]) {
      const res = await admin.post(fill(route), { archived: "0" }, { csrf });
      assert.equal(res.statusCode, 404, route);
    }
  });

  test("the refusal is in English for an English reader", async () => {
    const english = new Client(t.app);
    english.cookies.set("tlang", "en");
    await english.login("netadmin", FACTORY_PASSWORD);
    const csrf = await english.csrf("/t/home/admin/settings");
    const url = `/t/home/admin/site/news/${await news()}/delete`;
    const res = await english.post(url, {}, { csrf });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Not confirmed: tick the box to confirm, then press again\./);
  });
});
