import { useCtx } from "../../../core/views/ctx.ts";
import { core } from "../../../core/i18n/messages.ts";
import type { EditionAdminData } from "../charters/edition-admin-views.tsx";
import { Form, FormError, Fields, emptyForm, field } from "../../../core/views/form.tsx";
import { FoldingPanel, PickOneForm, useEditionAdminHref, useT } from "../shared/views.tsx";
import { HearingMeetings } from "./meeting-views.tsx";

/** The hearing's dates and note, and the buttons that open and close it. */
export function HearingPanel({ data }: { data: EditionAdminData }) {
  const { lang } = useCtx();
  const t = useT();
  const ct = core.t(lang);
  const { edition } = data;
  const ab = useEditionAdminHref(edition.id);
  const hv = {
    hearingStartsOn: edition.hearingStartsOn ?? "",
    hearingEndsOn: edition.hearingEndsOn ?? "",
    hearingNote: edition.hearingNote,
  };
  /** What was sent when it failed, else the edition's dates. */
  const dates = data.forms.hearing ?? emptyForm(hv);
  return (
    <FoldingPanel
      id="h-hearing"
      title={t("hearing.title")}
      open={edition.status === "hearing" || !!data.forms.hearing}
    >
      <Form action={`${ab}/hearing`} label={t("hearing.title")}>
        <FormError form={data.forms.hearing} />
        <Fields
          scope="hearing"
          form={dates}
          fields={[
            field.date("hearingStartsOn", t("hearing.starts")),
            field.date("hearingEndsOn", t("hearing.ends")),
            field.textarea("hearingNote", t("hearing.note"), {
              value: hv.hearingNote,
              rows: 2,
              maxLength: 4000,
            }),
          ]}
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
    </FoldingPanel>
  );
}

/** The meetings at which the draft was heard, and adding one of the tambon's meetings. */
export function HearingMeetingsPanel({ data }: { data: EditionAdminData }) {
  const t = useT();
  const { charter, edition } = data;
  const ab = useEditionAdminHref(edition.id);
  return (
    <FoldingPanel
      id="h-hearing-meetings"
      title={t("hearing.meetings")}
      open={edition.status === "hearing" || !!data.forms.meeting}
    >
      <HearingMeetings
        meetings={data.hearingMeetings}
        charter={charter}
        removeAction={`${ab}/hearing-meetings/remove`}
      />
      <PickOneForm
        action={`${ab}/hearing-meetings`}
        title={t("hearing.meetingAdd")}
        scope="meeting"
        form={data.forms.meeting}
        name="meeting"
        label={t("hearing.meetingChoose")}
        choices={data.meetingChoices}
        submit={t("hearing.meetingAdd")}
      />
    </FoldingPanel>
  );
}
