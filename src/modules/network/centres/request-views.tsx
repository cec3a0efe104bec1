import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import { nameIn } from "../shared/lists.ts";
import type { CentreRow } from "./queries.ts";
import { num, useNet } from "../shared/views.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";

/** The fields of a study-visit request (date, size, topics; contact when not from a tambon). */
export function VisitRequestFields(props: {
  form: FormState;
  withContact: boolean;
  capacity: number | null;
}) {
  const { t } = useNet();
  return (
    <Fields
      form={props.form}
      fields={[
        field.text("groupName", props.withContact ? t("visit.groupName") : t("visit.subGroup"), {
          required: props.withContact,
          maxLength: 200,
          hint: props.withContact ? undefined : t("visit.subGroupHint"),
        }),
        field.date("requestedOn", t("visit.requestedOn"), { required: true }),
        field.text("groupSize", t("visit.groupSize"), {
          type: "number",
          inputmode: "numeric",
          required: true,
          hint: props.capacity ? t("visit.capacityHint", { n: num(props.capacity) }) : undefined,
        }),
        field.textarea("topics", t("visit.topics"), {
          required: true,
          hint: t("visit.topicsHint"),
          maxLength: 2000,
        }),
        field.text("contactName", t("visit.contactName"), {
          required: props.withContact,
          maxLength: 200,
        }),
        field.text("contactPhone", t("visit.contactPhone"), { type: "tel", autocomplete: "tel" }),
        field.text("contactEmail", t("visit.contactEmail"), {
          type: "email",
          autocomplete: "email",
        }),
      ]}
    />
  );
}

/** The public form with which a group asks a tambon to visit one of its learning centres. */
export function PublicVisitForm(props: { centre: CentreRow; form: FormState }) {
  const { t, lang, base } = useNet();
  const c = props.centre;
  const title = t("visit.requestTitle", { name: nameIn(c, lang) });
  return (
    <>
      <BackLink href={`${base}/centres/${c.id}`}>{nameIn(c, lang)}</BackLink>
      <h1>{title}</h1>
      <p>{t("visit.publicIntro")}</p>
      <ErrorSummary form={props.form} />
      <Form action={`${base}/centres/${c.id}/visit`} label={title}>
        <VisitRequestFields form={props.form} withContact capacity={c.capacity} />
        <p class="hint">{t("visit.privacy")}</p>
        <button type="submit">{t("visit.send")}</button>
      </Form>
    </>
  );
}

/** A confirmation after a public request was sent. */
export function VisitSent(props: { centre: CentreRow; link: string }) {
  const { t, lang, base } = useNet();
  return (
    <>
      <h1>{t("visit.sentTitle")}</h1>
      <p>{t("visit.sent", { name: nameIn(props.centre, lang) })}</p>
      <section aria-labelledby="h-link">
        <h2 id="h-link">{t("visit.linkTitle")}</h2>
        <p>{t("visit.linkIntro")}</p>
        <p>
          <a href={props.link} rel="nofollow">
            {props.link}
          </a>
        </p>
      </section>
      <BackLink href={`${base}/centres/${props.centre.id}`}>{nameIn(props.centre, lang)}</BackLink>
    </>
  );
}
