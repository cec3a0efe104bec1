import { asc, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { type DbOrTx } from "../../../core/db/index.ts";
import { jsonRows } from "../../../core/db/json-rows.ts";
import { prepared, type Holes } from "../../../core/db/prepared.ts";
import { siteAlbums, siteCategories, siteLinks, siteNews, siteVisitDays } from "../schema.ts";
import { cardFields, liveNews, type NewsCard } from "../news/queries.ts";
import { albumFigures } from "../galleries/queries.ts";
import { statsDays, statsFields, statsOf, type SiteStats } from "../statistics/queries.ts";
import type { AlbumCard, Category, Link } from "../shared/views.tsx";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** How many of the latest news and albums the home page shows. */
export const HOME_NEWS = 6;
export const HOME_ALBUMS = 3;

/** What the website shows on the tambon's home page. */
export interface SiteHome {
  news: NewsCard[];
  categories: Category[];
  albums: AlbumCard[];
  stats: SiteStats;
  links: Link[];
}

type HomeValues = {
  tambonId: number;
  now: string;
  today: string;
  yesterday: string;
  monthStart: string;
};

const tambon = sql.placeholder("tambonId");
const { id, title, createdAt } = getTableColumns(siteAlbums);

/** The lists the home page shows, each read inside the one statement (core/db/json-rows.ts). */
const lists = {
  news: jsonRows(
    siteNews,
    liveNews(tambon, sql.placeholder("now")),
    [desc(siteNews.publishAt), desc(siteNews.id)],
    cardFields(tambon),
    HOME_NEWS,
  ),
  categories: jsonRows(siteCategories, eq(siteCategories.tambonId, tambon), [
    asc(siteCategories.position),
    asc(siteCategories.id),
  ]),
  albums: jsonRows(
    siteAlbums,
    tambonWhere(siteAlbums, tambon, { published: true }),
    [desc(siteAlbums.createdAt), desc(siteAlbums.id)],
    { id, title, createdAt, ...albumFigures(tambon) },
    HOME_ALBUMS,
  ),
  links: jsonRows(siteLinks, eq(siteLinks.tambonId, tambon), [asc(siteLinks.position)]),
};

const homeStatement = prepared("site_home", (db, p: Holes<HomeValues>) =>
  db
    .select({
      ...statsFields(p.tambonId, p.now, p),
      news: lists.news.sql,
      categories: lists.categories.sql,
      albums: lists.albums.sql,
      links: lists.links.sql,
    })
    .from(siteVisitDays)
    .where(eq(siteVisitDays.tambonId, p.tambonId)),
);

/**
 * The website's part of the home page in one statement: the latest news, the categories, the
 * latest published albums, the visitor figures and the links. Read apart they were five
 * statements, each a round trip to the database (and, embedded, a crossing to its thread) on
 * the first showing of the home page after every change.
 */
export async function siteHomeData(
  db: DbOrTx,
  tambonId: number,
  opened: string | null,
  now = new Date(),
): Promise<SiteHome> {
  const days = statsDays(now);
  const [row] = await homeStatement(db, { tambonId, now: now.toISOString(), ...days });
  // A total without a group always gives its one row.
  return {
    news: lists.news.read(row!.news),
    categories: lists.categories.read(row!.categories),
    albums: lists.albums.read(row!.albums),
    stats: statsOf(row, tambonId, opened, days.today),
    links: lists.links.read(row!.links),
  };
}
