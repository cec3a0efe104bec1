import { inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonMembers, users } from "../../../core/db/schema.ts";
import { attendances, meetings } from "../schema.ts";
import { bangkokDay, nameKey, type AttendeeRole } from "../meetings/meeting.ts";
import { findMemberByName } from "../shared/queries.ts";
import type { AttendanceRow } from "./queries.ts";
import type { MeetingRow } from "../meetings/queries.ts";
import { addArrivals, type RepTerm } from "./quorum.ts";
import { termsOn } from "../representatives/queries.ts";
import { refreshQuorum } from "../meetings/commands.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";

/** One person to record: a member (user id) or a name with village and role. */
export interface AttendeeInput {
  userId?: number | null;
  name?: string;
  villageId: number | null;
  role: AttendeeRole | null;
}

/** What a recording did. */
export interface Recorded {
  meeting: MeetingRow;
  added: AttendanceRow[];
  duplicates: string[];
}

/** The longest name kept on a sign-in sheet. */
export const MAX_NAME = 200;

/** A person to record, with the name on record and the user when there is one. */
interface Resolved {
  userId: number | null;
  name: string;
  villageId: number | null;
  role: AttendeeRole | null;
}

/**
 * Inserts attendees into a locked, open meeting: names are matched to tambon members, a person
 * already signed in is skipped (and reported), and the quorum stored with the meeting is brought
 * up to date (by adding the arrivals to it, or by counting it afresh when the rule changed).
 */
export async function insertAttendees(
  tx: DbOrTx,
  tambonId: number,
  meeting: MeetingRow,
  people: AttendeeInput[],
  recordedBy: number | null,
  selfSigned: boolean,
): Promise<Recorded> {
  const day = bangkokDay(meeting.startsAt);
  const resolved = await resolvePeople(tx, tambonId, people);
  const userIds = [...new Set(resolved.filter((r) => r.userId).map((r) => r.userId!))];
  const terms = userIds.length ? await termsOn(tx, tambonId, day, userIds) : [];
  const termVillage = new Map<number, number>();
  for (const t of terms) if (!termVillage.has(t.userId)) termVillage.set(t.userId, t.villageId);

  // People with an account are kept unique by the database (a second sign-in inserts nothing);
  // people without one are looked up by name and village.
  const seenUsers = new Set<number>();
  const seenNames = await namelessIn(tx, tambonId, meeting.id, resolved);
  const rows: (typeof attendances.$inferInsert)[] = [];
  const duplicates: string[] = [];
  for (const r of resolved) {
    const village = r.userId ? (termVillage.get(r.userId) ?? r.villageId) : r.villageId;
    const key = `${village}|${nameKey(r.name)}`;
    if (r.userId ? seenUsers.has(r.userId) : seenNames.has(key)) {
      duplicates.push(r.name);
      continue;
    }
    if (r.userId) seenUsers.add(r.userId);
    else seenNames.add(key);
    const role: AttendeeRole =
      r.role ?? (r.userId && termVillage.has(r.userId) ? "village_rep" : "resident");
    rows.push({
      tambonId,
      meetingId: meeting.id,
      userId: r.userId,
      name: r.name,
      nameKey: nameKey(r.name),
      villageId: village,
      role,
      selfSigned,
      recordedBy,
    });
  }
  const added = rows.length
    ? await tx.insert(attendances).values(rows).onConflictDoNothing().returning()
    : [];
  const addedUsers = new Set(added.map((a) => a.userId));
  for (const r of rows) if (r.userId && !addedUsers.has(r.userId)) duplicates.push(r.name);
  const fresh = added.length ? await countArrivals(tx, tambonId, meeting, terms, added) : meeting;
  return { meeting: fresh, added, duplicates };
}

/** Every input as a member of the tambon (by id, or matched by name) or a name alone. */
async function resolvePeople(
  tx: DbOrTx,
  tambonId: number,
  people: AttendeeInput[],
): Promise<Resolved[]> {
  const resolved: Resolved[] = [];
  const idsGiven = people.filter((p) => p.userId).map((p) => p.userId!);
  const known = idsGiven.length
    ? await tx
        .select({ id: users.id, name: users.name, villageId: tambonMembers.villageId })
        .from(users)
        .innerJoin(tambonMembers, tambonWhere(tambonMembers, tambonId, { userId: users.id }))
        .where(inArray(users.id, idsGiven))
    : [];
  const knownById = new Map(known.map((k) => [k.id, k]));
  for (const p of people) {
    if (p.userId) {
      const k = knownById.get(p.userId);
      if (!k) continue; // not a member of this tambon
      resolved.push({
        userId: k.id,
        name: k.name,
        villageId: p.villageId ?? k.villageId,
        role: p.role,
      });
      continue;
    }
    const name = (p.name ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_NAME);
    if (!name) continue;
    const match = await findMemberByName(tx, tambonId, nameKey(name), p.villageId);
    resolved.push({
      userId: match?.userId ?? null,
      name,
      villageId: p.villageId ?? match?.villageId ?? null,
      role: p.role,
    });
  }
  return resolved;
}

/** "village|name key" of the people without an account already signed in under these names. */
async function namelessIn(
  tx: DbOrTx,
  tambonId: number,
  meetingId: number,
  resolved: Resolved[],
): Promise<Set<string>> {
  const keys = [...new Set(resolved.filter((r) => !r.userId).map((r) => nameKey(r.name)))];
  if (!keys.length) return new Set();
  const existing = await tx
    .select({ nameKey: attendances.nameKey, villageId: attendances.villageId })
    .from(attendances)
    .where(
      tambonWhere(
        attendances,
        tambonId,
        { meetingId, nameKey: anyOf(keys) },
        isNull(attendances.userId),
      ),
    );
  return new Set(existing.map((e) => `${e.villageId}|${e.nameKey}`));
}

/**
 * Brings the quorum stored with the meeting up to date after arrivals: adds them to the count
 * when the rule and the day are those it was counted for, else counts it afresh.
 */
async function countArrivals(
  tx: DbOrTx,
  tambonId: number,
  meeting: MeetingRow,
  terms: RepTerm[],
  added: AttendanceRow[],
): Promise<MeetingRow> {
  if (meeting.quorumMinPerVillage === null) return meeting;
  const q = meeting.quorum;
  if (
    !q ||
    q.onDate !== bangkokDay(meeting.startsAt) ||
    q.minPerVillage !== meeting.quorumMinPerVillage
  )
    return refreshQuorum(tx, meeting);
  // Only the arrivals change the count: add them to it (each person in one village).
  const scope = new Set(q.villages.map((v) => v.villageId));
  const firstInScope = new Map<number, number>();
  for (const t of terms)
    if (scope.has(t.villageId) && !firstInScope.has(t.userId))
      firstInScope.set(t.userId, t.villageId);
  const arrivals = added
    .filter((a) => a.userId !== null && firstInScope.has(a.userId))
    .map((a) => ({ userId: a.userId!, villageId: firstInScope.get(a.userId!)! }));
  const quorum = addArrivals(q, arrivals);
  const [fresh] = (await tx
    .update(meetings)
    .set({ quorum, quorumMet: quorum.met, updatedAt: new Date() })
    .where(tambonWhere(meetings, tambonId, { id: meeting.id }))
    .returning()) as [MeetingRow];
  return fresh;
}
