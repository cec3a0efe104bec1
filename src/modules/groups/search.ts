import { asc, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../../core/db/index.ts";
import type { SearchSource } from "../../core/modules.ts";
import { updateSearch, type SearchDocument } from "../site/public.ts";
import { agendaItems, meetings, resolutions } from "./schema.ts";
import { tambonWhere, tambonRows } from "../../core/db/tambon-row.ts";

/**
 * The public meetings of a tambon (or one) and their resolutions as search documents. A meeting
 * is public when it is marked so and not cancelled; its minutes and resolutions once the minutes
 * are confirmed (before that only organisers see them).
 */
export async function meetingDocuments(
  db: DbOrTx,
  tambonId: number,
  meetingId?: number,
): Promise<SearchDocument[]> {
  const rows = await db
    .select()
    .from(meetings)
    .where(
      tambonWhere(
        meetings,
        tambonId,
        { isPublic: true },
        ne(meetings.status, "cancelled"),
        meetingId ? eq(meetings.id, meetingId) : undefined,
      ),
    );
  if (!rows.length) return [];
  const ofMeeting = meetingId ? { meetingId } : {};
  const items = await tambonRows(db, agendaItems, tambonId, ofMeeting, asc(agendaItems.position));
  const res = await tambonRows(db, resolutions, tambonId, ofMeeting, asc(resolutions.number));
  const docs: SearchDocument[] = [];
  for (const m of rows) {
    const confirmed = !!m.minutesConfirmedAt;
    const agenda = items
      .filter((i) => i.meetingId === m.id)
      .map((i) => (confirmed ? `${i.titleTh}\n${i.minutesTh}` : i.titleTh));
    docs.push({
      kind: "meeting",
      refId: m.id,
      title: m.titleTh,
      body: [m.descriptionTh, m.place, m.organiser, ...agenda].filter(Boolean).join("\n"),
      url: `/meetings/${m.id}`,
    });
    if (!confirmed) continue;
    for (const r of res.filter((x) => x.meetingId === m.id))
      docs.push({
        kind: "resolution",
        refId: r.id,
        title: r.textTh.split("\n")[0]!.slice(0, 200),
        body: `${r.textTh}\n${m.titleTh}`,
        url: `/resolutions/${r.id}`,
      });
  }
  return docs;
}

/**
 * Puts a meeting and its resolutions in the search as the public sees them now, taking out what
 * is no longer public (and `removed` resolutions); call inside the command's transaction.
 */
export async function syncMeetingSearch(
  tx: DbOrTx,
  tambonId: number,
  meetingId: number,
  removed: number[] = [],
): Promise<void> {
  const docs = await meetingDocuments(tx, tambonId, meetingId);
  await updateSearch(tx, tambonId, "meeting", meetingId, docs);
  const ids = await tx
    .select({ id: resolutions.id })
    .from(resolutions)
    .where(tambonWhere(resolutions, tambonId, { meetingId }));
  for (const id of [...ids.map((r) => r.id), ...removed])
    await updateSearch(tx, tambonId, "resolution", id, docs);
}

/** The groups module's part of the search. */
export const groupsSearch: SearchSource = {
  kinds: ["meeting", "resolution"],
  documents: (db, tambonId) => meetingDocuments(db, tambonId),
};
