import { useCtx } from "../../../core/views/ctx.ts";
import { ErrorSummary, Form, type FormState } from "../../../core/views/form.tsx";
import { formatDateTime } from "../../../core/dates.ts";
import { ALLOWED } from "../shared/phases.ts";
import { msg } from "../messages.ts";
import { AlternativeFields } from "./alternative-fields.tsx";
import type { Phase } from "../shared/phases.ts";
import { Html, PhaseBadge } from "./views.tsx";
import { ConfirmLink } from "../../../core/views/confirm.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";

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
  /** The signed-in voter's own receipt code of a secret ballot (null: none to show). */
  receipt?: string | null;
  addForm: FormState;
}) {
  const { lang, tambon, actor } = useCtx();
  const t = msg.t(lang);
  const base = `/t/${tambon!.slug}`;
  const { q } = props;
  return (
    <>
      <BackLink href={`${base}/decisions`}>{t("list.title")}</BackLink>
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
            <ConfirmLink href={`${base}/decisions/${q.id}/phase`}>
              {q.phase === "draft" ? t("phase.start") : t("phase.advance")}
            </ConfirmLink>
          )}
        {props.canManage && ALLOWED.cancel(q.phase) && (
          <ConfirmLink href={`${base}/decisions/${q.id}/cancel`}>{t("phase.cancel")}</ConfirmLink>
        )}
      </div>
      {props.receipt && (
        <details class="receipt-again">
          <summary>{t("ballot.showReceipt")}</summary>
          <p>
            {t("ballot.receiptAgain")} <code>{props.receipt}</code>
          </p>
        </details>
      )}
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
            <AlternativeFields form={props.addForm} />
            <button type="submit">{t("alt.add")}</button>
          </Form>
        </>
      )}
    </>
  );
}
