import { Table } from "../../../core/views/list.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import { msg } from "../messages.ts";
import type { VotingRules } from "../shared/queries.ts";
import { votingRulesName } from "./queries.ts";
import { BackLink } from "../../../core/views/back-link.tsx";

/** The phases' lengths in days, in the order the table and the form show them. */
const DAYS = ["discussionDays", "frozenDays", "votingDays"] as const;

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
  const secrecy = [
    { value: "public", label: t("rules.public") },
    { value: "private", label: t("rules.private") },
  ];
  return (
    <>
      <BackLink href={`/t/${tambon!.slug}/admin`}>{ct("admin.back")}</BackLink>
      <h1>{t("admin.votingRules")}</h1>
      <Table
        label={t("admin.votingRules")}
        columns={[
          t("rules.name"),
          ...DAYS.map((name) => ({ label: t(`rules.${name}`), num: true })),
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
            {DAYS.map((name) => (
              <td key={name} class="num">
                {p[name]}
              </td>
            ))}
            <td class="num">{p.majority}</td>
            <td class="num">{p.quorum}</td>
            <td>{t(p.secrecy === "private" ? "rules.private" : "rules.public")}</td>
          </tr>
        ))}
      </Table>
      <h2>{editing ? t("rules.name") : t("rules.add")}</h2>
      <ErrorSummary form={form} />
      <Form action={editing ? `${base}/${editing}` : base} label={t("rules.add")}>
        <Fields
          form={form}
          fields={[
            field.thaiEnglish("name", `${t("rules.name")} (ไทย)`, `${t("rules.name")} (English)`, {
              required: true,
            }),
            ...DAYS.map((name) => ({
              name,
              type: "number" as const,
              label: t(`rules.${name}`),
              required: true,
              inputmode: "numeric" as const,
            })),
            field.text("majority", t("rules.majority"), { inputmode: "text" }),
            field.text("quorum", t("rules.quorum"), { inputmode: "text" }),
            field.text("minPerVillage", t("rules.minPerVillage"), {
              type: "number",
              inputmode: "numeric",
            }),
            field.text("villagesFraction", t("rules.villagesFraction"), { inputmode: "text" }),
            field.select("secrecy", t("rules.secrecy"), secrecy, {
              required: true,
              placeholder: false,
            }),
            field.text("maxWeight", t("rules.maxWeight"), { type: "number", inputmode: "numeric" }),
          ]}
        />
        <button type="submit">{ct("form.save")}</button>
      </Form>
    </>
  );
}
