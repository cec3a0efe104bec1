import { createHash, createHmac, randomBytes } from "node:crypto";
import { type Db } from "../../../core/db/index.ts";
import { sitePageViews, siteVisitDays, siteVisitors } from "../schema.ts";
import { lt, sql } from "drizzle-orm";

export const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Bangkok",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day in Thailand (YYYY-MM-DD) of a moment. */
export function thaiDay(at: Date = new Date()): string {
  return dayFormat.format(at);
}

export const BOT =
  /bot|crawl|spider|slurp|archiver|facebookexternalhit|line-poker|whatsapp|preview|lighthouse|pagespeed|headless|phantom|curl|wget|python|java\/|go-http|httpclient|okhttp|axios|node-fetch|undici|monitor|uptime|scan/i;

/** True for requests from robots (search engines, link previews, monitors, scripts). */
export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || userAgent.length < 10 || BOT.test(userAgent);
}

export interface Pending {
  visitors: number;
  views: number;
  pages: Map<string, number>;
  /** Shared counting: the day's visitor hashes first seen here, for the database to judge. */
  hashes: Set<string>;
}

/**
 * Counts visitors and page views in memory and writes them in batches. A visitor is the SHA-256
 * of a salt that changes every day with the address and browser: the address is never stored,
 * no cookie is set, and yesterday's visitors cannot be linked to today's.
 *
 * With several instances on one PostgreSQL (`share`), the day's salt is derived from the
 * installation secret, so every instance hashes a visitor alike, and the hashes of the day are
 * kept in `site_visitors` (UNLOGGED, yesterday's deleted): a visitor is counted once, by the
 * instance whose hash the database took first.
 */
export class VisitCounter {
  private secret: string | null = null;
  private salt: Buffer = randomBytes(32);
  private purgedBefore = "";

  /**
   * Counts visitors with the other instances on the same PostgreSQL (the installation's secret),
   * or alone, in this process (null: PGlite, one process).
   */
  share(secret: string | null): void {
    if (secret === this.secret) return;
    this.secret = secret;
    this.salt = this.saltOf(this.day);
    this.seen.clear();
  }

  private saltOf(day: string): Buffer {
    return this.secret
      ? createHmac("sha256", this.secret).update(`site.visitors|${day}`).digest()
      : randomBytes(32);
  }

  private day = thaiDay();
  private seen = new Map<number, Set<string>>();
  private pending = new Map<string, Pending>();
  private flushing: Promise<void> = Promise.resolve();

  private dayCheckedAt = 0;

  /** The Thai day of a moment, recomputed at most once a second for the current time. */
  private dayOf(at: Date | undefined): string {
    if (at) return thaiDay(at);
    const now = Date.now();
    if (now - this.dayCheckedAt > 1000) {
      this.dayCheckedAt = now;
      this.today = thaiDay(new Date(now));
    }
    return this.today;
  }
  private today = thaiDay();

  /** Counts one page view of a tambon's site. */
  record(tambonId: number, path: string, address: string, userAgent: string, at?: Date) {
    const day = this.dayOf(at);
    if (day !== this.day) {
      this.day = day;
      this.salt = this.saltOf(day);
      this.seen.clear();
    }
    const hash = createHash("sha256")
      .update(this.salt)
      .update(address)
      .update("\0")
      .update(userAgent)
      .digest("base64url")
      .slice(0, 16);
    let seen = this.seen.get(tambonId);
    if (!seen) this.seen.set(tambonId, (seen = new Set()));
    const key = `${tambonId}|${day}`;
    let p = this.pending.get(key);
    if (!p)
      this.pending.set(key, (p = { visitors: 0, views: 0, pages: new Map(), hashes: new Set() }));
    if (!seen.has(hash)) {
      seen.add(hash);
      if (this.secret) p.hashes.add(hash);
      else p.visitors++;
    }
    p.views++;
    const page = path.split("?")[0]!.slice(0, 200);
    p.pages.set(page, (p.pages.get(page) ?? 0) + 1);
  }

  /** Counts not yet written for a tambon and day (added to what the database holds). */
  unsaved(tambonId: number, day: string): { visitors: number; views: number } {
    const p = this.pending.get(`${tambonId}|${day}`);
    return { visitors: (p?.visitors ?? 0) + (p?.hashes.size ?? 0), views: p?.views ?? 0 };
  }

  /** Writes the counts gathered so far in one batch per table. */
  flush(db: Db): Promise<void> {
    this.flushing = this.flushing.then(() => this.write(db)).catch(() => {});
    return this.flushing;
  }

  private async write(db: Db): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    const days: (typeof siteVisitDays.$inferInsert)[] = [];
    const pages: (typeof sitePageViews.$inferInsert)[] = [];
    for (const [key, p] of batch) {
      const [id, day] = key.split("|") as [string, string];
      const tambonId = Number(id);
      days.push({ tambonId, day, visitors: p.visitors, views: p.views });
      for (const [path, views] of p.pages) pages.push({ tambonId, day, path, views });
    }
    try {
      if (this.secret) await this.judgeVisitors(db, batch, days);
      await db
        .insert(siteVisitDays)
        .values(days)
        .onConflictDoUpdate({
          target: [siteVisitDays.tambonId, siteVisitDays.day],
          set: {
            visitors: sql`${siteVisitDays.visitors} + excluded.visitors`,
            views: sql`${siteVisitDays.views} + excluded.views`,
          },
        });
      for (let i = 0; i < pages.length; i += 500) {
        await db
          .insert(sitePageViews)
          .values(pages.slice(i, i + 500))
          .onConflictDoUpdate({
            target: [sitePageViews.tambonId, sitePageViews.day, sitePageViews.path],
            set: { views: sql`${sitePageViews.views} + excluded.views` },
          });
      }
    } catch {
      // A tambon deleted meanwhile (or a database hiccup): these counts are lost, pages are not.
    }
  }

  /**
   * Shared counting: stores the batch's hashes, each day's visitors becoming the hashes no
   * instance had stored; yesterday's hashes are deleted on the first write of a new day.
   */
  private async judgeVisitors(
    db: Db,
    batch: Map<string, Pending>,
    days: (typeof siteVisitDays.$inferInsert)[],
  ): Promise<void> {
    const today = thaiDay();
    if (this.purgedBefore !== today) {
      await db.delete(siteVisitors).where(lt(siteVisitors.day, today));
      this.purgedBefore = today;
    }
    const rows: (typeof siteVisitors.$inferInsert)[] = [];
    for (const [key, p] of batch) {
      const [id, day] = key.split("|") as [string, string];
      for (const hash of p.hashes) rows.push({ tambonId: Number(id), day, hash });
    }
    const fresh = new Map<string, number>();
    for (let i = 0; i < rows.length; i += 1000) {
      const taken = await db
        .insert(siteVisitors)
        .values(rows.slice(i, i + 1000))
        .onConflictDoNothing()
        .returning({ tambonId: siteVisitors.tambonId, day: siteVisitors.day });
      for (const r of taken)
        fresh.set(`${r.tambonId}|${r.day}`, (fresh.get(`${r.tambonId}|${r.day}`) ?? 0) + 1);
    }
    for (const d of days)
      d.visitors = (d.visitors ?? 0) + (fresh.get(`${d.tambonId}|${d.day}`) ?? 0);
  }
}

/** The process-wide counter. */
export const visits = new VisitCounter();
