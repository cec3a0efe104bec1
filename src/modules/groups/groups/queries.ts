import { asc, count, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { runningOn } from "../shared/queries.ts";
import { tambonRowOf, tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { pageCache } from "../../../core/page-cache.ts";
import { villages } from "../../../core/db/schema.ts";
import { groupMemberships, meetings, resolutions, workGroups } from "../schema.ts";
import { visibleMeetings, type MeetingRow } from "../meetings/queries.ts";
import { pick } from "../../../core/pick.ts";

/** A group row. */
export type GroupRow = typeof workGroups.$inferSelect;
/** A membership row. */
export type MembershipRow = typeof groupMemberships.$inferSelect;
/** The groups of a tambon (central first), with the number of members on the day. */
export async function listGroups(
  db: DbOrTx,
  tambonId: number,
  day: string,
): Promise<(GroupRow & { members: number })[]> {
  const rows = await db
    .select()
    .from(workGroups)
    .where(eq(workGroups.tambonId, tambonId))
    .orderBy(
      sql`case ${workGroups.kind} when 'central' then 0 when 'issue_team' then 1 else 2 end`,
      asc(workGroups.nameTh),
      asc(workGroups.id),
    );
  const counts = await db
    .select({ groupId: groupMemberships.groupId, n: count() })
    .from(groupMemberships)
    .where(tambonWhere(groupMemberships, tambonId, {}, ...runningOn(groupMemberships, day)))
    .groupBy(groupMemberships.groupId);
  const byGroup = new Map(counts.map((c) => [c.groupId, Number(c.n)]));
  return rows.map((g) => ({ ...g, members: byGroup.get(g.id) ?? 0 }));
}

/** One group of a tambon (undefined for another tambon's). */
export const getGroup = tambonRowOf(workGroups);

/** A membership with the village's moo and the approving resolution's number. */
export type MembershipView = MembershipRow & {
  moo: number | null;
  resolutionNumber: number | null;
  resolutionMeetingId: number | null;
};

/** Every membership period of a group (its whole history). */
export async function groupHistory(
  db: DbOrTx,
  tambonId: number,
  groupId: number,
): Promise<MembershipView[]> {
  const rows = await db
    .select({
      m: groupMemberships,
      moo: villages.moo,
      resolutionNumber: resolutions.number,
      resolutionMeetingId: resolutions.meetingId,
    })
    .from(groupMemberships)
    .leftJoin(villages, eq(villages.id, groupMemberships.villageId))
    .leftJoin(resolutions, eq(resolutions.id, groupMemberships.resolutionId))
    .where(tambonWhere(groupMemberships, tambonId, { groupId }))
    .orderBy(asc(groupMemberships.startOn), asc(groupMemberships.id));
  return rows.map((r) => ({
    ...r.m,
    ...pick(r, "moo", "resolutionNumber", "resolutionMeetingId"),
  }));
}

/** One membership of a tambon. */
export const getMembership = tambonRowOf(groupMemberships);

/** Every group of a tambon, dissolved ones too, in the order they were made. */
export function groupsOf(db: DbOrTx, tambonId: number): Promise<GroupRow[]> {
  return tambonRows(db, workGroups, tambonId, {}, asc(workGroups.id));
}

/** `groupsOf` for pages, kept until the tambon changes: read-only, never inside a command. */
export function keptGroups(db: DbOrTx, tambonId: number): Promise<GroupRow[]> {
  return pageCache.memo(tambonId, "groups:groups", () => groupsOf(db, tambonId));
}

/** The latest meetings a group held or was invited to (public ones unless `includePrivate`). */
export function meetingsOfGroup(
  db: DbOrTx,
  tambonId: number,
  groupId: number,
  includePrivate: boolean,
): Promise<MeetingRow[]> {
  return visibleMeetings(
    db,
    tambonId,
    includePrivate,
    desc(meetings.startsAt),
    50,
    sql`(${meetings.groupId} = ${groupId} or ${groupId} = any(${meetings.invitedGroupIds}))`,
  );
}
