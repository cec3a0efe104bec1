import { test } from "node:test";
import assert from "node:assert/strict";
import { Client, startTestApp } from "../helpers/app.ts";
import { DB_KINDS } from "../helpers/db.ts";
import { FACTORY_PASSWORD, makePerson, makeTambon } from "../helpers/factories/core.ts";
import { users } from "../../src/core/db/schema.ts";
import { hashPassword } from "../../src/core/auth/password.ts";
import { startJobs } from "../../src/core/jobs.ts";

const TOKEN = "scraper-token-0123456789abcdef";

/**
 * Reads the Prometheus text format strictly: every sample belongs to a family whose TYPE came
 * first, names and labels are well formed, values are numbers; histograms are cumulative and end
 * in +Inf equal to their count. Returns the samples by their full name with labels.
 */
function parseExposition(text: string): Map<string, number> {
  assert.ok(text.endsWith("\n"), "ends with a line break");
  const types = new Map<string, string>();
  const samples = new Map<string, number>();
  for (const line of text.slice(0, -1).split("\n")) {
    const comment = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    if (comment) {
      if (comment[1] === "TYPE") {
        assert.match(comment[3]!, /^(counter|gauge|histogram)$/, line);
        assert.ok(!types.has(comment[2]!), `one TYPE line for ${comment[2]}`);
        types.set(comment[2]!, comment[3]!);
      }
      continue;
    }
    const m =
      /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\})? (-?[0-9.e+-]+|\+Inf|NaN)$/.exec(
        line,
      );
    assert.ok(m, `a sample line: ${line}`);
    const family = m[1]!.replace(/_(bucket|sum|count)$/, "");
    assert.ok(types.has(m[1]!) || types.get(family) === "histogram", `TYPE before ${line}`);
    if (types.get(m[1]!) === "counter") assert.ok(Number(m[3]) >= 0, line);
    samples.set(m[1]! + (m[2] ?? ""), Number(m[3]));
  }
  // Histograms: buckets never decrease and +Inf is the count.
  const series = new Map<string, number[]>();
  for (const [key, v] of samples) {
    const b = /^(\w+)_bucket\{(.*),le="([^"]+)"\}$/.exec(key);
    if (!b) continue;
    const id = `${b[1]}{${b[2]}}`;
    series.set(id, [...(series.get(id) ?? []), v]);
    if (b[3] === "+Inf")
      assert.equal(v, samples.get(`${b[1]}_count{${b[2]}}`), `${id}: +Inf = count`);
  }
  assert.ok(series.size > 0, "a histogram is there");
  for (const [id, counts] of series)
    counts.forEach((c, i) => assert.ok(i === 0 || c >= counts[i - 1]!, `${id} is cumulative`));
  return samples;
}

for (const kind of DB_KINDS) {
  test(`${kind}: /metrics in Prometheus format for a network administrator or the token, 404 for others`, async () => {
    const t = await startTestApp(kind, {
      seed: async (db) => {
        const { tambon } = await makeTambon(db, { slug: "metrics-t", villages: 1 });
        await makePerson(db, tambon.id, { username: "tambon-admin", roles: ["admin"] });
        await db.insert(users).values({
          name: "ผู้ดูแลเครือข่าย",
          username: "net-admin",
          isNetworkAdmin: true,
          passwordHash: await hashPassword(FACTORY_PASSWORD),
        });
      },
    });
    try {
      t.app.config.metricsToken = TOKEN;
      const visitor = new Client(t.app);
      const scrape = (auth?: string) =>
        t.app.inject({
          method: "GET",
          url: "/metrics",
          headers: auth ? { authorization: auth } : {},
        });

      // Who may read it.
      assert.equal((await visitor.get("/metrics")).statusCode, 404, "anonymous: 404");
      const tambonAdmin = await Client.as(t.app, "tambon-admin", FACTORY_PASSWORD);
      assert.equal((await tambonAdmin.get("/metrics")).statusCode, 404, "a tambon's admin: 404");
      const wrong = await scrape("Bearer not-the-token-0123456789abcdef");
      assert.equal(wrong.statusCode, 401);
      assert.match(String(wrong.headers["www-authenticate"]), /^Bearer/);
      assert.doesNotMatch(wrong.body, /tambon_/);
      assert.equal((await scrape(`Basic ${TOKEN}`)).statusCode, 401);
      // Where no scraper's token is configured, any header is a visitor's: 404, not 401.
      t.app.config.metricsToken = null;
      assert.equal((await scrape(`Bearer ${TOKEN}`)).statusCode, 404, "no token: 404");
      assert.equal((await scrape("Bearer ")).statusCode, 404, "no token, empty bearer: 404");
      t.app.config.metricsToken = TOKEN;
      const admin = await Client.as(t.app, "net-admin", FACTORY_PASSWORD);
      const byAdmin = await admin.get("/metrics");
      assert.equal(byAdmin.statusCode, 200, "a network administrator reads it");

      // What it counts: requests by route pattern and status, cache hits, jobs, the database.
      const before = parseExposition((await scrape(`Bearer ${TOKEN}`)).body);
      const page = `tambon_http_requests_total{method="GET",route="/t/:tambon",status="200"}`;
      const missing = `tambon_http_requests_total{method="GET",route="unmatched",status="404"}`;
      await visitor.get("/t/metrics-t");
      await visitor.get("/t/metrics-t");
      await visitor.get("/no-such-page");
      // Two jobs of a module, one that fails, started as serve starts them (each runs once soon).
      const jobs = [
        { id: "test.ok", everyMs: 3_600_000, run: async () => {} },
        {
          id: "test.fails",
          everyMs: 3_600_000,
          run: async () => {
            throw new Error("job failed on purpose");
          },
        },
      ];
      const quiet = { error() {} } as unknown as Parameters<typeof startJobs>[2];
      const stop = startJobs(
        [{ id: "test", jobs } as never],
        { database: t.database, tambons: t.app.tambons, config: t.app.config },
        quiet,
      );
      // Until both have run here (the figures are the process's: compare with `before`).
      const ran = (text: string) => {
        const now = parseExposition(text);
        return ["test.ok", "test.fails"].every(
          (job) =>
            (now.get(`tambon_job_runs_total{job="${job}"}`) ?? 0) >
            (before.get(`tambon_job_runs_total{job="${job}"}`) ?? 0),
        );
      };
      try {
        for (let i = 0; i < 200 && !ran((await scrape(`Bearer ${TOKEN}`)).body); i++)
          await new Promise((r) => setTimeout(r, 50));
      } finally {
        await stop();
      }
      const res = await scrape(`Bearer ${TOKEN}`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers["content-type"]), /^text\/plain; version=0\.0\.4/);
      assert.equal(res.headers["cache-control"], "no-store");
      const after = parseExposition(res.body);
      const delta = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
      assert.equal(delta(page), 2, "two answers of the tambon's home page");
      assert.equal(delta(missing), 1, "an unknown address is one route, not its own series");
      assert.ok(
        ![...after.keys()].some((k) => k.includes("no-such-page")),
        "addresses never become labels",
      );
      assert.ok(delta("tambon_page_cache_hits_total") >= 1, "the second visit came from the cache");
      assert.ok(delta("tambon_page_cache_misses_total") >= 1);
      assert.ok(
        delta(`tambon_http_request_duration_seconds_count{method="GET",route="/t/:tambon"}`) === 2,
      );
      assert.equal(delta(`tambon_job_runs_total{job="test.ok"}`), 1);
      assert.equal(delta(`tambon_job_failures_total{job="test.ok"}`), 0);
      assert.equal(delta(`tambon_job_runs_total{job="test.fails"}`), 1);
      assert.equal(delta(`tambon_job_failures_total{job="test.fails"}`), 1);
      assert.ok(delta("tambon_db_queries_total") > 0, "the first visit's queries are counted");
      assert.equal(after.get(`tambon_db_up{db="${kind}"}`), 1);
      if (kind === "postgres")
        assert.ok(
          [...after.keys()].some((k) => k.startsWith("tambon_db_connections{state=")),
          "the connections Tambon holds on PostgreSQL",
        );
      assert.ok((after.get("process_resident_memory_bytes") ?? 0) > 0);
    } finally {
      await t.close();
    }
  });
}
