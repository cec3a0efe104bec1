import { useCtx } from "../../../core/views/ctx.ts";
import {
  CheckField,
  ErrorSummary,
  Field,
  Form,
  SelectField,
  TextArea,
  type FormState,
} from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import { areaName, type Area } from "../../areas/public.ts";
import { MEETING_KINDS, MEETING_STATUSES, STEPS } from "./meeting.ts";
import type { AgendaRow, MeetingRow } from "./queries.ts";
import type { FileInfo } from "../files/queries.ts";
import type { GroupRow } from "../groups/queries.ts";
import type { VillageRow } from "../shared/queries.ts";
import {
  Back,
  meetingTitle,
  meetingWhen,
  nf,
  useBase,
  useT,
  villageLabel,
} from "../shared/views.tsx";
import { groupName } from "../groups/views.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref, type Page } from "../../../core/paging.ts";

/** The organisers' list of every meeting (private ones too). */
export function MeetingAdminList({ list }: { list: Page<MeetingRow> }) {
  const { lang } = useCtx();
  const t = useT();
  const base = useBase();
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

/** The fields of the meeting form. */
export function MeetingFields(props: {
  form: FormState;
  groups: GroupRow[];
  villages: VillageRow[];
  areas: Area[];
  invitedGroupIds: number[];
  invitedVillageIds: number[];
  locked: boolean;
}) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const f = props.form;
  return (
    <>
      <SelectField
        form={f}
        name="kind"
        label={t("meetings.kind")}
        required
        options={MEETING_KINDS.map((k) => ({ value: k, label: t(`mkind.${k}`) }))}
      />
      <SelectField
        form={f}
        name="step"
        label={t("meetings.step")}
        options={STEPS.map((s) => ({
          value: String(s),
          label: `${t("step.n", { n: s })} ${t(`step.${s}`)}`,
        }))}
      />
      <Field form={f} name="titleTh" label={t("meetings.titleTh")} required maxLength={200} />
      <Field form={f} name="titleEn" label={t("meetings.titleEn")} maxLength={200} />
      <TextArea form={f} name="descriptionTh" label={t("meetings.description")} />
      {!props.locked && (
        <>
          <Field form={f} name="date" type="date" label={t("meetings.date")} required />
          <Field
            form={f}
            name="startTime"
            label={t("meetings.startTime")}
            hint={t("meetings.timeHint")}
            required
            maxLength={5}
            inputmode="numeric"
          />
          <Field
            form={f}
            name="endTime"
            label={t("meetings.endTime")}
            hint={t("meetings.timeHint")}
            maxLength={5}
            inputmode="numeric"
          />
        </>
      )}
      <Field form={f} name="place" label={t("meetings.place")} maxLength={200} />
      <Field form={f} name="organiser" label={t("meetings.organiser")} maxLength={200} />
      <SelectField
        form={f}
        name="groupId"
        label={t("meetings.heldBy")}
        options={props.groups.map((g) => ({ value: String(g.id), label: groupName(g, lang) }))}
      />
      <SelectField
        form={f}
        name="areaId"
        label={t("meetings.area")}
        options={props.areas.map((a) => ({ value: String(a.id), label: areaName(a, lang) }))}
      />
      {props.groups.length > 0 && (
        <fieldset>
          <legend>{t("meetings.invitedGroups")}</legend>
          {f.errors.invitedGroupIds && <p class="error">{f.errors.invitedGroupIds}</p>}
          {props.groups.map((g) => (
            <div class="field check" key={g.id}>
              <input
                type="checkbox"
                id={`ig-${g.id}`}
                name="invitedGroupIds"
                value={String(g.id)}
                checked={props.invitedGroupIds.includes(g.id)}
              />
              <label for={`ig-${g.id}`}>{groupName(g, lang)}</label>
            </div>
          ))}
        </fieldset>
      )}
      {!props.locked && (
        <fieldset>
          <legend>{t("meetings.quorumRule")}</legend>
          <Field
            form={f}
            name="quorumMinPerVillage"
            type="number"
            inputmode="numeric"
            label={t("meetings.quorumMin")}
            hint={t("meetings.quorumMinHint", { min: tambon!.minRepsPerVillage })}
          />
          <Field
            form={f}
            name="quorumVillagesPct"
            type="number"
            inputmode="numeric"
            label={t("meetings.quorumPct")}
          />
          <details>
            <summary>{t("meetings.invitedVillages")}</summary>
            {f.errors.invitedVillageIds && <p class="error">{f.errors.invitedVillageIds}</p>}
            <p class="hint">{t("meetings.allVillages")}</p>
            {props.villages.map((v) => (
              <div class="field check" key={v.id}>
                <input
                  type="checkbox"
                  id={`iv-${v.id}`}
                  name="invitedVillageIds"
                  value={String(v.id)}
                  checked={props.invitedVillageIds.includes(v.id)}
                />
                <label for={`iv-${v.id}`}>{villageLabel(v, lang)}</label>
              </div>
            ))}
          </details>
        </fieldset>
      )}
      <SelectField
        form={f}
        name="status"
        label={t("meetings.status")}
        placeholder={false}
        options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <CheckField form={f} name="isPublic" label={t("meetings.isPublic")} />
    </>
  );
}

/** The form to schedule a new meeting. */
export function NewMeetingPage(props: {
  form: FormState;
  groups: GroupRow[];
  villages: VillageRow[];
  areas: Area[];
  invitedGroupIds: number[];
  invitedVillageIds: number[];
}) {
  const { lang } = useCtx();
  const t = useT();
  const base = useBase();
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
export function MeetingAdminPage(props: {
  meeting: MeetingRow;
  agenda: AgendaRow[];
  files: FileInfo[];
  form: FormState;
  agendaForm: FormState;
  fileForm: FormState;
  groups: GroupRow[];
  villages: VillageRow[];
  areas: Area[];
  invitedGroupIds: number[];
  invitedVillageIds: number[];
  canRecord: boolean;
}) {
  const { lang } = useCtx();
  const t = useT();
  const base = useBase();
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
                  <Form
                    action={`${base}/admin/agenda/${a.id}/delete`}
                    class="inline-form"
                    label={`${t("meetings.delete")} ${t("meetings.agendaN", { n: a.position })}`}
                  >
                    <button type="submit" class="secondary">
                      {t("meetings.delete")}
                    </button>
                  </Form>
                </div>
              )}
            </li>
          ))}
        </ol>
        {!locked && (
          <>
            <ErrorSummary form={props.agendaForm} />
            <Form action={`${admin}/agenda`} label={t("meetings.addAgenda")}>
              <Field
                form={props.agendaForm}
                name="titleTh"
                label={t("meetings.agendaTitle")}
                required
                maxLength={300}
              />
              <Field
                form={props.agendaForm}
                name="titleEn"
                label={t("meetings.agendaTitleEn")}
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
                <Form
                  action={`${base}/admin/meeting-files/${f.id}/delete`}
                  class="inline-form"
                  label={`${t("meetings.delete")} ${f.name}`}
                >
                  <button type="submit" class="secondary">
                    {t("meetings.delete")}
                  </button>
                </Form>
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
          <MeetingFields
            form={props.form}
            groups={props.groups}
            villages={props.villages}
            areas={props.areas}
            invitedGroupIds={props.invitedGroupIds}
            invitedVillageIds={props.invitedVillageIds}
            locked={locked}
          />
          <button type="submit">{core.t(lang)("form.save")}</button>
        </Form>
      </section>
    </>
  );
}
