import type { FastifyInstance, FastifyRequest } from "fastify";
import { sql } from "drizzle-orm";
import type { Config } from "./config.ts";
import { queryCount, type Database } from "./db/index.ts";
import { notFound } from "./errors.ts";
import { safeEqual } from "./auth/tokens.ts";
import { pageCache } from "./page-cache.ts";

/**
 * The process's figures for Prometheus, in its text format (`GET /metrics`): requests by route
 * and status with their durations, the page cache, background jobs, the database's statements and
 * connections.
 * A few counters written out by hand; the process-wide counters below are bumped by the code they
 * measure (the request hook here, jobs.ts, page-cache.ts) and read when the figures are asked for.
 */

/** Upper bounds (seconds) of the request-duration histogram's buckets. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A counter by label values (kept as one string key per label set). */
class LabelledCounter {
  readonly values = new Map<string, number>();
  inc(labels: string, by = 1): void {
    this.values.set(labels, (this.values.get(labels) ?? 0) + by);
  }
}

interface Histogram {
  buckets: number[];
  sum: number;
  count: number;
}

const requests = new LabelledCounter();
const durations = new Map<string, Histogram>();
const jobRuns = new LabelledCounter();
const jobFailures = new LabelledCounter();
const startedAt = Date.now() / 1000;

/** Escapes a label value (backslash, double quote, line break). */
export function labelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** `{a="x",b="y"}` from pairs. */
function labels(pairs: Record<string, string>): string {
  return `{${Object.entries(pairs)
    .map(([k, v]) => `${k}="${labelValue(v)}"`)
    .join(",")}}`;
}

/** The label strings of each method and route: without the status, and by status. */
const routeLabels = new Map<string, { key: string; byStatus: string[] }>();

/** Counts one answered request: its route pattern (not its address), status and duration. */
export function recordRequest(method: string, route: string, status: number, seconds: number) {
  // The label strings of a route are built once (every request would build them again).
  const routeKey = `${method} ${route}`;
  let kept = routeLabels.get(routeKey);
  if (!kept) routeLabels.set(routeKey, (kept = { key: labels({ method, route }), byStatus: [] }));
  const withStatus = (kept.byStatus[status] ??= labels({ method, route, status: String(status) }));
  requests.inc(withStatus);
  const key = kept.key;
  let h = durations.get(key);
  if (!h) durations.set(key, (h = { buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 }));
  for (let i = 0; i < DURATION_BUCKETS.length; i++)
    if (seconds <= DURATION_BUCKETS[i]!) h.buckets[i]!++;
  h.sum += seconds;
  h.count++;
}

/** Counts a run of a background job, and whether it failed. */
export function recordJob(job: string, failed: boolean): void {
  jobRuns.inc(labels({ job }));
  if (failed) jobFailures.inc(labels({ job }));
}

function counter(out: string[], name: string, help: string, values: Iterable<[string, number]>) {
  out.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
  for (const [l, v] of values) out.push(`${name}${l} ${v}`);
}

function gauge(out: string[], name: string, help: string, value: number) {
  out.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`);
}

/**
 * The database's side: whether it answers and how fast, and on PostgreSQL the connections that
 * Tambon's instances hold on this database, by state (a pool running out shows as "active").
 */
async function databaseFigures(out: string[], database: Database): Promise<void> {
  const started = performance.now();
  let up = 1;
  try {
    await database.rows(sql`select 1`);
  } catch {
    up = 0;
  }
  const db = labels({ db: database.kind });
  out.push(
    "# HELP tambon_db_up Whether the database answered the scrape's query.",
    "# TYPE tambon_db_up gauge",
    `tambon_db_up${db} ${up}`,
    "# HELP tambon_db_ping_seconds Time the database took to answer the scrape's query.",
    "# TYPE tambon_db_ping_seconds gauge",
    `tambon_db_ping_seconds${db} ${(performance.now() - started) / 1000}`,
  );
  if (database.kind !== "postgres" || !up) return;
  const rows = await database.rows<{ state: string | null; n: number }>(sql`
    select state, count(*)::int as n from pg_stat_activity
    where datname = current_database() and application_name = 'tambon'
    group by state`);
  out.push(
    "# HELP tambon_db_connections Connections of Tambon's instances to the database, by state.",
    "# TYPE tambon_db_connections gauge",
  );
  for (const r of rows)
    out.push(`tambon_db_connections${labels({ state: r.state ?? "unknown" })} ${r.n}`);
}

/** Every figure in the Prometheus text format (version 0.0.4). */
export async function metricsText(database?: Database): Promise<string> {
  const out: string[] = [];
  counter(
    out,
    "tambon_http_requests_total",
    "HTTP requests answered, by route and status.",
    requests.values,
  );
  const name = "tambon_http_request_duration_seconds";
  out.push(`# HELP ${name} Time to answer an HTTP request, by route.`, `# TYPE ${name} histogram`);
  for (const [key, h] of durations) {
    const inner = key.slice(1, -1);
    DURATION_BUCKETS.forEach((le, i) =>
      out.push(`${name}_bucket{${inner},le="${le}"} ${h.buckets[i]}`),
    );
    out.push(`${name}_bucket{${inner},le="+Inf"} ${h.count}`);
    out.push(`${name}_sum${key} ${h.sum}`, `${name}_count${key} ${h.count}`);
  }
  counter(out, "tambon_page_cache_hits_total", "Anonymous pages answered from the page cache.", [
    ["", pageCache.hits],
  ]);
  counter(
    out,
    "tambon_page_cache_misses_total",
    "Anonymous pages looked up and not in the page cache.",
    [["", pageCache.misses]],
  );
  counter(out, "tambon_job_runs_total", "Background job runs, by job.", jobRuns.values);
  counter(
    out,
    "tambon_job_failures_total",
    "Background job runs that failed, by job.",
    jobFailures.values,
  );
  counter(out, "tambon_db_queries_total", "Statements sent to the database by this process.", [
    ["", queryCount.n],
  ]);
  if (database) await databaseFigures(out, database);
  const memory = process.memoryUsage();
  gauge(out, "process_resident_memory_bytes", "Resident memory size in bytes.", memory.rss);
  gauge(out, "nodejs_heap_used_bytes", "JavaScript heap in use, in bytes.", memory.heapUsed);
  const cpu = process.cpuUsage();
  counter(out, "process_cpu_seconds_total", "User and system CPU time spent, in seconds.", [
    ["", (cpu.user + cpu.system) / 1e6],
  ]);
  gauge(
    out,
    "process_start_time_seconds",
    "Start time of the process since the Unix epoch.",
    startedAt,
  );
  return out.join("\n") + "\n";
}

/** Whether the request may read the figures: a network administrator, or the scraper's token. */
function allowed(req: FastifyRequest, token: string | null | undefined): boolean | "bad-token" {
  const auth = req.headers.authorization;
  // Without a token configured there is no scraper: a header tells nothing, and the address
  // stays unknown (404) to anyone but a network administrator.
  if (auth !== undefined && token) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m && safeEqual(m[1]!, token) ? true : "bad-token";
  }
  return !!req.actor.user?.isNetworkAdmin;
}

/**
 * Counts every answered request and serves `GET /metrics` to a signed-in network administrator
 * or to a scraper with `Authorization: Bearer $TAMBON_METRICS_TOKEN`; a wrong token is a 401, any
 * other visitor a 404 (the address tells nobody else that it exists).
 */
export function registerMetrics(app: FastifyInstance, config: Config): void {
  app.addHook("onResponse", async (req, reply) => {
    const route = req.routeOptions.url ?? "unmatched";
    recordRequest(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get("/metrics", async (req, reply) => {
    const access = allowed(req, config.metricsToken);
    if (access === "bad-token")
      return reply
        .status(401)
        .header("www-authenticate", 'Bearer realm="metrics"')
        .header("cache-control", "no-store")
        .type("text/plain; charset=utf-8")
        .send("401 Unauthorized\n");
    if (!access) throw notFound();
    return reply
      .header("cache-control", "no-store")
      .type("text/plain; version=0.0.4; charset=utf-8")
      .send(await metricsText(app.database));
  });
}
