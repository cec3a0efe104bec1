/*
 * Two instances of the platform on one PostgreSQL database: the test's own app (A) and a second
 * one in its own process (B, test/helpers/instance.ts), each with its own page cache, tambon
 * directory, actors and counters. PostgreSQL only: PGlite is one process, where nothing is shared
 * between instances because there is only one.
 *
 * What B shows is waited for on B's word that it applied the change (the announcement on the
 * channel tambon_changes reached it), never for a fixed time: a platform that dropped its caches
 * only in the process that made the change never says so, and B would go on serving the cached
 * page (for up to the cache's lifetime), so these tests fail.
 */
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { Client, startTestApp, type TestApp } from "../helpers/app.ts";
import { TEST_PG_URL } from "../helpers/db.ts";
import { postMultipart } from "../helpers/multipart.ts";
import { FACTORY_PASSWORD, makePerson, makeTambon } from "../helpers/factories/core.ts";
import { openDatabase, type Database } from "../../src/core/db/index.ts";
import { runJobOnce } from "../../src/core/jobs.ts";
import type { ModuleDeps, ModuleJob } from "../../src/core/modules.ts";
import { siteVisitDays } from "../../src/modules/site/schema.ts";
import { thaiDay, visits } from "../../src/modules/site/statistics/visits.ts";

/** Requests of the tests are a robot's, which the visit counter leaves out, except where a visit is meant. */
const ROBOT = "Mozilla/5.0 (compatible; tambon-test-bot)";
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0";

/** The second instance: its address, and the changes it says it applied. */
interface Instance {
  url: string;
  child: ChildProcess;
  /** Resolves with the first change applied from now on that `match` accepts. */
  applied(match: (line: string) => boolean): Promise<string>;
  stop(): Promise<void>;
}

async function startInstance(dbUrl: string): Promise<Instance> {
  const ts = import.meta.filename.endsWith(".ts");
  const script = path.join(import.meta.dirname, `../helpers/instance.${ts ? "ts" : "js"}`);
  const child = spawn(process.execPath, [...(ts ? ["--import", "tsx"] : []), script], {
    env: { ...process.env, TAMBON_INSTANCE_DB_URL: dbUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  createInterface({ input: child.stderr! }).on("line", (line) =>
    process.stderr.write(`second instance: ${line}\n`),
  );
  const waiting = new Set<{ match: (l: string) => boolean; resolve: (l: string) => void }>();
  let port: (p: string) => void;
  const listening = new Promise<string>((resolve) => (port = resolve));
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (line.startsWith("listening ")) port(line.slice(10));
    if (!line.startsWith("change ")) return;
    for (const w of waiting)
      if (w.match(line.slice(7))) {
        waiting.delete(w);
        w.resolve(line.slice(7));
      }
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const died = exited.then(() => {
    throw new Error("the second instance stopped");
  });
  died.catch(() => {});
  return {
    url: `http://127.0.0.1:${await Promise.race([listening, died])}`,
    child,
    applied(match) {
      const heard = new Promise<string>((resolve) => waiting.add({ match, resolve }));
      // A guard against waiting for ever, not a measure: B says so within milliseconds.
      const never = new Promise<string>((_, reject) =>
        setTimeout(
          () => reject(new Error("the second instance never applied the change")),
          20_000,
        ).unref(),
      );
      return Promise.race([heard, never, died]);
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A visitor of B (over HTTP), with B's cookies and CSRF token. */
class HttpVisitor {
  private cookies = new Map<string, string>();
  constructor(
    private readonly base: string,
    private readonly agent = ROBOT,
  ) {}

  async get(url: string) {
    const res = await fetch(this.base + url, {
      headers: { cookie: this.cookie(), "user-agent": this.agent, "accept-encoding": "identity" },
      redirect: "manual",
    });
    this.keep(res);
    return { status: res.status, etag: res.headers.get("etag"), body: await res.text() };
  }

  async post(url: string, form: Record<string, string>, from: string) {
    const page = await this.get(from);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const res = await fetch(this.base + url, {
      method: "POST",
      headers: {
        cookie: this.cookie(),
        "user-agent": this.agent,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ _csrf: token, ...form }).toString(),
      redirect: "manual",
    });
    this.keep(res);
    await res.arrayBuffer();
    return res.status;
  }

  private cookie() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }
}

describe("two instances on one PostgreSQL", () => {
  let t: TestApp;
  let b: Instance;
  let dbUrl: string;
  let tambonId: number;
  before(async () => {
    t = await startTestApp("postgres", {
      seed: async (db) => {
        const { tambon } = await makeTambon(db, { slug: "la-ngu" });
        tambonId = tambon.id;
        await makePerson(db, tambon.id, { username: "editor-a", roles: ["editor"] });
      },
    });
    const [row] = await t.database.rows<{ name: string }>(sql`select current_database() as name`);
    const url = new URL(TEST_PG_URL);
    url.pathname = `/${row!.name}`;
    dbUrl = url.toString();
    b = await startInstance(dbUrl);
  });
  after(async () => {
    await b?.stop();
    await t?.close();
  });

  test("news an editor publishes through A is on B's cached page as soon as B hears of it", async () => {
    const visitor = new HttpVisitor(b.url);
    const first = await visitor.get("/t/la-ngu/news");
    assert.equal(first.status, 200);
    const again = await visitor.get("/t/la-ngu/news");
    assert.equal(again.etag, first.etag, "B keeps the page in its cache");
    const title = "ประชาคมหมู่ 2 วางแผนสุขภาพ";
    assert.ok(!first.body.includes(title));

    const editor = await Client.as(t.app, "editor-a", FACTORY_PASSWORD);
    const heard = b.applied((l) => l.startsWith(`${tambonId}|`) && !l.includes("|session."));
    const posted = await postMultipart(
      editor,
      "/t/la-ngu/admin/site/news",
      { title, summary: "ชวนชาวบ้านร่วมวางแผน", bodyMd: "เนื้อหา", status: "published" },
      {},
      { from: "/t/la-ngu/admin/site/news" },
    );
    assert.equal(posted.statusCode, 303, posted.body.slice(0, 300));
    await heard;
    const after = await visitor.get("/t/la-ngu/news");
    assert.ok(after.body.includes(title), "B shows the news A published");
  });

  test("a tambon added through one process is served by B once B hears of it", async () => {
    const visitor = new HttpVisitor(b.url);
    assert.equal((await visitor.get("/t/ban-mai")).status, 404);
    const heard = b.applied((l) => l.endsWith("|tambon.create"));
    await makeTambon(t.database.db, { slug: "ban-mai", villages: 1 });
    await heard;
    assert.equal((await visitor.get("/t/ban-mai")).status, 200, "B's directory was reloaded");
  });

  test("a login limit counts the tries made on both instances", async () => {
    // The same address tries one account on A and on B in turn: ten tries a minute in all.
    const onA = new Client(t.app);
    Object.defineProperty(onA, "ip", { value: "127.0.0.1" });
    const onB = new HttpVisitor(b.url);
    const wrong = { identifier: "editor-a", password: "not-the-password" };
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      if (i % 2 === 0)
        statuses.push((await onA.post("/login", wrong, { from: "/login" })).statusCode);
      else statuses.push(await onB.post("/login", wrong, "/login"));
    }
    assert.deepEqual(statuses, Array(10).fill(401));
    assert.equal((await onA.post("/login", wrong, { from: "/login" })).statusCode, 429);
    assert.equal(await onB.post("/login", wrong, "/login"), 429);
  });

  test("a job both schedulers fire runs once per interval, and never beside itself", async () => {
    const second: Database = await openDatabase({ url: dbUrl });
    try {
      const depsA: ModuleDeps = {
        database: t.database,
        tambons: t.app.tambons,
        config: t.app.config,
      };
      const depsB: ModuleDeps = { ...depsA, database: second };
      let runs = 0;
      let release = () => {};
      let started = () => {};
      const nextStart = () => new Promise<void>((resolve) => (started = resolve));
      const job: ModuleJob = {
        id: "test.count",
        everyMs: 60_000,
        run: async () => {
          runs++;
          started();
          await new Promise<void>((resolve) => (release = resolve));
        },
      };
      const slot = 1_000 * job.everyMs;
      let running = nextStart();
      const both = [runJobOnce(job, depsA, slot + 5), runJobOnce(job, depsB, slot + 10)];
      await running;
      assert.equal(
        await runJobOnce(job, depsB, slot + job.everyMs),
        false,
        "the next interval waits while a run holds the job",
      );
      release();
      assert.deepEqual((await Promise.all(both)).sort(), [false, true], "one of the two ran it");
      assert.equal(runs, 1);
      running = nextStart();
      const next = runJobOnce(job, depsB, slot + job.everyMs + 1);
      await running;
      release();
      assert.equal(await next, true, "the next interval runs once the last run ended");
      assert.equal(await runJobOnce(job, depsA, slot + job.everyMs + 2), false);
      assert.equal(runs, 2);

      let flushes = 0;
      const perInstance: ModuleJob = {
        id: "test.flush",
        everyMs: 60_000,
        everyInstance: true,
        run: async () => void flushes++,
      };
      await Promise.all([
        runJobOnce(perInstance, depsA, slot),
        runJobOnce(perInstance, depsB, slot),
      ]);
      assert.equal(flushes, 2, "a job about an instance's own memory runs in each");
    } finally {
      await second.close();
    }
  });

  test("a visitor seen by both instances on one day is counted once", async () => {
    const today = thaiDay();
    const counts = async () => {
      const [row] = await t.database.db
        .select()
        .from(siteVisitDays)
        .where(and(eq(siteVisitDays.tambonId, tambonId), eq(siteVisitDays.day, today)));
      return { visitors: row?.visitors ?? 0, views: row?.views ?? 0 };
    };
    await visits.flush(t.database.db);
    const before = await counts();
    const onA = await t.app.inject({
      url: "/t/la-ngu/news",
      remoteAddress: "127.0.0.1",
      headers: { "user-agent": BROWSER },
    });
    assert.equal(onA.statusCode, 200);
    assert.equal((await new HttpVisitor(b.url, BROWSER).get("/t/la-ngu/news")).status, 200);
    await visits.flush(t.database.db);
    await b.stop(); // B writes what it counted as it closes
    const now = await counts();
    assert.equal(now.views - before.views, 2, "two page views");
    assert.equal(now.visitors - before.visitors, 1, "one visitor");
  });
});
