import { useCtx } from "../../../core/views/ctx.ts";
import { core } from "../../../core/i18n/messages.ts";
import {
  Form,
  type FormState,
  ErrorSummary,
  FormError,
  Field,
  SelectField,
} from "../../../core/views/form.tsx";
import { SCOPES, reviewDueOn, reviewState } from "../edition.ts";
import { todayIso } from "../../../core/dates.ts";
import { dateIn, editionLabel, num } from "../present.ts";
import { StatusBadge, useT } from "../shared/views.tsx";
import { DraftEditor, type DraftData } from "../drafting/editor.tsx";
import type { ReviewNotice } from "./review.ts";
import type { MeetingSummary } from "../../groups/public.ts";
import {
  type CharterRow,
  type EditionRow,
  currentEdition,
  openEdition,
  type SignatoryRow,
} from "./queries.ts";
import { AdoptionPanel } from "../adoption/views.tsx";
import { HearingPanel, HearingMeetingsPanel } from "../hearing/admin-views.tsx";
import { SigningPanel } from "../signing/admin-views.tsx";

/** Choices the charter form offers. */
export interface CharterChoices {
  villages: { id: number; label: string }[];
  areas: { id: number; label: string }[];
}

/** The fields of a charter (create and settings). */
function CharterFields(props: { form: string; state: FormState; choices: CharterChoices }) {
  const t = useT();
  const { form, state, choices } = props;
  return (
    <>
      <FormError form={state} />
      <Field
        scope={form}
        form={state}
        name="nameTh"
        label={t("manage.nameTh")}
        required
        maxLength={200}
      />
      <Field scope={form} form={state} name="nameEn" label={t("manage.nameEn")} maxLength={200} />
      <SelectField
        scope={form}
        form={state}
        name="scope"
        label={t("manage.scope")}
        required
        options={SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
        placeholder={false}
      />
      <Field
        scope={form}
        form={state}
        name="scopeName"
        label={t("manage.scopeName")}
        hint={t("manage.scopeNameHint")}
        maxLength={200}
      />
      <SelectField
        scope={form}
        form={state}
        name="village"
        label={t("manage.village")}
        placeholder=""
        options={choices.villages.map((v) => ({ value: String(v.id), label: v.label }))}
      />
      <SelectField
        scope={form}
        form={state}
        name="area"
        label={t("manage.area")}
        placeholder=""
        options={choices.areas.map((a) => ({ value: String(a.id), label: a.label }))}
      />
      <SelectField
        scope={form}
        form={state}
        name="digits"
        label={t("manage.digits")}
        required
        options={[
          { value: "arabic", label: t("manage.digits.arabic") },
          { value: "thai", label: t("manage.digits.thai") },
        ]}
        placeholder={false}
      />
      <Field
        scope={form}
        form={state}
        name="contactName"
        label={t("manage.contactName")}
        maxLength={200}
      />
      <Field
        scope={form}
        form={state}
        name="contactPhone"
        type="tel"
        label={t("manage.contactPhone")}
        maxLength={40}
      />
      <Field
        scope={form}
        form={state}
        name="contactEmail"
        type="email"
        label={t("manage.contactEmail")}
        maxLength={200}
      />
    </>
  );
}

/** The values of a charter for its settings form. */
export function charterValues(c: CharterRow): Record<string, string> {
  return {
    nameTh: c.nameTh,
    nameEn: c.nameEn,
    scope: c.scope,
    scopeName: c.scopeName,
    village: c.villageId ? String(c.villageId) : "",
    area: c.areaId ? String(c.areaId) : "",
    digits: c.digits,
    contactName: c.contactName,
    contactPhone: c.contactPhone,
    contactEmail: c.contactEmail,
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
      <p class="back">
        <a href={`${base}/admin`}>← {core.t(lang)("admin.back")}</a>
      </p>
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
                    <a href={`${base}/admin/charter-editions/${draft.id}`}>
                      {editionLabel(draft, lang, charter.digits)}
                    </a>{" "}
                    <StatusBadge edition={draft} />
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
      <p class="back">
        <a href={`${base}/admin/charters`}>← {t("manage.title")}</a>
      </p>
      <h1>{charter.nameTh}</h1>
      <p>
        <a href={`${base}/charters/${charter.id}`}>{t("print.url")}</a>
      </p>
      <h2>{t("manage.editions")}</h2>
      <ul class="edition-list">
        {editions.map((e) => (
          <li key={e.id}>
            <a href={`${base}/admin/charter-editions/${e.id}`}>
              {editionLabel(e, lang, charter.digits)}
            </a>{" "}
            <StatusBadge edition={e} superseded={e.status === "adopted" && e.id !== inForce?.id} />
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

/** Everything the edition's admin page shows. */
export interface EditionAdminData {
  charter: CharterRow;
  edition: EditionRow;
  title: string;
  inForceId: number | null;
  draft: DraftData | null;
  forms: {
    edition?: FormState;
    hearing?: FormState;
    vote?: FormState;
    resolution?: FormState;
    signatory?: FormState;
    photo?: FormState;
    adopt?: FormState;
    meeting?: FormState;
  };
  areas: { id: number; label: string }[];
  hearingMeetings: MeetingSummary[];
  meetingChoices: { id: number; label: string }[];
  resolutions: { id: number; label: string }[];
  vote: { href: string; phase: string } | null;
  pillars: string[];
  missingPillars: string[];
  villages: { id: number; label: string }[];
  signatories: (SignatoryRow & { village: string | null; moo: number | null })[];
  photos: { id: number; caption: string; width: number; height: number; bytes: number }[];
  can: { manage: boolean; draft: boolean; sign: boolean };
}

/** The working group's page of one edition: details, hearing, adoption, signing and the draft editor. */
export function EditionAdminPage({ data }: { data: EditionAdminData }) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const ct = core.t(lang);
  const { charter, edition } = data;
  const d = charter.digits;
  const base = `/t/${tambon!.slug}`;
  const ab = `${base}/admin/charter-editions/${edition.id}`;
  const eb = `${base}/charter-editions/${edition.id}`;
  const frozen = edition.status === "adopted";
  const ev = {
    number: String(edition.number),
    yearBe: String(edition.yearBe),
    reviewYears: String(edition.reviewYears),
    effectiveOn: edition.effectiveOn ?? "",
    signingOn: edition.signingOn ?? "",
    signingPlace: edition.signingPlace,
  };
  return (
    <>
      <p class="back">
        <a href={`${base}/admin/charters/${charter.id}`}>← {charter.nameTh}</a>
      </p>
      <h1>
        {data.title} {editionLabel(edition, lang, d)}
      </h1>
      <p>
        <StatusBadge edition={edition} superseded={frozen && edition.id !== data.inForceId} />{" "}
        <a href={eb}>{t("print.url")}</a> · <a href={`${eb}/versions`}>{t("action.versions")}</a> ·{" "}
        <a href={`${eb}/comments`}>{t("action.comments")}</a> ·{" "}
        <a href={`${eb}/hearing`}>{t("action.hearing")}</a>
        {frozen && (
          <>
            {" "}
            · <a href={`${eb}/follow-up`}>{t("action.followUp")}</a>
          </>
        )}
      </p>
      {frozen && <p class="notice">{t("adopt.frozen")}</p>}
      {Object.entries(data.forms).map(([name, state]) => (
        <ErrorSummary key={name} scope={name === "signatory" ? "sign" : name} form={state} />
      ))}

      {data.can.manage && (
        <details class="charter-panel" open={!!data.forms.edition}>
          <summary>{t("manage.edition")}</summary>
          <Form action={ab} label={t("manage.edition")}>
            <FormError form={data.forms.edition} />
            {!frozen && (
              <>
                <Field
                  scope="edition"
                  form={data.forms.edition}
                  value={ev.number}
                  name="number"
                  type="number"
                  label={t("manage.number")}
                  required
                  inputmode="numeric"
                />
                <Field
                  scope="edition"
                  form={data.forms.edition}
                  value={ev.yearBe}
                  name="yearBe"
                  type="number"
                  label={t("manage.yearBe")}
                  required
                  inputmode="numeric"
                />
                <Field
                  scope="edition"
                  form={data.forms.edition}
                  value={ev.reviewYears}
                  name="reviewYears"
                  type="number"
                  label={t("manage.reviewYears")}
                  required
                  inputmode="numeric"
                />
                <Field
                  scope="edition"
                  form={data.forms.edition}
                  value={ev.effectiveOn}
                  name="effectiveOn"
                  type="date"
                  label={t("manage.effectiveOn")}
                  hint={t("manage.effectiveHint")}
                />
              </>
            )}
            <Field
              scope="edition"
              form={data.forms.edition}
              value={ev.signingOn}
              name="signingOn"
              type="date"
              label={t("manage.signingOn")}
            />
            <Field
              scope="edition"
              form={data.forms.edition}
              value={ev.signingPlace}
              name="signingPlace"
              label={t("manage.signingPlace")}
              maxLength={300}
            />
            <button type="submit">{ct("form.save")}</button>
          </Form>
        </details>
      )}

      {!frozen && data.can.manage && <HearingPanel data={data} />}

      {data.can.manage && <HearingMeetingsPanel data={data} />}

      {!frozen && data.can.manage && <AdoptionPanel data={data} />}

      {frozen && data.can.sign && <SigningPanel data={data} />}

      {data.draft && data.can.draft ? (
        <DraftEditor data={data.draft} />
      ) : (
        !frozen && <p class="notice">{t("draft.locked")}</p>
      )}
    </>
  );
}
