import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import type { TermView } from "./queries.ts";
import type { VillageRow } from "../shared/queries.ts";
import { Back, PeriodItem, villageLabel, VillagePicker, useView } from "../shared/views.tsx";
import { villageOptions } from "../shared/fields.tsx";

/** The administration of representatives' terms. */
export function RepsAdmin(props: {
  villages: VillageRow[];
  village: VillageRow | null;
  terms: TermView[];
  today: string;
  withoutTerm: { userId: number; name: string; villageId: number | null }[];
  form: FormState;
}) {
  const { lang, t, base } = useView();
  const ct = core.t(lang);
  const vById = new Map(props.villages.map((v) => [v.id, v]));
  const current = props.terms.filter((x) => x.endOn === null || x.endOn >= props.today);
  return (
    <>
      <Back href={`${base}/admin`}>{ct("admin.back")}</Back>
      <h1>{t("admin.reps")}</h1>
      <p class="hint">{t("reps.roleHint")}</p>
      <VillagePicker
        action={`${base}/admin/representatives`}
        label={t("groups.village")}
        id="f-village"
        field={t("groups.village")}
        none={t("reps.all")}
        button={t("groups.show")}
        villages={props.villages}
        village={props.village}
      />
      <section aria-labelledby="h-record">
        <h2 id="h-record">{t("reps.record")}</h2>
        <ErrorSummary form={props.form} />
        <Form action={`${base}/admin/representatives`} label={t("reps.record")}>
          <Fields
            form={props.form}
            fields={[
              field.select("villageId", t("groups.village"), villageOptions(props.villages, lang), {
                required: true,
              }),
              field.text("name", t("reps.person"), {
                required: true,
                maxLength: 200,
                autocomplete: "off",
              }),
              field.date("startOn", t("groups.from")),
              field.date("endOn", t("groups.to")),
              field.text("chosenBy", t("reps.chosenBy"), {
                hint: t("reps.chosenByHint"),
                maxLength: 300,
              }),
            ]}
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
