import type { ComponentChildren } from "preact";
import { useCtx } from "./ctx.ts";
import type { LinkItem } from "../modules.ts";

/**
 * A column of a table: its heading; `num` for a column of figures (aligned right), `muted` for a
 * heading that only names the links of each row (edit, remove).
 */
export type Column = string | { label: string; num?: boolean; muted?: boolean };

/**
 * A table with its row of column headings, in a box that scrolls sideways on a phone. A table
 * named by `label` (or by the id of its heading, `labelledBy`) is a region a keyboard can scroll;
 * the rows are the children.
 */
export function Table(p: {
  columns: Column[];
  label?: string;
  labelledBy?: string;
  caption?: ComponentChildren;
  /** Rows under the body (totals). */
  foot?: ComponentChildren;
  /**
   * On a phone each row is a card of its cells, each cell named by its `data-label` (rows of
   * long text, such as the audit log), instead of a table that scrolls sideways.
   */
  stack?: boolean;
  children: ComponentChildren;
}) {
  const named = p.label !== undefined || p.labelledBy !== undefined;
  return (
    <div
      class={p.stack ? "table-wrap stack" : "table-wrap"}
      tabIndex={named ? 0 : undefined}
      role={named ? "region" : undefined}
      aria-label={p.label}
      aria-labelledby={p.labelledBy}
    >
      <table>
        {p.caption && <caption class="muted">{p.caption}</caption>}
        <thead>
          <tr>
            {p.columns.map((c, i) =>
              typeof c === "string" ? (
                <th key={i} scope="col">
                  {c}
                </th>
              ) : (
                <th key={i} scope="col" class={c.num ? "num" : undefined}>
                  {c.muted ? <span class="muted">{c.label}</span> : c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{p.children}</tbody>
        {p.foot && <tfoot>{p.foot}</tfoot>}
      </table>
    </div>
  );
}

/** A GET form of filters above a list; works without JavaScript. */
export function Filters(p: { action: string; label?: string; children: ComponentChildren }) {
  const { t } = useCtx();
  return (
    <form method="get" action={p.action} class="filters" role="search" aria-label={p.label}>
      {p.children}
      <button type="submit" class="secondary">
        {t("form.filter")}
      </button>
    </form>
  );
}

/** A select of a filter form: `any` (the empty value) first, then the options. */
export function FilterSelect(p: {
  name: string;
  label: string;
  any: string;
  value: string;
  options: { value: string; label: string }[];
  /** The select's id (by default `q-<name>`). */
  id?: string;
}) {
  const id = p.id ?? `q-${p.name}`;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <select id={id} name={p.name}>
        <option value="">{p.any}</option>
        {p.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A text box of a filter form: the search words (`q`), or another text or date. */
export function FilterInput(p: {
  label: string;
  value: string;
  name?: string;
  /** A date filter is a DateInput (core/views/form.tsx): day, month name and พ.ศ. year. */
  type?: "search";
  maxLength?: number;
  /** The input's id (by default `q-<name>`). */
  id?: string;
}) {
  const name = p.name ?? "q";
  const id = p.id ?? `q-${name}`;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <input
        id={id}
        name={name}
        {...({ type: p.type ?? "search" } as { type: "search" })}
        value={p.value}
        maxLength={p.maxLength}
      />
    </div>
  );
}

/**
 * A section another module adds to a page (`PageSection` in core/modules.ts: an issue area's
 * page, a charter clause's page): its heading, then its links, each with its muted note.
 */
export function LinkSection(p: {
  section: { id: string; title: string; items: LinkItem[] };
  class?: string;
}) {
  const s = p.section;
  return (
    <section aria-labelledby={`sec-${s.id}`} class={p.class}>
      <h2 id={`sec-${s.id}`}>{s.title}</h2>
      <ul>
        {s.items.map((i) => (
          <li key={i.href}>
            <a href={i.href}>{i.title}</a>
            {i.meta && <span class="muted"> · {i.meta}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
