import { useCtx } from "../../../../core/views/ctx.ts";
import { msg } from "../../messages.ts";
import { formatValue, type Indicator, type IndicatorCard } from "../queries.ts";
import { usePlans } from "../../shared/views.tsx";

/** A card with its sparkline drawn. */
export type DrawnCard = IndicatorCard & { sparkline: string };

/** The status word with its colour mark, as text (never colour alone). */
export function StatusBadge({ status }: { status: IndicatorCard["status"] }) {
  const { lang } = useCtx();
  return (
    <span class={`ind-status ind-${status}`}>{msg.t(lang)(`indicator.status.${status}`)}</span>
  );
}

/** "12.5 ร้อยละ" */
export function withUnit(value: number, indicator: Indicator): string {
  return `${formatValue(value, indicator.decimals)}${indicator.unit ? ` ${indicator.unit}` : ""}`;
}

/** A plan's indicators as cards: the latest figure, the year's target, status, trend, sparkline. */
export function IndicatorDashboard(p: {
  planTitle: string;
  planHref: string;
  cards: DrawnCard[];
  canManage: boolean;
  canRecord: boolean;
}) {
  const { t, base } = usePlans();
  const counts = { green: 0, amber: 0, red: 0, grey: 0 };
  for (const c of p.cards) counts[c.status]++;
  return (
    <>
      <p>
        <a href={p.planHref}>← {p.planTitle}</a>
      </p>
      <h1>{t("indicator.dashboard", { plan: p.planTitle })}</h1>
      <p>{t("indicator.intro")}</p>
      {(p.canManage || p.canRecord) && (
        <p class="actions">
          {p.canManage && (
            <a class="button secondary" href={`${base}/admin/indicators`}>
              {t("indicator.manage")}
            </a>
          )}
          {p.canRecord && (
            <a class="button secondary" href={`${base}/admin/indicators/import`}>
              {t("measure.import")}
            </a>
          )}
        </p>
      )}
      {p.cards.length === 0 ? (
        <p>{t("indicator.none")}</p>
      ) : (
        <>
          <ul class="stats ind-stats" aria-label={t("indicator.title")}>
            {(["green", "amber", "red", "grey"] as const).map((s) => (
              <li key={s} class={`ind-${s}`}>
                <strong>{counts[s]}</strong>
                {t(`indicator.status.${s}`)}
              </li>
            ))}
          </ul>
          <ul class="cards ind-cards">
            {p.cards.map((c) => (
              <li key={c.indicator.id} class={`ind-card ind-border-${c.status}`}>
                <h2>
                  <a href={`${base}/indicators/${c.indicator.id}`}>{c.indicator.name}</a>
                </h2>
                <p>
                  <StatusBadge status={c.status} />{" "}
                  <span class="muted">{t(`indicator.trend.${c.trend}`)}</span>
                </p>
                <p class="ind-figure">
                  {c.latest ? (
                    <>
                      <strong>{withUnit(c.latest.value, c.indicator)}</strong>{" "}
                      <span class="muted">{t("indicator.latest", { year: c.latest.year })}</span>
                    </>
                  ) : (
                    <span class="muted">{t("indicator.noValue")}</span>
                  )}
                  {c.target !== null && (
                    <>
                      <br />
                      {t("indicator.targetValue", { value: withUnit(c.target, c.indicator) })}
                    </>
                  )}
                </p>
                <div
                  class="ind-spark"
                  role="img"
                  aria-label={t("indicator.chart", { name: c.indicator.name })}
                  dangerouslySetInnerHTML={{ __html: c.sparkline }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
