import { useCtx } from "../../../core/views/ctx.ts";
import { ErrorSummary, Form, TextArea, type FormState } from "../../../core/views/form.tsx";
import { formatDateTime } from "../../../core/dates.ts";
import { ALLOWED } from "../shared/phases.ts";
import { msg } from "../messages.ts";
import { AlternativeFields } from "./alternative-fields.tsx";
import type { Phase } from "../shared/phases.ts";
import type { DiffPart } from "../../../core/text-diff.ts";
import { Html, PhaseBadge } from "./views.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";

/** A word-level diff with insertions and deletions marked. */
export function Diff({ parts }: { parts: DiffPart[] }) {
  return (
    <p class="diff">
      {parts.map((p, i) =>
        p.kind === "add" ? (
          <ins key={i}>{p.text}</ins>
        ) : p.kind === "del" ? (
          <del key={i}>{p.text}</del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}

/** A suggestion with its ratings. */
export interface SuggestionView {
  id: number;
  body: string;
  author: string | null;
  fulfilled: boolean;
  counts: Record<string, number>;
  mine: string | null;
}

/** The alternative page: current text, versions with a diff, suggestions. */
export function AlternativePage(props: {
  alt: {
    id: number;
    title: string;
    questionId: number;
    questionTitle: string;
    phase: Phase;
    html: string;
    version: number;
  };
  versions: { version: number; createdAt: Date }[];
  diff: { from: number; to: number; parts: DiffPart[] } | null;
  suggestions: SuggestionView[];
  isAuthor: boolean;
  canParticipate: boolean;
  editForm: FormState;
  suggestionForm: FormState;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}`;
  const a = props.alt;
  const ratings = ["must", "should", "should_not", "must_not"] as const;
  return (
    <>
      <BackLink href={`${base}/decisions/${a.questionId}`}>{a.questionTitle}</BackLink>
      <h1>{a.title}</h1>
      <p>
        <PhaseBadge phase={a.phase} />{" "}
        <span class="badge">{t("alt.version", { n: a.version })}</span>
      </p>
      <Html html={a.html} />
      <h2>{t("alt.versions")}</h2>
      <ul>
        {props.versions.map((v) => (
          <li key={v.version}>
            {t("alt.version", { n: v.version })} · {formatDateTime(v.createdAt, lang)}
            {v.version > 1 && (
              <>
                {" "}
                ·{" "}
                <a href={`${base}/alternatives/${a.id}?from=${v.version - 1}&to=${v.version}#diff`}>
                  {t("alt.diff")}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
      {props.diff && (
        <section id="diff" aria-label={t("alt.diff")}>
          <h3>
            {t("alt.version", { n: props.diff.from })} → {t("alt.version", { n: props.diff.to })}
          </h3>
          <Diff parts={props.diff.parts} />
        </section>
      )}
      {props.isAuthor && ALLOWED.editTexts(a.phase) && (
        <>
          <h2 id="edit">{t("alt.edit")}</h2>
          <ErrorSummary form={props.editForm} />
          <Form action={`${base}/alternatives/${a.id}`} label={t("alt.edit")}>
            <AlternativeFields form={props.editForm} />
            <button type="submit">{t("alt.edit")}</button>
          </Form>
        </>
      )}
      <h2>{t("sug.title")}</h2>
      {props.suggestions.length === 0 && <p>{t("sug.none")}</p>}
      <ul class="suggestions">
        {props.suggestions.map((s) => (
          <li key={s.id}>
            <p>
              {s.body} {s.fulfilled && <span class="badge">{t("sug.fulfilled")}</span>}
            </p>
            <p class="muted">
              {s.author && t("q.by", { name: s.author })} ·{" "}
              {ratings.map((r) => `${t(`sug.${r}`)} ${s.counts[r] ?? 0}`).join(" · ")}
            </p>
            {props.canParticipate && ALLOWED.suggest(a.phase) && (
              <Form
                action={`${base}/suggestions/${s.id}/rate`}
                class="inline-form"
                label={t("sug.rate")}
              >
                <label for={`rate-${s.id}`}>{t("sug.rate")}</label>{" "}
                <select id={`rate-${s.id}`} name="rating">
                  {ratings.map((r) => (
                    <option key={r} value={r} selected={s.mine === r}>
                      {t(`sug.${r}`)}
                    </option>
                  ))}
                </select>{" "}
                <button type="submit" class="secondary">
                  {t("sug.rate")}
                </button>
              </Form>
            )}
            {props.isAuthor && (
              <Form action={`${base}/suggestions/${s.id}/fulfilled`}>
                <input type="hidden" name="fulfilled" value={s.fulfilled ? "0" : "1"} />
                <button type="submit" class="secondary">
                  {s.fulfilled ? "↺" : t("sug.markFulfilled")}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {props.canParticipate && ALLOWED.suggest(a.phase) && (
        <>
          <ErrorSummary form={props.suggestionForm} />
          <Form action={`${base}/alternatives/${a.id}/suggestions`} label={t("sug.add")}>
            <TextArea
              form={props.suggestionForm}
              name="suggestion"
              label={t("sug.body")}
              required
            />
            <button type="submit">{t("sug.add")}</button>
          </Form>
        </>
      )}
    </>
  );
}
