import { useCtx } from "../../../core/views/ctx.ts";
import { core } from "../../../core/i18n/messages.ts";
import {
  DateField,
  Form,
  type FormState,
  ErrorSummary,
  FormError,
  Field,
} from "../../../core/views/form.tsx";
import { editionLabel } from "../present.ts";
import { FoldingPanel, StatusBadge, useEditionAdminHref, useT } from "../shared/views.tsx";
import { DraftEditor, type DraftData } from "../drafting/editor.tsx";
import type { MeetingSummary } from "../../groups/public.ts";
import type { CharterRow, EditionRow, SignatoryRow } from "./queries.ts";
import { AdoptionPanel } from "../adoption/views.tsx";
import { HearingPanel, HearingMeetingsPanel } from "../hearing/admin-views.tsx";
import { SigningPanel } from "../signing/admin-views.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";

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
  const { charter, edition } = data;
  const d = charter.digits;
  const base = `/t/${tambon!.slug}`;
  const eb = `${base}/charter-editions/${edition.id}`;
  const frozen = edition.status === "adopted";

  return (
    <>
      <BackLink href={`${base}/admin/charters/${charter.id}`} class="back">
        {charter.nameTh}
      </BackLink>
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

      {data.can.manage && <EditionSettingsPanel data={data} />}

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

/** The edition's number, year, review period and signing details (the text's only while a draft). */
function EditionSettingsPanel({ data }: { data: EditionAdminData }) {
  const { lang } = useCtx();
  const t = useT();
  const { edition } = data;
  const ab = useEditionAdminHref(edition.id);
  const state = data.forms.edition;
  const field = (
    name: string,
    value: string,
    more: Omit<Parameters<typeof Field>[0], "name" | "value" | "form" | "scope">,
  ) => (
    <Field
      scope="edition"
      form={state}
      value={value}
      name={name}
      inputmode={more.type === "number" ? "numeric" : undefined}
      {...more}
    />
  );
  // A date as day, month name and พ.ศ. year (the stored value until the user sent the form).
  const dateField = (name: string, value: string, label: string, hint?: string) => (
    <DateField
      scope="edition"
      form={{
        values: { ...state?.values, [name]: state?.values[name] ?? value },
        errors: state?.errors ?? {},
      }}
      name={name}
      label={label}
      hint={hint}
    />
  );
  return (
    <FoldingPanel title={t("manage.edition")} open={!!state}>
      <Form action={ab} label={t("manage.edition")}>
        <FormError form={state} />
        {edition.status !== "adopted" && (
          <>
            {field("number", String(edition.number), {
              type: "number",
              label: t("manage.number"),
              required: true,
            })}
            {field("yearBe", String(edition.yearBe), {
              type: "number",
              label: t("manage.yearBe"),
              required: true,
            })}
            {field("reviewYears", String(edition.reviewYears), {
              type: "number",
              label: t("manage.reviewYears"),
              required: true,
            })}
            {dateField(
              "effectiveOn",
              edition.effectiveOn ?? "",
              t("manage.effectiveOn"),
              t("manage.effectiveHint"),
            )}
          </>
        )}
        {dateField("signingOn", edition.signingOn ?? "", t("manage.signingOn"))}
        {field("signingPlace", edition.signingPlace, {
          label: t("manage.signingPlace"),
          maxLength: 300,
        })}
        <button type="submit">{core.t(lang)("form.save")}</button>
      </Form>
    </FoldingPanel>
  );
}
