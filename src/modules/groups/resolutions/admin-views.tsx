import { useCtx } from "../../../core/views/ctx.ts";
import {
  ErrorSummary,
  Field,
  Form,
  SelectField,
  TextArea,
  type FormState,
} from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import { DECISION_METHODS, VOTE_CHOICES } from "./resolution.ts";
import type { AgendaRow, MeetingRow } from "../meetings/queries.ts";
import type { AttendanceRow } from "../attendance/queries.ts";
import type { GroupRow } from "../groups/queries.ts";
import type { NominationRow, ResolutionRow } from "./queries.ts";
import type { VillageRow } from "../shared/queries.ts";
import {
  Back,
  QuorumStatus,
  meetingTitle,
  meetingWhen,
  useBase,
  useT,
  villageLabel,
} from "../shared/views.tsx";
import { PersonFields } from "../shared/fields.tsx";
import { groupName } from "../groups/views.tsx";
import { ResolutionSummary } from "./views.tsx";
import type { PillarChoice } from "../groups/group.ts";

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
