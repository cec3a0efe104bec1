import { Table } from "../../../core/views/list.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { DateInput } from "../../../core/views/form.tsx";
import { coversDay } from "../groups/group.ts";
import type { CoverageRow, TermView } from "./queries.ts";
import type { VillageRow } from "../shared/queries.ts";
import { Back, SubNav, day, nf, useT, villageLabel, useView } from "../shared/views.tsx";

/** The coverage table: representatives in office per village against the minimum. */
function CoverageTable({
  rows,
  min,
  hrefFor,
}: {
  rows: CoverageRow[];
  min: number;
  hrefFor: (v: VillageRow) => string;
}) {
  const { lang } = useCtx();
  const t = useT();
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t("reps.coverage")}>
      <table class="gm-coverage">
        <thead>
          <tr>
            <th scope="col">{t("groups.village")}</th>
            <th scope="col" class="num">
              {t("reps.inOffice")}/{t("reps.minimum")}
            </th>
            <th scope="col">{t("reps.gap")}</th>
            <th scope="col" class="num">
              {t("reps.endingSoon")}
            </th>
            <th scope="col" class="num">
              {t("reps.roleNoTerm")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.village.id} class={r.missing ? "gm-row-short" : "gm-row-ok"}>
              <th scope="row">
                <a href={hrefFor(r.village)}>{villageLabel(r.village, lang)}</a>
              </th>
              <td class="num">
                {r.inOffice}/{min}
              </td>
              <td>
                {r.missing === 0 ? (
                  <span class="gm-tag-ok">{t("reps.ok")}</span>
                ) : (
                  <span class="gm-tag-short">
                    {r.inOffice === 0 ? t("reps.noneInVillage") : t("reps.short", { n: r.missing })}
                  </span>
                )}
              </td>
              <td class="num">{r.endingSoon || ""}</td>
              <td class="num">{r.roleWithoutTerm || ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The public representatives page: coverage per village, or one village's representatives. */
export function RepsPage(props: {
  rows: CoverageRow[];
  min: number;
  day: string;
  today: string;
  village: VillageRow | null;
  terms: TermView[];
  canManage: boolean;
}) {
  const { lang, t, base } = useView();
  const met = props.rows.filter((r) => r.missing === 0).length;
  const gaps = props.rows.length - met;
  const reps = props.rows.reduce((s, r) => s + r.inOffice, 0);
  const q = (v: VillageRow) =>
    `${base}/representatives?village=${v.id}${props.day !== props.today ? `&on=${props.day}` : ""}`;
  const current = props.terms.filter((x) => coversDay(x, props.day));
  const past = props.terms.filter((x) => !coversDay(x, props.day));
  return (
    <>
      <SubNav current="reps" />
      <h1>
        {props.village
          ? t("reps.ofVillage", { village: villageLabel(props.village, lang) })
          : t("reps.title")}
      </h1>
      {props.village && <Back href={`${base}/representatives`}>{t("reps.all")}</Back>}
      <p>{t("reps.intro", { min: props.min })}</p>
      <form
        method="get"
        action={`${base}/representatives`}
        class="filters"
        aria-label={t("reps.asOf")}
      >
        {props.village && <input type="hidden" name="village" value={String(props.village.id)} />}
        <DateInput id="f-on" name="on" label={t("reps.asOf")} value={props.day} />
        <button type="submit" class="secondary">
          {t("groups.show")}
        </button>
      </form>
      <p class="actions">
        <a href={`${base}/representatives/export.csv?on=${props.day}`}>{t("reps.exportCsv")}</a>
        <a href={`${base}/representatives/export.xlsx?on=${props.day}`}>{t("reps.exportXlsx")}</a>
        {props.canManage && (
          <a class="button" href={`${base}/admin/representatives`}>
            {t("admin.reps")}
          </a>
        )}
      </p>
      {!props.village && (
        <>
          <p class={gaps ? "gm-quorum gm-quorum-short" : "gm-quorum gm-quorum-met"}>
            {t("reps.summary", { met, total: props.rows.length, reps: nf.format(reps) })}
            {gaps > 0 && (
              <>
                <br />
                <strong>{t("reps.gapsFlag", { n: gaps })}</strong>
              </>
            )}
          </p>
          <h2>{t("reps.coverage")}</h2>
          <CoverageTable rows={props.rows} min={props.min} hrefFor={q} />
        </>
      )}
      {props.village && (
        <>
          <TermTable terms={current} caption={t("reps.inOffice")} />
          {past.length > 0 && (
            <>
              <h2>{t("reps.pastTerms")}</h2>
              <TermTable terms={past} caption={t("reps.pastTerms")} />
            </>
          )}
        </>
      )}
    </>
  );
}

function TermTable({ terms, caption }: { terms: TermView[]; caption: string }) {
  const { lang } = useCtx();
  const t = useT();
  if (!terms.length) return <p class="muted">{t("reps.noneInVillage")}</p>;
  return (
    <Table
      label={caption}
      columns={[t("groups.name"), t("groups.from"), t("groups.to"), t("reps.chosenBy")]}
    >
      {terms.map((x) => (
        <tr key={x.id}>
          <td>{x.name}</td>
          <td>{day(x.startOn, lang)}</td>
          <td>{day(x.endOn, lang)}</td>
          <td>{x.chosenBy || "–"}</td>
        </tr>
      ))}
    </Table>
  );
}
