import { type DbOrTx } from "../../../core/db/index.ts";
import { thaiDay, visits } from "./visits.ts";
import {
  and,
  desc,
  eq,
  gte,
  inArray,
  sql,
  type AnyColumn,
  type SQL,
  type SQLWrapper,
} from "drizzle-orm";
import {
  siteAlbums,
  siteJobs,
  siteNews,
  sitePageViews,
  sitePages,
  sitePosts,
  siteSettings,
  siteVisitDays,
} from "../schema.ts";
import { liveNews } from "../news/queries.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";

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

/** The days a tambon's figures are counted by: today, yesterday and the month's first (Thai time). */
export function statsDays(now: Date) {
  const today = thaiDay(now);
  return {
    today,
    yesterday: thaiDay(new Date(now.getTime() - 86400_000)),
    monthStart: `${today.slice(0, 7)}-01`,
  };
}

/**
 * What the figures are read from, selected from the tambon's visit days (one row, totals): the
 * days' totals, the figures kept from before counting began, and the last published change.
 * Values or placeholders of a prepared statement (`now` as an ISO time).
 */
export function statsFields(
  tambonId: number | SQLWrapper,
  now: Date | SQLWrapper,
  days: Record<keyof ReturnType<typeof statsDays>, string | SQLWrapper>,
) {
  const { day, visitors: dayVisitors, views: dayViews } = siteVisitDays;
  const sumOf = (column: AnyColumn, when?: SQL) =>
    sql<number>`coalesce(sum(${column})${when ? sql` filter (where ${when})` : sql``}, 0)::float8`;
  const before = (column: AnyColumn) =>
    sql<number>`coalesce((select ${column} from ${siteSettings}
      where ${eq(siteSettings.tambonId, tambonId)}), 0)::float8`;
  const epochMs = (at: SQL) => sql<number | null>`(extract(epoch from (${at})) * 1000)::float8`;
  return {
    visitors: sumOf(dayVisitors),
    views: sumOf(dayViews),
    today: sumOf(dayVisitors, sql`${day} = ${days.today}`),
    yesterday: sumOf(dayVisitors, sql`${day} = ${days.yesterday}`),
    month: sumOf(dayVisitors, sql`${day} >= ${days.monthStart}`),
    visitorsBefore: before(siteSettings.visitorsBefore),
    viewsBefore: before(siteSettings.viewsBefore),
    lastNews: epochMs(
      sql`select max(${siteNews.publishAt}) from ${siteNews} where ${liveNews(tambonId, now)}`,
    ),
    lastPage: epochMs(
      sql`select max(${sitePages.updatedAt}) from ${sitePages}
        where ${tambonWhere(sitePages, tambonId, { published: true })}`,
    ),
  };
}

/** The row `statsFields` reads. */
export type StatsRow = {
  [K in keyof ReturnType<typeof statsFields>]: ReturnType<typeof statsFields>[K]["_"]["type"];
};

/** The figures of a row of `statsFields`, with the visits counted and not yet written. */
export function statsOf(
  row: StatsRow | undefined,
  tambonId: number,
  opened: string | null,
  today: string,
): SiteStats {
  const un = visits.unsaved(tambonId, today);
  const dates = [row?.lastNews, row?.lastPage].filter((d): d is number => d != null);
  return {
    opened,
    updated: dates.length ? new Date(Math.max(...dates)) : null,
    visitors: Number(row?.visitors ?? 0) + Number(row?.visitorsBefore ?? 0) + un.visitors,
    views: Number(row?.views ?? 0) + Number(row?.viewsBefore ?? 0) + un.views,
    today: Number(row?.today ?? 0) + un.visitors,
    yesterday: Number(row?.yesterday ?? 0),
    month: Number(row?.month ?? 0) + un.visitors,
  };
}

/** Visitor figures (database plus counts not yet written) and the last published change. */
export async function siteStats(
  db: DbOrTx,
  tambonId: number,
  opened: string | null,
  now = new Date(),
): Promise<SiteStats> {
  const days = statsDays(now);
  const [row] = await db
    .select(statsFields(tambonId, now, days))
    .from(siteVisitDays)
    .where(tambonWhere(siteVisitDays, tambonId));
  return statsOf(row, tambonId, opened, days.today);
}

/** Visits per day of the last `n` days, oldest first (missing days as zero). */
export async function visitsPerDay(db: DbOrTx, tambonId: number, n = 30, now = new Date()) {
  const from = thaiDay(new Date(now.getTime() - (n - 1) * 86400_000));
  const rows = await db
    .select()
    .from(siteVisitDays)
    .where(tambonWhere(siteVisitDays, tambonId, {}, gte(siteVisitDays.day, from)));
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
    .where(tambonWhere(sitePageViews, tambonId, {}, gte(sitePageViews.day, from)))
    .groupBy(sitePageViews.path)
    .orderBy(desc(views))
    .limit(limit);
}

/** A record page of the website, by the path segment its address starts with. */
const RECORD_TITLES = {
  news: { table: siteNews, title: siteNews.title },
  jobs: { table: siteJobs, title: siteJobs.title },
  corner: { table: sitePosts, title: sitePosts.title },
  galleries: { table: siteAlbums, title: siteAlbums.title },
} as const;

/**
 * The titles of the record pages among a tambon's viewed paths ("/t/la-ngu/news/7" → the news
 * title), so the statistics name pages rather than show their addresses.
 */
export async function recordTitles(
  db: DbOrTx,
  tambonId: number,
  slug: string,
  paths: string[],
  lang: "th" | "en",
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wanted = new Map<string, Map<number, string[]>>();
  for (const path of paths) {
    const m = new RegExp(`^/t/${slug}/(news|jobs|corner|galleries|pages)/(\\d+)(?:[-/?#]|$)`).exec(
      path,
    );
    if (!m) continue;
    const ids = wanted.get(m[1]!) ?? new Map<number, string[]>();
    const id = Number(m[2]);
    ids.set(id, [...(ids.get(id) ?? []), path]);
    wanted.set(m[1]!, ids);
  }
  for (const [kind, ids] of wanted) {
    const list = [...ids.keys()].filter((id) => id <= 2_147_483_647);
    if (!list.length) continue;
    if (kind === "pages") {
      const rows = await db
        .select({ id: sitePages.id, th: sitePages.titleTh, en: sitePages.titleEn })
        .from(sitePages)
        .where(tambonWhere(sitePages, tambonId, { id: anyOf(list) }));
      for (const r of rows)
        for (const p of ids.get(r.id) ?? []) out.set(p, lang === "en" && r.en ? r.en : r.th);
      continue;
    }
    const spec = RECORD_TITLES[kind as keyof typeof RECORD_TITLES];
    const rows = await db
      .select({ id: spec.table.id, title: spec.title })
      .from(spec.table)
      .where(and(eq(spec.table.tambonId, tambonId), inArray(spec.table.id, list)));
    for (const r of rows) for (const p of ids.get(r.id) ?? []) out.set(p, r.title);
  }
  return out;
}
