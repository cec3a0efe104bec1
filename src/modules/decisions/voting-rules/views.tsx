import { useCtx } from "../../../core/views/ctx.ts";
import {
  ErrorSummary,
  Field,
  Form,
  SelectField,
  type FormState,
} from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import { msg } from "../messages.ts";
import type { Policy } from "../queries.ts";

/** Administration of the tambon's decision policies. */
export function PolicyAdmin({
  rows,
  form,
  editing,
}: {
  rows: Policy[];
  form: FormState;
  editing: number | null;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const ct = core.t(lang);
  const base = `/t/${tambon!.slug}/admin/decision-policies`;
  return (
    <>
      <p>
        <a href={`/t/${tambon!.slug}/admin`}>← {ct("admin.back")}</a>
      </p>
      <h1>{t("admin.policies")}</h1>
      <div class="table-wrap" role="region" aria-label={t("admin.policies")} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("pol.name")}</th>
              <th scope="col" class="num">
                {t("pol.discussionDays")}
              </th>
              <th scope="col" class="num">
                {t("pol.frozenDays")}
              </th>
              <th scope="col" class="num">
                {t("pol.votingDays")}
              </th>
              <th scope="col" class="num">
                {t("pol.majority")}
              </th>
              <th scope="col" class="num">
                {t("pol.quorum")}
              </th>
              <th scope="col">{t("pol.secrecy")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <a href={`${base}/${p.id}`}>{lang === "en" && p.nameEn ? p.nameEn : p.nameTh}</a>
                </th>
                <td class="num">{p.discussionDays}</td>
                <td class="num">{p.frozenDays}</td>
                <td class="num">{p.votingDays}</td>
                <td class="num">{p.majority}</td>
                <td class="num">{p.quorum}</td>
                <td>{t(p.secrecy === "private" ? "pol.private" : "pol.public")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{editing ? t("pol.name") : t("pol.add")}</h2>
      <ErrorSummary form={form} />
      <Form action={editing ? `${base}/${editing}` : base} label={t("pol.add")}>
        <Field form={form} name="nameTh" label={`${t("pol.name")} (ไทย)`} required />
        <Field form={form} name="nameEn" label={`${t("pol.name")} (English)`} />
        <Field
          form={form}
          name="discussionDays"
          type="number"
          label={t("pol.discussionDays")}
          required
          inputmode="numeric"
        />
        <Field
          form={form}
          name="frozenDays"
          type="number"
          label={t("pol.frozenDays")}
          required
          inputmode="numeric"
        />
        <Field
          form={form}
          name="votingDays"
          type="number"
          label={t("pol.votingDays")}
          required
          inputmode="numeric"
        />
        <Field form={form} name="majority" label={t("pol.majority")} inputmode="text" />
        <Field form={form} name="quorum" label={t("pol.quorum")} inputmode="text" />
        <Field
          form={form}
          name="minPerVillage"
          type="number"
          label={t("pol.minPerVillage")}
          inputmode="numeric"
        />
        <Field
          form={form}
          name="villagesFraction"
          label={t("pol.villagesFraction")}
          inputmode="text"
        />
        <SelectField
          form={form}
          name="secrecy"
          label={t("pol.secrecy")}
          required
          placeholder={false}
          options={[
            { value: "public", label: t("pol.public") },
            { value: "private", label: t("pol.private") },
          ]}
        />
        <Field
          form={form}
          name="maxWeight"
          type="number"
          label={t("pol.maxWeight")}
          inputmode="numeric"
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}
