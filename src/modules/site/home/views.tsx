import { type NewsCard } from "../news/queries.ts";
import { type AlbumCard, type Category, type Link, useSiteT, useUrl } from "../shared/views.tsx";
import { type SiteStats } from "../statistics/queries.ts";
import { NewsItems } from "../news/views.tsx";
import { StatsBox } from "../statistics/views.tsx";
import { LinksBox } from "../jobs/views.tsx";
import { AlbumLink } from "../galleries/views.tsx";

/** What the site adds to the tambon's home page: latest news, albums, statistics, links. */
export function HomeSections(props: {
  news: NewsCard[];
  categories: Category[];
  albums: AlbumCard[];
  stats: SiteStats;
  links: Link[];
}) {
  const t = useSiteT();
  const url = useUrl();
  return (
    <div class="home-site">
      <div class="home-main">
        <section aria-labelledby="latest-news-h">
          <h2 id="latest-news-h">{t("home.latestNews")}</h2>
          {props.news.length ? (
            <NewsItems items={props.news} categories={props.categories} />
          ) : (
            <p>{t("news.none")}</p>
          )}
          <p>
            <a href={url("/news")}>{t("home.moreNews")} →</a>
          </p>
        </section>
        {props.albums.length > 0 && (
          <section aria-labelledby="home-albums-h">
            <h2 id="home-albums-h">{t("home.galleries")}</h2>
            <ul class="album-grid">
              {props.albums.map((a) => (
                <li key={a.id}>
                  <AlbumLink album={a} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <aside class="home-side" aria-label={t("home.quick")}>
        <form method="get" action={url("/search")} role="search" class="search-box">
          <label for="home-q">{t("search.label")}</label>
          <input id="home-q" name="q" type="search" />
          <button type="submit">{t("search.title")}</button>
        </form>
        <section class="box" aria-labelledby="quick-h">
          <h2 id="quick-h">{t("home.quick")}</h2>
          <ul>
            <li>
              <a href={url("/complaints")}>{t("menu.complaints")}</a>
            </li>
            <li>
              <a href={url("/transparency")}>{t("menu.transparency")}</a>
            </li>
            <li>
              <a href={url("/corner")}>{t("menu.corner")}</a>
            </li>
            <li>
              <a href={url("/documents")}>{t("menu.documents")}</a>
            </li>
          </ul>
        </section>
        <StatsBox stats={props.stats} />
        <LinksBox links={props.links} />
      </aside>
    </div>
  );
}
