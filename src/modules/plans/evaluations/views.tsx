import { useCtx } from "../../../core/views/ctx.ts";
import { formatDate } from "../../../core/dates.ts";
import { core } from "../../../core/i18n/messages.ts";
import {
  DateField,
  ErrorSummary,
  Field,
  Form,
  FormError,
  SelectField,
  TextArea,
  fieldId,
  type FormState,
} from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import type { Rating } from "../shared/kinds.ts";
import { WORDS_MAX } from "./commands.ts";
import {
  RATINGS,
  type Round,
  type RoundSummary,
  type Subject,
  type SubjectResult,
} from "./queries.ts";

/** A choice of a form: value and label. */
interface Choice {
  value: string;
  label: string;
}

/** The plan a page is about: its id and title. */
interface PlanRef {
  id: number;
  title: string;
}

function useT() {
  return msg.t(useCtx().lang);
}

/** A round's status as a badge. */
function RoundStatus({ round }: { round: Round }) {
  const t = useT();
  return (
    <span class={`badge round-${round.status}`}>{t(`evaluation.status.${round.status}`)}</span>
  );
}

/** How a subject is named: "โครงการลำดับที่ 3 …" or "ธรรมนูญ … ข้อ 4". */
function SubjectName({ subject }: { subject: Subject }) {
  const t = useT();
  return (
    <>
      <span class="muted">
        {subject.type === "project"
          ? t("evaluation.projectNo", { n: subject.number })
          : t("evaluation.clauseNo", { charter: subject.charterName, n: subject.number })}
      </span>{" "}
      <a href={subject.href}>
        {subject.title.length > 200 ? `${subject.title.slice(0, 197)}…` : subject.title}
      </a>
    </>
  );
}

/** The rounds of a plan, with the form that opens a new one for those who keep the plan. */
export function RoundList(props: {
  plan: PlanRef;
  rounds: RoundSummary[];
  canManage: boolean;
  form: FormState;
  meetings: Choice[];
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const base = `/t/${tambon!.slug}`;
  return (
    <>
      <p>
        <a href={`${base}/plans/${props.plan.id}`}>← {props.plan.title}</a>
      </p>
      <h1>{t("evaluation.title")}</h1>
      <p>{t("evaluation.intro")}</p>
      {props.rounds.length === 0 ? (
        <p class="muted">{t("evaluation.none")}</p>
      ) : (
        <ul class="cards">
          {props.rounds.map((r) => (
            <li key={r.id}>
              <h2>
                <a href={`${base}/evaluations/${r.id}`}>{r.title}</a>
              </h2>
              <p>
                <RoundStatus round={r} />
                {r.heldOn && <span> {formatDate(r.heldOn, lang)}</span>}
                <span class="muted"> · {t("evaluation.raters", { n: r.raters })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {props.canManage && (
        <section aria-labelledby="h-open-round">
          <h2 id="h-open-round">{t("evaluation.open")}</h2>
          <ErrorSummary form={props.form} />
          <Form action={`${base}/plans/${props.plan.id}/evaluations`} label={t("evaluation.open")}>
            <FormError form={props.form} />
            <Field
              form={props.form}
              name="title"
              label={t("evaluation.name")}
              hint={t("evaluation.nameHint")}
              required
              maxLength={200}
            />
            <DateField form={props.form} name="heldOn" label={t("evaluation.heldOn")} />
            <SelectField
              form={props.form}
              name="meetingId"
              label={t("evaluation.meeting")}
              options={props.meetings}
              placeholder={t("evaluation.noMeeting")}
            />
            <button type="submit">{t("evaluation.open")}</button>
          </Form>
        </section>
      )}
    </>
  );
}

/** The count of each answer as a stacked bar (SVG, no inline styles) and in words. */
function Counts({ result }: { result: SubjectResult }) {
  const t = useT();
  let x = 0;
  return (
    <>
      {result.total > 0 && (
        <svg
          class="rating-bar"
          viewBox="0 0 100 6"
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
        >
          {RATINGS.map((r) => {
            const w = (100 * result.counts[r]) / result.total;
            const rect = <rect key={r} class={`bar-${r}`} x={x} y={0} width={w} height={6} />;
            x += w;
            return rect;
          })}
        </svg>
      )}
      <ul class="rating-counts">
        {RATINGS.map((r) => (
          <li key={r}>
            <span class={`badge rating-${r}`}>{t(`evaluation.rating.${r}`)}</span>{" "}
            <strong>{result.counts[r]}</strong>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The words raters gave ("what helped" or "what blocked"), if any. */
function Words({ title, words }: { title: string; words: string[] }) {
  if (!words.length) return null;
  return (
    <details>
      <summary>
        {title} ({words.length})
      </summary>
      <ul>
        {words.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </details>
  );
}

/** A round's page: its meeting, the results per subject, the decisions; closing and carrying. */
export function RoundPage(props: {
  plan: PlanRef;
  round: Round;
  meeting: { title: string; href: string } | null;
  results: SubjectResult[];
  raters: number;
  carriedTo: string | null;
  canRate: boolean;
  rated: number;
  canManage: boolean;
  editions: Choice[];
  closeForm: FormState;
  carryForm: FormState;
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const { round } = props;
  const base = `/t/${tambon!.slug}`;
  const here = `${base}/evaluations/${round.id}`;
  const projects = props.results.filter((r) => r.subject.type === "project");
  const clauses = props.results.filter((r) => r.subject.type === "clause");
  const group = (title: string, id: string, list: SubjectResult[]) =>
    list.length > 0 && (
      <section aria-labelledby={id}>
        <h2 id={id}>{title}</h2>
        <ul class="cards rating-results">
          {list.map((r) => (
            <li key={r.subject.key} id={`s-${r.subject.key}`}>
              <h3>
                <SubjectName subject={r.subject} />
              </h3>
              {r.total === 0 ? (
                <p class="muted">{t("evaluation.noRatings")}</p>
              ) : (
                <Counts result={r} />
              )}
              <Words title={t("evaluation.helped")} words={r.helped} />
              <Words title={t("evaluation.blocked")} words={r.blocked} />
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <>
      <p>
        <a href={`${base}/plans/${props.plan.id}/evaluations`}>
          ← {t("evaluation.title")} · {props.plan.title}
        </a>
      </p>
      <h1>{round.title}</h1>
      <p>
        <RoundStatus round={round} />
        {round.heldOn && <span> {formatDate(round.heldOn, lang)}</span>}
        <span class="muted"> · {t("evaluation.raters", { n: props.raters })}</span>
      </p>
      {props.meeting && (
        <p>
          {t("evaluation.meeting")}: <a href={props.meeting.href}>{props.meeting.title}</a>
        </p>
      )}
      {round.status === "open" && props.canRate && (
        <p>
          <a class="button" href={`${here}/rate`}>
            {props.rated > 0 ? t("evaluation.rateAgain") : t("evaluation.rate")}
          </a>
        </p>
      )}
      {round.status === "closed" && (
        <section aria-labelledby="h-decisions" class="round-decisions">
          <h2 id="h-decisions">{t("evaluation.decisions")}</h2>
          <FormError form={props.closeForm} />
          <p class="prose">{round.decisions}</p>
          {round.summary && (
            <>
              <h3>{t("evaluation.summary")}</h3>
              <p class="prose">{round.summary}</p>
            </>
          )}
          {props.carriedTo && <p>{t("evaluation.carriedTo", { edition: props.carriedTo })}</p>}
        </section>
      )}
      {props.results.length === 0 && <p class="muted">{t("evaluation.noSubjects")}</p>}
      {group(t("evaluation.projects"), "h-projects", projects)}
      {group(t("evaluation.clauses"), "h-clauses", clauses)}
      {props.canManage && round.status === "open" && (
        <section aria-labelledby="h-close">
          <h2 id="h-close">{t("evaluation.close")}</h2>
          <ErrorSummary form={props.closeForm} scope="close" />
          <Form action={`${here}/close`} label={t("evaluation.close")}>
            <FormError form={props.closeForm} />
            <TextArea
              scope="close"
              form={props.closeForm}
              name="decisions"
              label={t("evaluation.decisions")}
              required
              rows={4}
              maxLength={8000}
            />
            <TextArea
              scope="close"
              form={props.closeForm}
              name="summary"
              label={t("evaluation.summary")}
              rows={3}
              maxLength={8000}
            />
            <SelectField
              scope="close"
              form={props.closeForm}
              name="editionId"
              label={t("evaluation.carry")}
              options={props.editions}
              placeholder={t("evaluation.noEdition")}
            />
            <button type="submit">{t("evaluation.close")}</button>
          </Form>
        </section>
      )}
      {props.canManage && round.status === "closed" && props.editions.length > 0 && (
        <section aria-labelledby="h-carry">
          <h2 id="h-carry">{t("evaluation.carry")}</h2>
          <ErrorSummary form={props.carryForm} scope="carry" />
          <Form action={`${here}/carry`} label={t("evaluation.carry")}>
            <FormError form={props.carryForm} />
            <SelectField
              scope="carry"
              form={props.carryForm}
              name="editionId"
              label={t("evaluation.edition")}
              options={props.editions}
              value={round.carriedToEditionId ? String(round.carriedToEditionId) : ""}
              required
            />
            <button type="submit">{t("evaluation.carry")}</button>
          </Form>
        </section>
      )}
    </>
  );
}

/** One subject's card of the rating form: the three answers, what helped and what blocked. */
function RateCard({ subject, form }: { subject: Subject; form: FormState }) {
  const t = useT();
  const k = subject.key;
  const name = `rating-${k}`;
  const id = fieldId(name);
  const err = form.errors[name];
  const chosen = form.values[name] ?? "";
  return (
    <li class={err ? "rate-card has-error" : "rate-card"} id={`card-${k}`}>
      <fieldset class="rating-choice" id={id} aria-describedby={err ? `${id}-err` : undefined}>
        <legend>
          <SubjectName subject={subject} />
        </legend>
        {err && (
          <p class="error" id={`${id}-err`}>
            {err}
          </p>
        )}
        <div class="rating-options">
          {RATINGS.map((r: Rating) => (
            <label key={r} class={`rating-option rating-${r}`} for={`${id}-${r}`}>
              <input type="radio" id={`${id}-${r}`} name={name} value={r} checked={chosen === r} />{" "}
              {t(`evaluation.rating.${r}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextArea
        form={form}
        name={`helped-${k}`}
        label={t("evaluation.helped")}
        rows={2}
        maxLength={WORDS_MAX}
      />
      <TextArea
        form={form}
        name={`blocked-${k}`}
        label={t("evaluation.blocked")}
        rows={2}
        maxLength={WORDS_MAX}
      />
    </li>
  );
}

/** The phone-friendly rating form: one card per subject, one button at the end. */
export function RateForm(props: { round: Round; subjects: Subject[]; form: FormState }) {
  const { tambon, lang } = useCtx();
  const t = useT();
  const ct = core.t(lang);
  const here = `/t/${tambon!.slug}/evaluations/${props.round.id}`;
  const projects = props.subjects.filter((s) => s.type === "project");
  const clauses = props.subjects.filter((s) => s.type === "clause");
  return (
    <>
      <p>
        <a href={here}>← {props.round.title}</a>
      </p>
      <h1>{t("evaluation.rate")}</h1>
      <p>{t("evaluation.rateIntro")}</p>
      <ErrorSummary form={props.form} />
      {props.subjects.length === 0 ? (
        <p class="muted">{t("evaluation.noSubjects")}</p>
      ) : (
        <Form action={`${here}/rate`} label={t("evaluation.rate")} class="rate-form">
          <FormError form={props.form} />
          {projects.length > 0 && (
            <>
              <h2>{t("evaluation.projects")}</h2>
              <ul class="rate-cards">
                {projects.map((s) => (
                  <RateCard key={s.key} subject={s} form={props.form} />
                ))}
              </ul>
            </>
          )}
          {clauses.length > 0 && (
            <>
              <h2>{t("evaluation.clauses")}</h2>
              <ul class="rate-cards">
                {clauses.map((s) => (
                  <RateCard key={s.key} subject={s} form={props.form} />
                ))}
              </ul>
            </>
          )}
          <p class="rate-submit">
            <button type="submit">{t("evaluation.save")}</button>{" "}
            <a href={here}>{ct("form.cancel")}</a>
          </p>
        </Form>
      )}
    </>
  );
}

/** The evaluation rounds an edition came from, as a line of the edition's entry. */
export function CarriedFrom({ rounds }: { rounds: readonly Round[] | undefined }) {
  const { tambon } = useCtx();
  const t = useT();
  if (!rounds?.length) return null;
  return (
    <p>
      {t("evaluation.cameFrom")}:{" "}
      {rounds.map((r, i) => (
        <span key={r.id}>
          {i > 0 && ", "}
          <a href={`/t/${tambon!.slug}/evaluations/${r.id}`}>{r.title}</a>
        </span>
      ))}
    </p>
  );
}
