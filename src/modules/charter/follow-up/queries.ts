import { and, asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { users } from "../../../core/db/schema.ts";
import { charterClauseLinks, charterClauseProgress } from "../schema.ts";
import { type Progress } from "../edition.ts";
import type { LinkRow } from "../charters/queries.ts";
import { tambonRows } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** What a progress entry says, and who wrote it. */
const entryColumns = {
  status: charterClauseProgress.status,
  note: charterClauseProgress.note,
  at: charterClauseProgress.createdAt,
  author: users.name,
};

/** The progress entries of one charter of the tambon. */
const ofCharter = (tambonId: number, charterId: number) => [
  eq(charterClauseProgress.tambonId, tambonId),
  eq(charterClauseProgress.charterId, charterId),
];

/** The current implementation status of each clause of a charter (newest entry per clause). */
export async function progressOf(
  db: DbOrTx,
  tambonId: number,
  charterId: number,
): Promise<Map<number, { status: Progress; note: string; at: Date; author: string | null }>> {
  const rows = await db
    .select({ key: charterClauseProgress.clauseKey, ...entryColumns })
    .from(charterClauseProgress)
    .leftJoin(users, eq(users.id, charterClauseProgress.authorId))
    .where(and(...ofCharter(tambonId, charterId)))
    .orderBy(asc(charterClauseProgress.id));
  const out = new Map<
    number,
    { status: Progress; note: string; at: Date; author: string | null }
  >();
  for (const r of rows) out.set(r.key, { ...pick(r, "status", "note", "at", "author") });
  return out;
}

/** The history of a clause's status, newest first. */
export function progressHistory(
  db: DbOrTx,
  tambonId: number,
  charterId: number,
  clauseKey: number,
) {
  return db
    .select({ id: charterClauseProgress.id, ...entryColumns })
    .from(charterClauseProgress)
    .leftJoin(users, eq(users.id, charterClauseProgress.authorId))
    .where(and(...ofCharter(tambonId, charterId), eq(charterClauseProgress.clauseKey, clauseKey)))
    .orderBy(desc(charterClauseProgress.id))
    .limit(50);
}

/** The links of a charter's clauses, by clause key. */
export async function linksOf(
  db: DbOrTx,
  tambonId: number,
  charterId: number,
): Promise<Map<number, LinkRow[]>> {
  const rows = await tambonRows(
    db,
    charterClauseLinks,
    tambonId,
    { charterId },
    asc(charterClauseLinks.id),
  );
  const out = new Map<number, LinkRow[]>();
  for (const r of rows) out.set(r.clauseKey, [...(out.get(r.clauseKey) ?? []), r]);
  return out;
}
