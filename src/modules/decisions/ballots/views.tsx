import { useCtx } from "../../../core/views/ctx.ts";
import { assetUrl } from "../../../core/views/assets.ts";
import {
  ErrorSummary,
  Field,
  Form,
  TextArea,
  emptyForm,
  type FormState,
} from "../../../core/views/form.tsx";
import { formatDateTime } from "../../../core/dates.ts";
import { msg } from "../messages.ts";
import type { Phase } from "../phases.ts";
import { ALLOWED, gradeRange } from "../phases.ts";
import { Diff, Html, PhaseBadge } from "./question-views.tsx";
import type { DiffPart } from "../../../core/text-diff.ts";

/** An alternative as shown on its question's page. */
export interface AltView {
  id: number;
  title: string;
  html: string;
  author: string | null;
  supporters: number;
  supported: boolean;
  version: number;
}

/** The question page: phase, alternatives, actions allowed in this phase. */
export function QuestionPage(props: {
  q: {
    id: number;
    title: string;
    phase: Phase;
    area: string;
    areaId: number;
    phaseEndsAt: Date | null;
    policy: string;
    secrecy: string;
  };
  alts: AltView[];
  canParticipate: boolean;
  canManage: boolean;
  isAuthor: boolean;
  voted: boolean;
  addForm: FormState;
}) {
  const { lang, tambon, actor } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}`;
  const { q } = props;
  return (
    <>
      <p>
        <a href={`${base}/decisions`}>← {t("list.title")}</a>
      </p>
      <h1>{q.title}</h1>
      <p>
        <PhaseBadge phase={q.phase} />{" "}
        <a class="badge" href={`${base}/areas/${q.areaId}`}>
          {q.area}
        </a>{" "}
        <span class="badge">
          {t("q.policy")}: {q.policy}
        </span>
      </p>
      {q.phaseEndsAt && (
        <p class="muted">{t("phase.endsAt", { when: formatDateTime(q.phaseEndsAt, lang) })}</p>
      )}
      <div class="actions">
        {q.phase === "voting" && actor.user && (
          <a class="button" href={`${base}/decisions/${q.id}/ballot`}>
            {props.voted ? t("ballot.yours") : t("ballot.submit")}
          </a>
        )}
        {q.phase === "closed" && (
          <a class="button" href={`${base}/decisions/${q.id}/results`}>
            {t("res.title")}
          </a>
        )}
        {actor.user && ALLOWED.delegate(q.phase) && (
          <a class="button secondary" href={`${base}/delegations?question=${q.id}`}>
            {t("del.set")}
          </a>
        )}
        {(props.canManage || (props.isAuthor && q.phase === "draft")) &&
          ALLOWED.cancel(q.phase) && (
            <Form action={`${base}/decisions/${q.id}/phase`}>
              <button type="submit" class="secondary">
                {q.phase === "draft" ? t("phase.start") : t("phase.advance")}
              </button>
            </Form>
          )}
        {props.canManage && ALLOWED.cancel(q.phase) && (
          <Form action={`${base}/decisions/${q.id}/cancel`}>
            <button type="submit" class="danger">
              {t("phase.cancel")}
            </button>
          </Form>
        )}
      </div>
      <h2>{t("q.alternatives")}</h2>
      {props.alts.map((a) => (
        <article key={a.id} class="alternative" aria-labelledby={`alt-${a.id}`}>
          <h3 id={`alt-${a.id}`}>
            <a href={`${base}/alternatives/${a.id}`}>{a.title}</a>
          </h3>
          <p class="muted">
            {a.author && t("q.by", { name: a.author })} · {t("alt.version", { n: a.version })} ·{" "}
            {t("alt.supporters", { n: a.supporters })}
          </p>
          <Html html={a.html} />
          {props.canParticipate && ALLOWED.support(q.phase) && (
            <Form action={`${base}/alternatives/${a.id}/support`}>
              <input type="hidden" name="support" value={a.supported ? "0" : "1"} />
              <button type="submit" class="secondary">
                {a.supported ? t("alt.unsupport") : t("alt.support")}
              </button>
            </Form>
          )}
        </article>
      ))}
      <p class="muted">{t("q.statusQuo")}</p>
      {props.canParticipate && ALLOWED.editTexts(q.phase) && (
        <>
          <h2 id="add">{t("alt.add")}</h2>
          <ErrorSummary form={props.addForm} />
          <Form action={`${base}/decisions/${q.id}/alternatives`} label={t("alt.add")}>
            <Field
              form={props.addForm}
              name="altTitle"
              label={t("alt.title")}
              required
              maxLength={200}
            />
            <TextArea form={props.addForm} name="altBody" label={t("alt.body")} required />
            <button type="submit">{t("alt.add")}</button>
          </Form>
        </>
      )}
    </>
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
      <p>
        <a href={`${base}/decisions/${a.questionId}`}>← {a.questionTitle}</a>
      </p>
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
            <Field
              form={props.editForm}
              name="altTitle"
              label={t("alt.title")}
              required
              maxLength={200}
            />
            <TextArea form={props.editForm} name="altBody" label={t("alt.body")} required />
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

/** The ballot: one grade per alternative; works without JavaScript. */
export function BallotPage(props: {
  q: { id: number; title: string };
  alts: { id: number; title: string }[];
  grades: Record<string, number>;
  error: string | null;
  recordFor: { options: { value: string; label: string }[]; selected: string } | null;
  /** The member has a ballot that may still be withdrawn. */
  canWithdraw?: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}/decisions/${props.q.id}`;
  const { min, max } = gradeRange(props.alts.length);
  const options: { value: number; label: string }[] = [];
  for (let g = max; g >= 1; g--)
    options.push({ value: g, label: t("ballot.approve", { n: max - g + 1 }) });
  options.push({ value: 0, label: t("ballot.abstain") });
  for (let g = -1; g >= min; g--)
    options.push({ value: g, label: g === -1 ? t("ballot.disapprove") : t("ballot.strongly") });
  return (
    <>
      <p>
        <a href={base}>← {props.q.title}</a>
      </p>
      <h1>{t("ballot.title")}</h1>
      <p>{t("ballot.intro")}</p>
      {props.error && (
        <p class="error-summary" role="alert">
          {props.error}
        </p>
      )}
      <Form
        action={`${base}/ballot`}
        label={t("ballot.title")}
        data={{
          ballot: "1",
          max: String(max),
          text: JSON.stringify({
            approve: t("ballot.colApprove"),
            abstain: t("ballot.abstain"),
            disapprove: t("ballot.disapprove"),
            toApprove: t("ballot.toApprove"),
            toAbstain: t("ballot.toAbstain"),
            toDisapprove: t("ballot.toDisapprove"),
          }),
        }}
      >
        {props.recordFor && (
          <div class="field">
            <label for="f-member">{t("ballot.recordFor")}</label>
            <select id="f-member" name="member">
              <option value="">—</option>
              {props.recordFor.options.map((o) => (
                <option
                  key={o.value}
                  value={o.value}
                  selected={o.value === props.recordFor!.selected}
                >
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {props.alts.map((a) => (
          <div class="field" key={a.id} data-alternative={String(a.id)}>
            <label for={`g-${a.id}`}>{a.title}</label>
            <select id={`g-${a.id}`} name={`grade_${a.id}`}>
              {options.map((o) => (
                <option
                  key={o.value}
                  value={String(o.value)}
                  selected={(props.grades[String(a.id)] ?? 0) === o.value}
                >
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit">{t("ballot.submit")}</button>
      </Form>
      {props.canWithdraw && (
        <Form action={`${base}/ballot/withdraw`} label={t("ballot.withdraw")}>
          <button type="submit" class="secondary">
            {t("ballot.withdraw")}
          </button>
        </Form>
      )}
      <script src={assetUrl("ballot")} defer />
    </>
  );
}

/** A fresh form for the add-alternative and suggestion forms. */
export const blank = () => emptyForm();
