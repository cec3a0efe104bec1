import { useCtx } from "../../../../core/views/ctx.ts";
import { Form, type FormState } from "../../../../core/views/form.tsx";
import type { ClauseRef } from "../../../charter/public.ts";
import { msg } from "../../messages.ts";
import { FieldsForm, ListOrNone } from "../../shared/views.tsx";

/** The key of a clause in forms: "charterId:clauseKey". */
export const clauseValue = (c: Pick<ClauseRef, "charterId" | "clauseKey">) =>
  `${c.charterId}:${c.clauseKey}`;

/** The charter clauses a project carries out, each with its unlink button, and the link form. */
export function ClausesAdmin(p: {
  projectId: number;
  linked: ClauseRef[];
  all: ClauseRef[];
  form: FormState;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const action = `/t/${tambon!.slug}/admin/projects/${p.projectId}/clauses`;
  const linked = new Set(p.linked.map(clauseValue));
  const free = p.all.filter((c) => !linked.has(clauseValue(c)));
  const choices = free.map((c) => ({
    value: clauseValue(c),
    label: `${c.charterName} · ${c.number}. ${c.text.slice(0, 80)}`,
  }));
  return (
    <>
      <ListOrNone items={p.linked} none={t("projectClause.none")} muted>
        {(c) => (
          <li key={clauseValue(c)}>
            <a href={c.href}>
              {c.charterName} · {t("strategy.clause")} {c.number}
            </a>{" "}
            <span class="muted">{c.text.slice(0, 120)}</span>
            <Form
              action={`${action}/unlink`}
              class="inline-form"
              label={`${t("projectClause.unlink")}: ${c.number}`}
            >
              <input type="hidden" name="clause" value={clauseValue(c)} />
              <button type="submit" class="secondary">
                {t("projectClause.unlink")}
              </button>
            </Form>
          </li>
        )}
      </ListOrNone>
      {p.all.length === 0 ? (
        <p class="muted">{t("strategy.noClauses")}</p>
      ) : (
        free.length > 0 && (
          <FieldsForm
            action={action}
            label={t("projectClause.link")}
            form={p.form}
            scope="pc"
            submit={t("projectClause.link")}
            fields={[
              {
                kind: "select",
                name: "clause",
                label: t("strategy.clause"),
                required: true,
                options: choices,
              },
            ]}
          />
        )
      )}
    </>
  );
}
