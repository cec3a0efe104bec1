import { useCtx } from "../../../../core/views/ctx.ts";
import { core } from "../../../../core/i18n/messages.ts";
import type { Village } from "../../../../core/commands/tambons.ts";
import { msg } from "../../messages.ts";
import type { ClauseRef } from "../../../charter/public.ts";
import { formatValue, type IndicatorCard, type Measured } from "../queries.ts";
import { StatusBadge, withUnit } from "./dashboard.tsx";
import { ClauseLink, ListOrNone } from "../../shared/views.tsx";

/** An indicator's page: definition, targets, the chart, and the table per village and year. */
export function IndicatorPage(p: {
  card: IndicatorCard;
  chartSvg: string;
  villages: Village[];
  values: Measured[];
  years: number[];
  planTitle: string | null;
  planHref: string | null;
  areaName: string | null;
  projects: { id: number; seq: number; title: string }[];
  clauses: ClauseRef[];
  canManage: boolean;
  canRecord: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const ct = core.t(lang);
  const base = `/t/${tambon!.slug}`;
  const ind = p.card.indicator;
  const cell = new Map(p.values.map((v) => [`${v.villageId ?? 0}/${v.fiscalYear}`, v.value]));
  const tambonRow = new Map(p.card.series.map((s) => [s.year, s]));
  return (
    <>
      {p.planHref && (
        <p>
          <a href={p.planHref}>← {t("indicator.dashboard", { plan: p.planTitle ?? "" })}</a>
        </p>
      )}
      <h1>{ind.name}</h1>
      <p>
        <StatusBadge status={p.card.status} />{" "}
        <span class="muted">{t(`indicator.trend.${p.card.trend}`)}</span>
      </p>
      <dl class="ind-facts">
        {ind.definition && (
          <>
            <dt>{t("indicator.definition")}</dt>
            <dd>{ind.definition}</dd>
          </>
        )}
        <dt>{t("indicator.unit")}</dt>
        <dd>{ind.unit || "—"}</dd>
        <dt>{t("indicator.direction")}</dt>
        <dd>{t(`indicator.direction.${ind.direction}`)}</dd>
        <dt>{t("indicator.source")}</dt>
        <dd>{t(`indicator.source.${ind.source}`)}</dd>
        {ind.baselineValue !== null && (
          <>
            <dt>{t("indicator.baseline")}</dt>
            <dd>
              {withUnit(Number(ind.baselineValue), ind)}
              {ind.baselineYear ? ` (${ind.baselineYear})` : ""}
            </dd>
          </>
        )}
        {p.areaName && (
          <>
            <dt>{t("indicator.area")}</dt>
            <dd>{p.areaName}</dd>
          </>
        )}
      </dl>
      {(p.canManage || p.canRecord) && (
        <p class="actions">
          {p.canRecord && (
            <a class="button" href={`${base}/admin/indicators/${ind.id}/measurements`}>
              {t("measure.enter")}
            </a>
          )}
          {p.canManage && (
            <a class="button secondary" href={`${base}/admin/indicators/${ind.id}`}>
              {t("indicator.edit")}
            </a>
          )}
        </p>
      )}
      <div
        class="ind-chart"
        role="img"
        aria-label={t("indicator.chart", { name: ind.name })}
        dangerouslySetInnerHTML={{ __html: p.chartSvg }}
      />
      <section aria-labelledby="ind-table-h">
        <h2 id="ind-table-h">{t("indicator.byVillage")}</h2>
        <div class="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("indicator.village")}</th>
                {p.years.map((y) => (
                  <th scope="col" class="num" key={y}>
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("indicator.targetSeries")}</th>
                {p.years.map((y) => {
                  const v = p.card.targets.get(y);
                  return (
                    <td class="num" key={y}>
                      {v === undefined ? "—" : formatValue(v, ind.decimals)}
                    </td>
                  );
                })}
              </tr>
              <tr>
                <th scope="row">{t("indicator.tambon")}</th>
                {p.years.map((y) => {
                  const v = tambonRow.get(y);
                  return (
                    <td class="num" key={y}>
                      {v ? `${formatValue(v.value, ind.decimals)}${v.averaged ? "*" : ""}` : "—"}
                    </td>
                  );
                })}
              </tr>
              {p.villages.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    {ct("village.mooN", { n: v.moo })}{" "}
                    {lang === "en" && v.nameEn ? v.nameEn : v.nameTh}
                  </th>
                  {p.years.map((y) => {
                    const value = cell.get(`${v.id}/${y}`);
                    return (
                      <td class="num" key={y}>
                        {value === undefined ? "—" : formatValue(value, ind.decimals)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {p.card.series.some((s) => s.averaged) && (
          <p class="muted">* {t("indicator.villageAverage")}</p>
        )}
      </section>
      <section aria-labelledby="ind-projects-h">
        <h2 id="ind-projects-h">{t("indicator.projects")}</h2>
        <ListOrNone items={p.projects} none={t("indicator.noProjects")} muted>
          {(pr) => (
            <li key={pr.id}>
              <a href={`${base}/projects/${pr.id}`}>
                {pr.seq ? `${pr.seq}. ` : ""}
                {pr.title}
              </a>
            </li>
          )}
        </ListOrNone>
      </section>
      <section aria-labelledby="ind-clauses-h">
        <h2 id="ind-clauses-h">{t("indicator.clauses")}</h2>
        <ListOrNone items={p.clauses} none={t("indicator.noClauses")} muted>
          {(c) => (
            <li key={`${c.charterId}:${c.clauseKey}`}>
              <ClauseLink c={c} bare /> {c.text.length > 140 ? `${c.text.slice(0, 139)}…` : c.text}
            </li>
          )}
        </ListOrNone>
      </section>
    </>
  );
}
