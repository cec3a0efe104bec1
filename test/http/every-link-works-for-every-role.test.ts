import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";

/**
 * A crawler over the demo: signed in as each demo role of La-ngu, anonymous and as the network
 * administrator, it follows every link and GET form of the site it can see, breadth first, and fails
 * on a page that is missing (404), broken (500) or a bare JSON / plain-text error. POST forms are not
 * sent; their action must be a POST route of the app. Which URLs it visited per role is written to
 * a file (named in the test's diagnostics) so its reach can be seen.
 */

const TAMBON = "la-ngu";
/** Pages per role at most; a URL shape (ids as :n, the same query names) is visited once. */
const BOUND = Number(process.env.CRAWL_BOUND ?? 700);
const SAME_SHAPE = 1;

const ROLES: { name: string; login: string | null; start: string[] }[] = [
  { name: "anonymous", login: null, start: ["/", `/t/${TAMBON}`] },
  { name: "langu-osm", login: "langu-osm", start: [`/t/${TAMBON}`, "/account"] },
  { name: "langu-rep", login: "langu-rep", start: [`/t/${TAMBON}`, "/account"] },
  { name: "langu-wg", login: "langu-wg", start: [`/t/${TAMBON}`, `/t/${TAMBON}/admin`] },
  { name: "langu-admin", login: "langu-admin", start: [`/t/${TAMBON}`, `/t/${TAMBON}/admin`] },
  { name: "network admin", login: "admin", start: ["/", "/admin", `/t/${TAMBON}/admin`] },
];

/** GET links that change the visitor's state and are checked once, not followed. */
const CHECK_ONLY = [/^\/lang\b/];

/** The shape of a URL: numbers and "12-slug" segments as :n, query values of ids as :n. */
function shapeOf(url: URL): string {
  const p = url.pathname.replace(/\/\d+(-[^/]*)?(?=\/|$)/g, "/:n");
  const q = [...url.searchParams.keys()].sort().join("&");
  return q ? `${p}?${q}` : p;
}

/** The links and GET form submissions of a page, as same-site URLs. */
function targetsOf(html: string, pageUrl: string): { gets: string[]; posts: string[] } {
  const base = new URL(pageUrl, "http://localhost");
  const doc = parseDocument(html);
  const gets: string[] = [];
  const posts: string[] = [];
  const local = (href: string): URL | null => {
    if (/^(mailto|tel|javascript|data):/i.test(href)) return null;
    const u = new URL(href, base);
    if (u.origin !== base.origin) return null;
    u.hash = "";
    return u;
  };
  for (const a of DomUtils.getElementsByTagName("a", doc)) {
    const href = a.attribs.href;
    if (!href || href.startsWith("#")) continue;
    const u = local(href);
    if (u) gets.push(u.pathname + u.search);
  }
  for (const form of DomUtils.getElementsByTagName("form", doc)) {
    const u = local(form.attribs.action || base.href);
    if (!u) continue;
    if ((form.attribs.method ?? "get").toLowerCase() === "post") {
      posts.push(u.pathname);
      continue;
    }
    // A GET form as a person sends it without typing: its default values.
    const params = new URLSearchParams();
    for (const el of DomUtils.findAll(
      (e) => ["input", "select", "textarea"].includes(e.name),
      form.children,
    )) {
      const a = el.attribs;
      if (!a.name || a.disabled !== undefined) continue;
      if (el.name === "select") {
        const options = DomUtils.getElementsByTagName("option", el);
        const chosen = options.find((o) => o.attribs.selected !== undefined) ?? options[0];
        if (chosen) params.append(a.name, chosen.attribs.value ?? DomUtils.textContent(chosen));
      } else if (el.name === "textarea") params.append(a.name, DomUtils.textContent(el));
      else {
        const type = (a.type ?? "text").toLowerCase();
        if (["submit", "image", "button", "reset", "file"].includes(type)) continue;
        if ((type === "checkbox" || type === "radio") && a.checked === undefined) continue;
        params.append(a.name, a.value ?? "");
      }
    }
    const qs = params.toString();
    gets.push(u.pathname + (qs ? `?${qs}` : ""));
  }
  return { gets, posts };
}

/** The route patterns of the app as regular expressions, per method. */
function routeMatcher(routes: { method: string; url: string }[], method: string) {
  const res = routes
    .filter((r) => r.method === method)
    .map(
      (r) =>
        new RegExp(
          `^${r.url
            .split(/(:\w+|\*)/)
            .map((part) =>
              part === "*"
                ? ".*"
                : part.startsWith(":")
                  ? "[^/]+"
                  : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
            )
            .join("")}/?$`,
        ),
    );
  return (p: string) => res.some((re) => re.test(p));
}

interface Problem {
  role: string;
  url: string;
  status: number;
  why: string;
  from: string;
}

describe("every link works for every role", () => {
  let t: TestApp;
  let outDir = "";
  /** Files (PDF, spreadsheets, CSV) one role fetched whole: the next role only checks the link. */
  const files = new Set<string>();

  before(async () => {
    t = await startTestApp("pglite", { demo: true });
    outDir = path.join(tmpdir(), `tambon-crawl-${process.pid}`);
    mkdirSync(outDir, { recursive: true });
  });
  after(async () => {
    await t?.close();
  });

  test("a 3,000-character search answers a Thai or English page saying it is too long", async () => {
    // 3,000 Thai letters make an address too long to be a link (414); 300 Latin ones fit in the
    // address but not in a search (422). Both pages say that the search is too long.
    for (const [q, status] of [
      ["ค้นหา".repeat(600), 414],
      ["x".repeat(300), 422],
    ] as const)
      for (const [lang, text] of [
        ["th", "คำค้นยาวเกินไป"],
        ["en", "The search words are too long"],
      ] as const) {
        const res = await t.app.inject({
          url: `/t/${TAMBON}/search?q=${encodeURIComponent(q)}`,
          headers: { cookie: `tlang=${lang}` },
        });
        assert.equal(res.statusCode, status);
        assert.match(String(res.headers["content-type"]), /^text\/html/);
        assert.match(res.body, new RegExp(`<html lang="${lang}"`));
        assert.ok(res.body.includes(text), `the ${lang} page says the search is too long`);
      }
  });

  test("an over-long query parameter on any list answers a page, never raw JSON or a 500", async () => {
    const long = "ก".repeat(3000);
    const lists = [
      "/search",
      "/news",
      "/decisions",
      "/meetings",
      "/partners",
      "/plans",
      "/charter",
      "/community",
      "/complaints",
      "/admin/audit",
      "/admin/people",
    ];
    const admin = await Client.as(t.app, "langu-admin");
    const odd: string[] = [];
    for (const list of lists)
      for (const key of ["q", "page", "from", "village", "kind", "year", "status"]) {
        const url = `/t/${TAMBON}${list}?${key}=${encodeURIComponent(long)}`;
        const res = await admin.get(url);
        const type = String(res.headers["content-type"] ?? "");
        if (res.statusCode >= 500 || !type.startsWith("text/html") || !/<main/.test(res.body))
          odd.push(`${res.statusCode} ${type} ${list}?${key}=…`);
      }
    assert.deepEqual(odd, []);
  });

  for (const role of ROLES) {
    test(`${role.name}: every link and GET form it sees answers a page`, async (tc) => {
      const client = new Client(t.app);
      if (role.login) await client.login(role.login);
      const isPost = routeMatcher(t.app.routeList, "POST");
      const problems: Problem[] = [];
      const visited: string[] = [];
      const seen = new Set<string>();
      const shapes = new Map<string, number>();
      const checkedPosts = new Set<string>();
      const queue: { url: string; from: string }[] = role.start.map((url) => ({
        url,
        from: "(start)",
      }));
      const enqueue = (url: string, from: string) => {
        if (seen.has(url)) return;
        const u = new URL(url, "http://localhost");
        if (u.pathname.startsWith("/static/")) return;
        const shape = shapeOf(u);
        const n = shapes.get(shape) ?? 0;
        if (n >= SAME_SHAPE) return;
        shapes.set(shape, n + 1);
        seen.add(url);
        queue.push({ url, from });
      };
      for (const s of role.start) seen.add(s);

      while (queue.length && visited.length < BOUND) {
        const { url, from } = queue.shift()!;
        if (files.has(url)) {
          visited.push(`(file, fetched before) ${url} (from ${from})`);
          continue;
        }
        // Not Client.get: a page's cookies (the language switch) must not change the crawl.
        const res = await t.app.inject({
          method: "GET",
          url,
          remoteAddress: client.ip,
          headers: { cookie: client.cookieHeader() },
        });
        visited.push(`${res.statusCode} ${url} (from ${from})`);
        const type = String(res.headers["content-type"] ?? "");
        const html = type.startsWith("text/html");
        if (res.statusCode === 200 && !html) files.add(url);
        // A link of the tambon that its own reader may not open is as broken as a missing page.
        const refused = res.statusCode === 403 && role.login && url.startsWith(`/t/${TAMBON}/`);
        if (res.statusCode === 404 || res.statusCode >= 500 || refused)
          problems.push({ role: role.name, url, status: res.statusCode, why: "status", from });
        else if (res.statusCode >= 400 && !html)
          problems.push({ role: role.name, url, status: res.statusCode, why: `raw ${type}`, from });
        else if (
          type.startsWith("application/json") &&
          /"statusCode"\s*:|"error"\s*:/.test(res.body.slice(0, 300))
        )
          problems.push({ role: role.name, url, status: res.statusCode, why: "JSON error", from });
        if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) {
          const loc = new URL(String(res.headers.location), "http://localhost");
          if (loc.origin === "http://localhost") enqueue(loc.pathname + loc.search, url);
          continue;
        }
        if (!html || res.statusCode >= 400 || CHECK_ONLY.some((re) => re.test(url))) continue;
        // Another tambon's pages are checked where La-ngu's link to them, not crawled through.
        const other = /^\/t\/([^/?]+)/.exec(url);
        if (other && other[1] !== TAMBON) continue;
        const { gets, posts } = targetsOf(res.body, url);
        for (const g of gets) {
          if (CHECK_ONLY.some((re) => re.test(g))) {
            // Checked once per role: it answers, by a redirect back.
            const key = g.split("?")[0]!;
            if (!checkedPosts.has(key)) {
              checkedPosts.add(key);
              enqueue(g, url);
            }
            continue;
          }
          enqueue(g, url);
        }
        for (const p of posts) {
          if (checkedPosts.has(`POST ${p}`)) continue;
          checkedPosts.add(`POST ${p}`);
          if (!isPost(p))
            problems.push({ role: role.name, url: p, status: 0, why: "no POST route", from: url });
        }
      }

      const file = path.join(outDir, `${role.name.replace(/\W+/g, "-")}.txt`);
      writeFileSync(file, visited.join("\n") + "\n");
      tc.diagnostic(`${role.name}: ${visited.length} pages visited, listed in ${file}`);
      tc.diagnostic(visited.join("\n"));
      assert.ok(visited.length >= 20, `${role.name} reached only ${visited.length} pages`);
      assert.deepEqual(
        problems.map((p) => `${p.status} ${p.url} (${p.why}; linked from ${p.from})`),
        [],
      );
    });
  }
});
