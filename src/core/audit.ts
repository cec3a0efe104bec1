import { auditLog } from "./db/schema.ts";
import type { DbOrTx } from "./db/index.ts";
import { pageCache } from "./page-cache.ts";
import { clearActorCache } from "./auth/session.ts";

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

/** Writes an audit row; call it inside the same transaction as the change. */
export async function audit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  if (!entry.action.startsWith("session.")) pageCache.invalidate(entry.tambonId);
  if (/^(user|member|session)\./.test(entry.action)) clearActorCache();
  await tx.insert(auditLog).values({
    tambonId: entry.tambonId,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId == null ? null : String(entry.targetId),
    before: redact(entry.before),
    after: redact(entry.after),
  });
}
