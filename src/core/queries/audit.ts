import { and, asc, count, desc, eq, gte, ilike, isNull, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db/index.ts";
import { auditLog, users } from "../db/schema.ts";
import { paged, type Page } from "../paging.ts";
import { containing } from "./people.ts";
import { pick } from "../pick.ts";

/** One line of the audit log as the administration shows it. */
export interface AuditRow {
  id: number;
  at: Date;
  actor: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** What the audit log is filtered by (days are YYYY-MM-DD, Thai time). */
export interface AuditFilters {
  action?: string;
  who?: string;
  from?: string;
  to?: string;
}

/**
 * One page of the audit log of a tambon, or of the network (`tambonId` null: rows without a
 * tambon), newest first, with the actions that occur in that log (for the filter).
 */
export async function auditEntries(
  db: DbOrTx,
  tambonId: number | null,
  filters: AuditFilters,
  page: number,
): Promise<{ entries: Page<AuditRow>; actions: string[] }> {
  const scope = tambonId === null ? isNull(auditLog.tambonId) : eq(auditLog.tambonId, tambonId);
  const conds: SQL[] = [scope];
  if (filters.action) conds.push(eq(auditLog.action, filters.action));
  if (filters.who) conds.push(ilike(users.name, containing(filters.who)));
  if (filters.from) conds.push(gte(auditLog.at, new Date(`${filters.from}T00:00:00+07:00`)));
  if (filters.to)
    conds.push(
      lt(auditLog.at, new Date(new Date(`${filters.to}T00:00:00+07:00`).getTime() + 86400_000)),
    );
  const where = and(...conds);
  const entries = await paged(
    page,
    async () => {
      const [row] = await db
        .select({ n: count() })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(where);
      return Number(row?.n ?? 0);
    },
    ({ limit, offset }) =>
      db
        .select({
          id: auditLog.id,
          at: auditLog.at,
          actor: users.name,
          ...pick(auditLog, "action", "targetType", "targetId", "before", "after"),
        })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(limit)
        .offset(offset),
  );
  const actions = (
    await db
      .selectDistinct({ action: auditLog.action })
      .from(auditLog)
      .where(scope)
      .orderBy(asc(auditLog.action))
  ).map((r) => r.action);
  return { entries, actions };
}
