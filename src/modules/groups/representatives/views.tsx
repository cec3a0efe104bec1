import { useCtx } from "../../../core/views/ctx.ts";
import {
  ErrorSummary,
  Field,
  Form,
  SelectField,
  type FormState,
} from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import { coversDay } from "../groups/group.ts";
import type { CoverageRow, TermView } from "./queries.ts";
import type { VillageRow } from "../shared/queries.ts";
import {
  Back,
  PeriodItem,
  SubNav,
  day,
  nf,
  useBase,
  useT,
  villageLabel,
} from "../shared/views.tsx";
import { villageOptions } from "../shared/fields.tsx";

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
  const { lang } = useCtx();
  const t = useT();
  const base = useBase();
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
        <div class="field">
          <label for="f-on">{t("reps.asOf")}</label>
          <input id="f-on" type="date" name="on" value={props.day} />
        </div>
        <button type="submit" class="secondary">
          {t("groups.show")}
        </button>
      </form>
      <p class="actions">
        <a href={`${base}/representatives/export.csv?on=${props.day}`}>{t("reps.exportCsv")}</a>
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
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("groups.name")}</th>
            <th scope="col">{t("groups.from")}</th>
            <th scope="col">{t("groups.to")}</th>
            <th scope="col">{t("reps.chosenBy")}</th>
          </tr>
        </thead>
        <tbody>
          {terms.map((x) => (
            <tr key={x.id}>
              <td>{x.name}</td>
              <td>{day(x.startOn, lang)}</td>
              <td>{day(x.endOn, lang)}</td>
              <td>{x.chosenBy || "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The administration of representatives' terms. */
export function RepsAdmin(props: {
  villages: VillageRow[];
  village: VillageRow | null;
  terms: TermView[];
  today: string;
  withoutTerm: { userId: number; name: string; villageId: number | null }[];
  form: FormState;
}) {
  const { lang } = useCtx();
  const t = useT();
  const base = useBase();
  const ct = core.t(lang);
  const vById = new Map(props.villages.map((v) => [v.id, v]));
  const current = props.terms.filter((x) => x.endOn === null || x.endOn >= props.today);
  return (
    <>
      <Back href={`${base}/admin`}>{ct("admin.back")}</Back>
      <h1>{t("admin.reps")}</h1>
      <p class="hint">{t("reps.roleHint")}</p>
      <form
        method="get"
        action={`${base}/admin/representatives`}
        class="filters"
        aria-label={t("groups.village")}
      >
        <div class="field">
          <label for="f-village">{t("groups.village")}</label>
          <select id="f-village" name="village">
            <option value="">{t("reps.all")}</option>
            {props.villages.map((v) => (
              <option key={v.id} value={String(v.id)} selected={v.id === props.village?.id}>
                {villageLabel(v, lang)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t("groups.show")}
        </button>
      </form>
      <section aria-labelledby="h-record">
        <h2 id="h-record">{t("reps.record")}</h2>
        <ErrorSummary form={props.form} />
        <Form action={`${base}/admin/representatives`} label={t("reps.record")}>
          <SelectField
            form={props.form}
            name="villageId"
            label={t("groups.village")}
            required
            options={villageOptions(props.villages, lang)}
          />
          <Field
            form={props.form}
            name="name"
            label={t("reps.person")}
            required
            maxLength={200}
            autocomplete="off"
          />
          <Field form={props.form} name="startOn" type="date" label={t("groups.from")} />
          <Field form={props.form} name="endOn" type="date" label={t("groups.to")} />
          <Field
            form={props.form}
            name="chosenBy"
            label={t("reps.chosenBy")}
            hint={t("reps.chosenByHint")}
            maxLength={300}
          />
          <button type="submit">{t("reps.record")}</button>
        </Form>
      </section>
      {props.withoutTerm.length > 0 && (
        <section aria-labelledby="h-orphans">
          <h2 id="h-orphans">{t("reps.withoutTerm")}</h2>
          <ul class="gm-member-admin">
            {props.withoutTerm.map((p) => (
              <li key={p.userId}>
                <span>
                  {p.name} · {p.villageId ? villageLabel(vById.get(p.villageId)!, lang) : "–"}
                </span>
                {p.villageId && (
                  <Form
                    action={`${base}/admin/representatives`}
                    class="inline-form"
                    label={`${t("reps.giveTerm")}: ${p.name}`}
                  >
                    <input type="hidden" name="userId" value={String(p.userId)} />
                    <input type="hidden" name="villageId" value={String(p.villageId)} />
                    <button type="submit" class="secondary">
                      {t("reps.giveTerm")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="h-terms">
        <h2 id="h-terms">{t("reps.inOffice")}</h2>
        {!props.village ? (
          <p class="muted">{t("reps.chooseVillage")}</p>
        ) : current.length === 0 ? (
          <p class="muted">{t("reps.noneInVillage")}</p>
        ) : (
          <ul class="gm-member-admin">
            {current.map((x) => (
              <PeriodItem
                key={x.id}
                id={x.id}
                name={x.name}
                what={villageLabel(vById.get(x.villageId)!, lang)}
                startOn={x.startOn}
                endOn={x.endOn}
                note={x.chosenBy}
                action={`${base}/admin/terms/${x.id}/end`}
                endLabel={t("reps.end")}
                reason={{ name: "endReason", label: t("reps.endReason"), maxLength: 300 }}
                today={props.today}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
