import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { DbOrTx } from "../../core/db/index.ts";
import { paged, PAGE_SIZE, type Page } from "../../core/paging.ts";
import { roleGrants, tambonMembers, users, villages } from "../../core/db/schema.ts";
import {
  agendaItems,
  attendances,
  groupMemberships,
  meetingFiles,
  meetings,
  nominations,
  resolutionLinks,
  resolutions,
  resolutionVotes,
  villageRepTerms,
  workGroups,
} from "./schema.ts";
import { bangkokDay } from "./meeting.ts";
import type { MeetingKind, Step } from "./meeting.ts";
import { checkQuorum, type QuorumResult, type RepTerm } from "./quorum.ts";

/** A village row. */
export type VillageRow = typeof villages.$inferSelect;
/** A group row. */
export type GroupRow = typeof workGroups.$inferSelect;
/** A membership row. */
export type MembershipRow = typeof groupMemberships.$inferSelect;
/** A meeting row. */
export type MeetingRow = typeof meetings.$inferSelect;
/** An agenda item row. */
export type AgendaRow = typeof agendaItems.$inferSelect;
/** An attendance row. */
export type AttendanceRow = typeof attendances.$inferSelect;
/** A resolution row. */
export type ResolutionRow = typeof resolutions.$inferSelect;
/** A nomination row. */
export type NominationRow = typeof nominations.$inferSelect;
/** A representative term row. */
export type TermRow = typeof villageRepTerms.$inferSelect;

const validId = (id: number) => Number.isInteger(id) && id > 0 && id < 2 ** 31;

/** The villages of a tambon by moo number. */
export function villagesOf(db: DbOrTx, tambonId: number): Promise<VillageRow[]> {
  return db
    .select()
    .from(villages)
    .where(eq(villages.tambonId, tambonId))
    .orderBy(asc(villages.moo));
}

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
    .where(
      and(
        eq(groupMemberships.tambonId, tambonId),
        lte(groupMemberships.startOn, day),
        or(isNull(groupMemberships.endOn), gte(groupMemberships.endOn, day)),
      ),
    )
    .groupBy(groupMemberships.groupId);
  const byGroup = new Map(counts.map((c) => [c.groupId, Number(c.n)]));
  return rows.map((g) => ({ ...g, members: byGroup.get(g.id) ?? 0 }));
}

/** One group of a tambon (undefined for another tambon's). */
export async function getGroup(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<GroupRow | undefined> {
  if (!validId(id)) return undefined;
  const [row] = await db
    .select()
    .from(workGroups)
    .where(and(eq(workGroups.tambonId, tambonId), eq(workGroups.id, id)));
  return row;
}

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
    .where(and(eq(groupMemberships.tambonId, tambonId), eq(groupMemberships.groupId, groupId)))
    .orderBy(asc(groupMemberships.startOn), asc(groupMemberships.id));
  return rows.map((r) => ({
    ...r.m,
    moo: r.moo,
    resolutionNumber: r.resolutionNumber,
    resolutionMeetingId: r.resolutionMeetingId,
  }));
}

/** The representative terms of a tambon that cover a day. */
export async function termsOn(db: DbOrTx, tambonId: number, day: string): Promise<RepTerm[]> {
  return db
    .select({
      userId: villageRepTerms.userId,
      villageId: villageRepTerms.villageId,
      startOn: villageRepTerms.startOn,
      endOn: villageRepTerms.endOn,
    })
    .from(villageRepTerms)
    .where(
      and(
        eq(villageRepTerms.tambonId, tambonId),
        lte(villageRepTerms.startOn, day),
        or(isNull(villageRepTerms.endOn), gte(villageRepTerms.endOn, day)),
      ),
    );
}

/** One village's line of the coverage view. */
export interface CoverageRow {
  village: VillageRow;
  inOffice: number;
  endingSoon: number;
  roleWithoutTerm: number;
  missing: number;
}

/** Representatives in office per village on a day against the tambon's minimum. */
export async function coverage(
  db: DbOrTx,
  tambonId: number,
  day: string,
  minPerVillage: number,
): Promise<CoverageRow[]> {
  const soon = new Date(`${day}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 90);
  const soonDay = soon.toISOString().slice(0, 10);
  const [vs, counts, orphans] = await Promise.all([
    villagesOf(db, tambonId),
    db
      .select({
        villageId: villageRepTerms.villageId,
        n: sql<number>`count(distinct ${villageRepTerms.userId})`,
        soon: sql<number>`count(distinct ${villageRepTerms.userId}) filter (where ${villageRepTerms.endOn} <= ${soonDay})`,
      })
      .from(villageRepTerms)
      .where(
        and(
          eq(villageRepTerms.tambonId, tambonId),
          lte(villageRepTerms.startOn, day),
          or(isNull(villageRepTerms.endOn), gte(villageRepTerms.endOn, day)),
        ),
      )
      .groupBy(villageRepTerms.villageId),
    db
      .select({ villageId: tambonMembers.villageId, n: count() })
      .from(roleGrants)
      .innerJoin(
        tambonMembers,
        and(
          eq(tambonMembers.tambonId, roleGrants.tambonId),
          eq(tambonMembers.userId, roleGrants.userId),
        ),
      )
      .where(
        and(
          eq(roleGrants.tambonId, tambonId),
          eq(roleGrants.role, "village_rep"),
          sql`not exists (select 1 from ${villageRepTerms} where ${villageRepTerms.tambonId} = ${tambonId} and ${villageRepTerms.userId} = ${roleGrants.userId} and ${villageRepTerms.startOn} <= ${day} and (${villageRepTerms.endOn} is null or ${villageRepTerms.endOn} >= ${day}))`,
        ),
      )
      .groupBy(tambonMembers.villageId),
  ]);
  const byVillage = new Map(counts.map((c) => [c.villageId, c]));
  const orphanBy = new Map(orphans.map((o) => [o.villageId, Number(o.n)]));
  return vs.map((v) => {
    const c = byVillage.get(v.id);
    const inOffice = Number(c?.n ?? 0);
    return {
      village: v,
      inOffice,
      endingSoon: Number(c?.soon ?? 0),
      roleWithoutTerm: orphanBy.get(v.id) ?? 0,
      missing: Math.max(0, minPerVillage - inOffice),
    };
  });
}

/** A term with the person's name. */
export type TermView = TermRow & { name: string };

/** The terms of one village (or all), newest first, with names. */
export async function termsOfVillage(
  db: DbOrTx,
  tambonId: number,
  villageId: number | null,
): Promise<TermView[]> {
  const conds: SQL[] = [eq(villageRepTerms.tambonId, tambonId)];
  if (villageId) conds.push(eq(villageRepTerms.villageId, villageId));
  const rows = await db
    .select({ t: villageRepTerms, name: users.name })
    .from(villageRepTerms)
    .innerJoin(users, eq(users.id, villageRepTerms.userId))
    .where(and(...conds))
    .orderBy(asc(villageRepTerms.villageId), asc(users.name), desc(villageRepTerms.startOn));
  return rows.map((r) => ({ ...r.t, name: r.name }));
}

/** One term of a tambon. */
export async function getTerm(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<TermRow | undefined> {
  if (!validId(id)) return undefined;
  const [row] = await db
    .select()
    .from(villageRepTerms)
    .where(and(eq(villageRepTerms.tambonId, tambonId), eq(villageRepTerms.id, id)));
  return row;
}

/** Holders of the village_rep role without a term covering the day (their village and name). */
export async function repsWithoutTerm(
  db: DbOrTx,
  tambonId: number,
  day: string,
): Promise<{ userId: number; name: string; villageId: number | null }[]> {
  return db
    .select({ userId: users.id, name: users.name, villageId: tambonMembers.villageId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .innerJoin(
      tambonMembers,
      and(eq(tambonMembers.tambonId, roleGrants.tambonId), eq(tambonMembers.userId, users.id)),
    )
    .where(
      and(
        eq(roleGrants.tambonId, tambonId),
        eq(roleGrants.role, "village_rep"),
        sql`not exists (select 1 from ${villageRepTerms} where ${villageRepTerms.tambonId} = ${tambonId} and ${villageRepTerms.userId} = ${users.id} and ${villageRepTerms.startOn} <= ${day} and (${villageRepTerms.endOn} is null or ${villageRepTerms.endOn} >= ${day}))`,
      ),
    )
    .orderBy(asc(tambonMembers.villageId), asc(users.name));
}

/** Filters of the meeting list. */
export interface MeetingFilter {
  kind?: MeetingKind | null;
  year?: number | null;
  groupId?: number | null;
  areaId?: number | null;
  step?: Step | null;
  includePrivate: boolean;
  upcoming?: boolean | null;
  now?: Date;
}

/** A page of a tambon's meetings, newest first (upcoming: soonest first). */
export function listMeetings(
  db: DbOrTx,
  tambonId: number,
  f: MeetingFilter,
  page = 1,
  pageSize = PAGE_SIZE,
): Promise<Page<MeetingRow>> {
  const conds: SQL[] = [eq(meetings.tambonId, tambonId)];
  if (!f.includePrivate) conds.push(eq(meetings.isPublic, true));
  if (f.kind) conds.push(eq(meetings.kind, f.kind));
  if (f.groupId) conds.push(eq(meetings.groupId, f.groupId));
  if (f.areaId) conds.push(eq(meetings.areaId, f.areaId));
  if (f.step) conds.push(eq(meetings.step, f.step));
  if (f.year) {
    const ce = f.year > 2400 ? f.year - 543 : f.year;
    conds.push(gte(meetings.startsAt, new Date(`${ce}-01-01T00:00:00+07:00`)));
    conds.push(lt(meetings.startsAt, new Date(`${ce + 1}-01-01T00:00:00+07:00`)));
  }
  const now = f.now ?? new Date();
  if (f.upcoming === true) conds.push(gte(meetings.startsAt, startOfDay(now)));
  if (f.upcoming === false) conds.push(lt(meetings.startsAt, startOfDay(now)));
  const where = and(...conds);
  return paged(
    page,
    async () => (await db.select({ n: count() }).from(meetings).where(where))[0]?.n ?? 0,
    ({ limit, offset }) =>
      db
        .select()
        .from(meetings)
        .where(where)
        .orderBy(f.upcoming ? asc(meetings.startsAt) : desc(meetings.startsAt), desc(meetings.id))
        .limit(limit)
        .offset(offset),
    pageSize,
  );
}

/** Midnight in Bangkok of the day of an instant. */
export function startOfDay(at: Date): Date {
  return new Date(`${bangkokDay(at)}T00:00:00+07:00`);
}

/** One meeting of a tambon. */
export async function getMeeting(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<MeetingRow | undefined> {
  if (!validId(id)) return undefined;
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.tambonId, tambonId), eq(meetings.id, id)));
  return row;
}

/** The agenda of a meeting, in order. */
export function agendaOf(db: DbOrTx, tambonId: number, meetingId: number): Promise<AgendaRow[]> {
  return db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.tambonId, tambonId), eq(agendaItems.meetingId, meetingId)))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
}

/** One agenda item of a tambon. */
export async function getAgendaItem(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<AgendaRow | undefined> {
  if (!validId(id)) return undefined;
  const [row] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.tambonId, tambonId), eq(agendaItems.id, id)));
  return row;
}

/** Who attended a meeting, in the order they were recorded. */
export function attendanceOf(
  db: DbOrTx,
  tambonId: number,
  meetingId: number,
): Promise<AttendanceRow[]> {
  return db
    .select()
    .from(attendances)
    .where(and(eq(attendances.tambonId, tambonId), eq(attendances.meetingId, meetingId)))
    .orderBy(asc(attendances.id));
}

/** One attendance row of a tambon. */
export async function getAttendance(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<AttendanceRow | undefined> {
  if (!validId(id)) return undefined;
  const [row] = await db
    .select()
    .from(attendances)
    .where(and(eq(attendances.tambonId, tambonId), eq(attendances.id, id)));
  return row;
}

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
      .where(
        and(eq(attendances.tambonId, meeting.tambonId), eq(attendances.meetingId, meeting.id)),
      ),
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

/** The resolutions of a meeting, in order (corrections after what they correct). */
export function resolutionsOf(
  db: DbOrTx,
  tambonId: number,
  meetingId: number,
): Promise<ResolutionRow[]> {
  return db
    .select()
    .from(resolutions)
    .where(and(eq(resolutions.tambonId, tambonId), eq(resolutions.meetingId, meetingId)))
    .orderBy(asc(resolutions.number), asc(resolutions.id));
}

/** One resolution row of a tambon. */
export async function getResolutionRow(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<ResolutionRow | undefined> {
  if (!validId(id)) return undefined;
  const [row] = await db
    .select()
    .from(resolutions)
    .where(and(eq(resolutions.tambonId, tambonId), eq(resolutions.id, id)));
  return row;
}

/** The individual votes of a resolution. */
export function votesOf(db: DbOrTx, tambonId: number, resolutionId: number) {
  return db
    .select()
    .from(resolutionVotes)
    .where(
      and(eq(resolutionVotes.tambonId, tambonId), eq(resolutionVotes.resolutionId, resolutionId)),
    )
    .orderBy(asc(resolutionVotes.id));
}

/** What resolutions decided: their links. */
export function linksOf(db: DbOrTx, tambonId: number, resolutionIds: number[]) {
  if (!resolutionIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(resolutionLinks)
    .where(
      and(
        eq(resolutionLinks.tambonId, tambonId),
        inArray(resolutionLinks.resolutionId, resolutionIds),
      ),
    )
    .orderBy(asc(resolutionLinks.id));
}

/** The nominations made at a meeting, with the group's name. */
export async function nominationsOf(db: DbOrTx, tambonId: number, meetingId: number) {
  return db
    .select({ n: nominations, groupName: workGroups.nameTh, groupNameEn: workGroups.nameEn })
    .from(nominations)
    .innerJoin(workGroups, eq(workGroups.id, nominations.groupId))
    .where(and(eq(nominations.tambonId, tambonId), eq(nominations.meetingId, meetingId)))
    .orderBy(asc(nominations.id));
}

/** One nomination of a tambon. */
export async function getNomination(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<NominationRow | undefined> {
  if (!validId(id)) return undefined;
  const [row] = await db
    .select()
    .from(nominations)
    .where(and(eq(nominations.tambonId, tambonId), eq(nominations.id, id)));
  return row;
}

/** One membership of a tambon. */
export async function getMembership(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<MembershipRow | undefined> {
  if (!validId(id)) return undefined;
  const [row] = await db
    .select()
    .from(groupMemberships)
    .where(and(eq(groupMemberships.tambonId, tambonId), eq(groupMemberships.id, id)));
  return row;
}

/** A file of a meeting without its bytes. */
export interface FileInfo {
  id: number;
  meetingId: number;
  kind: "photo" | "document";
  name: string;
  caption: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
}

/** The documents and photos of a meeting (without their bytes). */
export function filesOf(db: DbOrTx, tambonId: number, meetingId: number): Promise<FileInfo[]> {
  return db
    .select({
      id: meetingFiles.id,
      meetingId: meetingFiles.meetingId,
      kind: meetingFiles.kind,
      name: meetingFiles.name,
      caption: meetingFiles.caption,
      mime: meetingFiles.mime,
      bytes: meetingFiles.bytes,
      width: meetingFiles.width,
      height: meetingFiles.height,
    })
    .from(meetingFiles)
    .where(and(eq(meetingFiles.tambonId, tambonId), eq(meetingFiles.meetingId, meetingId)))
    .orderBy(asc(meetingFiles.id));
}

/** A file's info and its meeting (to check the meeting is visible). */
export async function getFileInfo(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<FileInfo | undefined> {
  if (!validId(id)) return undefined;
  const [row] = await db
    .select({
      id: meetingFiles.id,
      meetingId: meetingFiles.meetingId,
      kind: meetingFiles.kind,
      name: meetingFiles.name,
      caption: meetingFiles.caption,
      mime: meetingFiles.mime,
      bytes: meetingFiles.bytes,
      width: meetingFiles.width,
      height: meetingFiles.height,
    })
    .from(meetingFiles)
    .where(and(eq(meetingFiles.tambonId, tambonId), eq(meetingFiles.id, id)));
  return row;
}

/** The bytes of a file (or of its thumbnail). */
export async function fileBytes(
  db: DbOrTx,
  tambonId: number,
  id: number,
  thumb: boolean,
): Promise<Buffer | null> {
  const [row] = await db
    .select({ data: thumb ? meetingFiles.thumb : meetingFiles.data })
    .from(meetingFiles)
    .where(and(eq(meetingFiles.tambonId, tambonId), eq(meetingFiles.id, id)));
  return row?.data ? Buffer.from(row.data) : null;
}

/**
 * Finds the tambon member of a name: the only one of that name in the village when given, else
 * (unless strict) the only one of that name in the tambon.
 */
export async function findMemberByName(
  db: DbOrTx,
  tambonId: number,
  key: string,
  villageId: number | null,
  strict = false,
): Promise<{ userId: number; villageId: number | null } | null> {
  const byName = (inVillage: number | null) =>
    db
      .select({ userId: users.id, villageId: tambonMembers.villageId })
      .from(users)
      .innerJoin(tambonMembers, eq(tambonMembers.userId, users.id))
      .where(
        and(
          eq(tambonMembers.tambonId, tambonId),
          inVillage === null ? undefined : eq(tambonMembers.villageId, inVillage),
          sql`lower(regexp_replace(btrim(${users.name}), '\\s+', ' ', 'g')) = ${key}`,
        ),
      )
      .limit(20);
  if (villageId) {
    const here = await byName(villageId);
    if (here.length === 1) return here[0]!;
    if (here.length > 1 || strict) return null;
  }
  const rows = await byName(null);
  return rows.length === 1 ? rows[0]! : null;
}
