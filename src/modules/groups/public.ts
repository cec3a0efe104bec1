import { asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../core/db/index.ts";
import { agendaItems, meetings, resolutionLinks, resolutions } from "./schema.ts";
import { bangkokDay, type MeetingKind } from "./meetings/meeting.ts";
import { groupHistory } from "./groups/queries.ts";
import { termsOn } from "./representatives/queries.ts";
import { membersOn } from "./groups/group.ts";
import type { QuorumResult, RepTerm } from "./attendance/quorum.ts";
import type { DecisionMethod, Outcome } from "./resolutions/resolution.ts";
import { tambonWhere, anyOf } from "../../core/db/tambon-row.ts";
import { pick } from "../../core/pick.ts";

export { checkQuorum } from "./attendance/quorum.ts";
export { reencodeStoredPhotos } from "./files/commands.ts";
export type { QuorumInput, QuorumResult, RepTerm, VillageQuorum } from "./attendance/quorum.ts";
export type { DecisionMethod, Outcome } from "./resolutions/resolution.ts";
export type { MeetingKind, Step } from "./meetings/meeting.ts";

/** A resolution as other modules see it (the charter adopts by one; decisions cite them). */
export interface Resolution {
  id: number;
  tambonId: number;
  meetingId: number;
  meetingTitleTh: string;
  meetingKind: MeetingKind;
  /** The day of the meeting that decided it (YYYY-MM-DD, Bangkok). */
  decidedOn: string;
  number: number;
  textTh: string;
  textEn: string;
  /** The title of the agenda item (วาระ) it was decided under, if any. */
  agendaItemTh: string | null;
  agendaItemEn: string | null;
  method: DecisionMethod;
  votes: { for: number; against: number; abstain: number } | null;
  outcome: Outcome;
  /** Whether the village quorum held when it was decided; null when the meeting had no quorum rule. */
  quorumMet: boolean | null;
  quorum: QuorumResult | null;
  /** True once the meeting's minutes are confirmed: from then on the record never changes. */
  confirmed: boolean;
  /** The resolution this one corrects, and the one that corrects this one (if any). */
  correctsId: number | null;
  correctedById: number | null;
  /** What it decided: links to records of any module, from the whole correction chain. */
  links: { targetType: string; targetId: number }[];
}

const validId = (id: number) => Number.isInteger(id) && id > 0 && id < 2 ** 31;

/** One resolution of a tambon with its quorum status and links (undefined for another tambon's). */
export async function getResolution(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<Resolution | undefined> {
  if (!validId(id)) return undefined;
  const [row] = await db
    .select({
      r: resolutions,
      m: meetings,
      agendaTh: agendaItems.titleTh,
      agendaEn: agendaItems.titleEn,
    })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .leftJoin(agendaItems, tambonWhere(agendaItems, tambonId, { id: resolutions.agendaItemId }))
    .where(tambonWhere(resolutions, tambonId, { id }));
  if (!row) return undefined;
  const chain = await db
    .select({ id: resolutions.id, correctsId: resolutions.correctsId })
    .from(resolutions)
    .where(tambonWhere(resolutions, tambonId, { meetingId: row.r.meetingId }));
  const byId = new Map(chain.map((c) => [c.id, c]));
  const ids = new Set<number>([id]);
  for (let c = byId.get(id); c?.correctsId && !ids.has(c.correctsId); c = byId.get(c.correctsId))
    ids.add(c.correctsId);
  const correctedBy = chain.find((c) => c.correctsId === id)?.id ?? null;
  const links = await db
    .select({ targetType: resolutionLinks.targetType, targetId: resolutionLinks.targetId })
    .from(resolutionLinks)
    .where(tambonWhere(resolutionLinks, tambonId, { resolutionId: anyOf([...ids]) }))
    .orderBy(asc(resolutionLinks.id));
  const r = row.r;
  return {
    id: r.id,
    tambonId,
    meetingId: r.meetingId,
    meetingTitleTh: row.m.titleTh,
    meetingKind: row.m.kind,
    decidedOn: bangkokDay(row.m.startsAt),
    ...pick(r, "number", "textTh", "textEn"),
    agendaItemTh: row.agendaTh ?? null,
    agendaItemEn: row.agendaEn ?? null,
    method: r.method,
    votes:
      r.votesFor === null
        ? null
        : { for: r.votesFor, against: r.votesAgainst ?? 0, abstain: r.votesAbstain ?? 0 },
    ...pick(r, "outcome", "quorumMet", "quorum"),
    confirmed: !!row.m.minutesConfirmedAt,
    correctsId: r.correctsId,
    correctedById: correctedBy,
    links,
  };
}

/**
 * Links a resolution to what it decided (a charter edition, a plan …). Call it inside the command
 * that records the change, which writes its own audit row; linking twice is harmless.
 */
export async function linkResolution(
  tx: DbOrTx,
  tambonId: number,
  resolutionId: number,
  targetType: string,
  targetId: number,
): Promise<boolean> {
  const [r] = await tx
    .select({ id: resolutions.id })
    .from(resolutions)
    .where(tambonWhere(resolutions, tambonId, { id: resolutionId }));
  if (!r) return false;
  await tx
    .insert(resolutionLinks)
    .values({ tambonId, resolutionId, targetType, targetId })
    .onConflictDoNothing();
  return true;
}

/** The resolutions that decided a record (e.g. the resolution adopting a charter edition). */
export async function resolutionsLinkedTo(
  db: DbOrTx,
  tambonId: number,
  targetType: string,
  targetId: number,
): Promise<Resolution[]> {
  const rows = await db
    .select({ id: resolutionLinks.resolutionId })
    .from(resolutionLinks)
    .where(tambonWhere(resolutionLinks, tambonId, { targetType, targetId }))
    .orderBy(asc(resolutionLinks.id));
  const out: Resolution[] = [];
  for (const r of rows) {
    const res = await getResolution(db, tambonId, r.id);
    if (res) out.push(res);
  }
  return out;
}

/** Adopted resolutions of a tambon (or of one meeting), newest first (optionally only quorate ones), to choose from. */
export async function listAdoptedResolutions(
  db: DbOrTx,
  tambonId: number,
  opts: { quorateOnly?: boolean; limit?: number; meetingId?: number } = {},
): Promise<
  {
    id: number;
    meetingId: number;
    number: number;
    textTh: string;
    meetingTitleTh: string;
    decidedOn: string;
    quorumMet: boolean | null;
  }[]
> {
  const rows = await db
    .select({
      ...pick(resolutions, "id", "meetingId", "number", "textTh", "quorumMet"),
      meetingTitleTh: meetings.titleTh,
      startsAt: meetings.startsAt,
    })
    .from(resolutions)
    .innerJoin(meetings, eq(meetings.id, resolutions.meetingId))
    .where(
      tambonWhere(
        resolutions,
        tambonId,
        { outcome: "adopted" },
        opts.quorateOnly ? eq(resolutions.quorumMet, true) : undefined,
        opts.meetingId !== undefined ? eq(resolutions.meetingId, opts.meetingId) : undefined,
      ),
    )
    .orderBy(desc(meetings.startsAt), desc(resolutions.number))
    .limit(opts.limit ?? 200);
  return rows.map(({ startsAt, ...r }) => ({ ...r, decidedOn: bangkokDay(startsAt) }));
}

/** A meeting as other modules list it (the charter's hearing meetings). */
export interface MeetingSummary {
  id: number;
  kind: MeetingKind;
  titleTh: string;
  titleEn: string;
  /** The day it starts (YYYY-MM-DD, Bangkok). */
  day: string;
  startsAt: Date;
  place: string;
  status: string;
  isPublic: boolean;
}

/**
 * Meetings of a tambon, newest first: those with the given ids (another tambon's are left out),
 * or the latest `limit` ones to choose from.
 */
export async function listMeetings(
  db: DbOrTx,
  tambonId: number,
  opts: { ids?: number[]; limit?: number } = {},
): Promise<MeetingSummary[]> {
  const ids = opts.ids?.filter(validId);
  if (ids && !ids.length) return [];
  const rows = await db
    .select({
      ...pick(
        meetings,
        "id",
        "kind",
        "titleTh",
        "titleEn",
        "startsAt",
        "place",
        "status",
        "isPublic",
      ),
    })
    .from(meetings)
    .where(tambonWhere(meetings, tambonId, {}, ids ? inArray(meetings.id, ids) : undefined))
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(ids ? ids.length : (opts.limit ?? 200));
  return rows.map((m) => ({ ...m, day: bangkokDay(m.startsAt) }));
}

/** The URL of a resolution's public page. */
export function resolutionUrl(tambonSlug: string, id: number): string {
  return `/t/${tambonSlug}/resolutions/${id}`;
}

/** The URL of a meeting's public page. */
export function meetingUrl(tambonSlug: string, id: number): string {
  return `/t/${tambonSlug}/meetings/${id}`;
}

/** The members of a group on a day (YYYY-MM-DD): name, user, position, pillar and village. */
export async function groupMembersOn(db: DbOrTx, tambonId: number, groupId: number, day: string) {
  return membersOn(await groupHistory(db, tambonId, groupId), day).map((m) => ({
    ...pick(m, "userId", "name", "position", "pillar", "villageId", "startOn", "endOn"),
  }));
}

/** The village representatives in office on a day (their terms). */
export function representativesOn(db: DbOrTx, tambonId: number, day: string): Promise<RepTerm[]> {
  return termsOn(db, tambonId, day);
}
