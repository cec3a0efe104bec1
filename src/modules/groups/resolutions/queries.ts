import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";

import { tambonRowOf, tambonWhere, tambonRows, anyOf } from "../../../core/db/tambon-row.ts";
import {
  nominations,
  resolutionLinks,
  resolutions,
  resolutionVotes,
  workGroups,
  groupMemberships,
} from "../schema.ts";

/** A resolution row. */
export type ResolutionRow = typeof resolutions.$inferSelect;
/** A nomination row. */
export type NominationRow = typeof nominations.$inferSelect;
/** The resolutions of a meeting, in order (corrections after what they correct). */
export function resolutionsOf(
  db: DbOrTx,
  tambonId: number,
  meetingId: number,
): Promise<ResolutionRow[]> {
  return tambonRows(
    db,
    resolutions,
    tambonId,
    { meetingId },
    asc(resolutions.number),
    asc(resolutions.id),
  );
}

/** One resolution row of a tambon. */
export const getResolutionRow = tambonRowOf(resolutions);

/** The individual votes of a resolution. */
export function votesOf(db: DbOrTx, tambonId: number, resolutionId: number) {
  return tambonRows(db, resolutionVotes, tambonId, { resolutionId }, asc(resolutionVotes.id));
}

/** What resolutions decided: their links. */
export function linksOf(db: DbOrTx, tambonId: number, resolutionIds: number[]) {
  if (!resolutionIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(resolutionLinks)
    .where(tambonWhere(resolutionLinks, tambonId, { resolutionId: anyOf(resolutionIds) }))
    .orderBy(asc(resolutionLinks.id));
}

/** The nominations made at a meeting, with the group's name. */
export async function nominationsOf(db: DbOrTx, tambonId: number, meetingId: number) {
  return db
    .select({ n: nominations, groupName: workGroups.nameTh, groupNameEn: workGroups.nameEn })
    .from(nominations)
    .innerJoin(workGroups, eq(workGroups.id, nominations.groupId))
    .where(tambonWhere(nominations, tambonId, { meetingId }))
    .orderBy(asc(nominations.id));
}

/** One nomination of a tambon. */
export const getNomination = tambonRowOf(nominations);

/** Memberships by id with their groups (what a resolution approved). */
export function membershipsWithGroups(db: DbOrTx, tambonId: number, ids: number[]) {
  return db
    .select({ m: groupMemberships, g: workGroups })
    .from(groupMemberships)
    .innerJoin(workGroups, eq(workGroups.id, groupMemberships.groupId))
    .where(tambonWhere(groupMemberships, tambonId, { id: anyOf(ids) }));
}
