import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { Client, testConfig } from "../helpers/app.ts";
import { createApp } from "../../src/app.ts";
import type { Config } from "../../src/core/config.ts";
import { loadDemo } from "../../src/demo/load-demo.ts";
import { modules } from "../../src/modules/index.ts";
import { tambons, users } from "../../src/core/db/schema.ts";

const PUBLIC = "https://tambon.example.org";

function cookie(res: LightMyRequestResponse, name: string) {
  const c = res.cookies.find((x) => x.name === name);
  assert.ok(c, `cookie ${name} set`);
  return c;
}

for (const kind of DB_KINDS) {
  describe(`cookies, HTTPS, CSRF and tambon host names (${kind})`, () => {
    let database: TestDatabase;
    const apps: FastifyInstance[] = [];
    let plain: FastifyInstance;
    let secure: FastifyInstance;
    let proxied: FastifyInstance;
    let memberId = 0;

    const build = async (over: Partial<Config>) => {
      const app = await createApp({ ...testConfig(), ...over }, database);
      await app.ready();
      apps.push(app);
      return app;
    };

    before(async () => {
      database = await openTestDatabase(kind);
      await loadDemo(database.db, modules);
      await database.db
        .update(tambons)
        .set({ host: "kokha.example.net" })
        .where(eq(tambons.slug, "ko-kha"));
      plain = await build({});
      secure = await build({ publicUrl: PUBLIC, hstsMaxAge: 31536000 });
      proxied = await build({ trustProxy: true, hstsMaxAge: 600 });
      const [m] = await database.db.select().from(users).where(eq(users.username, "langu-member"));
      memberId = m!.id;
    });
    after(async () => {
      for (const app of apps) await app.close();
      await database?.drop();
    });

    test("without PUBLIC_URL over plain HTTP, cookies are not Secure", async () => {
      const c = new Client(plain);
      assert.equal(cookie(await c.get("/login"), "tcsrf").secure, undefined);
      const login = await c.login("langu-member");
      assert.equal(cookie(login, "tsid").secure, undefined);
    });

    test("with an https:// PUBLIC_URL every cookie is Secure, HttpOnly and SameSite=Lax", async () => {
      const c = new Client(secure);
      const form = cookie(await c.get("/login"), "tcsrf");
      assert.deepEqual([form.secure, form.httpOnly, form.sameSite], [true, true, "Lax"]);
      const login = await c.login("langu-member");
      for (const name of ["tsid", "tcsrf", "tflash", "tlang"])
        assert.equal(cookie(login, name).secure, true, name);
      assert.equal(cookie(await c.get("/lang?to=en&back=/"), "tlang").secure, true);
    });

    test("HSTS is sent over HTTPS only, and only when HSTS_MAX_AGE is set", async () => {
      const hsts = (res: LightMyRequestResponse) => res.headers["strict-transport-security"];
      assert.equal(hsts(await secure.inject("/")), "max-age=31536000");
      assert.equal(hsts(await secure.inject("/t/la-ngu")), "max-age=31536000");
      assert.equal(hsts(await secure.inject("/no-such-page")), "max-age=31536000");
      assert.equal(hsts(await proxied.inject("/")), undefined, "plain HTTP");
      assert.equal(
        hsts(await proxied.inject({ url: "/", headers: { "x-forwarded-proto": "https" } })),
        "max-age=600",
      );
      assert.equal(
        hsts(await plain.inject({ url: "/", headers: { "x-forwarded-proto": "https" } })),
        undefined,
        "neither asked for nor believed",
      );
    });

    test("logging in replaces the CSRF cookie; a token from before login is refused after it", async () => {
      const c = new Client(plain);
      const before = await c.csrf("/login");
      const cookieBefore = c.cookies.get("tcsrf")!;
      const login = await c.login("langu-member");
      const rotated = cookie(login, "tcsrf").value;
      assert.notEqual(rotated, cookieBefore, "a new random CSRF cookie at login");
      const stale = await c.post("/logout", {}, { csrf: before });
      assert.equal(stale.statusCode, 400);
      assert.match(stale.body, /แบบฟอร์มหมดอายุ/);
      // Even with the old cookie kept (a cookie planted before login), the old token fails.
      c.cookies.set("tcsrf", cookieBefore);
      assert.equal((await c.post("/logout", {}, { csrf: before })).statusCode, 400);
      assert.equal((await c.get("/account")).statusCode, 200, "still signed in");
      assert.equal((await c.post("/logout", {}, { from: "/account" })).statusCode, 303);
    });

    test("the token of one session is refused in another, even with the same CSRF cookie", async () => {
      const a = await Client.as(plain, "langu-member");
      const tokenA = await a.csrf("/account");
      const b = await Client.as(plain, "langu-osm");
      b.cookies.set("tcsrf", a.cookies.get("tcsrf")!);
      const res = await b.post("/logout", {}, { csrf: tokenA });
      assert.equal(res.statusCode, 400);
      assert.equal((await b.get("/account")).statusCode, 200, "B still signed in");
      assert.equal((await b.post("/logout", {}, { from: "/account" })).statusCode, 303);
      assert.equal((await a.post("/logout", {}, { csrf: tokenA })).statusCode, 303, "A's own");
    });

    /** Asks for a password link for langu-member as langu-admin, with a forged Host header. */
    async function resetLink(app: FastifyInstance) {
      const admin = await Client.as(app, "langu-admin");
      const token = await admin.csrf(`/t/la-ngu/admin/people/${memberId}`);
      const res = await app.inject({
        method: "POST",
        url: `/t/la-ngu/admin/people/${memberId}/reset`,
        remoteAddress: admin.ip,
        headers: {
          host: "evil.example",
          cookie: admin.cookieHeader(),
          "content-type": "application/x-www-form-urlencoded",
        },
        payload: new URLSearchParams({ _csrf: token }).toString(),
      });
      assert.equal(res.statusCode, 201);
      assert.doesNotMatch(res.body, /evil\.example/);
      return /(https?:\/\/[^\s"<]+\/reset\/[A-Za-z0-9_-]+)/.exec(res.body)?.[1] ?? "";
    }

    test("password links are built from PUBLIC_URL, never from the request's Host", async () => {
      assert.match(await resetLink(secure), /^https:\/\/tambon\.example\.org\/reset\/[\w-]{20,}$/);
      assert.match(
        await resetLink(plain),
        /^http:\/\/127\.0\.0\.1:0\/reset\/[\w-]{20,}$/,
        "without PUBLIC_URL: the configured host and port",
      );
    });

    test("a tambon with its own host name gets links on that host over PUBLIC_URL's scheme", async () => {
      await database.db
        .update(tambons)
        .set({ host: "langu.example.net" })
        .where(eq(tambons.slug, "la-ngu"));
      await secure.tambons.reload();
      try {
        assert.match(await resetLink(secure), /^https:\/\/langu\.example\.net\/reset\/[\w-]{20,}$/);
      } finally {
        await database.db.update(tambons).set({ host: null }).where(eq(tambons.slug, "la-ngu"));
        await secure.tambons.reload();
      }
    });

    test("a tambon's host name serves that tambon only, and its admin pages", async () => {
      const host = { host: "kokha.example.net" };
      const visitor = new Client(plain);
      const home = await visitor.get("/", host);
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /เทศบาลตำบลเกาะคา/);
      assert.equal((await visitor.get("/t/ko-kha", host)).statusCode, 200);
      for (const path of ["/t/la-ngu", "/t/la-ngu/decisions", "/t/lom-raet/corner"]) {
        const res = await visitor.get(path, host);
        assert.equal(res.statusCode, 404, path);
        assert.doesNotMatch(res.body, /ละงู/, path);
      }
      assert.equal((await visitor.get("/t/la-ngu")).statusCode, 200, "on the main address");
      // Network-wide pages are not served there: the same path is the tambon's own page, or 404.
      const registry = await visitor.get("/charter-registry.json", host);
      assert.equal(
        registry.body.replaceAll("//kokha.example.net/", "//localhost:80/"),
        (await visitor.get("/t/ko-kha/charter-registry.json")).body,
      );
      assert.equal((await visitor.get("/admin/tambons", host)).statusCode, 404);
      const anon = await visitor.get("/admin", host);
      assert.equal(anon.statusCode, 303);
      assert.match(String(anon.headers.location), /^\/login\?next=/);

      const admin = await Client.as(plain, "kokha-admin");
      const page = await admin.get("/admin", host);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /href="\/t\/ko-kha\/admin\/settings"/);
      assert.equal((await admin.get("/admin/settings", host)).statusCode, 200);
      assert.equal((await admin.get("/t/ko-kha/admin/people", host)).statusCode, 200);
      const other = await admin.get("/t/la-ngu/admin/people", host);
      assert.equal(other.statusCode, 404);
      const platform = await Client.as(plain, "admin");
      assert.match((await platform.get("/admin")).body, /<h1>ผู้ดูแลเครือข่าย<\/h1>/, "network");
      const there = await platform.get("/admin", host);
      assert.equal(there.statusCode, 200);
      assert.match(there.body, /href="\/t\/ko-kha\/admin\/settings"/, "the tambon's, there");
      assert.doesNotMatch(there.body, /<h1>ผู้ดูแลเครือข่าย<\/h1>/);
    });
  });
}
