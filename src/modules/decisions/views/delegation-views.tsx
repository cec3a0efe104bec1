import { useCtx } from "../../../core/views/ctx.ts";
import { Form } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import type { VotePath } from "../delegation.ts";

/** One scope row on the delegations page. */
export interface ScopeRow {
  scope: "tambon" | "area" | "question";
  id: number | null;
  label: string;
  delegationId: number | null;
  trustee: string | null;
  blocked: boolean;
}

/** The "my delegations" page: scopes, who delegates to me, where my vote goes. */
export function DelegationsPage(props: {
  rows: ScopeRow[];
  candidates: { value: string; label: string }[];
  toMe: { label: string; entries: { name: string; via: string[] }[] }[];
  previews: { questionId: number; title: string; path: string[]; end: VotePath["end"] }[];
  error: string | null;
  canDelegate: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}/delegations`;
  const endText: Record<VotePath["end"], string> = {
    votes: t("del.endVotes"),
    none: t("del.endNone"),
    "reaches-voter": t("del.endReaches"),
    "no-voter-yet": t("del.endNoVoter"),
    loop: t("del.endLoop"),
    "no-right": t("del.endNoRight"),
  };
  return (
    <>
      <h1>{t("del.title")}</h1>
      <p>{t("del.intro")}</p>
      {props.error && (
        <p class="error-summary" role="alert">
          {props.error}
        </p>
      )}
      {!props.canDelegate && <p class="error-summary">{t("ballot.noRight")}</p>}
      <div class="table-wrap" role="region" aria-label={t("del.title")} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("del.scope")}</th>
              <th scope="col">{t("del.trustee")}</th>
              <th scope="col">{t("del.set")}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={`${r.scope}-${r.id}`}>
                <th scope="row">{r.label}</th>
                <td>{r.blocked ? t("del.blocked") : (r.trustee ?? t("del.none"))}</td>
                <td>
                  {props.canDelegate && (
                    <div class="actions">
                      <Form action={base} class="inline-form" label={`${t("del.set")} ${r.label}`}>
                        <input type="hidden" name="scope" value={r.scope} />
                        {r.id !== null && (
                          <input type="hidden" name="target" value={String(r.id)} />
                        )}
                        <label class="visually-hidden" for={`tr-${r.scope}-${r.id}`}>
                          {t("del.choose")}
                        </label>
                        <select id={`tr-${r.scope}-${r.id}`} name="trustee">
                          <option value="">{t("del.choose")}</option>
                          {props.candidates.map((c) => (
                            <option key={c.value} value={c.value}>
                              {c.label}
                            </option>
                          ))}
                        </select>{" "}
                        <button type="submit">{t("del.set")}</button>
                      </Form>
                      {r.scope !== "tambon" && !r.blocked && (
                        <Form action={base}>
                          <input type="hidden" name="scope" value={r.scope} />
                          <input type="hidden" name="target" value={String(r.id)} />
                          <input type="hidden" name="trustee" value="none" />
                          <button type="submit" class="secondary">
                            {t("del.block")}
                          </button>
                        </Form>
                      )}
                      {r.delegationId !== null && (
                        <Form action={`${base}/${r.delegationId}/revoke`}>
                          <button type="submit" class="secondary">
                            {t("del.revoke")}
                          </button>
                        </Form>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("del.preview")}</h2>
      <ul>
        {props.previews.map((p) => (
          <li key={p.questionId}>
            <a href={`/t/${tambon!.slug}/decisions/${p.questionId}`}>{p.title}</a>:{" "}
            {p.path.join(" → ")} — {endText[p.end]}
          </li>
        ))}
      </ul>
      <h2>{t("del.toMe")}</h2>
      {props.toMe.every((g) => g.entries.length === 0) ? (
        <p>{t("del.toMeNone")}</p>
      ) : (
        props.toMe
          .filter((g) => g.entries.length)
          .map((g) => (
            <section key={g.label}>
              <h3>{g.label}</h3>
              <ul>
                {g.entries.map((e, i) => (
                  <li key={i}>
                    {e.name}
                    {e.via.length > 0 && (
                      <span class="muted"> ({t("del.via", { names: e.via.join(" → ") })})</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))
      )}
    </>
  );
}
