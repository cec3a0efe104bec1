import { Table } from "../../../core/views/list.tsx";
import { Form, type FormState } from "../../../core/views/form.tsx";
import { AdminFrame, useSiteT, useUrl } from "../shared/views.tsx";
import { SiteForm, type SiteField } from "../shared/form.tsx";
import { useCtx } from "../../../core/views/ctx.ts";

/** The ITA list for staff: link each item, load a new year. */
export function TransparencyAdmin(props: {
  year: number;
  years: number[];
  items: (ItaRow & { target: string; url: string })[];
  targets: { value: string; label: string }[];
  /** Shipped lists of fiscal years the tambon has not loaded yet. */
  shipped: number[];
  form: FormState;
}) {
  const t = useSiteT();
  const ct = useCtx().t;
  const url = useUrl();
  const file: SiteField = {
    kind: "upload",
    name: "file",
    accept: "application/json,.json",
    label: t("field.file"),
    hint: t("ita.loadHint"),
    required: true,
  };
  return (
    <AdminFrame title={t("ita.manage")}>
      <nav class="chips" aria-label={t("ita.year")}>
        {props.years.map((y) => (
          <a
            key={y}
            href={url(`/admin/site/transparency?year=${y}`)}
            aria-current={y === props.year ? "page" : undefined}
          >
            {y}
          </a>
        ))}
      </nav>
      <Table label={t("ita.manage")} columns={[t("ita.item"), t("ita.topic"), t("ita.link")]}>
        {props.items.map((i) => (
          <tr key={i.id}>
            <td>{i.code}</td>
            <td>{i.title}</td>
            <td>
              <Form action={url(`/admin/site/ita/${i.id}`)} class="stack">
                <label for={`target-${i.id}`} class="sr-only">
                  {t("ita.link")} {i.code}
                </label>
                <select id={`target-${i.id}`} name="target">
                  <option value="">{t("ita.linkNone")}</option>
                  <option value="url" selected={i.target === "url"}>
                    {t("field.url")}
                  </option>
                  {props.targets.map((o) => (
                    <option key={o.value} value={o.value} selected={o.value === i.target}>
                      {o.label}
                    </option>
                  ))}
                </select>
                <label for={`url-${i.id}`} class="sr-only">
                  {t("field.url")} {i.code}
                </label>
                <input id={`url-${i.id}`} name="url" value={i.url} placeholder="https://…" />
                <button type="submit" class="secondary">
                  {ct("form.save")}
                </button>
              </Form>
            </td>
          </tr>
        ))}
      </Table>
      {props.shipped.length > 0 && (
        <>
          <h2>{t("ita.chooseYear")}</h2>
          <p>{t("ita.chooseYearHint")}</p>
          <p class="actions">
            {props.shipped.map((y) => (
              <Form key={y} action={url("/admin/site/transparency/shipped")} class="inline">
                <input type="hidden" name="year" value={String(y)} />
                <button type="submit" class="secondary">
                  {t("ita.loadYear", { year: y })}
                </button>
              </Form>
            ))}
          </p>
        </>
      )}
      <h2>{t("ita.load")}</h2>
      <SiteForm
        form={props.form}
        action={url("/admin/site/transparency")}
        multipart
        label={t("ita.load")}
        fields={[file]}
      />
    </AdminFrame>
  );
}

export function decodeSafe(path: string): string {
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
  /** What satisfies the item, as the shipped list says. */
  hint?: string | null;
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
                {/* A card per item on a phone: long Thai topics wrap and whether the item is met
                    stays in sight, instead of a table scrolled sideways. */}
                <Table
                  labelledBy={`ita-${g}`}
                  columns={[t("ita.item"), t("ita.topic"), t("ita.where")]}
                  stack
                >
                  {rows.map((i) => (
                    <tr key={i.id} id={i.code}>
                      <td>{i.code}</td>
                      <td>
                        {i.title}
                        {i.hint && <small class="muted ita-hint">{i.hint}</small>}
                      </td>
                      <td>
                        {i.href ? (
                          <a href={i.href}>{i.linkLabel}</a>
                        ) : (
                          <span class="badge missing">{t("ita.missing")}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </Table>
              </section>
            );
          })}
          {missing.length > 0 && (
            <section aria-labelledby="ita-missing-h">
              <h2 id="ita-missing-h">{t("ita.missingList")}</h2>
              <ul>
                {missing.map((i) => (
                  <li key={i.id}>
                    <a href={`#${i.code}`}>{i.code}</a> {i.title}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}
