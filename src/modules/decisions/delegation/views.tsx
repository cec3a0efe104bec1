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

/** Members listed in a dropdown at most; a longer list is searched instead. */
export const SHORT_LIST = 30;
/** Members shown for one search at most. */
export const MAX_FOUND = 20;

/** The "my delegations" page: scopes, who delegates to me, where my vote goes. */
export function DelegationsPage(props: {
  rows: ScopeRow[];
  candidates: { value: string; label: string }[];
  /** The search for a trustee ("" when none), and the members it found (null without one). */
  who: string;
  found: { value: string; label: string }[] | null;
  toMe: { label: string; entries: { name: string; via: string[] }[] }[];
  previews: { questionId: number; title: string; path: string[]; end: VotePath["end"] }[];
  error: string | null;
  canDelegate: boolean;
  /** The scope preselected in the form, e.g. "question:12". */
  focus: string;
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
      {props.canDelegate && (
        <form method="get" action={base} class="filters" role="search" aria-label={t("del.find")}>
          {props.focus.startsWith("question:") && (
            <input type="hidden" name="question" value={props.focus.slice("question:".length)} />
          )}
          <div class="field">
            <label for="f-who">{t("del.find")}</label>
            <p class="hint" id="f-who-hint">
              {t("del.findHint")}
            </p>
            <input
              id="f-who"
              name="who"
              type="search"
              maxLength={200}
              value={props.who}
              aria-describedby="f-who-hint"
            />
          </div>
          <button type="submit" class="secondary">
            {t("del.findButton")}
          </button>
        </form>
      )}
      {props.canDelegate && (
        <Form action={base} class="delegate-form" label={t("del.set")}>
          <div class="field">
            <label for="f-scope">{t("del.scope")}</label>
            <select id="f-scope" name="scopeKey">
              {props.rows.map((r) => (
                <option
                  key={`${r.scope}-${r.id}`}
                  value={`${r.scope}:${r.id ?? ""}`}
                  selected={props.focus === `${r.scope}:${r.id ?? ""}`}
                >
                  {r.label}
                </option>
              ))}
            </select>
          </div>
          {props.found && (
            <p role="status">
              {props.found.length ? t("del.found", { n: props.found.length }) : t("del.foundNone")}
              {props.found.length > MAX_FOUND && ` — ${t("del.foundMore", { n: MAX_FOUND })}`}
            </p>
          )}
          {props.found?.length ? (
            <fieldset class="check-group">
              <legend>{t("del.trustee")}</legend>
              {props.found.slice(0, MAX_FOUND).map((c) => (
                <label class="check" key={c.value}>
                  <input
                    type="radio"
                    name="trustee"
                    value={c.value}
                    required
                    checked={props.found!.length === 1}
                  />
                  {c.label}
                </label>
              ))}
            </fieldset>
          ) : props.candidates.length <= SHORT_LIST ? (
            <div class="field">
              <label for="f-trustee">{t("del.trustee")}</label>
              <select id="f-trustee" name="trustee">
                <option value="">{t("del.choose")}</option>
                {props.candidates.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p class="hint">
              {t("del.trustee")}: {t("del.findHint")}
            </p>
          )}
          <button type="submit">{t("del.set")}</button>
        </Form>
      )}
      <ul class="scopes">
        {props.rows.map((r) => (
          <li key={`${r.scope}-${r.id}`}>
            <h2 class="scope-title">{r.label}</h2>
            <p>
              {t("del.trustee")}:{" "}
              <strong>{r.blocked ? t("del.blocked") : (r.trustee ?? t("del.none"))}</strong>
            </p>
            {props.canDelegate && (
              <div class="actions">
                {r.scope !== "tambon" && !r.blocked && (
                  <Form action={base} label={`${t("del.block")}: ${r.label}`}>
                    <input type="hidden" name="scopeKey" value={`${r.scope}:${r.id ?? ""}`} />
                    <input type="hidden" name="trustee" value="none" />
                    <button type="submit" class="secondary">
                      {t("del.block")}
                    </button>
                  </Form>
                )}
                {r.delegationId !== null && (
                  <Form
                    action={`${base}/${r.delegationId}/revoke`}
                    label={`${t("del.revoke")}: ${r.label}`}
                  >
                    <button type="submit" class="secondary">
                      {t("del.revoke")}
                    </button>
                  </Form>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      <h2>{t("del.preview")}</h2>
      <ul class="previews">
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
