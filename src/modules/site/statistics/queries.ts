import { type DbOrTx } from "../../../core/db/index.ts";
import { thaiDay, visits } from "./visits.ts";
import { and, desc, eq, gte, max, sql, sum } from "drizzle-orm";
import { siteNews, sitePageViews, sitePages, siteSettings, siteVisitDays } from "../schema.ts";
import { liveNews } from "../news/queries.ts";

/** The visitor figures of a tambon's statistics box. */
export interface SiteStats {
  opened: string | null;
  updated: Date | null;
  visitors: number;
  views: number;
  today: number;
  yesterday: number;
  month: number;
}

/** Visitor figures (database plus counts not yet written) and the last published change. */
export async function siteStats(
  db: DbOrTx,
  tambonId: number,
  opened: string | null,
  now = new Date(),
): Promise<SiteStats> {
  const today = thaiDay(now);
  const yesterday = thaiDay(new Date(now.getTime() - 86400_000));
  const monthStart = `${today.slice(0, 7)}-01`;
  const [[tot], days, [base], [lastNews], [lastPage]] = await Promise.all([
    db
      .select({ visitors: sum(siteVisitDays.visitors), views: sum(siteVisitDays.views) })
      .from(siteVisitDays)
      .where(eq(siteVisitDays.tambonId, tambonId)),
    db
      .select()
      .from(siteVisitDays)
      .where(
        and(
          eq(siteVisitDays.tambonId, tambonId),
          gte(siteVisitDays.day, monthStart < yesterday ? monthStart : yesterday),
        ),
      ),
    db.select().from(siteSettings).where(eq(siteSettings.tambonId, tambonId)),
    db
      .select({ at: max(siteNews.publishAt) })
      .from(siteNews)
      .where(liveNews(tambonId, now)),
    db
      .select({ at: max(sitePages.updatedAt) })
      .from(sitePages)
      .where(and(eq(sitePages.tambonId, tambonId), eq(sitePages.published, true))),
  ]);
  const un = visits.unsaved(tambonId, today);
  const dayVisitors = (d: string) => days.find((r) => r.day === d)?.visitors ?? 0;
  const month = days.filter((r) => r.day >= monthStart).reduce((s, r) => s + r.visitors, 0);
  const dates = [lastNews?.at, lastPage?.at].filter((d): d is Date => !!d);
  return {
    opened,
    updated: dates.length ? new Date(Math.max(...dates.map((d) => new Date(d).getTime()))) : null,
    visitors: Number(tot?.visitors ?? 0) + (base?.visitorsBefore ?? 0) + un.visitors,
    views: Number(tot?.views ?? 0) + (base?.viewsBefore ?? 0) + un.views,
    today: dayVisitors(today) + un.visitors,
    yesterday: dayVisitors(yesterday),
    month: month + un.visitors,
  };
}

/** Visits per day of the last `n` days, oldest first (missing days as zero). */
export async function visitsPerDay(db: DbOrTx, tambonId: number, n = 30, now = new Date()) {
  const from = thaiDay(new Date(now.getTime() - (n - 1) * 86400_000));
  const rows = await db
    .select()
    .from(siteVisitDays)
    .where(and(eq(siteVisitDays.tambonId, tambonId), gte(siteVisitDays.day, from)));
  const out: { day: string; visitors: number; views: number }[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const day = thaiDay(new Date(now.getTime() - i * 86400_000));
    const r = rows.find((x) => x.day === day);
    out.push({ day, visitors: r?.visitors ?? 0, views: r?.views ?? 0 });
  }
  return out;
}

/** The most viewed pages of the last `n` days. */
export function topPages(db: DbOrTx, tambonId: number, n = 30, limit = 10, now = new Date()) {
  const from = thaiDay(new Date(now.getTime() - (n - 1) * 86400_000));
  const views = sql<number>`sum(${sitePageViews.views})`;
  return db
    .select({ path: sitePageViews.path, views })
    .from(sitePageViews)
    .where(and(eq(sitePageViews.tambonId, tambonId), gte(sitePageViews.day, from)))
    .groupBy(sitePageViews.path)
    .orderBy(desc(views))
    .limit(limit);
}
