import type { ComponentChildren } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import { formatDate } from "../../../core/dates.ts";
import {
  ErrorSummary,
  Fields,
  Form,
  FormError,
  type FieldSpec,
  type FormState,
  field,
} from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { type Round, type RoundSummary, type Subject } from "./queries.ts";
import { BackLink } from "../../../core/views/back-link.tsx";
import { ListOrNone } from "../shared/views.tsx";

/** A choice of a form: value and label. */
export interface Choice {
  value: string;
  label: string;
}

/** The plan a page is about: its id and title. */
export interface PlanRef {
  id: number;
  title: string;
}

export function useT() {
  return msg.t(useCtx().lang);
}

/** A round's status as a badge. */
export function RoundStatus({ round }: { round: Round }) {
  const t = useT();
  return (
    <span class={`badge round-${round.status}`}>{t(`evaluation.status.${round.status}`)}</span>
  );
}

/** How a subject is named: "โครงการลำดับที่ 3 …" or "ธรรมนูญ … ข้อ 4". */
export function SubjectName({ subject }: { subject: Subject }) {
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
      <BackLink href={`${base}/plans/${props.plan.id}`}>{props.plan.title}</BackLink>
      <h1>{t("evaluation.title")}</h1>
      <p>{t("evaluation.intro")}</p>
      <ListOrNone items={props.rounds} none={t("evaluation.none")} muted class="cards">
        {(r) => (
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
        )}
      </ListOrNone>
      {props.canManage && (
        <FormSection
          id="h-open-round"
          title={t("evaluation.open")}
          action={`${base}/plans/${props.plan.id}/evaluations`}
          form={props.form}
          fields={[
            field.text("title", t("evaluation.name"), {
              hint: t("evaluation.nameHint"),
              required: true,
              maxLength: 200,
            }),
            field.date("heldOn", t("evaluation.heldOn")),
            field.select("meetingId", t("evaluation.meeting"), props.meetings, {
              placeholder: t("evaluation.noMeeting"),
            }),
          ]}
        />
      )}
    </>
  );
}

/**
 * A titled section holding one form: its error summary above it, the error of the whole form
 * inside, its `fields` and then `children`, and a submit button named as the section.
 */
export function FormSection(p: {
  id: string;
  title: string;
  action: string;
  form: FormState;
  scope?: string;
  fields?: FieldSpec[];
  children?: ComponentChildren;
}) {
  return (
    <section aria-labelledby={p.id}>
      <h2 id={p.id}>{p.title}</h2>
      <ErrorSummary form={p.form} scope={p.scope} />
      <Form action={p.action} label={p.title}>
        <FormError form={p.form} />
        {p.fields && <Fields form={p.form} scope={p.scope} fields={p.fields} />}
        {p.children}
        <button type="submit">{p.title}</button>
      </Form>
    </section>
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
