import { asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { meetings, resolutions } from "../schema.ts";
import { visibleMeetings, type MeetingRow } from "../meetings/queries.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** A tambon's meetings in the order they were held (public ones unless `includePrivate`). */
export function stepMeetings(
  db: DbOrTx,
  tambonId: number,
  includePrivate: boolean,
): Promise<MeetingRow[]> {
  return visibleMeetings(db, tambonId, includePrivate, asc(meetings.startsAt), 2000);
}

/** Adopted resolutions of public meetings whose minutes are confirmed, latest meeting first. */
export function adoptedResolutions(db: DbOrTx, tambonId: number) {
  return db
    .select({ r: resolutions, step: meetings.step, startsAt: meetings.startsAt })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .where(
      tambonWhere(
        resolutions,
        tambonId,
        { outcome: "adopted" },
        eq(meetings.isPublic, true),
        sql`${meetings.minutesConfirmedAt} is not null`,
      ),
    )
    .orderBy(desc(meetings.startsAt), asc(resolutions.number))
    .limit(300);
}
