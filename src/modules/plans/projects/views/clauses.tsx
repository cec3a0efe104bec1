import { useCtx } from "../../../../core/views/ctx.ts";
import { Form, type FormState } from "../../../../core/views/form.tsx";
import type { ClauseRef } from "../../../charter/public.ts";
import { msg } from "../../messages.ts";
import { ClauseLink, ClauseLinkForm, ListOrNone } from "../../shared/views.tsx";

/** The key of a clause in forms: "charterId:clauseKey". */
export const clauseValue = (c: Pick<ClauseRef, "charterId" | "clauseKey">) =>
  `${c.charterId}:${c.clauseKey}`;

/** A clause as a choice of the link form: its key, and its charter, number and first words. */
export const clauseChoice = (c: ClauseRef) => ({
  value: clauseValue(c),
  label: `${c.charterName} · ${c.number}. ${c.text.slice(0, 80)}`,
});

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
  const choices = free.map(clauseChoice);
  return (
    <>
      <ListOrNone items={p.linked} none={t("projectClause.none")} muted>
        {(c) => (
          <li key={clauseValue(c)}>
            <ClauseLink c={c} /> <span class="muted">{c.text.slice(0, 120)}</span>
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
          <ClauseLinkForm
            action={action}
            label={t("projectClause.link")}
            form={p.form}
            scope="pc"
            options={choices}
          />
        )
      )}
    </>
  );
}
