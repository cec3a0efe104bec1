import { Table } from "../../../core/views/list.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import {
  ErrorSummary,
  Field,
  Form,
  SelectField,
  type FormState,
  ThaiEnglishFields,
} from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import { msg } from "../messages.ts";
import type { VotingRules } from "../shared/queries.ts";
import { votingRulesName } from "./queries.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

/** Administration of the tambon's voting rules. */
export function VotingRulesAdmin({
  rows,
  form,
  editing,
}: {
  rows: VotingRules[];
  form: FormState;
  editing: number | null;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const ct = core.t(lang);
  const base = `/t/${tambon!.slug}/admin/decision-policies`;
  return (
    <>
      <BackLink href={`/t/${tambon!.slug}/admin`}>{ct("admin.back")}</BackLink>
      <h1>{t("admin.votingRules")}</h1>
      <Table
        label={t("admin.votingRules")}
        columns={[
          t("rules.name"),
          { label: t("rules.discussionDays"), num: true },
          { label: t("rules.frozenDays"), num: true },
          { label: t("rules.votingDays"), num: true },
          { label: t("rules.majority"), num: true },
          { label: t("rules.quorum"), num: true },
          t("rules.secrecy"),
        ]}
      >
        {rows.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <a href={`${base}/${p.id}`}>{votingRulesName(p, lang)}</a>
            </th>
            <td class="num">{p.discussionDays}</td>
            <td class="num">{p.frozenDays}</td>
            <td class="num">{p.votingDays}</td>
            <td class="num">{p.majority}</td>
            <td class="num">{p.quorum}</td>
            <td>{t(p.secrecy === "private" ? "rules.private" : "rules.public")}</td>
          </tr>
        ))}
      </Table>
      <h2>{editing ? t("rules.name") : t("rules.add")}</h2>
      <ErrorSummary form={form} />
      <Form action={editing ? `${base}/${editing}` : base} label={t("rules.add")}>
        <ThaiEnglishFields
          form={form}
          name="name"
          label={`${t("rules.name")} (ไทย)`}
          labelEn={`${t("rules.name")} (English)`}
          required
        />
        {(["discussionDays", "frozenDays", "votingDays"] as const).map((name) => (
          <Field
            key={name}
            form={form}
            name={name}
            type="number"
            label={t(`rules.${name}`)}
            required
            inputmode="numeric"
          />
        ))}
        <Field form={form} name="majority" label={t("rules.majority")} inputmode="text" />
        <Field form={form} name="quorum" label={t("rules.quorum")} inputmode="text" />
        <Field
          form={form}
          name="minPerVillage"
          type="number"
          label={t("rules.minPerVillage")}
          inputmode="numeric"
        />
        <Field
          form={form}
          name="villagesFraction"
          label={t("rules.villagesFraction")}
          inputmode="text"
        />
        <SelectField
          form={form}
          name="secrecy"
          label={t("rules.secrecy")}
          required
          placeholder={false}
          options={[
            { value: "public", label: t("rules.public") },
            { value: "private", label: t("rules.private") },
          ]}
        />
        <Field
          form={form}
          name="maxWeight"
          type="number"
          label={t("rules.maxWeight")}
          inputmode="numeric"
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}
