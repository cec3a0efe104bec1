import { useCtx } from "../../../core/views/ctx.ts";
import { ConfirmTick } from "../../../core/views/confirm.tsx";
import { formatDate } from "../../../core/dates.ts";
import { FormError, type FormState, field } from "../../../core/views/form.tsx";
import { RATINGS, type Round, type SubjectResult } from "./queries.ts";
import {
  FormSection,
  RoundStatus,
  SubjectName,
  useT,
  type Choice,
  type PlanRef,
} from "./views.tsx";

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
  const carried = round.carriedToEditionId ? String(round.carriedToEditionId) : "";
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
        <FormSection
          id="h-close"
          title={t("evaluation.close")}
          action={`${here}/close`}
          form={props.closeForm}
          scope="close"
          fields={[
            field.textarea("decisions", t("evaluation.decisions"), {
              required: true,
              rows: 4,
              maxLength: 8000,
            }),
            field.textarea("summary", t("evaluation.summary"), { rows: 3, maxLength: 8000 }),
            field.select("editionId", t("evaluation.carry"), props.editions, {
              placeholder: t("evaluation.noEdition"),
            }),
          ]}
        >
          <p>
            <ConfirmTick />
          </p>
        </FormSection>
      )}
      {props.canManage && round.status === "closed" && props.editions.length > 0 && (
        <FormSection
          id="h-carry"
          title={t("evaluation.carry")}
          action={`${here}/carry`}
          form={props.carryForm}
          scope="carry"
          fields={[
            field.select("editionId", t("evaluation.edition"), props.editions, {
              value: carried,
              required: true,
            }),
          ]}
        />
      )}
    </>
  );
}
