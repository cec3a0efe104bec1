import { Filters, FilterSelect } from "../../../core/views/list.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import {
  ErrorSummary,
  Field,
  Form,
  SelectField,
  CheckField,
  TextArea,
  type FormState,
} from "../../../core/views/form.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref } from "../../../core/paging.ts";
import { formatDateTime } from "../../../core/dates.ts";
import { ALLOWED } from "../shared/phases.ts";
import { core } from "../../../core/i18n/messages.ts";
import { msg } from "../messages.ts";
import type { Phase } from "../shared/phases.ts";
import type { DiffPart } from "../../../core/text-diff.ts";

/** A question in a list. */
export interface QuestionItem {
  id: number;
  title: string;
  phase: Phase;
  area: string;
  phaseEndsAt: Date | null;
  alternatives: number;
}

/** Renders trusted HTML made by renderMarkdown (sanitised). */
export function Html({ html }: { html: string }) {
  return <div class="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A phase badge. */
export function PhaseBadge({ phase }: { phase: Phase }) {
  const { lang } = useCtx();
  return <span class={`badge phase-${phase}`}>{msg.t(lang)(`phase.${phase}`)}</span>;
}

/** The list of questions with filters. */
export function QuestionList(props: {
  items: QuestionItem[];
  phase: string;
  area: string;
  areas: { value: string; label: string }[];
  page: number;
  pages: number;
  total: number;
  canOpen: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}/decisions`;
  return (
    <>
      <h1>{t("list.title")}</h1>
      <p>{t("list.intro")}</p>
      <p class="actions">
        {props.canOpen && (
          <a class="button" href={`${base}/new`}>
            {t("list.new")}
          </a>
        )}
        <a class="button secondary" href={`/t/${tambon!.slug}/delegations`}>
          {t("nav.delegations")}
        </a>
      </p>
      <Filters action={base}>
        <FilterSelect
          id="f-phase"
          name="phase"
          label={t("phase.label")}
          any={t("list.allPhases")}
          value={props.phase ?? ""}
          options={(
            ["draft", "discussion", "frozen", "voting", "closed", "cancelled"] as const
          ).map((p) => ({ value: p, label: t(`phase.${p}`) }))}
        />
        <FilterSelect
          id="f-area"
          name="area"
          label={t("q.area")}
          any={t("list.allAreas")}
          value={props.area ?? ""}
          options={props.areas}
        />
      </Filters>
      {props.items.length === 0 ? (
        <p>{t("list.none")}</p>
      ) : (
        <ul class="cards">
          {props.items.map((q) => (
            <li key={q.id}>
              <h2>
                <a href={`${base}/${q.id}`}>{q.title}</a>
              </h2>
              <p>
                <PhaseBadge phase={q.phase} /> <span class="badge">{q.area}</span>
              </p>
              <p class="muted">
                {t("q.alternatives")}: {q.alternatives}
                {q.phaseEndsAt && (
                  <> · {t("phase.endsAt", { when: formatDateTime(q.phaseEndsAt, lang) })}</>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager
        of={props}
        href={(page) => pageHref(base, { phase: props.phase, area: props.area }, page)}
      />
    </>
  );
}

/** The form to open a question with its first alternative. */
export function NewQuestion(props: {
  form: FormState;
  areas: { value: string; label: string }[];
  votingRules: { value: string; label: string }[];
  canQuickPoll: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  return (
    <>
      <h1>{t("list.new")}</h1>
      <ErrorSummary form={props.form} />
      <Form action={`/t/${tambon!.slug}/decisions`} label={t("list.new")}>
        <Field form={props.form} name="title" label={t("q.title")} required maxLength={200} />
        <SelectField
          form={props.form}
          name="area"
          label={t("q.area")}
          options={props.areas}
          required
        />
        <SelectField
          form={props.form}
          name="policy"
          label={t("q.votingRules")}
          options={props.votingRules}
          required
          placeholder={false}
        />
        {props.canQuickPoll && (
          <CheckField form={props.form} name="quickPoll" label={t("q.quickPoll")} />
        )}
        <fieldset>
          <legend>{t("q.firstAlternative")}</legend>
          <Field
            form={props.form}
            name="altTitle"
            label={t("alt.title")}
            required
            maxLength={200}
          />
          <TextArea form={props.form} name="altBody" label={t("alt.body")} required />
        </fieldset>
        <button type="submit">{core.t(lang)("form.create")}</button>
      </Form>
    </>
  );
}

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
    votingRules: string;
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
          {t("q.votingRules")}: {q.votingRules}
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
