import { asc, desc, eq, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { decisionEvents } from "../schema.ts";
import { GENESIS, eventHash, type ChainEvent } from "../hash-chain.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** Appends an event to the tambon's hash chain (inside the caller's transaction); returns its hash. */
export async function appendEvent(
  tx: DbOrTx,
  tambonId: number,
  kind: string,
  questionId: number | null,
  payload: Record<string, unknown>,
): Promise<ChainEvent> {
  // One writer per tambon at a time, so seq and prev_hash follow each other.
  await tx.execute(sql`select pg_advisory_xact_lock(7001, ${tambonId})`);
  const [last] = await tx
    .select({ seq: decisionEvents.seq, hash: decisionEvents.hash })
    .from(decisionEvents)
    .where(eq(decisionEvents.tambonId, tambonId))
    .orderBy(desc(decisionEvents.seq))
    .limit(1);
  const base = {
    seq: (last?.seq ?? 0) + 1,
    kind,
    questionId,
    payload,
    at: new Date().toISOString(),
    prevHash: last?.hash ?? GENESIS,
  };
  const event: ChainEvent = { ...base, hash: eventHash(base) };
  await tx.insert(decisionEvents).values({
    tambonId,
    ...pick(event, "seq", "kind", "questionId", "payload", "at", "prevHash", "hash"),
  });
  return event;
}

/** The tambon's chain from the first event up to (and including) seq. */
export async function chainUpTo(db: DbOrTx, tambonId: number, seq: number): Promise<ChainEvent[]> {
  const rows = await db
    .select()
    .from(decisionEvents)
    .where(tambonWhere(decisionEvents, tambonId, {}, lte(decisionEvents.seq, seq)))
    .orderBy(asc(decisionEvents.seq));
  return rows.map((r) => ({
    ...pick(r, "seq", "kind", "questionId", "payload", "at", "prevHash", "hash"),
  }));
}
