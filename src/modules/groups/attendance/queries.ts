import { asc, count, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonRowOf, tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { tambonMembers, users } from "../../../core/db/schema.ts";
import { attendances } from "../schema.ts";
import { bangkokDay } from "../meetings/meeting.ts";
import { checkQuorum, type QuorumResult } from "./quorum.ts";
import { type VillageRow, villagesOf } from "../shared/queries.ts";
import type { MeetingRow } from "../meetings/queries.ts";
import { termsOn } from "../representatives/queries.ts";

/** An attendance row. */
export type AttendanceRow = typeof attendances.$inferSelect;
/** Who attended a meeting, in the order they were recorded. */
export function attendanceOf(
  db: DbOrTx,
  tambonId: number,
  meetingId: number,
): Promise<AttendanceRow[]> {
  return tambonRows(db, attendances, tambonId, { meetingId }, asc(attendances.id));
}

/** One attendance row of a tambon. */
export const getAttendance = tambonRowOf(attendances);

/** The villages a meeting's quorum is counted over: the invited ones, or all. */
export function quorumVillages(meeting: MeetingRow, all: readonly VillageRow[]): VillageRow[] {
  if (!meeting.invitedVillageIds.length) return [...all];
  const invited = new Set(meeting.invitedVillageIds);
  return all.filter((v) => invited.has(v.id));
}

/** Computes a meeting's village quorum from its attendance now (null: the meeting has no rule). */
export async function computeQuorum(db: DbOrTx, meeting: MeetingRow): Promise<QuorumResult | null> {
  if (meeting.quorumMinPerVillage === null) return null;
  const day = bangkokDay(meeting.startsAt);
  const [all, terms, people] = await Promise.all([
    villagesOf(db, meeting.tambonId),
    termsOn(db, meeting.tambonId, day),
    db
      .select({ userId: attendances.userId })
      .from(attendances)
      .where(tambonWhere(attendances, meeting.tambonId, { meetingId: meeting.id })),
  ]);
  return checkQuorum({
    villages: quorumVillages(meeting, all),
    minPerVillage: meeting.quorumMinPerVillage,
    villagesFraction: meeting.quorumVillagesPct / 100,
    terms,
    attendees: people,
    onDate: day,
  });
}

/** Names of people by id (a village's representatives, for the sign-in sheet). */
export function usersNamed(db: DbOrTx, ids: number[]): Promise<{ id: number; name: string }[]> {
  return db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
}

/** Names of the members of a tambon who live in a village (suggestions when typing a name). */
export async function villageMemberNames(
  db: DbOrTx,
  tambonId: number,
  villageId: number,
): Promise<string[]> {
  const rows = await db
    .select({ name: users.name })
    .from(users)
    .innerJoin(tambonMembers, eq(tambonMembers.userId, users.id))
    .where(tambonWhere(tambonMembers, tambonId, { villageId }))
    .orderBy(asc(users.name))
    .limit(500);
  return rows.map((r) => r.name);
}

/** How many signed in to each meeting of a tambon, by meeting id. */
export async function attendanceCounts(db: DbOrTx, tambonId: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ meetingId: attendances.meetingId, n: count() })
    .from(attendances)
    .where(eq(attendances.tambonId, tambonId))
    .groupBy(attendances.meetingId);
  return new Map(rows.map((c) => [c.meetingId, Number(c.n)]));
}

/** How many signed in to one meeting. */
export async function attendanceCount(
  db: DbOrTx,
  tambonId: number,
  meetingId: number,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(attendances)
    .where(tambonWhere(attendances, tambonId, { meetingId }));
  return Number(row?.n ?? 0);
}
