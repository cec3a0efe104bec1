import type { AttendanceRow } from "./queries.ts";
import type { MeetingRow } from "../meetings/queries.ts";
import type { VillageRow } from "../shared/queries.ts";
import {
  AttendanceByVillage,
  QuorumStatus,
  QuorumTable,
  meetingTitle,
  meetingWhen,
  nf,
  useBase,
  useT,
  useView,
} from "../shared/views.tsx";

interface LiveProps {
  meeting: MeetingRow;
  villages: VillageRow[];
  attendance: AttendanceRow[];
}

/** The attendance count and quorum status at the top of the attendance page (refreshed live). */
export function LiveStatus(props: LiveProps) {
  const { lang, t, base } = useView();
  const m = props.meeting;
  return (
    <div
      id="gm-live-status"
      data-live-part
      data-live-url={`${base}/admin/meetings/${m.id}/attendance/live`}
    >
      <p class="muted">
        {meetingTitle(m, lang)} · {meetingWhen(m, lang)} ·{" "}
        {t("meetings.attendanceN", { n: nf.format(props.attendance.length) })}
      </p>
      <QuorumStatus quorum={m.quorum} villages={props.villages} live />
    </div>
  );
}

/** The per-village attendance, or the per-village quorum table (refreshed live). */
export function LiveTable(props: LiveProps) {
  const t = useT();
  const base = useBase();
  const m = props.meeting;
  const action = `${base}/admin/meetings/${m.id}/attendance`;
  const counts = new Map<number | null, number>();
  for (const a of props.attendance) counts.set(a.villageId, (counts.get(a.villageId) ?? 0) + 1);
  // Rows that are not counted representatives: everyone minus the counted ones per village.
  const others = new Map(counts);
  for (const q of m.quorum?.villages ?? [])
    others.set(q.villageId, (others.get(q.villageId) ?? 0) - q.present);
  return (
    <div id="gm-live-table" data-live-part>
      {!m.quorum && <AttendanceByVillage counts={counts} villages={props.villages} />}
      {m.quorum && (
        <section aria-labelledby="h-quorum">
          <h2 id="h-quorum">{t("quorum.title")}</h2>
          <QuorumTable
            quorum={m.quorum}
            villages={props.villages}
            others={others}
            villageHref={(id) => `${action}?village=${id}#sheet`}
          />
        </section>
      )}
    </div>
  );
}

/** The live parts of the attendance page alone, as the fragment the page's script fetches. */
export function AttendanceLive(props: LiveProps) {
  return (
    <>
      <LiveStatus {...props} />
      <LiveTable {...props} />
    </>
  );
}
