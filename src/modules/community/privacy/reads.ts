import { and, count, desc, eq, gte, isNotNull, lt, type SQL } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { DbOrTx } from "../../../core/db/index.ts";
import { users } from "../../../core/db/schema.ts";
import { currentTambon } from "../../../core/http.ts";
import { paged, type Page } from "../../../core/paging.ts";
import { personalReads } from "../schema.ts";
import type { ReadSubject } from "../shared/kinds.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/**
 * Writes one row of the read log for a page or export that showed personal data: who (the
 * request's user), in which tambon, what (`subject`, its id, a detail such as the page's path)
 * and how many records. Every page and export of personal data calls it once.
 */
export async function logPersonalRead(
  db: DbOrTx,
  req: FastifyRequest,
  read: { subject: ReadSubject; subjectId?: number | null; detail?: string; records?: number },
): Promise<void> {
  await db.insert(personalReads).values({
    tambonId: currentTambon(req).id,
    userId: req.actor.user?.id ?? null,
    subject: read.subject,
    subjectId: read.subjectId ?? null,
    detail: (read.detail ?? req.url).slice(0, 500),
    records: read.records ?? 1,
  });
}

/** The read log's filters: a person's record, a user, a range of days (Bangkok). */
export interface ReadFilter {
  personId: number | null;
  userId: number | null;
  from: string | null;
  to: string | null;
}

export interface ReadRow {
  id: number;
  at: Date;
  userId: number | null;
  userName: string | null;
  subject: ReadSubject;
  subjectId: number | null;
  detail: string;
  records: number;
}

/** One page of the tambon's read log, newest first. */
export function listReads(
  db: DbOrTx,
  tambonId: number,
  filter: ReadFilter,
  page: number,
): Promise<Page<ReadRow>> {
  const conds: SQL[] = [eq(personalReads.tambonId, tambonId)];
  if (filter.personId !== null)
    conds.push(eq(personalReads.subject, "person"), eq(personalReads.subjectId, filter.personId));
  if (filter.userId !== null) conds.push(eq(personalReads.userId, filter.userId));
  if (filter.from) conds.push(gte(personalReads.at, new Date(`${filter.from}T00:00:00+07:00`)));
  if (filter.to) {
    const end = new Date(`${filter.to}T00:00:00+07:00`);
    end.setUTCDate(end.getUTCDate() + 1);
    conds.push(lt(personalReads.at, end));
  }
  const where = and(...conds);
  return paged(
    page,
    async () => (await db.select({ n: count() }).from(personalReads).where(where))[0]!.n,
    ({ limit, offset }) =>
      db
        .select({
          ...pick(personalReads, "id", "at", "userId"),
          userName: users.name,
          ...pick(personalReads, "subject", "subjectId", "detail", "records"),
        })
        .from(personalReads)
        .leftJoin(users, eq(users.id, personalReads.userId))
        .where(where)
        .orderBy(desc(personalReads.id))
        .limit(limit)
        .offset(offset),
  );
}

/** Everyone who appears in the tambon's read log, for its filter. */
export function readersOf(db: DbOrTx, tambonId: number) {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(personalReads)
    .innerJoin(users, eq(users.id, personalReads.userId))
    .where(tambonWhere(personalReads, tambonId, {}, isNotNull(personalReads.userId)));
}
