import { desc, inArray } from "drizzle-orm";
import { users } from "../../../core/db/schema.ts";
import type { DbOrTx, Tx } from "../../../core/db/index.ts";
import { audit, type AuditEntry } from "../../../core/audit.ts";
import { recordChanges } from "../schema.ts";
import type { ChangeAction, ChangeVia, RecordEntity } from "../shared/kinds.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** What changed in a record: `{ field: [before, after] }`. */
export type FieldChanges = Record<string, [unknown, unknown]>;

/** A value as the history keeps it: dates as ISO text, arrays sorted, undefined as null. */
function plain(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return [...value].map(String).sort();
  return value;
}

/**
 * The fields whose values differ between a record before and after a change, among `fields`
 * (a field `after` does not name is unchanged). Arrays compare as sets; dates as ISO text.
 */
export function diffRecord<T extends object>(
  before: Partial<T> | null,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
): FieldChanges {
  const out: FieldChanges = {};
  for (const f of fields) {
    if (!(f in after)) continue;
    const b = plain(before ? before[f] : null);
    const a = plain(after[f]);
    if (JSON.stringify(b) !== JSON.stringify(a)) out[f] = [b, a];
  }
  return out;
}

/**
 * Writes a change to a household or a person inside the change's transaction: the record's history
 * row and the audit row (`community.<entity>.<action>`), which keeps `note` of it (before and
 * after).
 */
export async function logRecordChange(
  tx: Tx,
  change: {
    tambonId: number;
    entity: RecordEntity;
    record: { id: number; version: number };
    action: ChangeAction;
    changes: FieldChanges;
    via: ChangeVia;
    byUser: number | null;
    /** The submission the change came from, when one did. */
    submissionId?: number | null;
  },
  note: Pick<AuditEntry, "before" | "after">,
): Promise<void> {
  const { tambonId, entity, record, action, byUser } = change;
  await tx.insert(recordChanges).values({
    tambonId,
    entity,
    entityId: record.id,
    version: record.version,
    action,
    changes: change.changes,
    via: change.via,
    byUser,
    submissionId: change.submissionId ?? null,
  });
  await audit(tx, {
    tambonId,
    actorId: byUser,
    action: `community.${entity}.${action}`,
    targetType: `community_${entity}`,
    targetId: record.id,
    ...note,
  });
}

/** The history rows of one record of the tambon. */
const ofRecord = (tambonId: number, entity: RecordEntity, entityId: number) =>
  tambonWhere(recordChanges, tambonId, { entity, entityId });

/** A record's history, newest first. */
export function historyOf(db: DbOrTx, tambonId: number, entity: RecordEntity, entityId: number) {
  return db
    .select()
    .from(recordChanges)
    .where(ofRecord(tambonId, entity, entityId))
    .orderBy(desc(recordChanges.id))
    .limit(200);
}

export type HistoryRow = Awaited<ReturnType<typeof historyOf>>[number];

/**
 * Empties the values of a record's history (erasure on request or by the retention job): each
 * row keeps which fields changed, when, by whom and how, never what they were.
 */
export async function blankHistory(
  tx: DbOrTx,
  tambonId: number,
  entity: RecordEntity,
  entityId: number,
): Promise<void> {
  const rows = await tx
    .select({ id: recordChanges.id, changes: recordChanges.changes })
    .from(recordChanges)
    .where(ofRecord(tambonId, entity, entityId));
  for (const r of rows)
    await tx
      .update(recordChanges)
      .set({ changes: Object.fromEntries(Object.keys(r.changes).map((k) => [k, [null, null]])) })
      .where(tambonWhere(recordChanges, tambonId, { id: r.id }));
}

/** The names of the users who made the changes, by id. */
export async function authorNames(db: DbOrTx, rows: HistoryRow[]): Promise<Map<number, string>> {
  const ids = [...new Set(rows.map((r) => r.byUser).filter((x): x is number => x !== null))];
  if (!ids.length) return new Map();
  const found = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(found.map((u) => [u.id, u.name]));
}
