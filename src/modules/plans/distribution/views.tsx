import { useCtx } from "../../../core/views/ctx.ts";
import { msg } from "../messages.ts";
import type { PlanDistribution, VillageRow } from "./queries.ts";
import type { YearDistribution } from "./shares.ts";

/** Baht as shown: Thai digit grouping, no more than two decimals. */
export function money(x: number | null, decimals = 0): string {
  if (x === null) return "—";
  return x.toLocaleString("th-TH", {
    minimumFractionDigits: 0,
    maximumFractionDigits: decimals,
  });
}

/** "หมู่ที่ 3 บ้านนา" (the English name when the reader reads English and it has one). */
export function villageLabel(v: VillageRow, lang: "th" | "en"): string {
  const name = lang === "en" && v.nameEn ? v.nameEn : v.nameTh;
  return lang === "en" ? `Moo ${v.moo} ${name}` : `หมู่ที่ ${v.moo} ${name}`;
}

/** A Gini index as shown (three decimals), or a dash. */
export function giniText(g: number | null): string {
  return g === null ? "—" : g.toFixed(3);
}

/**
 * The distribution page: the period chosen, the table (villages as rows, scrolling inside its
 * own box on a phone), the chart of budget per head, villages with nothing flagged, and the
 * Gini index with its trend across the plan's years.
 */
export function DistributionPage(p: {
  data: PlanDistribution;
  shown: YearDistribution;
  year: number | null;
  areas: { id: number; name: string }[];
  chartSvg: string;
  trendSvg: string;
  base: string;
  /** Staff may enter the villages' figures. */
  canManage?: boolean;
}) {
  const { lang } = useCtx();
  const t = msg.t(lang);
  const { data, shown } = p;
  const first = data.years[0]!;
  const last = data.years[data.years.length - 1]!;
  const href = `${p.base}/plans/${data.plan.id}/distribution`;
  const villageById = new Map(data.villages.map((v) => [v.id, v]));
  const areasUsed = p.areas.filter((a) => shown.villages.some((s) => s.byArea.has(a.id)));
  const unnamedArea = shown.villages.some((s) => s.byArea.has(0));
  const noPeople = shown.villages.every((s) => s.people === null);
  const period =
    p.year === null
      ? t("dist.allYears", { from: first, to: last })
      : t("dist.year", { year: p.year });
  const totals = {
    people: shown.villages.reduce((a, s) => a + (s.people ?? 0), 0),
    households: shown.villages.reduce((a, s) => a + (s.households ?? 0), 0),
  };
  return (
    <>
      <p>
        <a href={`${p.base}/plans/${data.plan.id}`}>{t("dist.back")}</a>
      </p>
      <p>{t("dist.intro")}</p>
      <nav aria-label={t("dist.period")} class="dist-years">
        <ul>
          <li>
            {p.year === null ? (
              <strong aria-current="page">{t("dist.allYears", { from: first, to: last })}</strong>
            ) : (
              <a href={href}>{t("dist.allYears", { from: first, to: last })}</a>
            )}
          </li>
          {data.years.map((y) => (
            <li key={y}>
              {p.year === y ? (
                <strong aria-current="page">{y}</strong>
              ) : (
                <a href={`${href}?year=${y}`}>{y}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <h2>{period}</h2>
      <dl class="dist-summary">
        <dt>{t("dist.budget")}</dt>
        <dd>{money(shown.total, 2)}</dd>
        <dt>{t("dist.gini")}</dt>
        <dd>
          <strong>{giniText(shown.gini)}</strong>
        </dd>
        <dt>{t("dist.projects")}</dt>
        <dd>{t("dist.counted", { n: data.counted })}</dd>
      </dl>
      <p class="muted">{t("dist.giniHelp")}</p>
      {noPeople && <p class="notice">{t("dist.noPopulation")}</p>}
      {p.canManage && (
        <p>
          <a href={`${p.base}/admin/plans/villages${p.year === null ? "" : `?year=${p.year}`}`}>
            {t("figures.link")}
          </a>
        </p>
      )}
      {shown.nothing.length > 0 && (
        <p class="notice dist-flag">{t("dist.flagged", { n: shown.nothing.length })}</p>
      )}
      {shown.noOwnProject.length > shown.nothing.length && (
        <p class="muted">{t("dist.noOwnFlagged", { n: shown.noOwnProject.length })}</p>
      )}
      {data.villages.length === 0 ? (
        <p>{t("dist.none")}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t("dist.title")}>
          <table class="dist-table">
            <thead>
              <tr>
                <th scope="col">{t("dist.village")}</th>
                <th scope="col" class="num">
                  {t("dist.projects")}
                </th>
                <th scope="col" class="num">
                  {t("dist.ownProjects")}
                </th>
                <th scope="col" class="num">
                  {t("dist.budget")}
                </th>
                <th scope="col" class="num">
                  {t("dist.people")}
                </th>
                <th scope="col" class="num">
                  {t("dist.households")}
                </th>
                <th scope="col" class="num">
                  {t("dist.perHead")}
                </th>
                <th scope="col" class="num">
                  {t("dist.perHousehold")}
                </th>
                {areasUsed.map((a) => (
                  <th scope="col" class="num" key={a.id}>
                    {a.name}
                  </th>
                ))}
                {unnamedArea && (
                  <th scope="col" class="num">
                    {t("dist.noArea")}
                  </th>
                )}
                <th scope="col">{t("dist.flags")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.villages.map((s) => {
                const v = villageById.get(s.villageId)!;
                const nothing = s.budget <= 0;
                return (
                  <tr key={s.villageId} class={nothing ? "dist-nothing" : undefined}>
                    <th scope="row">{villageLabel(v, lang)}</th>
                    <td class="num">{s.projects}</td>
                    <td class="num">{s.ownProjects}</td>
                    <td class="num">{money(s.budget, 2)}</td>
                    <td class="num">{money(s.people)}</td>
                    <td class="num">{money(s.households)}</td>
                    <td class="num">{money(s.perHead, 2)}</td>
                    <td class="num">{money(s.perHousehold, 2)}</td>
                    {areasUsed.map((a) => (
                      <td class="num" key={a.id}>
                        {money(s.byArea.get(a.id) ?? 0, 2)}
                      </td>
                    ))}
                    {unnamedArea && <td class="num">{money(s.byArea.get(0) ?? 0, 2)}</td>}
                    <td>
                      {nothing ? (
                        <strong>⚠ {t("dist.nothing")}</strong>
                      ) : s.ownProjects === 0 ? (
                        t("dist.noOwn")
                      ) : (
                        ""
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("dist.total")}</th>
                <td class="num">{data.counted}</td>
                <td class="num"></td>
                <td class="num">{money(shown.total, 2)}</td>
                <td class="num">{money(totals.people || null)}</td>
                <td class="num">{money(totals.households || null)}</td>
                <td class="num">{money(totals.people ? shown.total / totals.people : null, 2)}</td>
                <td class="num">
                  {money(totals.households ? shown.total / totals.households : null, 2)}
                </td>
                {areasUsed.map((a) => (
                  <td class="num" key={a.id}>
                    {money(
                      shown.villages.reduce((x, s) => x + (s.byArea.get(a.id) ?? 0), 0),
                      2,
                    )}
                  </td>
                ))}
                {unnamedArea && (
                  <td class="num">
                    {money(
                      shown.villages.reduce((x, s) => x + (s.byArea.get(0) ?? 0), 0),
                      2,
                    )}
                  </td>
                )}
                <td></td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p>
        <a class="button secondary" href={`${href}.csv${p.year === null ? "" : `?year=${p.year}`}`}>
          {t("dist.csv")}
        </a>{" "}
        <a
          class="button secondary"
          href={`${href}.xlsx${p.year === null ? "" : `?year=${p.year}`}`}
        >
          {t("dist.xlsx")}
        </a>
      </p>
      {data.sources.length > 0 && (
        <p class="muted">
          {t("dist.sources", {
            list: data.sources.map((s) => t(`dist.source.${s}`)).join(", "),
          })}
        </p>
      )}
      <figure class="dist-chart">
        <div
          role="img"
          aria-label={t("dist.chart", { period })}
          dangerouslySetInnerHTML={{ __html: p.chartSvg }}
        />
        <figcaption>{t("dist.chart", { period })}</figcaption>
      </figure>
      <section aria-labelledby="dist-trend-h">
        <h2 id="dist-trend-h">{t("dist.trend")}</h2>
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t("dist.trend")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("dist.period")}</th>
                <th scope="col" class="num">
                  {t("dist.budget")}
                </th>
                <th scope="col" class="num">
                  {t("dist.gini")}
                </th>
                <th scope="col" class="num">
                  {t("dist.nothing")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.perYear.map((d) => (
                <tr key={d.year}>
                  <th scope="row">
                    <a href={`${href}?year=${d.year}`}>{d.year}</a>
                  </th>
                  <td class="num">{money(d.total, 2)}</td>
                  <td class="num">{giniText(d.gini)}</td>
                  <td class="num">{d.nothing.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <figure class="dist-chart">
          <div
            role="img"
            aria-label={t("dist.trendChart")}
            dangerouslySetInnerHTML={{ __html: p.trendSvg }}
          />
          <figcaption>{t("dist.trendChart")}</figcaption>
        </figure>
      </section>
    </>
  );
}
