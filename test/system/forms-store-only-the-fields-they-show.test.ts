import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import sharp from "sharp";
import { and, eq, inArray, notInArray } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { multipart, type FilePart } from "../helpers/multipart.ts";
import { pageForms, pageLinks, type PageForm } from "../helpers/forms.ts";
import { watchRowChanges, type RowChange, type RowChanges } from "../helpers/row-changes.ts";
import { fillRoute, recordIds } from "../helpers/tenant-data.ts";
import { roleGrants, tambonMembers, tambons, users } from "../../src/core/db/schema.ts";
import { hashPassword } from "../../src/core/auth/password.ts";
import { SESSION_COOKIE } from "../../src/core/http.ts";
import { DEMO_PASSWORD } from "../../src/demo/load-demo.ts";

/*
 * Every POST route of the app, found in the route list (a new route is covered without being
 * named here), is sent the fields of its own form as the page shows it, plus forged fields the
 * form does not have: the other tambon's id, ids of its people, a new id, a status, a code, an
 * answer, a slug and a creation date. Triggers record every row written by each request, so a
 * forged value that reaches any table is reported with the route, the role and the column, and
 * so is any row of the other tambon that a request inserts, updates or deletes.
 */

/** Who submits every form, from nobody to the network's administrator (demo accounts of La-ngu). */
const ACTORS: { role: string; username: string | null }[] = [
  { role: "anonymous", username: null },
  { role: "pending member", username: "langu-pending" },
  { role: "member", username: "langu-member" },
  { role: "working group", username: "langu-wg" },
  { role: "facilitator", username: "langu-facilitator" },
  { role: "editor", username: "langu-editor" },
  { role: "tambon admin", username: "langu-admin" },
  { role: "network admin", username: "admin" },
];

/** Forged text values no form offers and no command writes by itself. */
const FORGED_TEXT: Record<string, string> = {
  createdAt: "1999-01-01",
  code: "FORGED-CODE",
  answer: "forged-answer-xyz",
  slug: "forged-slug-xyz",
};
/** An id no table holds, so a row that takes it can only have taken it from the request. */
const FORGED_ID = "987654321";
/** Statuses to forge, each with the word of a route that sets it openly (`/adopt-vote` adopts). */
const FORGED_STATUSES: [string, string][] = [
  ["published", "publish"],
  ["adopted", "adopt"],
  ["closed", "close"],
  ["answered", "answer"],
  ["approved", "approv"],
];

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A route's URL as a pattern for the paths of one tambon. */
const pathPattern = (url: string, slug: string) =>
  new RegExp(`^${url.replace(":tambon", slug).replace(/:\w+/g, "[^/?]+")}(?:\\?.*)?$`);

describe("forms store only the fields they show", () => {
  let t: TestApp;
  let own: typeof tambons.$inferSelect;
  let other: typeof tambons.$inferSelect;
  let watch: RowChanges;
  let png: Buffer;
  const actorIds = new Set<string>();
  const otherUsers = new Set<number>();
  let forgedPeople: Record<string, string> = {};
  let ids: Record<string, string> = {};

  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    const all = await t.database.db.select().from(tambons);
    own = all.find((x) => x.slug === "la-ngu")!;
    other = all.find((x) => x.slug === "ko-kha")!;
    // A person who signed up and is not confirmed yet.
    const [pending] = await t.database.db
      .insert(users)
      .values({
        name: "ผู้สมัครรอยืนยัน (ทดสอบ)",
        username: "langu-pending",
        passwordHash: await hashPassword(DEMO_PASSWORD),
      })
      .returning({ id: users.id });
    await t.database.db
      .insert(tambonMembers)
      .values({ tambonId: own.id, userId: pending!.id, status: "pending" });
    await t.database.db
      .insert(roleGrants)
      .values({ tambonId: own.id, userId: pending!.id, role: "member" });
    const named = await t.database.db
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(
        inArray(
          users.username,
          ACTORS.flatMap((a) => (a.username ? [a.username] : [])),
        ),
      );
    for (const u of named) actorIds.add(String(u.id));
    for (const m of await t.database.db
      .select({ userId: tambonMembers.userId })
      .from(tambonMembers)
      .where(eq(tambonMembers.tambonId, other.id)))
      otherUsers.add(m.userId);
    const kokha = async (username: string) => {
      const [u] = await t.database.db.select().from(users).where(eq(users.username, username));
      return String(u!.id);
    };
    // Ids of the other tambon's people, for the fields that name a person.
    forgedPeople = {
      authorId: await kokha("kokha-admin"),
      userId: await kokha("kokha-member"),
      createdBy: await kokha("kokha-editor"),
      assignedTo: await kokha("kokha-facilitator"),
    };
    const [resident] = await t.database.db
      .select({ id: tambonMembers.userId })
      .from(tambonMembers)
      .where(
        and(
          eq(tambonMembers.tambonId, own.id),
          notInArray(tambonMembers.userId, [...actorIds].map(Number)),
        ),
      )
      .limit(1);
    ids = { ...(await recordIds(t.database, own.id)), people: String(resident!.id), reset: "0" };
    png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#6a8" } })
      .png()
      .toBuffer();
    watch = await watchRowChanges(t.database);
  });
  after(async () => {
    await t?.close();
  });

  /** A small file of the kind a file input accepts. */
  function fileFor(accept: string): FilePart {
    if (/image/.test(accept)) return { filename: "photo.png", type: "image/png", data: png };
    if (/json/.test(accept))
      return { filename: "data.json", type: "application/json", data: Buffer.from("{}") };
    return {
      filename: "document.pdf",
      type: "application/pdf",
      data: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
    };
  }

  /** The forged fields sent with a form: every one the form itself does not have. */
  function forgeries(routeUrl: string, form: PageForm | undefined): Record<string, string> {
    const offered = new Set([...(form?.offers.values() ?? [])].flatMap((s) => [...s]));
    const status =
      FORGED_STATUSES.find(
        ([value, word]) => !offered.has(value) && !routeUrl.includes(word),
      )?.[0] ?? "published";
    const all: Record<string, string> = {
      tambonId: String(other.id),
      tambon_id: String(other.id),
      id: FORGED_ID,
      ...forgedPeople,
      status,
      ...FORGED_TEXT,
    };
    const present = new Set(form?.fields.map(([k]) => k) ?? []);
    for (const f of form?.files ?? []) present.add(f.name);
    return Object.fromEntries(Object.entries(all).filter(([k]) => !present.has(k)));
  }

  /** True when a written row belongs to the other tambon or is the account of one of its members. */
  function touchesOther(change: RowChange): boolean {
    const row = change.after ?? change.before ?? {};
    return (
      change.before?.tambon_id === other.id ||
      change.after?.tambon_id === other.id ||
      (change.table === "users" && otherUsers.has(Number(row.id)))
    );
  }

  /**
   * What of a written row came from a forged field, or touched the other tambon (unless the
   * form writes that table of the other tambon by design).
   */
  function forgedIn(
    change: RowChange,
    forged: Record<string, string>,
    byDesign: Set<string>,
  ): string[] {
    const found: string[] = [];
    const designed = byDesign.has(change.table);
    if (touchesOther(change) && !designed)
      found.push(`${change.op.toLowerCase()} of a ${change.table} row of ${other.slug}`);
    if (!change.after) return found;
    for (const [column, value] of Object.entries(change.after)) {
      if (change.before && isDeepStrictEqual(change.before[column], value)) continue;
      if (designed && column === "tambon_id") continue;
      for (const [field, sent] of Object.entries(forged)) {
        if (snake(field) === column && String(value) === sent)
          found.push(`${change.table}.${column} = ${JSON.stringify(value)} (forged ${field})`);
        else if (field in FORGED_TEXT && JSON.stringify(value).includes(sent))
          found.push(`${change.table}.${column} holds the forged ${field} "${sent}"`);
      }
    }
    return found;
  }

  test("no POST route stores a field its form does not show, for any role", async () => {
    const routes = t.app.routeList;
    const posts = routes.filter((r) => r.method === "POST");
    assert.ok(posts.length >= 100, `${posts.length} POST routes`);

    const clients = new Map<string, { client: Client; session?: string; token: string }>();
    /**
     * A client of the role with its CSRF token. It signs in again whenever its session changed
     * (signed out, a password change, or signed in as the person a sign-up form created), and
     * an anonymous visitor stays anonymous.
     */
    const clientOf = async (actor: (typeof ACTORS)[number]) => {
      let entry = clients.get(actor.role);
      if (!entry || entry.client.cookies.get(SESSION_COOKIE) !== entry.session) {
        const client = new Client(t.app);
        if (actor.username) await client.login(actor.username);
        entry = {
          client,
          session: client.cookies.get(SESSION_COOKIE),
          token: await client.csrf(`/t/${own.slug}/complaints`),
        };
        clients.set(actor.role, entry);
      }
      return entry;
    };

    // Find the page that holds each route's form, walking the tambon's pages and their links as
    // the tambon's admin, then as the network's admin for what is left.
    const found = new Map<string, { page: string; form: PageForm }>();
    const patterns = posts.map((r) => ({ url: r.url, re: pathPattern(r.url, own.slug) }));
    const pages = routes
      .filter((r) => r.method === "GET" && !/\*|\.(csv|pdf|ics|json|xml|txt|png|svg)$/.test(r.url))
      .map((r) => ({ re: pathPattern(r.url, own.slug), url: r.url, visits: 0 }));
    /** Keeps acting accounts out of the forms that change people, so every role keeps acting. */
    const touchesActor = (action: string) =>
      [...action.matchAll(/\/(?:people|users)\/(\d+)/g)].some((m) => actorIds.has(m[1]!));
    const crawl = async (username: string) => {
      const { client } = await clientOf(ACTORS.find((a) => a.username === username)!);
      const queue = pages.flatMap((p) => {
        try {
          return p.url.startsWith("/t/") || !p.url.includes(":")
            ? [fillRoute(p.url, own.slug, ids)]
            : [];
        } catch {
          return [];
        }
      });
      const seen = new Set<string>();
      for (const p of pages) p.visits = 0;
      while (queue.length && found.size < posts.length) {
        const url = queue.shift()!;
        const page = pages.find((p) => p.re.test(url));
        if (seen.has(url) || !page || page.visits >= 4 || touchesActor(url)) continue;
        seen.add(url);
        page.visits++;
        const res = await client.get(url);
        if (res.statusCode !== 200 || !String(res.headers["content-type"]).startsWith("text/html"))
          continue;
        for (const form of pageForms(res.body, url)) {
          const route = patterns.find((p) => p.re.test(form.action));
          if (route && !found.has(route.url) && !touchesActor(form.action))
            found.set(route.url, { page: url, form });
        }
        for (const link of pageLinks(res.body, url))
          if (link.startsWith(`/t/${own.slug}/`) || !link.startsWith("/t/")) queue.push(link);
      }
    };
    await crawl("langu-admin");
    await crawl("admin");
    assert.ok(
      found.size >= posts.length * 0.75,
      `forms found for ${found.size} of ${posts.length} routes`,
    );

    const report: string[] = [];
    let accepted = 0;
    const acceptedRoutes = new Set<string>();
    for (const route of posts) {
      const re = pathPattern(route.url, own.slug);
      const known = found.get(route.url);
      for (const actor of ACTORS) {
        const { client, token } = await clientOf(actor);
        // The form as this person sees it, or as the page shows it to those who may use it.
        let form = known?.form;
        if (known) {
          const res = await client.get(known.page);
          if (res.statusCode === 200)
            form =
              pageForms(res.body, known.page).find(
                (f) => re.test(f.action) && !touchesActor(f.action),
              ) ?? form;
        }
        const url = form?.action ?? fillRoute(route.url, own.slug, ids);
        /** Posts the form with the given forged fields; returns the answer and the rows written. */
        const send = async (forged: Record<string, string>) => {
          const fields: [string, string][] = [
            ...(form?.fields ?? []).filter(([k]) => k !== "_csrf"),
            ["_csrf", token],
            ...Object.entries(forged),
          ];
          const mark = await watch.mark();
          let res;
          if (form?.multipart) {
            const files: Record<string, FilePart> = {};
            for (const f of form.files) files[f.name] = fileFor(f.accept);
            const { body, contentType } = multipart(Object.fromEntries(fields), files);
            res = await t.app.inject({
              method: "POST",
              url,
              remoteAddress: client.ip,
              headers: { cookie: client.cookieHeader(), "content-type": contentType },
              payload: body,
            });
            for (const c of res.cookies) {
              if (c.value === "" || c.maxAge === 0) client.cookies.delete(c.name);
              else client.cookies.set(c.name, c.value);
            }
          } else {
            const body: Record<string, string[]> = {};
            for (const [k, v] of fields) (body[k] ??= []).push(v);
            res = await client.post(url, body, { csrf: null });
          }
          return { status: res.statusCode, changes: await watch.since(mark) };
        };
        /** Posts the form with forged fields and reports every one that was stored. */
        const submit = async (forged: Record<string, string>): Promise<number> => {
          const { status, changes } = await send(forged);
          if (status >= 500) report.push(`${actor.role} POST ${url} answered ${status}`);
          if (status < 400) {
            accepted++;
            acceptedRoutes.add(route.url);
          }
          // Some forms write into another tambon by design (a study visit is asked of the host
          // tambon's centre). The same form sent again without forged fields tells which tables.
          let byDesign = new Set<string>();
          if (changes.some((c) => touchesOther(c)))
            byDesign = new Set((await send({})).changes.filter(touchesOther).map((c) => c.table));
          for (const change of changes)
            for (const what of forgedIn(change, forged, byDesign))
              report.push(`${actor.role} POST ${url} (${status}): ${what}`);
          const names = Object.keys(forged);
          // Too many fields for the route: one forged field, then the rest in halves, unless
          // the route refuses even that.
          if (status === 413 && names.length > 1) {
            const pick = (part: string[]) => Object.fromEntries(part.map((k) => [k, forged[k]!]));
            if ((await submit(pick(names.slice(0, 1)))) !== 413) {
              const rest = names.slice(1);
              const half = Math.ceil(rest.length / 2);
              await submit(pick(rest.slice(0, half)));
              if (rest.length > half) await submit(pick(rest.slice(half)));
            }
          }
          return status;
        };
        await submit(forgeries(route.url, form));
      }
    }
    assert.deepEqual(report, []);
    // The walk is worth something only if the forms went through: most routes took one.
    assert.ok(
      acceptedRoutes.size > posts.length / 2,
      `${acceptedRoutes.size} of ${posts.length} routes accepted a submission (${accepted} in all)`,
    );
  });
});
