import { eq } from "drizzle-orm";
import type { Tx } from "../../../core/db/index.ts";
import { charterComments, charterEditions, charterVersions } from "../schema.ts";
import { applyOp, type DocOp } from "../document-ops.ts";
import type { CharterDoc } from "../document.ts";

/**
 * A version of an edition's text, made the edition's current one; a version that takes in a
 * suggestion (`commentId`) is recorded on the suggestion as the one that applied it.
 */
export async function insertVersion(
  tx: Tx,
  tambonId: number,
  editionId: number,
  number: number,
  doc: CharterDoc,
  note: string,
  source: "start" | "edit" | "suggestion",
  authorId: number | null,
  commentId: number | null = null,
) {
  const [v] = await tx
    .insert(charterVersions)
    .values({ tambonId, editionId, number, doc, note, source, authorId, commentId })
    .returning({ id: charterVersions.id });
  await tx
    .update(charterEditions)
    .set({ currentVersionId: v!.id })
    .where(eq(charterEditions.id, editionId));
  if (commentId !== null)
    await tx
      .update(charterComments)
      .set({ appliedVersionId: v!.id })
      .where(eq(charterComments.id, commentId));
  return v!.id;
}

/** One change to the document; a change the demo's text refuses is a mistake in the demo. */
export function apply(doc: CharterDoc, op: DocOp, nextKey: number) {
  const r = applyOp(doc, op, nextKey);
  if (!r.ok) throw new Error(`demo charter: ${op.op} failed (${r.error})`);
  return r;
}
