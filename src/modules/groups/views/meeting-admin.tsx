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
import { MEETING_KINDS, MEETING_STATUSES, STEPS } from "../meeting.ts";
import { DECISION_METHODS, VOTE_CHOICES } from "../resolution.ts";
import type {
  AgendaRow,
  AttendanceRow,
  FileInfo,
  GroupRow,
  MeetingRow,
  NominationRow,
  ResolutionRow,
  VillageRow,
} from "../queries.ts";
import {
  Back,
  QuorumStatus,
  meetingTitle,
  meetingWhen,
  nf,
  useBase,
  useT,
  villageLabel,
} from "./common.tsx";
import { PersonFields, groupName } from "./groups.tsx";
import { Pager } from "../../../core/views/pager.tsx";
import { pageHref, type Page } from "../../../core/paging.ts";
import { ResolutionSummary } from "./resolutions.tsx";
import type { PillarChoice } from "../group.ts";

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

/** Minutes and resolutions of a meeting for organisers: minutes per item, resolutions, nominations, confirmation. */
export function MinutesPage(props: {
  meeting: MeetingRow;
  agenda: AgendaRow[];
  resolutions: ResolutionRow[];
  attendance: AttendanceRow[];
  nominations: { n: NominationRow; groupName: string; groupNameEn: string }[];
  groups: GroupRow[];
  villages: VillageRow[];
  pillars: PillarChoice[];
  resForm: FormState;
  nomForm: FormState;
  votes: Record<string, string>;
  approve: string[];
}) {
  const { lang } = useCtx();
  const t = useT();
  const base = useBase();
  const m = props.meeting;
  const locked = !!m.minutesConfirmedAt;
  const admin = `${base}/admin/meetings/${m.id}`;
  const pending = props.nominations.filter((x) => x.n.status === "proposed");
  const vById = new Map(props.villages.map((v) => [v.id, v]));
  const rf = props.resForm;
  return (
    <>
      <Back href={admin}>{meetingTitle(m, lang)}</Back>
      <h1>{t("meetings.writeMinutes")}</h1>
      <p class="muted">{meetingWhen(m, lang)}</p>
      {locked && <p class="gm-warn">{t("meetings.locked")}</p>}
      <QuorumStatus quorum={m.quorum} villages={props.villages} />

      <section aria-labelledby="h-minutes">
        <h2 id="h-minutes">{t("meetings.minutes")}</h2>
        {props.agenda.length === 0 && (
          <p class="muted">
            {t("meetings.noAgenda")} — <a href={admin}>{t("meetings.addAgenda")}</a>
          </p>
        )}
        {props.agenda.map((a) => (
          <div key={a.id} class="gm-agenda-minutes">
            <h3>
              {t("meetings.agendaN", { n: a.position })}: {a.titleTh}
            </h3>
            {locked ? (
              <p class="prose">{a.minutesTh || "–"}</p>
            ) : (
              <Form
                action={`${base}/admin/agenda/${a.id}`}
                label={t("meetings.minutesOf", { n: a.position })}
              >
                <input type="hidden" name="titleTh" value={a.titleTh} />
                <input type="hidden" name="titleEn" value={a.titleEn} />
                <input type="hidden" name="next" value="minutes" />
                <div class="field">
                  <label for={`min-${a.id}`}>{t("meetings.minutesOf", { n: a.position })}</label>
                  <textarea id={`min-${a.id}`} name="minutesTh" rows={5}>
                    {a.minutesTh}
                  </textarea>
                </div>
                <button type="submit" class="secondary">
                  {core.t(lang)("form.save")}
                </button>
              </Form>
            )}
          </div>
        ))}
      </section>

      <section aria-labelledby="h-res">
        <h2 id="h-res">{t("meetings.resolutions")}</h2>
        {props.resolutions.length === 0 && <p class="muted">{t("meetings.noResolutions")}</p>}
        {props.resolutions.map((r) => (
          <div key={r.id}>
            <ResolutionSummary r={r} all={props.resolutions} />
            {!locked ? (
              <Form
                action={`${base}/admin/resolutions/${r.id}/delete`}
                class="inline-form"
                label={`${t("meetings.delete")} ${t("res.title", { n: r.number })}`}
              >
                <button type="submit" class="secondary">
                  {t("meetings.delete")}
                </button>
              </Form>
            ) : (
              !props.resolutions.some((x) => x.correctsId === r.id) && (
                <p>
                  <a href={`${base}/admin/resolutions/${r.id}/correct`}>{t("res.correct")}</a>
                </p>
              )
            )}
          </div>
        ))}
      </section>

      {m.kind === "village_assembly" && (
        <section aria-labelledby="h-nom">
          <h2 id="h-nom">{t("nom.title")}</h2>
          {props.nominations.length === 0 ? (
            <p class="muted">{t("nom.none")}</p>
          ) : (
            <ul class="gm-member-admin">
              {props.nominations.map(({ n, groupName: gn, groupNameEn }) => (
                <li key={n.id}>
                  <span>
                    <strong>{n.name}</strong> · {t(`pos.${n.position}`)} ·{" "}
                    {lang === "en" && groupNameEn ? groupNameEn : gn}
                    {n.villageId &&
                      vById.get(n.villageId) &&
                      ` · ${villageLabel(vById.get(n.villageId)!, lang)}`}
                    {n.pillar && ` · ${n.pillar}`} · <em>{t(`nom.status.${n.status}`)}</em>
                  </span>
                  {!locked && n.status === "proposed" && (
                    <Form
                      action={`${base}/admin/nominations/${n.id}/withdraw`}
                      class="inline-form"
                      label={`${t("nom.withdraw")} ${n.name}`}
                    >
                      <button type="submit" class="secondary">
                        {t("nom.withdraw")}
                      </button>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          )}
          {!locked && (
            <>
              <h3>{t("nom.add")}</h3>
              <ErrorSummary form={props.nomForm} />
              <Form action={`${admin}/nominations`} label={t("nom.add")}>
                <SelectField
                  form={props.nomForm}
                  name="groupId"
                  label={t("nom.group")}
                  required
                  options={props.groups
                    .filter((g) => !g.dissolvedOn)
                    .map((g) => ({ value: String(g.id), label: groupName(g, lang) }))}
                />
                <PersonFields
                  form={props.nomForm}
                  villages={props.villages}
                  pillars={props.pillars}
                />
                <button type="submit">{t("nom.add")}</button>
              </Form>
            </>
          )}
        </section>
      )}

      {!locked && m.status !== "cancelled" && (
        <section aria-labelledby="h-record">
          <h2 id="h-record">{t("res.record")}</h2>
          <ErrorSummary form={rf} />
          <Form action={`${admin}/resolutions`} label={t("res.record")}>
            <TextArea form={rf} name="textTh" label={t("res.text")} required />
            <TextArea form={rf} name="textEn" label={t("res.textEn")} rows={2} />
            <SelectField
              form={rf}
              name="agendaItemId"
              label={t("res.agendaItem")}
              options={props.agenda.map((a) => ({
                value: String(a.id),
                label: `${a.position}. ${a.titleTh}`,
              }))}
            />
            <fieldset class={rf.errors.method ? "has-error" : undefined}>
              <legend>{t("res.method")}</legend>
              {rf.errors.method && <p class="error">{rf.errors.method}</p>}
              {DECISION_METHODS.map((k) => (
                <div class="field check" key={k}>
                  <input
                    type="radio"
                    id={`method-${k}`}
                    name="method"
                    value={k}
                    checked={(rf.values.method ?? "consensus") === k}
                  />
                  <label for={`method-${k}`}>{t(`method.${k}`)}</label>
                </div>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t("method.show_of_hands")}</legend>
              <div class="gm-counts">
                <Field
                  form={rf}
                  name="votesFor"
                  type="number"
                  inputmode="numeric"
                  label={t("res.for")}
                />
                <Field
                  form={rf}
                  name="votesAgainst"
                  type="number"
                  inputmode="numeric"
                  label={t("res.against")}
                />
                <Field
                  form={rf}
                  name="votesAbstain"
                  type="number"
                  inputmode="numeric"
                  label={t("res.abstain")}
                />
              </div>
            </fieldset>
            {props.attendance.length > 0 && (
              <details open={!!rf.errors.votes || rf.values.method === "individual_votes"}>
                <summary>{t("res.votesIndividual")}</summary>
                <p class="hint">{t("res.votesIndividualHint")}</p>
                {rf.errors.votes && <p class="error">{rf.errors.votes}</p>}
                <div
                  class="table-wrap"
                  tabIndex={0}
                  role="region"
                  aria-label={t("res.votesIndividual")}
                >
                  <table>
                    <tbody>
                      {props.attendance.map((a) => (
                        <tr key={a.id}>
                          <th scope="row">
                            <label for={`vote-${a.id}`}>{a.name}</label>
                          </th>
                          <td>
                            <select id={`vote-${a.id}`} name={`vote_${a.id}`}>
                              <option value="">{t("res.noVote")}</option>
                              {VOTE_CHOICES.map((c) => (
                                <option
                                  key={c}
                                  value={c}
                                  selected={props.votes[String(a.id)] === c}
                                >
                                  {t(`res.${c}`)}
                                </option>
                              ))}
                            </select>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            )}
            {pending.length > 0 && (
              <fieldset class={rf.errors.approve ? "has-error" : undefined}>
                <legend>{t("res.approves")}</legend>
                <p class="hint">{t("res.approvesHint")}</p>
                {rf.errors.approve && <p class="error">{rf.errors.approve}</p>}
                {pending.map(({ n, groupName: gn }) => (
                  <div class="field check" key={n.id}>
                    <input
                      type="checkbox"
                      id={`ap-${n.id}`}
                      name="approve"
                      value={String(n.id)}
                      checked={props.approve.includes(String(n.id))}
                    />
                    <label for={`ap-${n.id}`}>
                      {n.name} · {t(`pos.${n.position}`)} · {gn}
                    </label>
                  </div>
                ))}
              </fieldset>
            )}
            <button type="submit">{t("res.record")}</button>
          </Form>
        </section>
      )}

      {!locked && m.status !== "cancelled" && (
        <section aria-labelledby="h-confirm" class="gm-panel">
          <h2 id="h-confirm">{t("meetings.confirm")}</h2>
          <p class="hint">{t("meetings.confirmHint")}</p>
          <Form action={`${admin}/confirm`} label={t("meetings.confirm")}>
            <button type="submit">{t("meetings.confirm")}</button>
          </Form>
        </section>
      )}
    </>
  );
}

/** The form to correct a resolution with a new, linked record. */
export function CorrectionPage(props: {
  original: ResolutionRow;
  meeting: MeetingRow;
  form: FormState;
}) {
  const { lang } = useCtx();
  const t = useT();
  const base = useBase();
  const f = props.form;
  return (
    <>
      <Back href={`${base}/resolutions/${props.original.id}`}>
        {t("res.title", { n: props.original.number })}
      </Back>
      <h1>{t("res.correct")}</h1>
      <p>
        {meetingTitle(props.meeting, lang)} · {meetingWhen(props.meeting, lang)}
      </p>
      <blockquote class="prose">{props.original.textTh}</blockquote>
      <p class="hint">{t("res.correctHint")}</p>
      <ErrorSummary form={f} />
      <Form
        action={`${base}/admin/resolutions/${props.original.id}/correct`}
        label={t("res.correct")}
      >
        <TextArea form={f} name="textTh" label={t("res.text")} required />
        <TextArea form={f} name="textEn" label={t("res.textEn")} rows={2} />
        <SelectField
          form={f}
          name="method"
          label={t("res.method")}
          required
          placeholder={false}
          options={DECISION_METHODS.map((k) => ({ value: k, label: t(`method.${k}`) }))}
        />
        <div class="gm-counts">
          <Field form={f} name="votesFor" type="number" inputmode="numeric" label={t("res.for")} />
          <Field
            form={f}
            name="votesAgainst"
            type="number"
            inputmode="numeric"
            label={t("res.against")}
          />
          <Field
            form={f}
            name="votesAbstain"
            type="number"
            inputmode="numeric"
            label={t("res.abstain")}
          />
        </div>
        <TextArea
          form={f}
          name="correctionReason"
          label={t("res.correctionReason")}
          required
          rows={2}
        />
        <button type="submit">{t("res.correct")}</button>
      </Form>
    </>
  );
}
