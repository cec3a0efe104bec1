import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { charterCommentRatings, charterComments } from "../schema.ts";
import { cleanText } from "../document.ts";
import { type DocOp } from "../document-ops.ts";
import { isOpenForComments, isRating } from "../edition.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import type { CharterResult } from "../messages.ts";
import { lockEdition, saveVersion } from "../drafting/commands.ts";
import { getEdition, toId } from "../charters/queries.ts";
import { tambonRow, tambonWhere } from "../../../core/db/tambon-row.ts";

/**
 * The comment a decision or rating is about, after the checks each makes first: missing (404)
 * when it is not the tambon's, then refused (403) when the actor may not do `action`.
 */
async function commentFor(
  db: Db,
  actor: Actor,
  tambonId: number,
  id: number,
  action: string,
): Promise<CharterResult<typeof charterComments.$inferSelect>> {
  if (!toId(id)) return missing();
  const row = await tambonRow(db, charterComments, tambonId, id);
  if (!row) return missing();
  if (!can(actor, action, { tambonId })) return refused();
  return ok(row);
}

/** A member rates someone else's suggestion must / should / should-not / must-not (may change it). */
export async function rateSuggestion(
  db: Db,
  actor: Actor,
  tambonId: number,
  commentId: number,
  rating: string,
): Promise<CharterResult<{ editionId: number; clauseKey: number | null }>> {
  const loaded = await commentFor(db, actor, tambonId, commentId, "charter.comment");
  if (!loaded.ok) return loaded;
  const comment = loaded.value;
  if (!isRating(rating)) return fail("rating", "err.required");
  if (comment.kind !== "suggestion") return fail("_form", "error.400");
  if (comment.authorId === actor.user!.id) return fail("rating", "err.ownSuggestion");
  const found = await getEdition(db, tambonId, comment.editionId);
  if (!found || !isOpenForComments(found.edition.status))
    return fail("_form", "err.notOpenForComments");
  if (comment.status !== "open") return fail("_form", "err.alreadyDecided");
  await db.transaction(async (tx) => {
    await tx
      .insert(charterCommentRatings)
      .values({ tambonId, commentId, userId: actor.user!.id, rating })
      .onConflictDoUpdate({
        target: [charterCommentRatings.commentId, charterCommentRatings.userId],
        set: { rating },
      });
    await auditBy(tx, actor, tambonId, {
      action: "charter.suggestion.rate",
      targetType: "charter_comment",
      targetId: commentId,
      after: { rating },
    });
  });
  return ok({ editionId: comment.editionId, clauseKey: comment.clauseKey });
}

/**
 * The working group accepts a suggestion: its text replaces the clause (or preamble) in the
 * current draft as a new version credited to the suggestion; the comment records that version.
 */
export async function acceptSuggestion(
  db: Db,
  actor: Actor,
  tambonId: number,
  commentId: number,
): Promise<CharterResult<{ editionId: number; clauseKey: number | null; version: number }>> {
  const loaded = await commentFor(db, actor, tambonId, commentId, "charter.decide");
  if (!loaded.ok) return loaded;
  const comment = loaded.value;
  if (comment.kind !== "suggestion" || comment.proposedText == null)
    return fail("_form", "error.400");
  return db.transaction(async (tx) => {
    const edition = await lockEdition(tx as Tx, tambonId, comment.editionId);
    if (!edition) return missing();
    const [fresh] = await tx
      .select({ status: charterComments.status })
      .from(charterComments)
      .where(eq(charterComments.id, commentId))
      .for("update");
    if (fresh!.status !== "open") return fail("_form", "err.alreadyDecided");
    const op: DocOp =
      comment.target === "preamble"
        ? { op: "setPreamble", text: comment.proposedText! }
        : { op: "editClause", key: comment.clauseKey ?? 0, text: comment.proposedText! };
    const saved = await saveVersion(tx as Tx, edition, op, actor.user!.id, {
      source: "suggestion",
      commentId,
    });
    if (!saved.ok) {
      const e = saved.errors.text ?? saved.errors._form;
      if (e?.key === "err.doc.notFound") return fail("_form", "err.clauseGone");
      if (e?.key === "err.doc.sameText") return fail("_form", "err.sameAsCurrent");
      return saved;
    }
    await tx
      .update(charterComments)
      .set({
        status: "accepted",
        decidedBy: actor.user!.id,
        decidedAt: new Date(),
        appliedVersionId: saved.value.id,
      })
      .where(tambonWhere(charterComments, tambonId, { id: commentId }));
    await auditBy(tx, actor, tambonId, {
      action: "charter.suggestion.accept",
      targetType: "charter_comment",
      targetId: commentId,
      after: { editionId: edition.id, version: saved.value.number },
    });
    return ok({
      editionId: edition.id,
      clauseKey: comment.clauseKey,
      version: saved.value.number,
    });
  });
}

/** The working group declines a suggestion, giving its reason. */
export async function declineSuggestion(
  db: Db,
  actor: Actor,
  tambonId: number,
  commentId: number,
  reasonText: string,
): Promise<CharterResult<{ editionId: number; clauseKey: number | null }>> {
  const loaded = await commentFor(db, actor, tambonId, commentId, "charter.decide");
  if (!loaded.ok) return loaded;
  const comment = loaded.value;
  if (comment.kind !== "suggestion") return fail("_form", "error.400");
  const reason = cleanText(reasonText);
  if (!reason) return fail("reason", "err.reasonRequired");
  if (reason.length > 2000) return fail("reason", "err.tooLong", { max: 2000 });
  return db.transaction(async (tx) => {
    const edition = await lockEdition(tx as Tx, tambonId, comment.editionId);
    if (!edition || !isOpenForComments(edition.status))
      return fail("_form", "err.notOpenForComments");
    const rows = await tx
      .update(charterComments)
      .set({ status: "declined", reason, decidedBy: actor.user!.id, decidedAt: new Date() })
      .where(tambonWhere(charterComments, tambonId, { id: commentId, status: "open" }))
      .returning({ id: charterComments.id });
    if (!rows.length) return fail("_form", "err.alreadyDecided");
    await auditBy(tx, actor, tambonId, {
      action: "charter.suggestion.decline",
      targetType: "charter_comment",
      targetId: commentId,
      after: { reason },
    });
    return ok({ editionId: comment.editionId, clauseKey: comment.clauseKey });
  });
}
