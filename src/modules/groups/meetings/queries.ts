import { and, asc, count, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonRowOf, tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { keptCount, paged, PAGE_SIZE, type Page } from "../../../core/paging.ts";
import { jsonRows } from "../../../core/db/json-rows.ts";
import { pageCache } from "../../../core/page-cache.ts";
import { prepared, type Holes } from "../../../core/db/prepared.ts";
import { agendaItems, attendances, meetingFiles, meetings, resolutions } from "../schema.ts";
import type { AttendanceRow } from "../attendance/queries.ts";
import { fileInfoColumns, type FileInfo } from "../files/queries.ts";
import { validId } from "../shared/queries.ts";
import type { ResolutionRow } from "../resolutions/queries.ts";
import { bangkokDay } from "./meeting.ts";
import type { MeetingKind, Step } from "./meeting.ts";

/** A meeting row. */
export type MeetingRow = typeof meetings.$inferSelect;
/** An agenda item row. */
export type AgendaRow = typeof agendaItems.$inferSelect;
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
    keptCount(
      tambonId,
      `meetings:${JSON.stringify({ ...f, now: undefined })}:${f.upcoming == null ? "" : startOfDay(now).getTime()}`,
      async () => (await db.select({ n: count() }).from(meetings).where(where))[0]?.n ?? 0,
    ),
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
export const getMeeting = tambonRowOf(meetings);

/** What a meeting's page shows of its own records. */
export interface MeetingRecords {
  agenda: AgendaRow[];
  resolutions: ResolutionRow[];
  attendance: AttendanceRow[];
  files: FileInfo[];
}

/** A meeting's records (agenda, resolutions, attendance, files) of the tambon asked for. */
const recordsOf = (table: { tambonId: PgColumn; meetingId: PgColumn }) =>
  tambonWhere(table, sql.placeholder("tambonId"), { meetingId: meetings.id });
const agendaJson = jsonRows(agendaItems, recordsOf(agendaItems), [
  asc(agendaItems.position),
  asc(agendaItems.id),
]);
const resolutionsJson = jsonRows(resolutions, recordsOf(resolutions), [
  asc(resolutions.number),
  asc(resolutions.id),
]);
const attendanceJson = jsonRows(attendances, recordsOf(attendances), [asc(attendances.id)]);
const filesJson = jsonRows(
  meetingFiles,
  recordsOf(meetingFiles),
  [asc(meetingFiles.id)],
  fileInfoColumns,
);
const meetingStatement = prepared(
  "meeting_with_records",
  (db, p: Holes<{ tambonId: number; id: number }>) =>
    db
      .select({
        meeting: meetings,
        agenda: agendaJson.sql,
        resolutions: resolutionsJson.sql,
        attendance: attendanceJson.sql,
        files: filesJson.sql,
      })
      .from(meetings)
      .where(tambonWhere(meetings, p.tambonId, { id: p.id })),
);

/** `meetingWithRecords`, kept until the tambon changes (who may see it is decided after). */
export function keptMeeting(db: DbOrTx, tambonId: number, id: number) {
  return pageCache.memo(tambonId, `groups:meeting:${id}`, () =>
    meetingWithRecords(db, tambonId, id),
  );
}

/**
 * A meeting of a tambon with its agenda, resolutions, attendance and files (without their
 * bytes), each in the order its own query gives, in one statement; undefined as getMeeting.
 */
export async function meetingWithRecords(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<(MeetingRecords & { meeting: MeetingRow }) | undefined> {
  if (!validId(id)) return undefined;
  const [row] = await meetingStatement(db, { tambonId, id });
  if (!row) return undefined;
  return {
    meeting: row.meeting,
    agenda: agendaJson.read(row.agenda),
    resolutions: resolutionsJson.read(row.resolutions),
    attendance: attendanceJson.read(row.attendance),
    files: filesJson.read(row.files),
  };
}

/** The agenda of a meeting, in order. */
export function agendaOf(db: DbOrTx, tambonId: number, meetingId: number): Promise<AgendaRow[]> {
  return tambonRows(
    db,
    agendaItems,
    tambonId,
    { meetingId },
    asc(agendaItems.position),
    asc(agendaItems.id),
  );
}

/** One agenda item of a tambon. */
export const getAgendaItem = tambonRowOf(agendaItems);

/** The years (Bangkok time) in which a tambon held meetings, latest first. */
export async function meetingYears(db: DbOrTx, tambonId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({
      y: sql<number>`extract(year from ${meetings.startsAt} at time zone 'Asia/Bangkok')::int`,
    })
    .from(meetings)
    .where(eq(meetings.tambonId, tambonId))
    .orderBy(desc(sql`1`));
  return rows.map((r) => Number(r.y));
}

/** A tambon's meetings, latest first (public ones unless `includePrivate`), up to `limit`. */
export function latestMeetings(
  db: DbOrTx,
  tambonId: number,
  includePrivate: boolean,
  limit: number,
): Promise<MeetingRow[]> {
  return visibleMeetings(db, tambonId, includePrivate, desc(meetings.startsAt), limit);
}

/**
 * A tambon's meetings that `match` picks (every one when absent), public ones only unless
 * `includePrivate`, in `order`, up to `limit`.
 */
export function visibleMeetings(
  db: DbOrTx,
  tambonId: number,
  includePrivate: boolean,
  order: SQL,
  limit: number,
  match?: SQL,
): Promise<MeetingRow[]> {
  return db
    .select()
    .from(meetings)
    .where(
      tambonWhere(
        meetings,
        tambonId,
        {},
        match,
        includePrivate ? undefined : eq(meetings.isPublic, true),
      ),
    )
    .orderBy(order)
    .limit(limit);
}
