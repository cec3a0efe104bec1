import { emptyForm, ErrorSummary, Form, type FormState } from "../../../core/views/form.tsx";
import { SiteFields, SiteForm, type SiteField } from "../shared/form.tsx";
import { type Page } from "../../../core/paging.ts";
import { useCtx } from "../../../core/views/ctx.ts";
import { formatDateTime } from "../../../core/dates.ts";
import { BoardPage } from "../shared/board.tsx";
import { AdminFrame, useSiteT, useUrl } from "../shared/views.tsx";
import type { Question } from "./commands.ts";

/** The public questions and answers: answered questions, and the form to ask one. */
export function QaPage(props: {
  answered: Page<Question>;
  mine: Question[];
  canAsk: boolean;
  form: FormState;
}) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  const question: SiteField = {
    kind: "textarea",
    name: "question",
    label: t("qa.question"),
    required: true,
    rows: 4,
    maxLength: 2000,
  };
  return (
    <BoardPage
      title={t("qa.title")}
      intro={t("qa.intro")}
      none={t("qa.none")}
      page={props.answered}
      listClass="cards qa-list"
      card={(q) => (
        <li key={q.id} id={`q${q.id}`}>
          <h2 class="pre">{q.question}</h2>
          <p class="muted">{t("qa.askedOn", { date: formatDateTime(q.createdAt, lang) })}</p>
          <h3>{t("qa.answer")}</h3>
          <p class="pre">{q.answer}</p>
          {q.answeredAt && (
            <p class="muted">{t("qa.answeredOn", { date: formatDateTime(q.answeredAt, lang) })}</p>
          )}
        </li>
      )}
      path="/qa"
      after={
        props.mine.length > 0 && (
          <section aria-labelledby="qa-mine-h">
            <h2 id="qa-mine-h">{t("qa.mine")}</h2>
            <ul>
              {props.mine.map((q) => (
                <li key={q.id}>{q.question}</li>
              ))}
            </ul>
          </section>
        )
      }
      write={{
        id: "qa-ask-h",
        title: t("qa.ask"),
        allowed: props.canAsk,
        signIn: t("qa.loginToAsk"),
        form: (
          <SiteForm
            form={props.form}
            action={url("/qa")}
            label={t("qa.ask")}
            fields={[question]}
            submit={t("qa.submit")}
          />
        ),
      }}
    />
  );
}

/** The staff's queue: each waiting question with a form to answer it and one to hide it. */
export function QaAdmin(props: { pending: Question[]; answered: Question[]; form: FormState }) {
  const t = useSiteT();
  const { lang } = useCtx();
  const url = useUrl();
  const mine = (id: number) => props.form.values.questionId === String(id);
  const formOf = (id: number): FormState => (mine(id) ? props.form : emptyForm());
  const answer: SiteField = {
    kind: "textarea",
    name: "answer",
    label: t("qa.answer"),
    required: true,
    rows: 4,
    maxLength: 5000,
  };
  const reason: SiteField = {
    name: "reason",
    label: t("field.reason"),
    hint: t("qa.hideHint"),
    required: true,
    maxLength: 500,
  };
  return (
    <AdminFrame title={t("qa.manage")}>
      <p>
        <a href={url("/qa")}>{t("qa.publicPage")}</a>
      </p>
      <h2>{t("qa.pending")}</h2>
      {props.pending.length === 0 && <p class="muted">{t("qa.nonePending")}</p>}
      {props.pending.map((q) => (
        <article key={q.id} class="box">
          <p class="pre">
            <strong>{q.question}</strong>
          </p>
          <p class="muted">
            {t("qa.asked", { name: q.askerName, date: formatDateTime(q.createdAt, lang) })}
          </p>
          {mine(q.id) && <ErrorSummary form={props.form} />}
          <Form action={url(`/admin/site/qa/${q.id}/answer`)} label={t("qa.answer")}>
            <SiteFields form={formOf(q.id)} scope={`a${q.id}`} fields={[answer]} />
            <button type="submit">{t("qa.saveAnswer")}</button>
          </Form>
          <Form
            action={url(`/admin/site/qa/${q.id}/hide`)}
            class="moderate qa-hide"
            label={t("mod.hide")}
          >
            <SiteFields form={formOf(q.id)} scope={`h${q.id}`} fields={[reason]} />
            <button type="submit" class="danger">
              {t("mod.hide")}
            </button>
          </Form>
        </article>
      ))}
      <h2>{t("qa.answered")}</h2>
      {props.answered.length === 0 ? (
        <p class="muted">{t("qa.noneAnswered")}</p>
      ) : (
        <ul>
          {props.answered.map((q) => (
            <li key={q.id}>
              <a href={url(`/qa#q${q.id}`)}>{q.question.slice(0, 120)}</a>
            </li>
          ))}
        </ul>
      )}
    </AdminFrame>
  );
}
