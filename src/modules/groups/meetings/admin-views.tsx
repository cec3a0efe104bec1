import {
  ErrorSummary,
  Field,
  Form,
  type FormState,
  ThaiEnglishFields,
} from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import type { AgendaRow, MeetingRow } from "./queries.ts";
import type { FileInfo } from "../files/queries.ts";
import { Back, meetingTitle, meetingWhen, nf, useView } from "../shared/views.tsx";
import { MeetingFields, type MeetingFieldsProps } from "./fields.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref, type Page } from "../../../core/paging.ts";
import { ButtonForm } from "../../../core/views/confirm.tsx";

/** The organisers' list of every meeting (private ones too). */
export function MeetingAdminList({ list }: { list: Page<MeetingRow> }) {
  const { lang, t, base } = useView();
  return (
    <>
      <Back href={`${base}/admin`}>{core.t(lang)("admin.back")}</Back>
      <h1>{t("admin.meetings")}</h1>
      <p class="actions">
        <a class="button" href={`${base}/admin/meetings/new`}>
          {t("meetings.new")}
        </a>
      </p>
      {list.items.length === 0 ? (
        <p class="muted">{t("meetings.none")}</p>
      ) : (
        <ul class="gm-meeting-list">
          {list.items.map((m) => (
            <li key={m.id}>
              <a href={`${base}/admin/meetings/${m.id}`}>{meetingTitle(m, lang)}</a>
              <p class="muted">
                {meetingWhen(m, lang)} · {t(`mkind.${m.kind}`)} · {t(`status.${m.status}`)}
                {!m.isPublic && ` · ${t("meetings.private")}`}
                {m.minutesConfirmedAt && ` · ${t("meetings.confirmed")}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager
        page={list.page}
        pages={list.pages}
        total={list.total}
        href={(p) => pageHref(`${base}/admin/meetings`, {}, p)}
      />
    </>
  );
}

/** The form to schedule a new meeting. */
export function NewMeetingPage(props: Omit<MeetingFieldsProps, "locked">) {
  const { lang, t, base } = useView();
  return (
    <>
      <Back href={`${base}/admin/meetings`}>{t("admin.meetings")}</Back>
      <h1>{t("meetings.new")}</h1>
      <ErrorSummary form={props.form} />
      <Form action={`${base}/admin/meetings`} label={t("meetings.new")}>
        <MeetingFields {...props} locked={false} />
        <button type="submit">{core.t(lang)("form.create")}</button>
      </Form>
    </>
  );
}

/** The hub of one meeting for organisers: links, sign-in code, agenda, files and details. */
export function MeetingAdminPage(
  props: Omit<MeetingFieldsProps, "locked"> & {
    meeting: MeetingRow;
    agenda: AgendaRow[];
    files: FileInfo[];
    agendaForm: FormState;
    fileForm: FormState;
    canRecord: boolean;
  },
) {
  const { lang, t, base } = useView();
  const m = props.meeting;
  const locked = !!m.minutesConfirmedAt;
  const admin = `${base}/admin/meetings/${m.id}`;
  return (
    <>
      <Back href={`${base}/admin/meetings`}>{t("admin.meetings")}</Back>
      <h1>{meetingTitle(m, lang)}</h1>
      <p class="muted">
        {meetingWhen(m, lang)} · {t(`mkind.${m.kind}`)} · {t(`status.${m.status}`)}
      </p>
      {locked && <p class="gm-warn">{t("meetings.locked")}</p>}
      <p class="actions">
        <a href={`${base}/meetings/${m.id}`}>{t("groups.view")}</a>
        {props.canRecord && !locked && m.status !== "cancelled" && (
          <a class="button" href={`${admin}/attendance`}>
            {t("meetings.recordAttendance")}
          </a>
        )}
        <a class="button secondary" href={`${admin}/minutes`}>
          {t("meetings.writeMinutes")}
        </a>
      </p>
      {!locked && (
        <div class="gm-panel">
          <p>
            <strong>{t("meetings.signinCode", { code: m.signinCode })}</strong>
          </p>
          <p class="hint">{t("meetings.signinCodeHint")}</p>
        </div>
      )}
      <section aria-labelledby="h-agenda">
        <h2 id="h-agenda">{t("meetings.agenda")}</h2>
        {props.agenda.length === 0 && <p class="muted">{t("meetings.noAgenda")}</p>}
        <ol class="gm-agenda">
          {props.agenda.map((a) => (
            <li key={a.id}>
              {locked ? (
                <span>{a.titleTh}</span>
              ) : (
                <div class="gm-inline-forms">
                  <Form
                    action={`${base}/admin/agenda/${a.id}`}
                    class="inline-form"
                    label={t("meetings.agendaN", { n: a.position })}
                  >
                    <label for={`ag-${a.id}`} class="visually-hidden">
                      {t("meetings.agendaN", { n: a.position })}
                    </label>
                    <input
                      id={`ag-${a.id}`}
                      type="text"
                      name="titleTh"
                      value={a.titleTh}
                      maxLength={300}
                      required
                    />
                    <input type="hidden" name="titleEn" value={a.titleEn} />
                    <button type="submit" class="secondary">
                      {core.t(lang)("form.save")}
                    </button>
                  </Form>
                  <ButtonForm
                    action={`${base}/admin/agenda/${a.id}/delete`}
                    confirm
                    label={`${t("meetings.delete")} ${t("meetings.agendaN", { n: a.position })}`}
                    text={t("meetings.delete")}
                  />
                </div>
              )}
            </li>
          ))}
        </ol>
        {!locked && (
          <>
            <ErrorSummary form={props.agendaForm} />
            <Form action={`${admin}/agenda`} label={t("meetings.addAgenda")}>
              <ThaiEnglishFields
                form={props.agendaForm}
                name="title"
                label={t("meetings.agendaTitle")}
                labelEn={t("meetings.agendaTitleEn")}
                required
                maxLength={300}
              />
              <button type="submit">{t("meetings.addAgenda")}</button>
            </Form>
          </>
        )}
      </section>
      <section aria-labelledby="h-files">
        <h2 id="h-files">{t("meetings.files")}</h2>
        {props.files.length > 0 && (
          <ul class="gm-member-admin">
            {props.files.map((f) => (
              <li key={f.id}>
                <a href={`${base}/meeting-files/${f.id}`}>{f.caption || f.name}</a>{" "}
                <span class="muted">
                  ({f.kind === "photo" ? `${f.width}×${f.height}, ` : ""}
                  {nf.format(f.bytes)} B)
                </span>
                <ButtonForm
                  action={`${base}/admin/meeting-files/${f.id}/delete`}
                  confirm
                  label={`${t("meetings.delete")} ${f.name}`}
                  text={t("meetings.delete")}
                />
              </li>
            ))}
          </ul>
        )}
        <ErrorSummary form={props.fileForm} />
        <Form action={`${admin}/files`} multipart label={t("meetings.upload")}>
          <div class={props.fileForm.errors.file ? "field has-error" : "field"}>
            <label for="f-file">{t("meetings.file")}</label>
            <p class="hint" id="f-file-hint">
              {t("meetings.fileHint")}
            </p>
            {props.fileForm.errors.file && (
              <p class="error" id="f-file-err">
                {props.fileForm.errors.file}
              </p>
            )}
            <input
              id="f-file"
              type="file"
              name="file"
              required
              accept="image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx,.pptx,.odt,.ods"
              aria-describedby="f-file-hint"
            />
          </div>
          <Field
            form={props.fileForm}
            name="caption"
            label={t("meetings.caption")}
            maxLength={300}
          />
          <button type="submit">{t("meetings.upload")}</button>
        </Form>
      </section>
      <section aria-labelledby="h-details">
        <h2 id="h-details">{t("meetings.edit")}</h2>
        <ErrorSummary form={props.form} />
        <Form action={admin} label={t("meetings.edit")}>
          <MeetingFields {...props} locked={locked} />
          <button type="submit">{core.t(lang)("form.save")}</button>
        </Form>
      </section>
    </>
  );
}
