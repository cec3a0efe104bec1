import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { eq, sql, type SQL } from "drizzle-orm";
import { DB_KINDS } from "../helpers/db.ts";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { multipart, type FilePart } from "../helpers/multipart.ts";
import { pageForms, pageLinks, type PageForm } from "../helpers/forms.ts";
import { watchRowChanges, type RowChanges } from "../helpers/row-changes.ts";
import { fillRoute, recordIds } from "../helpers/tenant-data.ts";
import { copyRows } from "../helpers/row-copies.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { modules } from "../../src/modules/index.ts";

/*
 * Every route that asks first (`confirmFirst`, `asksFirst` in the route list — a new one is
 * covered without being named here) is sent, on the demo (PGlite and PostgreSQL), the fields of
 * its own form as the page shows it for a real record, by the tambon's admin (or the network's
 * admin), WITHOUT the tick. The route runs as usual until audit() refuses the change; the answer
 * must be 422 and no row of any table may have changed: a command that writes outside the
 * transaction of its audit() call, or catches the refusal and carries on, leaves a change that
 * the triggers record, or answers something else than 422.
 */

/** The page an unconfirmed action answers with: its form again, with the tick to confirm. */
const CONFIRM_AGAIN = /<input type="checkbox" name="confirmed" value="1" required/;

/** Who sends the forms: the tambon's admin, then the network's admin for what is left. */
const ACTORS = ["langu-admin", "admin"];

/**
 * Routes that ask first and cannot be given a real record of the demo in this walk, and why.
 * Each must still answer without a 500 and store nothing; it is reported if it starts to answer
 * 422 (then it belongs in the walk and should leave this list).
 */
const NO_REAL_RECORD: Record<string, string> = {};

/** The fields of a route's form, for the routes whose page the walk may not reach. */
const FIELDS: Record<string, Record<string, string>> = {};

/**
 * Records to try for a route whose form the walk did not reach (a record in a state the route
 * acts on, such as a meeting whose minutes are not confirmed yet): the URLs of its newest 40 rows.
 * Routes not named here try the tambon's rows of the table behind their last segment.
 */
const CANDIDATES: Record<string, (tambonId: number) => SQL> = {
  "/t/:tambon/admin/network/people/:id/roles/:roleId/delete": (id) =>
    sql`select user_id as a, id as b from network_person_roles where tambon_id = ${id} order by id desc limit 40`,
  "/t/:tambon/admin/network/people/:id/affiliations/:affiliationId/delete": (id) =>
    sql`select user_id as a, id as b from network_affiliations where tambon_id = ${id} order by id desc limit 40`,
};

/** A route's URL as a pattern for the paths of one tambon. */
const pathPattern = (url: string, slug: string) =>
  new RegExp(`^${url.replace(":tambon", slug).replace(/:\w+/g, "[^/?]+")}(?:\\?.*)?$`);

for (const kind of DB_KINDS) {
  describe(`an unticked dangerous action stores nothing on ${kind}`, () => {
    let t: TestApp;
    let slug = "";
    let ids: Record<string, string> = {};
    let watch: RowChanges;
    const clients = new Map<string, { client: Client; token: string }>();

    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const [la] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      slug = la!.slug;
      ids = await recordIds(t.database, la!.id);
      for (const username of ACTORS) {
        const client = await Client.as(t.app, username);
        clients.set(username, { client, token: await client.csrf(`/t/${slug}/complaints`) });
      }
      // The demo has no LINE account: the tambon's admin sets one up and asks for a link code, so
      // removing the account and unlinking have a record to act on.
      const { client, token } = clients.get("langu-admin")!;
      const channel = await client.post(
        `/t/${slug}/admin/notices/line`,
        {
          basicId: "@tambon-test",
          accessToken: "A".repeat(40),
          channelSecret: "0123456789abcdef0123456789abcdef",
        },
        { csrf: token },
      );
      assert.equal(channel.statusCode, 303, "the LINE account is saved");
      const code = await client.post(`/t/${slug}/notices/line/code`, {}, { csrf: token });
      assert.equal(code.statusCode, 303, "a link code is made");
      // The demo's attendance, resolutions and nominations of La-ngu all belong to meetings whose
      // minutes are confirmed (locked), and no indicator is linked to answers: one of each is
      // copied into a meeting still open, and one indicator is linked, so removing them is
      // something the routes do (and must not keep when unticked).
      const own = la!.id;
      const [open] = await t.database.rows<{ id: number }>(sql`
      select id from meetings where tambon_id = ${own} and minutes_confirmed_at is null
        and status <> 'cancelled' order by id limit 1`);
      assert.ok(open, "the demo has a meeting whose minutes are open");
      for (const [table, overrides] of [
        ["meeting_attendances", {}],
        ["resolutions", {}],
        ["group_nominations", { status: "'proposed'", resolution_id: "null" }],
      ] as const)
        await copyRows(t.database, table, {
          n: 1,
          from: `t.tambon_id = ${own}`,
          tambons: `tb.id = ${own}`,
          overrides: { meeting_id: String(open!.id), ...overrides },
        });
      await t.database.rows(sql`
      insert into community_indicator_sources (tambon_id, indicator_id, form_id, question)
      select ${own}, ${Number(ids.indicators)}, f.id, 'q1' from community_forms f
      where f.tambon_id = ${own} order by f.id limit 1`);
      watch = await watchRowChanges(t.database);
    });
    after(async () => {
      await t?.close();
    });

    /** A small file of the kind a file input accepts. */
    function fileFor(accept: string): FilePart {
      if (/image/.test(accept))
        return {
          filename: "photo.png",
          type: "image/png",
          data: Buffer.from(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
            "base64",
          ),
        };
      return { filename: "document.pdf", type: "application/pdf", data: Buffer.from("%PDF-1.4\n") };
    }

    /** URLs of the route for real records of the tambon, the first of each segment first. */
    async function candidates(route: string): Promise<string[]> {
      const first = fillRoute(route, slug, ids);
      const own = Number(await tambonId());
      const query = CANDIDATES[route];
      let rows: { a: number; b?: number }[] = [];
      if (query) rows = await t.database.rows<{ a: number; b: number }>(query(own));
      else {
        const m = /\/([a-z-]+)\/:\w+(?:\/[a-z-]+)*$/.exec(route);
        const table = m && modules.map((x) => x.resources?.[m[1]!]).find(Boolean);
        if (table)
          rows = await t.database.rows<{ a: number }>(
            sql`select id as a from ${table} where tambon_id = ${own} order by id desc limit 40`,
          );
      }
      const urls = rows.map((r) => {
        let i = 0;
        const values = r.b === undefined ? null : [r.a, r.b];
        return route
          .replace(":tambon", slug)
          .replace(/:\w+/g, (p) =>
            values
              ? String(values[i++])
              : i++ === route.match(/:\w+/g)!.length - 2
                ? String(r.a)
                : p,
          );
      });
      return [first, ...urls.filter((u) => u !== first && !u.includes(":"))];
    }
    async function tambonId() {
      const [own] = await t.database.db.select().from(tambons).where(eq(tambons.slug, slug));
      return own!.id;
    }

    test("every route that asks first answers 422 without the tick and no table changes", async () => {
      const asking = t.app.routeList.filter((r) => r.method === "POST" && r.asksFirst);
      assert.ok(asking.length >= 30, `${asking.length} routes ask first`);
      for (const url of Object.keys(NO_REAL_RECORD))
        assert.ok(
          asking.some((r) => r.url === url),
          `${url} is listed but does not ask first`,
        );

      // The page that holds each route's form, found by walking the tambon's pages and their links.
      const found = new Map<string, { actor: string; form: PageForm }>();
      const patterns = asking.map((r) => ({ url: r.url, re: pathPattern(r.url, slug) }));
      const pages = t.app.routeList
        .filter(
          (r) => r.method === "GET" && !/\*|\.(csv|pdf|ics|json|xml|txt|png|svg)$/.test(r.url),
        )
        .map((r) => ({ re: pathPattern(r.url, slug), url: r.url, visits: 0 }));
      for (const actor of ACTORS) {
        const { client } = clients.get(actor)!;
        const queue = pages.flatMap((p) => {
          try {
            return p.url.startsWith("/t/") ? [fillRoute(p.url, slug, ids)] : [];
          } catch {
            return [];
          }
        });
        const seen = new Set<string>();
        for (const p of pages) p.visits = 0;
        while (queue.length && found.size < asking.length) {
          const url = queue.shift()!;
          const page = pages.find((p) => p.re.test(url));
          if (seen.has(url) || !page || page.visits >= 3) continue;
          seen.add(url);
          page.visits++;
          const res = await client.get(url);
          if (
            res.statusCode !== 200 ||
            !String(res.headers["content-type"]).startsWith("text/html")
          )
            continue;
          for (const form of pageForms(res.body, url)) {
            const route = patterns.find((p) =>
              p.re.test(new URL(form.action, "http://x").pathname),
            );
            if (route && !found.has(route.url)) found.set(route.url, { actor, form });
          }
          for (const link of pageLinks(res.body, url))
            if (link.startsWith(`/t/${slug}/`)) queue.push(link);
        }
      }

      const report: string[] = [];
      const checked: string[] = [];
      for (const route of asking) {
        // A form the walk did not reach is sent to the tambon's first record of each segment, with
        // the fields its form has (FIELDS).
        const known = found.get(route.url);
        const listed = route.url in NO_REAL_RECORD;
        const urls = known ? [known.form.action] : await candidates(route.url);
        let acted = false;
        for (const [n, url] of urls.entries()) {
          if (acted) break;
          const actor = known?.actor ?? ACTORS[0]!;
          const last = n === urls.length - 1;
          const { client, token } = clients.get(actor)!;
          const fields: [string, string][] = [
            ...(known?.form.fields ?? Object.entries(FIELDS[route.url] ?? {})).filter(
              ([k]) => k !== "_csrf" && k !== "confirmed",
            ),
            ["_csrf", token],
          ];
          const mark = await watch.mark();
          let status: number;
          let body: string;
          if (known?.form.multipart) {
            const files: Record<string, FilePart> = {};
            for (const f of known.form.files) files[f.name] = fileFor(f.accept);
            const form = multipart(Object.fromEntries(fields), files);
            const res = await t.app.inject({
              method: "POST",
              url,
              remoteAddress: client.ip,
              headers: { cookie: client.cookieHeader(), "content-type": form.contentType },
              payload: form.body,
            });
            status = res.statusCode;
            body = res.body;
          } else {
            const sent: Record<string, string[]> = {};
            for (const [k, v] of fields) (sent[k] ??= []).push(v);
            const res = await client.post(url, sent, { csrf: null });
            status = res.statusCode;
            body = res.body;
          }
          const changes = await watch.since(mark);
          for (const c of changes)
            report.push(
              `${actor} POST ${url} (${status}) kept a ${c.op.toLowerCase()} of ${c.table}`,
            );
          // The refusal of audit(), not a form's own error (also 422): the page to confirm.
          const refused = status === 422 && CONFIRM_AGAIN.test(body);
          acted = refused || changes.length > 0;
          // Another record of the table may be one the route acts on.
          if (!acted && !last && !listed && status < 500) continue;
          acted = true;
          if (!listed) {
            if (!refused)
              report.push(`${actor} POST ${url} answered ${status}, not 422 asking to confirm`);
            else checked.push(route.url);
          } else if (refused || status >= 500)
            report.push(`${actor} POST ${url} (listed without a record) answered ${status}`);
        }
      }
      assert.deepEqual(report, []);
      assert.equal(checked.length + Object.keys(NO_REAL_RECORD).length, asking.length);
    });
  });
}
