import { type DbOrTx } from "../../../core/db/index.ts";
import { asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { siteComplaintEvents, siteComplaints } from "../schema.ts";
import { roleGrants, users } from "../../../core/db/schema.ts";
import { COMPLAINT_STATUSES } from "./commands.ts";
import { tambonWhere, tambonRows, anyOf } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** Complaints of the general channel per month (filed and closed), the last 12 months. */
export async function complaintsPerMonth(db: DbOrTx, tambonId: number, channel = "general") {
  const month = sql<string>`to_char(${siteComplaints.createdAt} at time zone 'Asia/Bangkok', 'YYYY-MM')`;
  const rows = await db
    .select({
      month,
      n: count(),
      closed: sql<number>`count(${siteComplaints.closedAt})`,
    })
    .from(siteComplaints)
    .where(tambonWhere(siteComplaints, tambonId, { channel: channel as "general" }))
    .groupBy(month)
    .orderBy(desc(month))
    .limit(12);
  return rows.map((r) => ({ month: r.month, n: Number(r.n), closed: Number(r.closed) }));
}

/** A complaint of a tambon by its tracking code. */
export async function complaintByCode(db: DbOrTx, tambonId: number, code: string) {
  const [row] = await tambonRows(db, siteComplaints, tambonId, { code });
  return row;
}

/** The complaint a stored photo belongs to (its channel decides who may see it). */
export async function complaintByPhoto(db: DbOrTx, tambonId: number, photo: string) {
  const [row] = await db
    .select({ channel: siteComplaints.channel })
    .from(siteComplaints)
    .where(tambonWhere(siteComplaints, tambonId, { photo }));
  return row;
}

/** What happened to a complaint, in order, with the staff member who did it. */
export function complaintEvents(db: DbOrTx, tambonId: number, complaintId: number) {
  return db
    .select({
      ...pick(siteComplaintEvents, "status", "note", "at"),
      actorName: users.name,
    })
    .from(siteComplaintEvents)
    .leftJoin(users, eq(users.id, siteComplaintEvents.actorId))
    .where(tambonWhere(siteComplaintEvents, tambonId, { complaintId }))
    .orderBy(asc(siteComplaintEvents.at), asc(siteComplaintEvents.id));
}

/** The complaints of a channel, newest first, optionally of one status. */
export function listComplaints(
  db: DbOrTx,
  tambonId: number,
  channel: "general" | "corruption",
  status: string,
) {
  const filter = (COMPLAINT_STATUSES as readonly string[]).includes(status)
    ? eq(siteComplaints.status, status as (typeof COMPLAINT_STATUSES)[number])
    : undefined;
  return db
    .select()
    .from(siteComplaints)
    .where(tambonWhere(siteComplaints, tambonId, { channel }, filter))
    .orderBy(desc(siteComplaints.createdAt))
    .limit(500);
}

/** The people who may handle a complaint of a channel (admins; editors too for general ones). */
export async function complaintStaff(
  db: DbOrTx,
  tambonId: number,
  channel: "general" | "corruption",
) {
  const ids = await db
    .selectDistinct({ id: roleGrants.userId })
    .from(roleGrants)
    .where(
      tambonWhere(roleGrants, tambonId, {
        role: anyOf(channel === "corruption" ? ["admin"] : ["admin", "editor"]),
      }),
    );
  if (!ids.length) return [];
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      inArray(
        users.id,
        ids.map((s) => s.id),
      ),
    )
    .orderBy(asc(users.name));
}
