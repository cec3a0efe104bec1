import { ErrorSummary, Form, SelectField, type FormState } from "../../../core/views/form.tsx";
import { core } from "../../../core/i18n/messages.ts";
import { ConfirmTick, ButtonForm } from "../../../core/views/confirm.tsx";
import { DECISION_METHODS } from "./resolution.ts";
import { IndividualVotes, NominationApprovals, ResolutionText, VoteCounts } from "./fields.tsx";
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
  villageLabel,
  useView,
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
  const { lang, t, base } = useView();
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
              <ButtonForm
                action={`${base}/admin/resolutions/${r.id}/delete`}
                confirm
                label={`${t("meetings.delete")} ${t("res.title", { n: r.number })}`}
                text={t("meetings.delete")}
              />
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
                    <ButtonForm
                      action={`${base}/admin/nominations/${n.id}/withdraw`}
                      confirm
                      label={`${t("nom.withdraw")} ${n.name}`}
                      text={t("nom.withdraw")}
                    />
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
            <ResolutionText form={rf} />
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
              <VoteCounts form={rf} />
            </fieldset>
            {props.attendance.length > 0 && (
              <IndividualVotes form={rf} attendance={props.attendance} votes={props.votes} />
            )}
            {pending.length > 0 && (
              <NominationApprovals form={rf} pending={pending} approve={props.approve} />
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
            <p>
              <ConfirmTick />
            </p>
            <button type="submit">{t("meetings.confirm")}</button>
          </Form>
        </section>
      )}
    </>
  );
}
