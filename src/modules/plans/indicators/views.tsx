import { useCtx } from "../../../core/views/ctx.ts";
import {
  ErrorSummary,
  Field,
  Form,
  SelectField,
  TextArea,
  type FormState,
} from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import type { Village } from "../../../core/commands/tambons.ts";
import { msg } from "../messages.ts";
import type { ClauseRef } from "../../charter/public.ts";
import { targetField } from "./commands.ts";
import { formatValue, type Indicator, type IndicatorCard, type Measured } from "./queries.ts";

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
function withUnit(value: number, indicator: Indicator): string {
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
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}`;
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
          <ul class="stats" aria-label={t("indicator.title")}>
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
        {p.projects.length === 0 ? (
          <p class="muted">{t("indicator.noProjects")}</p>
        ) : (
          <ul>
            {p.projects.map((pr) => (
              <li key={pr.id}>
                <a href={`${base}/projects/${pr.id}`}>
                  {pr.seq ? `${pr.seq}. ` : ""}
                  {pr.title}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="ind-clauses-h">
        <h2 id="ind-clauses-h">{t("indicator.clauses")}</h2>
        {p.clauses.length === 0 ? (
          <p class="muted">{t("indicator.noClauses")}</p>
        ) : (
          <ul>
            {p.clauses.map((c) => (
              <li key={`${c.charterId}:${c.clauseKey}`}>
                <a href={c.href}>
                  {c.charterName} · {c.number}
                </a>{" "}
                {c.text.length > 140 ? `${c.text.slice(0, 139)}…` : c.text}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The form values of a stored indicator. */
export function indicatorValues(i: Indicator): Record<string, string> {
  return {
    name: i.name,
    unit: i.unit,
    definition: i.definition,
    direction: i.direction,
    source: i.source,
    baselineValue: i.baselineValue === null ? "" : String(Number(i.baselineValue)),
    baselineYear: i.baselineYear === null ? "" : String(i.baselineYear),
    decimals: String(i.decimals),
    planId: i.planId === null ? "" : String(i.planId),
    areaId: i.areaId === null ? "" : String(i.areaId),
  };
}

type Option = { value: string; label: string };

/** The fields of an indicator's definition. */
function IndicatorFields(p: { form: FormState; plans: Option[]; areas: Option[] }) {
  const { lang } = useCtx();
  const t = msg.t(lang);
  const f = p.form;
  return (
    <>
      <Field form={f} name="name" label={t("indicator.name")} required maxLength={200} />
      <Field form={f} name="unit" label={t("indicator.unit")} hint={t("indicator.unitHint")} />
      <TextArea form={f} name="definition" label={t("indicator.definition")} rows={3} />
      <SelectField
        form={f}
        name="direction"
        label={t("indicator.direction")}
        required
        placeholder={false}
        options={[
          { value: "up", label: t("indicator.direction.up") },
          { value: "down", label: t("indicator.direction.down") },
        ]}
      />
      <SelectField
        form={f}
        name="source"
        label={t("indicator.source")}
        placeholder={false}
        options={(["manual", "import", "community"] as const).map((s) => ({
          value: s,
          label: t(`indicator.source.${s}`),
        }))}
      />
      <Field form={f} name="baselineValue" label={t("indicator.baseline")} inputmode="text" />
      <Field form={f} name="baselineYear" label={t("indicator.baselineYear")} inputmode="numeric" />
      <Field form={f} name="decimals" label={t("indicator.decimals")} inputmode="numeric" />
      <SelectField
        form={f}
        name="planId"
        label={t("indicator.plan")}
        placeholder={t("indicator.noPlan")}
        options={p.plans}
      />
      <SelectField
        form={f}
        name="areaId"
        label={t("indicator.area")}
        placeholder={t("indicator.noArea")}
        options={p.areas}
      />
    </>
  );
}

/** The administration's list of indicators and the form to add one. */
export function IndicatorAdmin(p: {
  indicators: Indicator[];
  form: FormState;
  plans: Option[];
  areas: Option[];
  canRecord: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}/admin/indicators`;
  return (
    <>
      <h1>{t("indicator.manage")}</h1>
      {p.canRecord && (
        <p class="actions">
          <a class="button secondary" href={`${base}/import`}>
            {t("measure.import")}
          </a>
        </p>
      )}
      {p.indicators.length === 0 ? (
        <p>{t("indicator.none")}</p>
      ) : (
        <ul>
          {p.indicators.map((i) => (
            <li key={i.id}>
              <a href={`${base}/${i.id}`}>{i.name}</a>
              {" · "}
              <a href={`${base}/${i.id}/measurements`}>{t("measure.enter")}</a>
            </li>
          ))}
        </ul>
      )}
      <h2 id="add-indicator">{t("indicator.add")}</h2>
      <Form action={base} label={t("indicator.add")}>
        <ErrorSummary form={p.form} />
        <IndicatorFields form={p.form} plans={p.plans} areas={p.areas} />
        <button type="submit">{t("indicator.add")}</button>
      </Form>
    </>
  );
}

/** An indicator's administration: its definition, targets per year, projects and clauses. */
export function IndicatorEdit(p: {
  indicator: Indicator;
  form: FormState;
  targetsForm: FormState;
  linkForm: FormState;
  clauseForm: FormState;
  years: number[];
  plans: Option[];
  areas: Option[];
  projects: { id: number; seq: number; title: string }[];
  projectChoices: Option[];
  clauses: ClauseRef[];
  clauseChoices: Option[];
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}/admin/indicators/${p.indicator.id}`;
  return (
    <>
      <p>
        <a href={`/t/${tambon!.slug}/admin/indicators`}>← {t("indicator.manage")}</a>
        {" · "}
        <a href={`/t/${tambon!.slug}/indicators/${p.indicator.id}`}>{p.indicator.name}</a>
      </p>
      <h1>{t("indicator.edit")}</h1>
      <Form action={base} label={t("indicator.edit")}>
        <ErrorSummary form={p.form} />
        <IndicatorFields form={p.form} plans={p.plans} areas={p.areas} />
        <button type="submit">{core.t(lang)("form.save")}</button>
      </Form>

      <h2 id="targets">{t("indicator.targets")}</h2>
      <Form action={`${base}/targets`} label={t("indicator.targets")}>
        <ErrorSummary form={p.targetsForm} />
        <div class="ind-grid">
          {p.years.map((y) => (
            <Field
              key={y}
              form={p.targetsForm}
              name={targetField(y)}
              label={t("indicator.targetYear", { year: y })}
              inputmode="text"
            />
          ))}
        </div>
        <button type="submit">{core.t(lang)("form.save")}</button>
      </Form>

      <h2 id="projects">{t("indicator.projects")}</h2>
      {p.projects.length === 0 ? (
        <p class="muted">{t("indicator.noProjects")}</p>
      ) : (
        <ul>
          {p.projects.map((pr) => (
            <li key={pr.id}>
              {pr.seq ? `${pr.seq}. ` : ""}
              {pr.title}{" "}
              <Form action={`${base}/projects/unlink`} class="inline-form" label={pr.title}>
                <input type="hidden" name="projectId" value={String(pr.id)} />
                <button type="submit" class="secondary">
                  {t("indicator.unlinkProject")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {p.projectChoices.length > 0 && (
        <Form action={`${base}/projects`} label={t("indicator.linkProject")}>
          <SelectField
            form={p.linkForm}
            name="projectId"
            label={t("indicator.linkProject")}
            options={p.projectChoices}
            required
          />
          <button type="submit">{t("indicator.linkProject")}</button>
        </Form>
      )}

      <h2 id="clauses">{t("indicator.clauses")}</h2>
      {p.clauses.length === 0 ? (
        <p class="muted">{t("indicator.noClauses")}</p>
      ) : (
        <ul>
          {p.clauses.map((c) => (
            <li key={`${c.charterId}:${c.clauseKey}`}>
              <a href={c.href}>
                {c.charterName} · {c.number}
              </a>
            </li>
          ))}
        </ul>
      )}
      {p.clauseChoices.length > 0 && (
        <Form action={`${base}/clauses`} label={t("indicator.linkClause")}>
          <SelectField
            form={p.clauseForm}
            name="clause"
            label={t("indicator.linkClause")}
            options={p.clauseChoices}
            required
          />
          <button type="submit">{t("indicator.linkClause")}</button>
        </Form>
      )}
    </>
  );
}
