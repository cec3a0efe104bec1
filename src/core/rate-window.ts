import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database, Db } from "./db/index.ts";

/**
 * A fixed-window counter per key, in memory and bounded in size: for a second, coarser limit on
 * a route that already has a per-key limit (the rate-limit plugin runs one limiter per request).
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly maxKeys = 20_000,
  ) {}

  /** Counts one try for the key; false when the key has used up its window. */
  hit(key: string, now = Date.now()): boolean {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (!w && this.windows.size >= this.maxKeys) this.sweep(now);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count <= this.max;
  }

  private sweep(now: number) {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
    // still full of live windows: forget the oldest ones rather than grow without bound
    for (const k of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(k);
    }
  }
}

/** A limit of tries per key and window, counted in memory or in the database. */
export interface RateWindow {
  /** Counts one try for the key; false when the key has used up its window. */
  hit(key: string): Promise<boolean>;
}

/**
 * One try counted in the shared table `rate_windows` (PostgreSQL): the first try of a key (or the
 * first after its window ended) opens a window of `windowMs`; every instance on the database
 * counts into the same row, in one atomic statement. Keys are stored as their SHA-256, so that
 * no address or account name is kept.
 */
export async function countShared(
  db: Db,
  key: string,
  windowMs: number,
): Promise<{ count: number; ttlMs: number }> {
  const hashed = createHash("sha256").update(key).digest("base64url");
  const rows = (await db.execute(sql`
    insert into rate_windows as w (key, count, reset_at)
    values (${hashed}, 1, now() + ${windowMs} * interval '1 millisecond')
    on conflict (key) do update set
      count = case when w.reset_at <= now() then 1 else w.count + 1 end,
      reset_at = case when w.reset_at <= now() then excluded.reset_at else w.reset_at end
    returning count, greatest(0, ceil(extract(epoch from (reset_at - now())) * 1000))::int as ttl
  `)) as unknown as { count: number; ttl: number }[];
  const row = rows[0]!;
  return { count: Number(row.count), ttlMs: Number(row.ttl) };
}

/** Removes the windows that have ended (a job: the table holds only live windows). */
export async function sweepRateWindows(db: Db): Promise<void> {
  await db.execute(sql`delete from rate_windows where reset_at < now()`);
}

/**
 * A limit of `max` tries per key and window: on PostgreSQL shared by every instance (the table
 * `rate_windows`), on PGlite (one process) in memory. `name` keeps limits apart in the table.
 */
export function rateWindow(
  database: Pick<Database, "db" | "kind">,
  name: string,
  max: number,
  windowMs: number,
): RateWindow {
  if (database.kind !== "postgres") {
    const memory = new FixedWindowLimiter(max, windowMs);
    return { hit: async (key) => memory.hit(key) };
  }
  return {
    hit: async (key) => (await countShared(database.db, `${name}|${key}`, windowMs)).count <= max,
  };
}

type Done = (err: Error | null, res?: { current: number; ttl: number }) => void;

/**
 * A store for `@fastify/rate-limit` that counts in `rate_windows`, so that a route's limit holds
 * across every instance on one PostgreSQL (each route keeps its own windows, as the plugin's own
 * stores do).
 */
export function sharedRateLimitStore(db: Db) {
  return class SharedRateLimitStore {
    private readonly prefix: string;

    constructor(prefix?: unknown) {
      this.prefix = typeof prefix === "string" ? prefix : "";
    }

    incr(key: string, done: Done, timeWindow: number): void {
      countShared(db, `${this.prefix}${key}`, timeWindow).then(
        (r) => done(null, { current: r.count, ttl: r.ttlMs }),
        (err: Error) => done(err),
      );
    }

    child(route: object): SharedRateLimitStore {
      const info = (route as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo ?? {};
      return new SharedRateLimitStore(`${String(info.method ?? "")} ${String(info.url ?? "")}|`);
    }
  };
}
