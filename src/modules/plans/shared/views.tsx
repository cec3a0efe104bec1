import type { ComponentChildren } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import { Table, type Column } from "../../../core/views/list.tsx";
import {
  ErrorSummary,
  Fields,
  Form,
  type FieldSpec,
  type FormState,
  field,
} from "../../../core/views/form.tsx";
import type { Lang } from "../../../core/i18n/index.ts";
import { msg } from "../messages.ts";
import { lastYear } from "./fiscal.ts";
import { baht } from "./format.ts";
import type { EditionKind } from "./kinds.ts";

/** What the module's views start from: the request's context, the module's messages and the tambon's base URL. */
export function usePlans() {
  const ctx = useCtx();
  return { ...ctx, t: msg.t(ctx.lang), base: `/t/${ctx.tambon!.slug}` };
}

/** The name of an edition: "ฉบับแรก", "เพิ่มเติม ครั้งที่ 2" … */
export function editionName(e: { kind: EditionKind; number: number }, lang: Lang): string {
  return msg.t(lang)(`edition.name.${e.kind}`, { n: e.number });
}

/** A plan's period: "พ.ศ. 2566–2570". */
export function planPeriod(plan: { firstYear: number; years: number }, lang: Lang): string {
  return msg.t(lang)("plan.period", { from: plan.firstYear, to: lastYear(plan) });
}

/**
 * Items as a list, one `<li>` each from `children`, or a line saying there are none (`muted`
 * greys it): the way the module's pages show their records.
 */
export function ListOrNone<T>(p: {
  items: readonly T[];
  none: string;
  muted?: boolean;
  /** An `<ol>` rather than a `<ul>`. */
  ordered?: boolean;
  class?: string;
  children: (item: T) => ComponentChildren;
}) {
  if (p.items.length === 0) return <p class={p.muted ? "muted" : undefined}>{p.none}</p>;
  const List = p.ordered ? "ol" : "ul";
  return <List class={p.class}>{p.items.map(p.children)}</List>;
}

/**
 * A form of the module's administration with one submit button: the error summary, the `fields`
 * (the form state and scope given once), then any `children` (fields of a component of their own).
 */
export function FieldsForm(p: {
  action: string;
  label?: string;
  form: FormState;
  scope?: string;
  fields?: readonly (FieldSpec | false | null | undefined)[];
  /** The button's text. */
  submit: string;
  /** The button's class ("secondary" for a form repeated down a list). */
  buttonClass?: string;
  multipart?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <Form action={p.action} label={p.label} multipart={p.multipart}>
      <ErrorSummary form={p.form} scope={p.scope} />
      {p.fields && <Fields form={p.form} scope={p.scope} fields={p.fields} />}
      {p.children}
      <button type="submit" class={p.buttonClass}>
        {p.submit}
      </button>
    </Form>
  );
}

/**
 * The buttons of a form that can be drawn again before it is sent: first the one that only redraws
 * it with what was typed (`redraw`, the field name it sends as "1", unchecked by the browser), then
 * the one that sends it.
 */
export function RedrawOrSubmit(p: { redraw: string; redrawLabel: string; submit: string }) {
  return (
    <p class="actions">
      <button type="submit" name={p.redraw} value="1" formnovalidate class="secondary">
        {p.redrawLabel}
      </button>{" "}
      <button type="submit">{p.submit}</button>
    </p>
  );
}

/**
 * A charter clause a strategy, project or indicator carries out, as a link to it: "ธรรมนูญ … · ข้อ
 * 3", or "ธรรมนูญ … · 3" without the word (`bare`).
 */
export function ClauseLink(p: {
  c: { href: string; charterName: string; number: number };
  bare?: boolean;
}) {
  const { lang } = useCtx();
  const { c } = p;
  return (
    <a href={c.href}>
      {c.charterName} · {!p.bare && `${msg.t(lang)("strategy.clause")} `}
      {c.number}
    </a>
  );
}

/** The form linking a strategy or project to one of the charter clauses in force (`options`). */
export function ClauseLinkForm(p: {
  action: string;
  /** The form's name and its button's text. */
  label: string;
  form: FormState;
  scope: string;
  options: { value: string; label: string }[];
}) {
  const { lang } = useCtx();
  return (
    <FieldsForm
      action={p.action}
      label={p.label}
      form={p.form}
      scope={p.scope}
      submit={p.label}
      fields={[
        field.select("clause", msg.t(lang)("strategy.clause"), p.options, { required: true }),
      ]}
    />
  );
}

/** A progress bar with its value for screen readers. */
export function ProgressBar({ value }: { value: number }) {
  const { lang } = useCtx();
  return (
    <span class="nowrap">
      <span
        class="plan-progress"
        role="img"
        aria-label={msg.t(lang)("project.progressValue", { n: value })}
      >
        <span style={`width:${Math.max(0, Math.min(100, value))}%`} />
      </span>{" "}
      {value}%
    </span>
  );
}

/** One row of a budget-by-year table: its leading cells, its amount per year and after it. */
export interface YearRow {
  key: string | number;
  lead: ComponentChildren[];
  byYear: ReadonlyMap<number, number>;
  tail?: ComponentChildren[];
  /** A sub-row (indented; not counted in the totals). */
  sub?: boolean;
}

/**
 * Budgets per fiscal year in baht, one column a year and their total, with a totals row over the
 * rows that are not sub-rows: the one table of a plan's projects and of a project's sources.
 */
export function BudgetByYear(p: {
  label: string;
  years: readonly number[];
  lead: Column[];
  tail?: Column[];
  rows: YearRow[];
  /** The totals row's heading ("รวม (12)"). */
  totalLabel: string;
}) {
  const { lang } = useCtx();
  const t = msg.t(lang);
  const tail = p.tail ?? [];
  const sumOf = (r: YearRow) => [...r.byYear.values()].reduce((a, b) => a + b, 0);
  const top = p.rows.filter((r) => !r.sub);
  const yearSum = (y: number) => top.reduce((a, r) => a + (r.byYear.get(y) ?? 0), 0);
  return (
    <div class="plan-budget">
      <Table
        label={p.label}
        columns={[
          ...p.lead,
          ...p.years.map((y) => ({ label: t("plan.yearShort", { year: y }), num: true })),
          { label: t("plan.total"), num: true },
          ...tail,
        ]}
        foot={
          <tr>
            <th scope="row" colSpan={p.lead.length}>
              {p.totalLabel}
            </th>
            {p.years.map((y) => (
              <td key={y} class="num">
                {baht(yearSum(y), lang)}
              </td>
            ))}
            <td class="num">
              {baht(
                top.reduce((a, r) => a + sumOf(r), 0),
                lang,
              )}
            </td>
            {tail.length > 0 && <td colSpan={tail.length} />}
          </tr>
        }
      >
        {p.rows.map((r) => (
          <tr key={r.key} class={r.sub ? "plan-sub" : undefined}>
            {r.lead.map((c, i) => (
              <td key={i}>{c}</td>
            ))}
            {p.years.map((y) => (
              <td key={y} class="num">
                {r.byYear.get(y) ? baht(r.byYear.get(y)!, lang) : "–"}
              </td>
            ))}
            <td class="num">{baht(sumOf(r), lang)}</td>
            {(r.tail ?? []).map((c, i) => (
              <td key={`t${i}`}>{c}</td>
            ))}
          </tr>
        ))}
      </Table>
    </div>
  );
}
