import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createApp } from "../../src/app.ts";
import type { Config } from "../../src/core/config.ts";
import { clearActorCache } from "../../src/core/auth/session.ts";
import { pageCache } from "../../src/core/page-cache.ts";
import { openTestDatabase, type DbKind, type TestDatabase } from "./db.ts";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../src/core/db/index.ts";
import { auditLog, tambons } from "../../src/core/db/schema.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

process.env.TAMBON_PASSWORD_COST ??= "10";

/** Configuration for tests: a throwaway data dir and a fixed secret. */
export function testConfig(): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    databaseUrl: null,
    dataDir: mkdtempSync(path.join(tmpdir(), "tambon-test-")),
    smtpUrl: null,
    smtpFrom: "tambon@localhost",
    secret: "test-secret-test-secret-test-secret-0123",
    logLevel: "silent",
    nodeEnv: "test",
    trustProxy: false,
    publicUrl: null,
    hstsMaxAge: null,
  };
}

/** An app on a fresh database, optionally with the demo network loaded. */
export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * Builds the app on a new database of the given kind, with the demo or with what `seed` makes.
 * The demo's pictures and documents are not
 * files of the database: the app makes them in its data dir when they are first asked for.
 */
export async function startTestApp(
  kind: DbKind,
  opts: { demo?: boolean; seed?: (db: TestDatabase["db"]) => Promise<unknown> } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(kind, { demo: opts.demo });
  // What a test makes with the factories (test/helpers/factories) is there before the app reads
  // its tambons.
  await opts.seed?.(database.db);
  // Pages, figures and actors are cached per process for a few seconds; a server has one app, but
  // a test file starts several in turn (PGlite, then PostgreSQL), whose tambons share ids and
  // addresses. A new app must not be answered from the previous one's cache.
  pageCache.invalidate(null);
  clearActorCache();
  const app = await createApp(testConfig(), database);
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.drop();
      rmSync(app.config.dataDir, { recursive: true, force: true });
    },
  };
}

/** An app on the demo network, with La-ngu's id: what the tests that act on La-ngu start from. */
export async function startDemoApp(kind: DbKind): Promise<{ t: TestApp; langu: number }> {
  const t = await startTestApp(kind, { demo: true });
  const [row] = await t.database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
  return { t, langu: row!.id };
}

/** A browser-like client for `inject`: keeps cookies and reads CSRF tokens from forms. */
export class Client {
  cookies = new Map<string, string>();
  lastHtml = "";
  private static next = 1;
  /** Each client comes from its own address, as different people do. */
  readonly ip = `10.${(Client.next >> 16) & 255}.${(Client.next >> 8) & 255}.${Client.next++ & 255}`;

  constructor(readonly app: FastifyInstance) {}

  /** A new client signed in as `identifier` (the demo's password unless another is given). */
  static async as(app: FastifyInstance, identifier: string, password?: string): Promise<Client> {
    const client = new Client(app);
    await client.login(identifier, password);
    return client;
  }

  /** The Cookie header this client sends. */
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === "" || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0)
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if (String(res.headers["content-type"] ?? "").startsWith("text/html")) this.lastHtml = res.body;
    return res;
  }

  /** GET a path. */
  async get(url: string, headers: Record<string, string> = {}) {
    return this.keep(
      await this.app.inject({
        method: "GET",
        url,
        remoteAddress: this.ip,
        headers: { cookie: this.cookieHeader(), ...headers },
      }),
    );
  }

  /** The CSRF token of the last page with a form (fetching `from` first when given). */
  async csrf(from?: string): Promise<string> {
    if (from) await this.get(from);
    const m = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml);
    if (!m) throw new Error("no form with a CSRF token on the last page");
    return m[1]!;
  }

  /** POST a form (url-encoded), adding the CSRF token from `from` (or the last page) unless given. */
  async post(
    url: string,
    form: Record<string, string | string[]>,
    opts: { from?: string; csrf?: string | null } = {},
  ) {
    const body = new URLSearchParams();
    const token = opts.csrf === null ? null : (opts.csrf ?? (await this.csrf(opts.from)));
    if (token) body.append("_csrf", token);
    for (const [k, v] of Object.entries(form))
      for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.keep(
      await this.app.inject({
        method: "POST",
        url,
        remoteAddress: this.ip,
        headers: {
          cookie: this.cookieHeader(),
          "content-type": "application/x-www-form-urlencoded",
        },
        payload: body.toString(),
      }),
    );
  }

  /**
   * POST the same form `times` times at once (a double or triple tap, before the first answer
   * comes), with one CSRF token: `csrf`, else the one on `from` (or the last page).
   */
  async postAtOnce(
    url: string,
    form: Record<string, string | string[]>,
    opts: { from?: string; csrf?: string; times?: number } = {},
  ) {
    const csrf = opts.csrf ?? (await this.csrf(opts.from));
    return Promise.all(
      Array.from({ length: opts.times ?? 3 }, () => this.post(url, form, { csrf })),
    );
  }

  /** Logs in with the demo password (or the given one); throws unless it worked. */
  async login(identifier: string, password = "tambon-demo") {
    const res = await this.post("/login", { identifier, password }, { from: "/login" });
    if (res.statusCode !== 303) throw new Error(`login of ${identifier} failed: ${res.statusCode}`);
    return res;
  }
}

/** The audit entries of one action in a tambon (on one target when given), to count them. */
export function auditEntries(db: Db, tambonId: number, action: string, targetId?: number) {
  return db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tambonId, tambonId),
        eq(auditLog.action, action),
        targetId === undefined ? undefined : eq(auditLog.targetId, String(targetId)),
      ),
    );
}
