import { useCtx } from "../../../core/views/ctx.ts";
import { core } from "../../../core/i18n/messages.ts";
import type { EditionAdminData } from "../charters/edition-admin-views.tsx";
import { Form, FormError, Field, TextArea, SelectField } from "../../../core/views/form.tsx";
import { useT } from "../shared/views.tsx";
import { HearingMeetings } from "./meeting-views.tsx";

/** The hearing's dates and note, and the buttons that open and close it. */
export function HearingPanel({ data }: { data: EditionAdminData }) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const ct = core.t(lang);
  const { edition } = data;
  const ab = `/t/${tambon!.slug}/admin/charter-editions/${edition.id}`;
  const hv = {
    hearingStartsOn: edition.hearingStartsOn ?? "",
    hearingEndsOn: edition.hearingEndsOn ?? "",
    hearingNote: edition.hearingNote,
  };
  return (
    <details
      class="charter-panel"
      id="h-hearing"
      open={edition.status === "hearing" || !!data.forms.hearing}
    >
      <summary>{t("hearing.title")}</summary>
      <Form action={`${ab}/hearing`} label={t("hearing.title")}>
        <FormError form={data.forms.hearing} />
        <Field
          scope="hearing"
          form={data.forms.hearing}
          value={hv.hearingStartsOn}
          name="hearingStartsOn"
          type="date"
          label={t("hearing.starts")}
        />
        <Field
          scope="hearing"
          form={data.forms.hearing}
          value={hv.hearingEndsOn}
          name="hearingEndsOn"
          type="date"
          label={t("hearing.ends")}
        />
        <TextArea
          scope="hearing"
          form={data.forms.hearing}
          value={hv.hearingNote}
          name="hearingNote"
          label={t("hearing.note")}
          rows={2}
          maxLength={4000}
        />
        <button type="submit" name="open" value="1">
          {edition.status === "hearing" ? ct("form.save") : t("hearing.open")}
        </button>{" "}
        {edition.status === "hearing" && (
          <button type="submit" name="open" value="0" class="secondary">
            {t("hearing.close")}
          </button>
        )}
      </Form>
    </details>
  );
}

/** The meetings at which the draft was heard, and adding one of the tambon's meetings. */
export function HearingMeetingsPanel({ data }: { data: EditionAdminData }) {
  const { tambon } = useCtx();
  const t = useT();
  const { charter, edition } = data;
  const ab = `/t/${tambon!.slug}/admin/charter-editions/${edition.id}`;
  return (
    <details
      class="charter-panel"
      id="h-hearing-meetings"
      open={edition.status === "hearing" || !!data.forms.meeting}
    >
      <summary>{t("hearing.meetings")}</summary>
      <HearingMeetings
        meetings={data.hearingMeetings}
        charter={charter}
        removeAction={`${ab}/hearing-meetings/remove`}
      />
      <Form action={`${ab}/hearing-meetings`} label={t("hearing.meetingAdd")}>
        <FormError form={data.forms.meeting} />
        <SelectField
          scope="meeting"
          form={data.forms.meeting}
          name="meeting"
          label={t("hearing.meetingChoose")}
          required
          placeholder=""
          options={data.meetingChoices.map((m) => ({ value: String(m.id), label: m.label }))}
        />
        <button type="submit">{t("hearing.meetingAdd")}</button>
      </Form>
    </details>
  );
}
