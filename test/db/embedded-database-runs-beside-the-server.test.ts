// The embedded database of a data folder (what `tambon serve` and the commands open) runs in its
// own thread: a slow statement must not stall the server, and everything the query builder does
// (migrations, transactions, errors with their PostgreSQL fields) must work across the thread.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { Client, testConfig } from "../helpers/app.ts";
import { makePerson, makeTambon, FACTORY_PASSWORD } from "../helpers/factories/core.ts";
import { createApp } from "../../src/app.ts";
import { openMigrated } from "../../src/core/db/migrated.ts";
import type { Database } from "../../src/core/db/index.ts";
import { DATABASE_THREAD_NICE } from "../../src/core/db/pglite-worker.ts";
import { auditLog, sessions, users } from "../../src/core/db/schema.ts";
import { pageCache } from "../../src/core/page-cache.ts";

describe("PGlite on a data folder runs in its own thread", () => {
  const config = testConfig();
  let database: Database;
  let app: FastifyInstance;
  let slug: string;

  before(async () => {
    // Opened as `serve` opens it: the folder's lock, then every migration through the thread.
    database = await openMigrated(config);
    const { tambon } = await makeTambon(database.db, { villages: 1 });
    slug = tambon.slug;
    await makePerson(database.db, tambon.id, { username: "somchai", roles: ["admin"] });
    pageCache.invalidate(null);
    app = await createApp(config, database);
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await database?.close();
    rmSync(config.dataDir, { recursive: true, force: true });
  });

  test("migrations ran and a member signs in: the session is written and read back", async () => {
    const [m] = await database.rows<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    assert.ok(m!.n > 0);
    const client = await Client.as(app, "somchai", FACTORY_PASSWORD);
    const [user] = await database.db.select().from(users).where(eq(users.username, "somchai"));
    const rows = await database.db.select().from(sessions).where(eq(sessions.userId, user!.id));
    assert.equal(rows.length, 1);
    assert.ok(rows[0]!.expiresAt instanceof Date, "timestamps come back as dates");
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.actorId, user!.id));
    assert.ok(audited.some((a) => a.action.startsWith("session.")));
    const page = await client.get(`/t/${slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /somchai/);
  });

  test("a unique violation comes back with its PostgreSQL fields", async () => {
    const err = await database.db
      .insert(users)
      .values({ name: "again", username: "somchai" })
      .then(
        () => null,
        (e: unknown) => e as { cause?: Record<string, unknown> },
      );
    assert.ok(err, "the second username is refused");
    assert.equal(err.cause?.code, "23505");
    assert.equal(err.cause?.constraint, "users_username_key");
    assert.match(String(err.cause?.detail), /somchai/);
    assert.match(String(err.cause?.message), /duplicate key/);
  });

  test("a transaction that fails leaves nothing, and the database answers after it", async () => {
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await tx.insert(users).values({ name: "gone", username: "gone-one" });
        await tx.insert(users).values({ name: "gone", username: "gone-two" });
        throw new Error("changed my mind");
      }),
      /changed my mind/,
    );
    const left = await database.rows(sql`select id from users where username like 'gone-%'`);
    assert.deepEqual(left, []);
    const kept = await database.db.transaction(async (tx) => {
      const [u] = await tx
        .insert(users)
        .values({ name: "kept", username: "kept-one" })
        .returning({ id: users.id });
      return u!.id;
    });
    const [row] = await database.db.select().from(users).where(eq(users.id, kept));
    assert.equal(row?.username, "kept-one");
  });

  test("while a slow statement runs, a cached page is answered before it ends", async () => {
    const anonymous = new Client(app);
    assert.equal((await anonymous.get(`/t/${slug}`)).statusCode, 200); // now in the page cache
    const events: string[] = [];
    const slow = database.rows(sql`select pg_sleep(1.5)`).then(() => events.push("slow ended"));
    const page = await anonymous.get(`/t/${slug}`);
    events.push(`page answered ${page.statusCode}`);
    await slow;
    assert.deepEqual(events, ["page answered 200", "slow ended"]);
  });

  test(
    "the database thread yields the processor to the server's",
    { skip: process.platform !== "linux" && "a thread's own nice value is Linux's" },
    async () => {
      // Each thread's nice value is field 19 of /proc/<pid>/task/<tid>/stat (after the name).
      const nice = (tid: string) =>
        Number(
          readFileSync(`/proc/self/task/${tid}/stat`, "utf8")
            .replace(/^.*\) /s, "")
            .split(" ")[16],
        );
      const threads = readdirSync("/proc/self/task").map((tid) => ({ tid, nice: nice(tid) }));
      assert.equal(nice(String(process.pid)), 0, "the server's thread keeps its priority");
      assert.ok(DATABASE_THREAD_NICE > 0);
      assert.ok(
        threads.some((t) => t.nice === DATABASE_THREAD_NICE),
        `one thread runs at nice ${DATABASE_THREAD_NICE}: ${JSON.stringify(threads)}`,
      );
      // The database still answers (its thread is only lower in the queue, never stopped).
      const [row] = await database.rows<{ n: number }>(sql`select 1 as n`);
      assert.equal(row!.n, 1);
    },
  );
});
