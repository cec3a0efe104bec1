import { count, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/index.ts";
import { users } from "../db/schema.ts";
import { paged, type Page } from "../paging.ts";
import { lineChannels, lineLinks, noticePrefs, notices } from "./schema.ts";
import { tambonWhere, tambonRows } from "../db/tambon-row.ts";
import { pick } from "../pick.ts";

/** A tambon's LINE channel, or null when its admin has not set one. */
export async function lineChannelOf(db: DbOrTx, tambonId: number) {
  const [row] = await db.select().from(lineChannels).where(eq(lineChannels.tambonId, tambonId));
  return row ?? null;
}

/** A member's LINE link in a tambon (linked, or a code waiting to be sent), or null. */
export async function lineLinkOf(db: DbOrTx, tambonId: number, userId: number) {
  const [row] = await tambonRows(db, lineLinks, tambonId, { userId });
  return row ?? null;
}

/** A member's stored choices: `<kind>:<channel>` → wanted. */
export async function choicesOf(
  db: DbOrTx,
  tambonId: number,
  userId: number,
): Promise<Map<string, boolean>> {
  const rows = await tambonRows(db, noticePrefs, tambonId, { userId });
  return new Map(rows.map((r) => [`${r.kind}:${r.channel}`, r.wanted]));
}

/** How many of a tambon's members linked LINE. */
export async function linkedCount(db: DbOrTx, tambonId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(lineLinks)
    .where(tambonWhere(lineLinks, tambonId, {}, isNotNull(lineLinks.lineUserId)));
  return Number(row?.n ?? 0);
}

/** A tambon's notices by status and channel, for the log's summary. */
export async function noticeCounts(db: DbOrTx, tambonId: number) {
  const rows = await db
    .select({ status: notices.status, channel: notices.channel, n: count() })
    .from(notices)
    .where(eq(notices.tambonId, tambonId))
    .groupBy(notices.status, notices.channel);
  const by = (status: string, channel?: string) =>
    rows
      .filter(
        (r) =>
          (r.status === status || (status === "waiting" && r.status === "sending")) &&
          (!channel || r.channel === channel),
      )
      .reduce((s, r) => s + Number(r.n), 0);
  return {
    waiting: by("waiting"),
    sent: by("sent"),
    failed: by("failed"),
    lineWaiting: by("waiting", "line"),
    emailWaiting: by("waiting", "email"),
  };
}

export const NOTICE_STATUSES = ["waiting", "sent", "failed"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** One row of a tambon's notice log. */
export interface NoticeLogRow {
  id: number;
  createdAt: Date;
  sentAt: Date | null;
  name: string | null;
  recipient: string;
  channel: "line" | "email";
  kind: string;
  status: "waiting" | "sending" | "sent" | "failed";
  attempts: number;
  lastError: string;
}

/** A page of a tambon's notices, newest first, optionally of one status. */
export async function noticeLog(
  db: DbOrTx,
  tambonId: number,
  status: NoticeStatus | null,
  page: number,
): Promise<Page<NoticeLogRow>> {
  const where = tambonWhere(
    notices,
    tambonId,
    {},
    status === "waiting"
      ? sql`${notices.status} in ('waiting', 'sending')`
      : status
        ? eq(notices.status, status)
        : undefined,
  );
  return paged(
    page,
    async () => Number((await db.select({ n: count() }).from(notices).where(where))[0]?.n ?? 0),
    ({ limit, offset }) =>
      db
        .select({
          ...pick(notices, "id", "createdAt", "sentAt"),
          name: users.name,
          ...pick(notices, "recipient", "channel", "kind", "status", "attempts", "lastError"),
        })
        .from(notices)
        .leftJoin(users, eq(users.id, notices.userId))
        .where(where)
        .orderBy(desc(notices.id))
        .limit(limit)
        .offset(offset),
  );
}
