import { Filters, FilterSelect } from "../../../core/views/list.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref } from "../../../core/paging.ts";
import { formatDateTime } from "../../../core/dates.ts";
import { core } from "../../../core/i18n/messages.ts";
import { msg } from "../messages.ts";
import { AlternativeFields } from "./alternative-fields.tsx";
import type { Phase } from "../shared/phases.ts";

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
        href={(page) =>
          pageHref(
            base,
            {
              phase: props.phase,
              area: props.area,
              // The next and previous pages are read from the index next to these questions.
              after: page === props.page + 1 ? props.items[props.items.length - 1]?.id : undefined,
              before: page === props.page - 1 && page > 1 ? props.items[0]?.id : undefined,
            },
            page,
          )
        }
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
        <Fields
          form={props.form}
          fields={[
            field.text("title", t("q.title"), { required: true, maxLength: 200 }),
            field.select("area", t("q.area"), props.areas, { required: true }),
            field.select("policy", t("q.votingRules"), props.votingRules, {
              required: true,
              placeholder: false,
            }),
            props.canQuickPoll && field.check("quickPoll", t("q.quickPoll")),
          ]}
        />
        <fieldset>
          <legend>{t("q.firstAlternative")}</legend>
          <AlternativeFields form={props.form} />
        </fieldset>
        <button type="submit">{core.t(lang)("form.create")}</button>
      </Form>
    </>
  );
}
