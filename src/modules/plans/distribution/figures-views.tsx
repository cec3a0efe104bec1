import { useCtx } from "../../../core/views/ctx.ts";
import { ErrorSummary, fieldId, Form, type FormState } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import type { SourcedHeads } from "./population.ts";
import { money, villageLabel } from "./views.tsx";
import type { VillageRow } from "./queries.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

/** One cell of the grid: a number input labelled by its village and column, its error below. */
function Cell(p: { form: FormState; name: string; label: string }) {
  const id = fieldId(p.name);
  const err = p.form.errors[p.name];
  return (
    <td>
      <input
        id={id}
        name={p.name}
        value={p.form.values[p.name] ?? ""}
        inputMode="numeric"
        maxLength={9}
        size={7}
        aria-label={p.label}
        aria-invalid={err ? "true" : undefined}
        aria-describedby={err ? `${id}-error` : undefined}
      />
      {err && (
        <span class="error" id={`${id}-error`}>
          {err}
        </span>
      )}
    </td>
  );
}

/**
 * The people and households of every village for one fiscal year, entered in one grid and saved
 * together; the figures the distribution uses now are shown beside each row.
 */
export function VillageFiguresPage(p: {
  year: number;
  years: number[];
  villages: VillageRow[];
  used: SourcedHeads[];
  form: FormState;
  community: boolean;
  back: { href: string; label: string } | null;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const action = `/t/${tambon!.slug}/admin/plans/villages`;
  const used = new Map(p.used.map((u) => [u.villageId, u]));
  return (
    <>
      {p.back && <BackLink href={p.back.href}>{p.back.label}</BackLink>}
      <h1>{t("figures.title")}</h1>
      <p>{t("figures.intro")}</p>
      {p.community && <p class="flash">{t("figures.community")}</p>}
      <form method="get" action={action} class="inline-form">
        <label for="figures-year">{t("project.fiscalYear")}</label>{" "}
        <select id="figures-year" name="year">
          {p.years.map((y) => (
            <option key={y} value={String(y)} selected={y === p.year}>
              {y}
            </option>
          ))}
        </select>{" "}
        <button type="submit" class="secondary">
          {t("figures.show")}
        </button>
      </form>
      {p.villages.length === 0 ? (
        <p class="muted">{t("figures.noVillages")}</p>
      ) : (
        <Form action={action} label={t("figures.title")}>
          <ErrorSummary form={p.form} />
          <input type="hidden" name="year" value={String(p.year)} />
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t("figures.title")}>
            <table class="figures-grid">
              <caption>{t("dist.year", { year: p.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dist.village")}</th>
                  <th scope="col">{t("dist.people")}</th>
                  <th scope="col">{t("dist.households")}</th>
                  <th scope="col">{t("figures.used")}</th>
                </tr>
              </thead>
              <tbody>
                {p.villages.map((v) => {
                  const label = villageLabel(v, lang);
                  const u = used.get(v.id);
                  return (
                    <tr key={v.id}>
                      <th scope="row">{label}</th>
                      <Cell
                        form={p.form}
                        name={`people_${v.id}`}
                        label={`${t("dist.people")} ${label}`}
                      />
                      <Cell
                        form={p.form}
                        name={`households_${v.id}`}
                        label={`${t("dist.households")} ${label}`}
                      />
                      <td class="muted">
                        {u?.source
                          ? `${money(u.people)} / ${money(u.households)} · ${t(`figures.source.${u.source}`)}`
                          : "—"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <button type="submit">{t("figures.save")}</button>
        </Form>
      )}
    </>
  );
}
