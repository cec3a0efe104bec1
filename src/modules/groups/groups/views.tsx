import { Table } from "../../../core/views/list.tsx";
import { DateInput } from "../../../core/views/form.tsx";
import { areaName, type Area } from "../../areas/public.ts";
import { changeDays, splitHistory } from "./group.ts";
import type { GroupRow, MembershipView } from "./queries.ts";
import type { MeetingRow } from "../meetings/queries.ts";
import {
  Back,
  SubNav,
  day,
  meetingTitle,
  meetingWhen,
  mooLabel,
  useView,
} from "../shared/views.tsx";

/** A group's name in the reader's language. */
export function groupName(g: Pick<GroupRow, "nameTh" | "nameEn">, lang: "th" | "en"): string {
  return lang === "en" && g.nameEn ? g.nameEn : g.nameTh;
}

/** The list of groups: central working group, issue teams, other committees. */
export function GroupList(props: {
  groups: (GroupRow & { members: number })[];
  areas: Area[];
  canManage: boolean;
}) {
  const { lang, t, base } = useView();
  const areaById = new Map(props.areas.map((a) => [a.id, a]));
  return (
    <>
      <SubNav current="groups" />
      <h1>{t("groups.title")}</h1>
      <p>{t("groups.intro")}</p>
      {props.canManage && (
        <p class="actions">
          <a class="button" href={`${base}/admin/groups`}>
            {t("admin.groups")}
          </a>
        </p>
      )}
      {props.groups.length === 0 ? (
        <p class="muted">{t("groups.none")}</p>
      ) : (
        <ul class="cards">
          {props.groups.map((g) => {
            const area = g.areaId ? areaById.get(g.areaId) : undefined;
            return (
              <li key={g.id}>
                <h2>
                  <a href={`${base}/groups/${g.id}`}>{groupName(g, lang)}</a>
                </h2>
                <p>
                  <span class="badge">{t(`kind.${g.kind}`)}</span>
                  {g.dissolvedOn && <span class="badge">{t("groups.dissolved")}</span>}
                </p>
                {area && <p class="muted">{areaName(area, lang)}</p>}
                <p class="muted">{t("groups.membersN", { n: g.members })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function Represents({ m, lang }: { m: MembershipView; lang: "th" | "en" }) {
  const parts = [m.pillar, m.moo != null ? mooLabel(m.moo, lang) : ""].filter(Boolean);
  return <>{parts.join(" · ") || "–"}</>;
}

function MemberTable({
  rows,
  mode,
}: {
  rows: MembershipView[];
  mode: "current" | "past" | "future";
}) {
  const { lang, t, base } = useView();
  const label =
    mode === "current"
      ? t("groups.current")
      : mode === "past"
        ? t("groups.past")
        : t("groups.future");
  return (
    <Table
      label={label}
      columns={[
        t("groups.name"),
        t("groups.position"),
        t("groups.represents"),
        t("groups.from"),
        ...(mode === "past" ? [t("groups.to")] : []),
        t("groups.task"),
        t("groups.reason"),
      ]}
    >
      {rows.map((m) => (
        <tr key={m.id}>
          <td>{m.name}</td>
          <td>{t(`pos.${m.position}`)}</td>
          <td>
            <Represents m={m} lang={lang} />
          </td>
          <td>{day(m.startOn, lang)}</td>
          {mode === "past" && <td>{day(m.endOn, lang)}</td>}
          <td>{m.task || "–"}</td>
          <td>
            {mode === "past" && m.leaveReason ? (
              m.leaveReason
            ) : m.resolutionId && m.resolutionMeetingId ? (
              <a href={`${base}/resolutions/${m.resolutionId}`}>
                {t("groups.approvedBy", {
                  res: t("res.title", { n: m.resolutionNumber ?? 0 }),
                })}
              </a>
            ) : (
              m.joinReason || "–"
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** A group's page: members on a day (today by default), past and future members, history, meetings. */
export function GroupPage(props: {
  group: GroupRow;
  area: Area | null;
  history: MembershipView[];
  day: string;
  today: string;
  meetings: MeetingRow[];
  canManage: boolean;
}) {
  const { lang, t, base } = useView();
  const g = props.group;
  const h = splitHistory(props.history, props.day);
  const purpose = lang === "en" ? g.purposeEn || g.purposeTh : g.purposeTh;
  const isToday = props.day === props.today;
  return (
    <article>
      <Back href={`${base}/groups`}>{t("groups.title")}</Back>
      <h1>{groupName(g, lang)}</h1>
      <p>
        <span class="badge">{t(`kind.${g.kind}`)}</span>
        {g.dissolvedOn && <span class="badge">{t("groups.dissolved")}</span>}
      </p>
      {purpose && <p class="prose">{purpose}</p>}
      <dl class="gm-facts">
        <dt>{t("groups.formedOn")}</dt>
        <dd>{day(g.formedOn, lang)}</dd>
        {g.dissolvedOn && (
          <>
            <dt>{t("groups.dissolvedOn")}</dt>
            <dd>{day(g.dissolvedOn, lang)}</dd>
          </>
        )}
        {props.area && (
          <>
            <dt>{t("groups.area")}</dt>
            <dd>
              <a href={`${base}/areas/${props.area.id}`}>{areaName(props.area, lang)}</a>
            </dd>
          </>
        )}
      </dl>
      <p class="actions">
        <a href={`${base}/groups/${g.id}/members.csv`}>{t("groups.export")}</a>
        <a href={`${base}/groups/${g.id}/members.xlsx`}>{t("groups.exportXlsx")}</a>
        {props.canManage && (
          <a class="button" href={`${base}/admin/groups/${g.id}`}>
            {t("groups.manage")}
          </a>
        )}
      </p>
      <form
        method="get"
        action={`${base}/groups/${g.id}`}
        class="filters"
        aria-label={t("groups.showOn")}
      >
        <DateInput id="f-on" name="on" label={t("groups.showOn")} value={props.day} />
        <button type="submit" class="secondary">
          {t("groups.show")}
        </button>
      </form>
      <section aria-labelledby="h-current">
        <h2 id="h-current">
          {isToday ? t("groups.current") : t("groups.onDate", { date: day(props.day, lang) })}
        </h2>
        {h.current.length ? (
          <MemberTable rows={h.current} mode="current" />
        ) : (
          <p class="muted">{t("groups.noMembers")}</p>
        )}
      </section>
      {h.past.length > 0 && (
        <section aria-labelledby="h-past">
          <h2 id="h-past">{t("groups.past")}</h2>
          <MemberTable rows={h.past} mode="past" />
        </section>
      )}
      {h.future.length > 0 && (
        <section aria-labelledby="h-future">
          <h2 id="h-future">{t("groups.future")}</h2>
          <MemberTable rows={h.future} mode="future" />
        </section>
      )}
      {props.history.length > 0 && (
        <section aria-labelledby="h-history">
          <h2 id="h-history">{t("groups.history")}</h2>
          <ul class="gm-timeline">
            {changeDays(props.history).map((d) => {
              const joined = props.history.filter((m) => m.startOn === d);
              const left = props.history.filter((m) => m.endOn && nextDayOf(m.endOn) === d);
              return (
                <li key={d}>
                  <a href={`${base}/groups/${g.id}?on=${d}`}>{day(d, lang)}</a>
                  {joined.length > 0 && (
                    <span>
                      {" "}
                      · {t("groups.joined")}: {joined.map((m) => m.name).join(", ")}
                    </span>
                  )}
                  {left.length > 0 && (
                    <span>
                      {" "}
                      · {t("groups.left")}: {left.map((m) => m.name).join(", ")}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section aria-labelledby="h-meetings">
        <h2 id="h-meetings">{t("groups.meetings")}</h2>
        {props.meetings.length === 0 ? (
          <p class="muted">{t("groups.noMeetings")}</p>
        ) : (
          <ul>
            {props.meetings.map((m) => (
              <li key={m.id}>
                <a href={`${base}/meetings/${m.id}`}>{meetingTitle(m, lang)}</a>{" "}
                <span class="muted">· {meetingWhen(m, lang)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function nextDayOf(d: string): string {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10);
}
