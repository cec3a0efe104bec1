import { Table } from "../../../core/views/list.tsx";
import { type SiteStats } from "./queries.ts";
import { When, nf, useSiteT, useUrl } from "../shared/views.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { decodeSafe } from "../transparency/views.tsx";
import { formatDate } from "../../../core/dates.ts";

/** The statistics box as the seed shows it: opened, updated, visitors, page views. */
export function StatsBox({ stats }: { stats: SiteStats }) {
  const t = useSiteT();
  const url = useUrl();
  return (
    <section class="box stats-box" aria-labelledby="stats-box-h">
      <h2 id="stats-box-h">{t("stats.title")}</h2>
      <dl>
        {stats.opened && (
          <div>
            <dt>{t("stats.opened")}</dt>
            <dd>
              <When at={stats.opened} />
            </dd>
          </div>
        )}
        {stats.updated && (
          <div>
            <dt>{t("stats.updated")}</dt>
            <dd>
              <When at={stats.updated} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t("stats.visitors")}</dt>
          <dd>{nf.format(stats.visitors)}</dd>
        </div>
        <div>
          <dt>{t("stats.views")}</dt>
          <dd>{nf.format(stats.views)}</dd>
        </div>
        <div>
          <dt>{t("stats.today")}</dt>
          <dd>{nf.format(stats.today)}</dd>
        </div>
        <div>
          <dt>{t("stats.yesterday")}</dt>
          <dd>{nf.format(stats.yesterday)}</dd>
        </div>
        <div>
          <dt>{t("stats.month")}</dt>
          <dd>{nf.format(stats.month)}</dd>
        </div>
      </dl>
      <p>
        <a href={url("/stats")}>{t("stats.pageTitle")}</a>
      </p>
    </section>
  );
}

/** The statistics page: the box, a chart of visits per day (an SVG image) and top pages. */
export function StatsPage(props: {
  stats: SiteStats;
  days: { day: string; visitors: number; views: number }[];
  top: { path: string; views: number }[];
  /** Titles of the record pages among the top pages (news, jobs, pages…), by path. */
  titles: Map<string, string>;
  chartUrl: string;
  topChartUrl: string;
  topChartHeight: number;
}) {
  const t = useSiteT();
  const { lang, nav, tambon } = useCtx();
  const home = `/t/${tambon!.slug}`;
  const sections = nav.flatMap((n) => [n, ...(n.children ?? [])]);
  // A page by its title (a record's), else the menu entry it sits under, never its address.
  const pageName = (path: string): string => {
    const title = props.titles.get(path);
    if (title) return title;
    const bare = path.split(/[?#]/)[0]!.replace(/\/+$/, "");
    if (bare === home || bare === "") return t("stats.home");
    const under = sections
      .filter((n) => n.href !== home && (bare === n.href || bare.startsWith(`${n.href}/`)))
      .sort((a, b) => b.href.length - a.href.length)[0];
    if (!under) return decodeSafe(bare.slice(home.length) || bare);
    const rest = decodeSafe(bare.slice(under.href.length).replace(/^\//, ""));
    return rest ? `${under.label} › ${rest}` : under.label;
  };
  return (
    <>
      <h1>{t("stats.pageTitle")}</h1>
      <p>{t("stats.privacy")}</p>
      <div class="stats-page">
        <StatsBox stats={props.stats} />
        <figure class="chart">
          <figcaption>{t("stats.perDay")}</figcaption>
          <img src={props.chartUrl} alt={t("stats.chartAlt")} width={720} height={320} />
        </figure>
      </div>
      <h2 id="top-h">{t("stats.topPages")}</h2>
      {props.top.length > 0 && (
        <figure class="chart">
          <img
            src={props.topChartUrl}
            alt={t("stats.topChartAlt")}
            width={720}
            height={props.topChartHeight}
          />
        </figure>
      )}
      <Table labelledBy="top-h" columns={[t("stats.page"), { label: t("stats.views"), num: true }]}>
        {props.top.map((p) => (
          <tr key={p.path}>
            <td>
              <a href={p.path}>{pageName(p.path)}</a>
            </td>
            <td class="num">{nf.format(Number(p.views))}</td>
          </tr>
        ))}
      </Table>
      <h2 id="days-h">{t("stats.perDay")}</h2>
      <Table
        labelledBy="days-h"
        columns={[
          t("stats.day"),
          { label: t("stats.visitors"), num: true },
          { label: t("stats.views"), num: true },
        ]}
      >
        {[...props.days].reverse().map((d) => (
          <tr key={d.day}>
            <td>{formatDate(d.day, lang)}</td>
            <td class="num">{nf.format(d.visitors)}</td>
            <td class="num">{nf.format(d.views)}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
