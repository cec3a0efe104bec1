import { ErrorSummary, Field, Form, type FormState } from "../../../core/views/form.tsx";
import { formatDateTime } from "../../../core/dates.ts";
import type { Area } from "../../areas/public.ts";
import { areaName } from "../../areas/public.ts";
import type { AgendaRow, MeetingRow } from "./queries.ts";
import type { AttendanceRow } from "../attendance/queries.ts";
import type { FileInfo } from "../files/queries.ts";
import type { GroupRow } from "../groups/queries.ts";
import type { ResolutionRow } from "../resolutions/queries.ts";
import type { VillageRow } from "../shared/queries.ts";
import {
  AttendanceByVillage,
  Back,
  QuorumStatus,
  QuorumTable,
  meetingTitle,
  meetingWhen,
  mooLabel,
  nf,
  villageLabel,
  useView,
} from "../shared/views.tsx";
import { ResolutionSummary } from "../resolutions/views.tsx";

/** Everything shown on a meeting's public page. */
export interface MeetingPageData {
  meeting: MeetingRow;
  agenda: AgendaRow[];
  resolutions: ResolutionRow[];
  attendance: AttendanceRow[];
  attendanceCount: number;
  villages: VillageRow[];
  groups: GroupRow[];
  area: Area | null;
  files: FileInfo[];
  /** Organisers see private meetings, draft minutes and who attended. */
  organiser: boolean;
  /** Signed-in member who may sign in now (form shown); or already signed in. */
  selfSign: "form" | "done" | "login" | null;
  signForm: FormState;
  othersPerVillage: Map<number | null, number>;
  /** Everyone who attended, counted per village (null: no village given). */
  perVillage: Map<number | null, number>;
}

/** A meeting's page: details, agenda, minutes, resolutions, attendance and quorum, files. */
export function MeetingPage(d: MeetingPageData) {
  const { lang, t, base } = useView();
  const m = d.meeting;
  const showMinutes = !!m.minutesConfirmedAt || d.organiser;
  const group = d.groups.find((g) => g.id === m.groupId);
  const invitedGroups = d.groups.filter((g) => m.invitedGroupIds.includes(g.id));
  const invitedVillages = d.villages.filter((v) => m.invitedVillageIds.includes(v.id));
  const photos = d.files.filter((f) => f.kind === "photo");
  const docs = d.files.filter((f) => f.kind === "document");
  const byVillage = new Map<number | null, AttendanceRow[]>();
  for (const a of d.attendance)
    byVillage.set(a.villageId, [...(byVillage.get(a.villageId) ?? []), a]);
  const villageById = new Map(d.villages.map((v) => [v.id, v]));
  return (
    <article class="gm-meeting">
      <Back href={`${base}/meetings`}>{t("meetings.title")}</Back>
      <h1>{meetingTitle(m, lang)}</h1>
      <p>
        <span class="badge">{t(`mkind.${m.kind}`)}</span>
        <span class="badge">
          {t("step.n", { n: m.step })} {t(`step.${m.step}`)}
        </span>
        <span class="badge">{t(`status.${m.status}`)}</span>
        {!m.isPublic && <span class="badge">{t("meetings.private")}</span>}
      </p>
      {m.status === "cancelled" && <p class="gm-warn">{t("meetings.cancelledNote")}</p>}
      <dl class="gm-facts">
        <dt>{t("meetings.when")}</dt>
        <dd>{meetingWhen(m, lang)}</dd>
        {m.place && (
          <>
            <dt>{t("meetings.place")}</dt>
            <dd>{m.place}</dd>
          </>
        )}
        {m.organiser && (
          <>
            <dt>{t("meetings.organiser")}</dt>
            <dd>{m.organiser}</dd>
          </>
        )}
        {group && (
          <>
            <dt>{t("meetings.heldBy")}</dt>
            <dd>
              <a href={`${base}/groups/${group.id}`}>
                {lang === "en" && group.nameEn ? group.nameEn : group.nameTh}
              </a>
            </dd>
          </>
        )}
        {d.area && (
          <>
            <dt>{t("meetings.area")}</dt>
            <dd>
              <a href={`${base}/areas/${d.area.id}`}>{areaName(d.area, lang)}</a>
            </dd>
          </>
        )}
        {(invitedGroups.length > 0 ||
          m.quorumMinPerVillage !== null ||
          invitedVillages.length > 0) && (
          <>
            <dt>{t("meetings.invited")}</dt>
            <dd>
              {[
                ...invitedGroups.map((g) => (lang === "en" && g.nameEn ? g.nameEn : g.nameTh)),
                invitedVillages.length
                  ? invitedVillages.map((v) => mooLabel(v.moo, lang)).join(", ")
                  : m.quorumMinPerVillage !== null
                    ? t("meetings.allVillages")
                    : "",
              ]
                .filter(Boolean)
                .join(" · ")}
            </dd>
          </>
        )}
      </dl>
      {m.descriptionTh && <p class="prose">{m.descriptionTh}</p>}
      <p class="actions">
        <a href={`${base}/meetings/${m.id}/calendar.ics`}>{t("meetings.addToCalendar")}</a>
        <a href={`${base}/meetings/${m.id}/export.json`}>{t("meetings.exportJson")}</a>
        {d.organiser && (
          <a class="button" href={`${base}/admin/meetings/${m.id}`}>
            {t("meetings.manage")}
          </a>
        )}
      </p>

      {d.selfSign && (
        <section aria-labelledby="h-sign" class="gm-panel">
          <h2 id="h-sign">{t("attend.signinTitle")}</h2>
          {d.selfSign === "done" && <p class="gm-ok">{t("attend.signedIn")}</p>}
          {d.selfSign === "login" && (
            <p>
              <a href={`/login?next=${encodeURIComponent(`${base}/meetings/${m.id}`)}`}>
                {t("attend.loginToSign")}
              </a>
            </p>
          )}
          {d.selfSign === "form" && (
            <>
              <ErrorSummary form={d.signForm} />
              <Form action={`${base}/meetings/${m.id}/signin`} label={t("attend.signinTitle")}>
                <Field
                  form={d.signForm}
                  name="code"
                  label={t("attend.signinCode")}
                  required
                  inputmode="numeric"
                  autocomplete="off"
                  maxLength={10}
                />
                <button type="submit">{t("attend.signin")}</button>
              </Form>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="h-agenda">
        <h2 id="h-agenda">{t("meetings.agenda")}</h2>
        {!showMinutes && d.agenda.length > 0 && m.status === "held" && (
          <p class="muted">{t("meetings.minutesDraft")}</p>
        )}
        {m.minutesConfirmedAt && (
          <p class="muted">
            {t("meetings.minutesConfirmed", { date: formatDateTime(m.minutesConfirmedAt, lang) })}
          </p>
        )}
        {d.agenda.length === 0 ? (
          <p class="muted">{t("meetings.noAgenda")}</p>
        ) : (
          <ol class="gm-agenda">
            {d.agenda.map((a) => {
              const res = d.resolutions.filter((r) => r.agendaItemId === a.id);
              return (
                <li key={a.id}>
                  <h3>{lang === "en" && a.titleEn ? a.titleEn : a.titleTh}</h3>
                  {showMinutes && a.minutesTh && <p class="prose">{a.minutesTh}</p>}
                  {showMinutes &&
                    res.map((r) => <ResolutionSummary key={r.id} r={r} all={d.resolutions} />)}
                </li>
              );
            })}
          </ol>
        )}
        {showMinutes && d.resolutions.some((r) => !r.agendaItemId) && (
          <>
            <h3>{t("meetings.resolutions")}</h3>
            {d.resolutions
              .filter((r) => !r.agendaItemId)
              .map((r) => (
                <ResolutionSummary key={r.id} r={r} all={d.resolutions} />
              ))}
          </>
        )}
      </section>

      <section aria-labelledby="h-attendance">
        <h2 id="h-attendance">{t("meetings.attendance")}</h2>
        <p>{t("meetings.attendanceN", { n: nf.format(d.attendanceCount) })}</p>
        {m.quorum ? (
          <>
            <QuorumStatus quorum={m.quorum} villages={d.villages} />
            <QuorumTable quorum={m.quorum} villages={d.villages} others={d.othersPerVillage} />
          </>
        ) : (
          <AttendanceByVillage counts={d.perVillage} villages={d.villages} />
        )}
        {d.organiser && d.attendance.length > 0 && (
          <details>
            <summary>{t("attend.list")}</summary>
            {[...byVillage.entries()].map(([vid, rows]) => (
              <div key={String(vid)}>
                <h3>{vid ? villageLabel(villageById.get(vid)!, lang) : "–"}</h3>
                <ul>
                  {rows.map((a) => (
                    <li key={a.id}>
                      {a.name} <span class="muted">· {t(`arole.${a.role}`)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </details>
        )}
      </section>

      {(photos.length > 0 || docs.length > 0) && (
        <section aria-labelledby="h-files">
          <h2 id="h-files">{t("meetings.files")}</h2>
          {docs.length > 0 && (
            <ul>
              {docs.map((f) => (
                <li key={f.id}>
                  <a href={`${base}/meeting-files/${f.id}`}>{f.caption || f.name}</a>{" "}
                  <span class="muted">({nf.format(f.bytes)} B)</span>
                </li>
              ))}
            </ul>
          )}
          {photos.length > 0 && (
            <ul class="gm-photos">
              {photos.map((f, i) => (
                <li key={f.id}>
                  <a href={`${base}/meeting-files/${f.id}`}>
                    <img
                      src={`${base}/meeting-files/${f.id}?thumb=1`}
                      alt={f.caption || f.name}
                      loading={i < 4 ? undefined : "lazy"}
                      width={f.width && f.height ? Math.min(480, f.width) : undefined}
                      height={
                        f.width && f.height
                          ? Math.round((Math.min(480, f.width) * f.height) / f.width)
                          : undefined
                      }
                    />
                  </a>
                  <p>
                    {f.caption && <span>{f.caption} · </span>}
                    <span class="muted">
                      {t("meetings.photoInfo", {
                        w: f.width ?? "?",
                        h: f.height ?? "?",
                        bytes: nf.format(f.bytes),
                      })}
                    </span>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </article>
  );
}
