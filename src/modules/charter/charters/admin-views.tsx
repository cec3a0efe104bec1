import { useCtx } from "../../../core/views/ctx.ts";
import { core } from "../../../core/i18n/messages.ts";
import { Form, type FormState, FormError, Fields } from "../../../core/views/form.tsx";
import { SCOPES, reviewDueOn, reviewState } from "../edition.ts";
import { todayIso } from "../../../core/dates.ts";
import { dateIn, editionLabel, num } from "../present.ts";
import { DIGIT_STYLES } from "../digits.ts";
import { EditionLink, useT } from "../shared/views.tsx";
import type { ReviewNotice } from "./review.ts";
import { type CharterRow, type EditionRow, currentEdition, openEdition } from "./queries.ts";
import { BackLink } from "../../../core/views/back-link.tsx";
import { pick } from "../../../core/pick.ts";

/** Choices the charter form offers. */
export interface CharterChoices {
  villages: { id: number; label: string }[];
  areas: { id: number; label: string }[];
}

/** Choices of rows by id for a select. */
const byId = (rows: { id: number; label: string }[]) =>
  rows.map((r) => ({ value: String(r.id), label: r.label }));

/** The fields of a charter (create and settings). */
function CharterFields(props: { form: string; state: FormState; choices: CharterChoices }) {
  const t = useT();
  const { state, choices } = props;
  const text = (
    name: "nameTh" | "nameEn" | "scopeName" | "contactName" | "contactPhone" | "contactEmail",
    hint?: "manage.scopeNameHint",
  ) => ({ name, label: t(`manage.${name}`), hint: hint && t(hint), maxLength: 200 });
  const select = (
    name: "scope" | "village" | "area" | "digits",
    options: { value: string; label: string }[],
  ) => ({ kind: "select" as const, name, label: t(`manage.${name}`), options });
  const scopes = SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }));
  const digits = DIGIT_STYLES.map((d) => ({ value: d, label: t(`manage.digits.${d}`) }));
  return (
    <>
      <FormError form={state} />
      <Fields
        form={state}
        scope={props.form}
        fields={[
          { ...text("nameTh"), required: true },
          text("nameEn"),
          { ...select("scope", scopes), required: true, placeholder: false },
          text("scopeName", "manage.scopeNameHint"),
          { ...select("village", byId(choices.villages)), placeholder: "" },
          { ...select("area", byId(choices.areas)), placeholder: "" },
          { ...select("digits", digits), required: true, placeholder: false },
          text("contactName"),
          { ...text("contactPhone"), type: "tel", maxLength: 40 },
          { ...text("contactEmail"), type: "email" },
        ]}
      />
    </>
  );
}

/** The values of a charter for its settings form. */
export function charterValues(c: CharterRow): Record<string, string> {
  return {
    ...pick(c, "nameTh", "nameEn", "scope", "scopeName"),
    village: c.villageId ? String(c.villageId) : "",
    area: c.areaId ? String(c.areaId) : "",
    ...pick(c, "digits", "contactName", "contactPhone", "contactEmail"),
  };
}

/** When the edition in force falls due for review, flagged when near or past. */
function ReviewNote(props: { edition: EditionRow; charter: CharterRow; notice?: ReviewNotice }) {
  const { lang } = useCtx();
  const t = useT();
  const due = reviewDueOn(props.edition.adoptedOn!, props.edition.reviewYears);
  const r = reviewState(due, todayIso());
  const d = props.charter.digits;
  return (
    <p class={r.state === "ok" ? undefined : "review-reminder"}>
      {t("edition.reviewDue")} {dateIn(due, lang, d)}
      {r.state !== "ok" && (
        <strong class={`review-${r.state}`}>
          {" "}
          {r.state === "overdue"
            ? t("edition.reviewOverdue", { days: num(-r.days, d, lang) })
            : t("edition.reviewSoon", { days: num(r.days, d, lang) })}
        </strong>
      )}
      {props.notice && (
        <>
          {" "}
          <span class="review-notice">
            {t(props.notice.kind === "overdue" ? "review.noticeOverdue" : "review.noticeSoon", {
              n: num(props.notice.recipients.length, d, lang),
              date: dateIn(props.notice.createdAt, lang, d),
            })}
          </span>
        </>
      )}
    </p>
  );
}

/** The working group's list of charters with the form to create one. */
export function ManagePage(props: {
  items: { charter: CharterRow; editions: EditionRow[] }[];
  form: FormState;
  choices: CharterChoices;
  notices: Map<number, ReviewNotice>;
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const base = `/t/${tambon!.slug}`;
  return (
    <>
      <BackLink href={`${base}/admin`} class="back">
        {core.t(lang)("admin.back")}
      </BackLink>
      <h1>{t("manage.title")}</h1>
      {props.items.length === 0 ? (
        <p>{t("list.none")}</p>
      ) : (
        <ul class="cards">
          {props.items.map(({ charter, editions }) => {
            const inForce = currentEdition(editions);
            const draft = openEdition(editions);
            return (
              <li key={charter.id}>
                <h2>
                  <a href={`${base}/admin/charters/${charter.id}`}>{charter.nameTh}</a>
                </h2>
                <p>
                  {inForce
                    ? `${t("list.inForce")}: ${editionLabel(inForce, lang, charter.digits)}`
                    : t("list.noneInForce")}
                </p>
                {inForce?.adoptedOn && (
                  <ReviewNote
                    edition={inForce}
                    charter={charter}
                    notice={props.notices.get(inForce.id)}
                  />
                )}
                {draft && (
                  <p>
                    <EditionLink
                      edition={draft}
                      digits={charter.digits}
                      href={`${base}/admin/charter-editions/${draft.id}`}
                    />
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h2>{t("manage.create")}</h2>
      <Form action={`${base}/admin/charters`} label={t("manage.create")}>
        <CharterFields form="charter" state={props.form} choices={props.choices} />
        <button type="submit">{t("manage.create")}</button>
      </Form>
    </>
  );
}

/** A charter's settings and its editions. */
export function CharterAdminPage(props: {
  charter: CharterRow;
  editions: EditionRow[];
  form: FormState;
  choices: CharterChoices;
  startError: string | null;
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const { charter, editions } = props;
  const base = `/t/${tambon!.slug}`;
  const inForce = currentEdition(editions);
  return (
    <>
      <BackLink href={`${base}/admin/charters`} class="back">
        {t("manage.title")}
      </BackLink>
      <h1>{charter.nameTh}</h1>
      <p>
        <a href={`${base}/charters/${charter.id}`}>{t("print.url")}</a>
      </p>
      <h2>{t("manage.editions")}</h2>
      <ul class="edition-list">
        {editions.map((e) => (
          <li key={e.id}>
            <EditionLink
              edition={e}
              digits={charter.digits}
              href={`${base}/admin/charter-editions/${e.id}`}
              superseded={e.status === "adopted" && e.id !== inForce?.id}
            />
            {e.adoptedOn && (
              <span class="muted"> · {dateIn(e.adoptedOn, lang, charter.digits)}</span>
            )}
          </li>
        ))}
      </ul>
      {props.startError && (
        <p class="error" role="alert">
          {props.startError}
        </p>
      )}
      {inForce && !openEdition(editions) && (
        <Form action={`${base}/admin/charters/${charter.id}/next-edition`}>
          <button type="submit">{t("manage.startNext")}</button>
        </Form>
      )}
      <h2>{t("manage.settings")}</h2>
      <Form action={`${base}/admin/charters/${charter.id}`} label={t("manage.settings")}>
        <CharterFields form="charter" state={props.form} choices={props.choices} />
        <button type="submit">{core.t(lang)("form.save")}</button>
      </Form>
    </>
  );
}
