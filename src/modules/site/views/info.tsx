import { useCtx } from "../../../core/views/ctx.ts";
import { formatDate } from "../../../core/dates.ts";
import type { SiteStats } from "../queries.ts";
import { StatsBox } from "./public.tsx";
import { useSiteT, useUrl } from "./parts.tsx";

const nf = new Intl.NumberFormat("en-US");

/** The statistics page: the box, a chart of visits per day (an SVG image) and top pages. */
export function StatsPage(props: {
  stats: SiteStats;
  days: { day: string; visitors: number; views: number }[];
  top: { path: string; views: number }[];
  chartUrl: string;
  topChartUrl: string;
  topChartHeight: number;
}) {
  const t = useSiteT();
  const { lang } = useCtx();
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
      <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="top-h">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("stats.page")}</th>
              <th scope="col" class="num">
                {t("stats.views")}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.top.map((p) => (
              <tr key={p.path}>
                <td>
                  <a href={p.path}>{decodeSafe(p.path)}</a>
                </td>
                <td class="num">{nf.format(Number(p.views))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="days-h">{t("stats.perDay")}</h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="days-h">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("stats.day")}</th>
              <th scope="col" class="num">
                {t("stats.visitors")}
              </th>
              <th scope="col" class="num">
                {t("stats.views")}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...props.days].reverse().map((d) => (
              <tr key={d.day}>
                <td>{formatDate(d.day, lang)}</td>
                <td class="num">{nf.format(d.visitors)}</td>
                <td class="num">{nf.format(d.views)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function decodeSafe(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** An ITA item as the transparency page shows it. */
export interface ItaRow {
  id: number;
  code: string;
  groupCode: string;
  groupTitle: string;
  title: string;
  href: string | null;
  linkLabel: string | null;
}

/** The transparency page: items of the fiscal year, what satisfies each, what is missing. */
export function TransparencyPage(props: { year: number; years: number[]; items: ItaRow[] }) {
  const t = useSiteT();
  const url = useUrl();
  const done = props.items.filter((i) => i.href).length;
  const total = props.items.length;
  const pct = total ? Math.round((done / total) * 100) : 0;
  const groups = [...new Set(props.items.map((i) => i.groupCode))];
  const missing = props.items.filter((i) => !i.href);
  return (
    <>
      <h1>{t("ita.title")}</h1>
      <p>{t("ita.intro", { year: props.year })}</p>
      {props.years.length > 1 && (
        <nav class="chips" aria-label={t("ita.year")}>
          {props.years.map((y) => (
            <a
              key={y}
              href={url(`/transparency?year=${y}`)}
              aria-current={y === props.year ? "page" : undefined}
            >
              {y}
            </a>
          ))}
        </nav>
      )}
      {total === 0 ? (
        <p>{t("ita.none")}</p>
      ) : (
        <>
          <p class="progress-line">
            <strong>{t("ita.complete", { done, total, pct })}</strong>
          </p>
          <progress max={total} value={done} aria-label={t("ita.complete", { done, total, pct })}>
            {pct}%
          </progress>
          {groups.map((g) => {
            const rows = props.items.filter((i) => i.groupCode === g);
            return (
              <section key={g} aria-labelledby={`ita-${g}`}>
                <h2 id={`ita-${g}`}>
                  {g} {rows[0]?.groupTitle}
                </h2>
                <div class="table-wrap" tabIndex={0} role="region" aria-labelledby={`ita-${g}`}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t("ita.item")}</th>
                        <th scope="col">{t("ita.topic")}</th>
                        <th scope="col">{t("ita.where")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((i) => (
                        <tr key={i.id} id={i.code}>
                          <td>{i.code}</td>
                          <td>{i.title}</td>
                          <td>
                            {i.href ? (
                              <a href={i.href}>{i.linkLabel}</a>
                            ) : (
                              <span class="badge missing">{t("ita.missing")}</span>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })}
          {missing.length > 0 && (
            <section aria-labelledby="ita-missing-h">
              <h2 id="ita-missing-h">{t("ita.missingList")}</h2>
              <p>{missing.map((i) => i.code).join(", ")}</p>
            </section>
          )}
        </>
      )}
    </>
  );
}
