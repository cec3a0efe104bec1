import { auditLog } from "./db/schema.ts";
import type { Db, DbOrTx, Tx } from "./db/index.ts";
import { forgetChange } from "./db/notify.ts";
import { can } from "./policy.ts";
import type { Actor } from "./roles.ts";
import { missing, ok, refused, type Result } from "./result.ts";
import { refuseUnconfirmedChange } from "./unconfirmed.ts";
import { pick } from "./pick.ts";

/** One audit entry: who did what to which target, with a summary of before and after. */
export interface AuditEntry {
  tambonId: number | null;
  actorId: number | null;
  action: string;
  targetType: string;
  targetId?: string | number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

const SECRET_KEYS = /password|token|secret|hash/i;

/** Drops secrets from a summary so they never reach the audit log. */
export function redact(
  value: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (!value) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEYS.test(k) ? "[redacted]" : v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

/**
 * Writes an audit row; call it inside the same transaction as the change. In a request for an
 * action that was not confirmed it throws instead, so the change rolls back (see `confirmFirst`).
 */
export async function audit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  refuseUnconfirmedChange();
  // This process forgets at once; the other instances when the audit row's announcement (the
  // trigger on audit_log) reaches them on commit.
  forgetChange(entry);
  await tx.insert(auditLog).values({
    ...pick(entry, "tambonId", "actorId", "action", "targetType"),
    targetId: entry.targetId == null ? null : String(entry.targetId),
    before: redact(entry.before),
    after: redact(entry.after),
  });
}

/** What a command says of its change; `auditBy` adds the tambon and the acting user. */
export type AuditNote = Omit<AuditEntry, "tambonId" | "actorId">;

/**
 * `audit` for a command run by `actor` in one tambon: the entry's actor is the signed-in user, or
 * none (`null`) for a visitor or the system.
 */
export async function auditBy(
  tx: DbOrTx,
  actor: Actor,
  tambonId: number | null,
  note: AuditNote,
): Promise<void> {
  await audit(tx, { tambonId, actorId: actor.user?.id ?? null, ...note });
}

/**
 * The whole of a command that changes one row of a tambon (removes it, archives it …): the access
 * rule first (`refused()`), then in one transaction the change and, when it touched a row, that
 * row's audit entry; a change that touched no row (another tambon's, or gone) is `missing()`.
 */
export async function auditedChange<R>(
  db: Db,
  actor: Actor,
  tambonId: number,
  action: string,
  change: (tx: Tx) => Promise<R | undefined>,
  entry: (row: R) => AuditNote,
): Promise<Result<R, "error.403" | "error.404">> {
  if (!can(actor, action, { tambonId })) return refused();
  return db.transaction(async (tx) => {
    const row = await change(tx);
    if (row === undefined) return missing();
    await auditBy(tx, actor, tambonId, entry(row));
    return ok(row);
  });
}
