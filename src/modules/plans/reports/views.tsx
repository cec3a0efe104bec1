import type { ComponentChildren } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import { StandaloneDoc } from "../../../core/views/standalone.tsx";
import { msg } from "../messages.ts";
import { FORMS, yearsOf, type FormTable } from "./forms.ts";
import type { ReportIndicator, ReportPlan, ReportProject } from "./queries.ts";

/** A number as the forms print it: Thai digit grouping, up to two decimals. */
function shown(v: string | number | null, kind: "text" | "count" | "money"): string {
  if (v === null) return "";
  if (kind === "text") return String(v);
  return Number(v).toLocaleString("th-TH", {
    minimumFractionDigits: kind === "money" ? 2 : 0,
    maximumFractionDigits: kind === "money" ? 2 : 0,
  });
}

/** A document without the site's header and menu, for printing on A4 landscape. */
export function PrintDoc(props: {
  title: string;
  back: string;
  /** The person asked for a PDF this server cannot make. */
  noPdf?: boolean;
  children: ComponentChildren;
}) {
  const { lang } = useCtx();
  const t = msg.t(lang);
  return (
    <StandaloneDoc title={props.title} bodyClass="plan-print">
      <p class="plan-print-bar">
        <a href={props.back}>{t("report.back")}</a>
      </p>
      {props.noPdf && (
        <p class="plan-print-bar" role="status">
          {t("report.noPdf")}
        </p>
      )}
      {props.children}
    </StandaloneDoc>
  );
}

/** A form (ผ.01, ผ.02 …) as a printed table: its code, title lines and the table itself. */
export function FormPrint({ form }: { form: FormTable }) {
  return (
    <main class="plan-form">
      <p class="plan-form-code">{form.code}</p>
      {form.title.map((line, i) => (i === 0 ? <h1 key={i}>{line}</h1> : <p key={i}>{line}</p>))}
      <table>
        <thead>
          {form.head.map((row, r) => (
            <tr key={r}>
              {row.map((h, i) => (
                <th key={i} scope="col" colSpan={h.colSpan} rowSpan={h.rowSpan}>
                  {h.label}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {form.body.map((row, r) =>
            row.kind === "section" ? (
              <tr key={r} class="plan-form-section">
                <th colSpan={form.columns.length} scope="rowgroup">
                  {row.text}
                </th>
              </tr>
            ) : (
              <tr key={r} class={row.kind === "total" ? "plan-form-total" : undefined}>
                {row.cells.map((v, i) => {
                  const kind = form.columns[i]!.kind;
                  return (
                    <td key={i} class={kind === "text" ? undefined : "num"}>
                      {shown(v, kind)}
                    </td>
                  );
                })}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </main>
  );
}

/** The reports page of a plan: forms (print, PDF, XLSX), project list, progress, indicators, open data. */
export function ReportsIndex(p: { plan: ReportPlan; base: string; pdf: boolean }) {
  const { lang } = useCtx();
  const t = msg.t(lang);
  const here = `${p.base}/plans/${p.plan.id}/reports`;
  return (
    <>
      <p>{t("report.intro")}</p>
      <h2>{t("report.forms")}</h2>
      <ul class="report-list">
        {FORMS.map((f) => (
          <li key={f}>
            <strong>{t(`report.form.${f}`)}</strong>:{" "}
            <a href={`${here}/forms/${f}`}>{t("report.print")}</a>
            {p.pdf && (
              <>
                {" · "}
                <a href={`${here}/forms/${f}/pdf`}>{t("report.pdf")}</a>
              </>
            )}
            {" · "}
            <a href={`${here}/forms/${f}/xlsx`} download>
              {t("report.xlsx")}
            </a>
          </li>
        ))}
        <li>
          <a href={`${here}/forms.xlsx`} download>
            {t("report.allForms")}
          </a>
        </li>
      </ul>
      <h2>{t("report.projects")}</h2>
      <p>
        {t("report.projectsHelp")}{" "}
        <a href={`${here}/projects.csv`} download>
          {t("report.csv")}
        </a>
        {" · "}
        <a href={`${here}/projects.xlsx`} download>
          {t("report.xlsx")}
        </a>
        {" · "}
        <a href={`${here}/projects.json`}>{t("report.json")}</a>
      </p>
      <h2>{t("report.progressList")}</h2>
      <ul class="report-list">
        {yearsOf(p.plan).map((y) => (
          <li key={y}>
            <a href={`${here}/progress?year=${y}`}>{t("report.progress", { year: y })}</a>
          </li>
        ))}
      </ul>
      <h2>{t("report.indicators")}</h2>
      <p>
        <a href={`${here}/indicators`}>{t("report.indicators")}</a>
        {" · "}
        <a href={`${here}/indicators.csv`} download>
          {t("report.csv")}
        </a>
        {" · "}
        <a href={`${here}/indicators.xlsx`} download>
          {t("report.xlsx")}
        </a>
      </p>
      <h2>{t("report.distribution")}</h2>
      <p>
        <a href={`${p.base}/plans/${p.plan.id}/distribution`}>{t("report.distribution")}</a>
      </p>
      <h2>{t("report.openData")}</h2>
      <p>
        {t("report.openDataHelp")} <a href={`${p.base}/plans/open-data.json`}>{t("report.json")}</a>
      </p>
    </>
  );
}

/** The projects of one fiscal year with their budget that year, status and progress. */
export function ProgressPrint(p: {
  plan: ReportPlan;
  year: number;
  projects: (ReportProject & { shownProgress: number })[];
}) {
  const { lang } = useCtx();
  const t = msg.t(lang);
  const total = p.projects.reduce((a, x) => a + (x.byYear.get(p.year) ?? 0), 0);
  return (
    <main class="plan-form">
      <h1>{t("report.progress", { year: p.year })}</h1>
      <p>{p.plan.title}</p>
      <p>{t("report.progressIntro", { year: p.year })}</p>
      {p.projects.length === 0 ? (
        <p>{t("report.none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("report.seq")}</th>
              <th scope="col">{t("report.project")}</th>
              <th scope="col">{t("report.area")}</th>
              <th scope="col">{t("report.villages")}</th>
              <th scope="col">{t("report.budgetYear", { year: p.year })}</th>
              <th scope="col">{t("report.status")}</th>
              <th scope="col">{t("report.progressPct")}</th>
            </tr>
          </thead>
          <tbody>
            {p.projects.map((x) => (
              <tr key={x.id}>
                <td class="num">{x.seq}</td>
                <td>{x.title}</td>
                <td>{x.areaName}</td>
                <td>
                  {x.wholeTambon || !x.villages.length
                    ? t("report.wholeTambon")
                    : x.villages.map((v) => v.moo).join(", ")}
                </td>
                <td class="num">{shown(x.byYear.get(p.year) ?? 0, "money")}</td>
                <td>{t(`status.${x.status}`)}</td>
                <td class="num">
                  <meter min={0} max={100} value={x.shownProgress}>
                    {x.shownProgress}%
                  </meter>{" "}
                  {x.shownProgress}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr class="plan-form-total">
              <td></td>
              <td>{t("report.total")}</td>
              <td></td>
              <td></td>
              <td class="num">{shown(total, "money")}</td>
              <td></td>
              <td></td>
            </tr>
          </tfoot>
        </table>
      )}
    </main>
  );
}

/** The indicator table of a plan: unit, baseline, then target and tambon value per year. */
export function IndicatorTable(p: {
  years: number[];
  rows: { indicator: ReportIndicator; values: Map<number, number> }[];
}) {
  const { lang } = useCtx();
  const t = msg.t(lang);
  const num = (v: number | undefined | null, decimals: number) =>
    v === undefined || v === null
      ? "—"
      : v.toLocaleString("th-TH", { maximumFractionDigits: Math.max(0, Math.min(decimals, 4)) });
  if (!p.rows.length) return <p>{t("report.noIndicators")}</p>;
  return (
    <>
      <p>{t("report.indicatorsIntro")}</p>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t("report.indicators")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("report.indicator")}</th>
              <th scope="col">{t("report.unit")}</th>
              <th scope="col" class="num">
                {t("report.baseline")}
              </th>
              {p.years.flatMap((y) => [
                <th scope="col" class="num" key={`t${y}`}>
                  {t("report.targetOf", { year: y })}
                </th>,
                <th scope="col" class="num" key={`v${y}`}>
                  {t("report.valueOf", { year: y })}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {p.rows.map(({ indicator: i, values }) => {
              const targets = new Map(i.targets.map((x) => [x.fiscalYear, x.target]));
              return (
                <tr key={i.id}>
                  <th scope="row">{i.name}</th>
                  <td>{i.unit}</td>
                  <td class="num">
                    {num(i.baselineValue, i.decimals)}
                    {i.baselineYear ? ` (${i.baselineYear})` : ""}
                  </td>
                  {p.years.flatMap((y) => [
                    <td class="num" key={`t${y}`}>
                      {num(targets.get(y), i.decimals)}
                    </td>,
                    <td class="num" key={`v${y}`}>
                      {num(values.get(y), i.decimals)}
                    </td>,
                  ])}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
