import type { ComponentChildren } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import type { FormState } from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import { formatDate } from "../../../core/dates.ts";
import { msg, type NetKey } from "../messages.ts";

const nf = new Intl.NumberFormat("th-TH");

/** Formats a count with thousands separators. */
export function num(n: number): string {
  return nf.format(n);
}

/** The network module's view helpers: both dictionaries, language and the tambon's base URL. */
export function useNet() {
  const ctx = useCtx();
  const slug = ctx.tambon?.slug ?? "";
  return {
    ...ctx,
    t: msg.t(ctx.lang),
    ct: core.t(ctx.lang),
    base: `/t/${slug}`,
    admin: `/t/${slug}/admin/network`,
    date: (d: string | Date | null | undefined) => (d ? formatDate(d, ctx.lang) : "–"),
  };
}

/** The sub-menu of a tambon's network pages. */
export function NetworkNav({ current }: { current: string }) {
  const { t, base } = useNet();
  const items: { key: string; href: string; label: NetKey }[] = [
    { key: "network", href: `${base}/network`, label: "nav.overview" },
    { key: "partners", href: `${base}/partners`, label: "nav.partners" },
    { key: "pillars", href: `${base}/pillars`, label: "nav.pillars" },
    { key: "agreements", href: `${base}/agreements`, label: "nav.agreements" },
    { key: "centres", href: `${base}/centres`, label: "nav.centres" },
    { key: "facilitators", href: `${base}/facilitators`, label: "nav.facilitators" },
  ];
  return (
    <nav class="actions" aria-label={t("nav.section")}>
      {items.map((i) => (
        <a
          key={i.key}
          href={i.href}
          class={i.key === current ? "button" : "button secondary"}
          aria-current={i.key === current ? "page" : undefined}
        >
          {t(i.label)}
        </a>
      ))}
    </nav>
  );
}

/** A link back to the network administration page. */
export function BackToAdmin({ to, label }: { to?: string; label?: string }) {
  const { t, admin } = useNet();
  return (
    <p>
      <a href={to ?? admin}>← {label ?? t("admin.back")}</a>
    </p>
  );
}

/** Links to the CSV and JSON exports of a list (and its printable page). */
export function ExportLinks(props: { csv: string; json: string; print?: string }) {
  const { t } = useNet();
  return (
    <p class="actions">
      {props.print && (
        <a class="button secondary" href={props.print}>
          {t("export.print")}
        </a>
      )}
      <a class="button secondary" href={props.csv} download>
        {t("export.csv")}
      </a>
      <a class="button secondary" href={props.json}>
        {t("export.json")}
      </a>
    </p>
  );
}

/** The label of a field, with the required or optional mark. */
function Label(p: { id: string; label: string; required?: boolean }) {
  const { ct } = useNet();
  return (
    <label for={p.id}>
      {p.label}
      {p.required ? <span class="req"> *</span> : <span class="opt"> ({ct("form.optional")})</span>}
    </label>
  );
}

/** A group of checkboxes (villages, issue areas) in a fieldset with its legend and error. */
export function CheckGroup(p: {
  form: FormState;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  selected: string[];
  hint?: string;
  /** Long labels (issue areas): fewer, wider columns. */
  wide?: boolean;
}) {
  const err = p.form.errors[p.name];
  if (!p.options.length) return null;
  return (
    <fieldset class={err ? "field has-error" : "field"}>
      <legend>{p.legend}</legend>
      {p.hint && <p class="hint">{p.hint}</p>}
      {err && <p class="error">{err}</p>}
      <div class={p.wide ? "check-grid wide" : "check-grid"}>
        {p.options.map((o) => {
          const id = `f-${p.name}-${o.value}`;
          return (
            <div class="field check" key={o.value}>
              <input
                type="checkbox"
                id={id}
                name={p.name}
                value={o.value}
                checked={p.selected.includes(o.value)}
              />
              <label for={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A file input with its hint and error (the chosen file is not kept after an error). */
export function FileField(p: {
  form: FormState;
  name: string;
  label: string;
  hint: string;
  accept: string;
}) {
  const id = `f-${p.name}`;
  const err = p.form.errors[p.name];
  return (
    <div class={err ? "field has-error" : "field"}>
      <Label id={id} label={p.label} />
      <p class="hint" id={`${id}-hint`}>
        {p.hint}
      </p>
      {err && (
        <p class="error" id={`${id}-err`}>
          {err}
        </p>
      )}
      <input
        id={id}
        name={p.name}
        type="file"
        accept={p.accept}
        aria-invalid={err ? "true" : undefined}
        aria-describedby={err ? `${id}-hint ${id}-err` : `${id}-hint`}
      />
    </div>
  );
}

/** A badge. */
export function Badge({ children }: { children: ComponentChildren }) {
  return <span class="badge">{children}</span>;
}

/** Bytes as KB or MB. */
export function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
