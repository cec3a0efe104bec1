import { eq } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../../core/db/index.ts";
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

/** What a command on a comment works with once its checks let it through. */
interface CommentCommand {
  db: Db;
  actor: Actor;
  tambonId: number;
  commentId: number;
  comment: typeof charterComments.$inferSelect;
}

/** The audit row of a rating or decision on a suggestion (`charter.suggestion.<verb>`). */
function auditSuggestion(
  tx: DbOrTx,
  c: CommentCommand,
  verb: "rate" | "accept" | "decline",
  after: Record<string, unknown>,
): Promise<void> {
  return auditBy(tx, c.actor, c.tambonId, {
    action: `charter.suggestion.${verb}`,
    targetType: "charter_comment",
    targetId: c.commentId,
    after,
  });
}

/** A decided or rated suggestion: where its page is. */
type Decided = { editionId: number; clauseKey: number | null };

/**
 * A decision or rating on a comment, as `(db, actor, tambonId, commentId, ...args)`: `run` goes
 * only after the checks each makes first: missing (404) when the comment is not the tambon's, then
 * refused (403) when the actor may not do `action`.
 */
function commentCommand<A extends unknown[], T>(
  action: string,
  run: (c: CommentCommand, ...args: A) => Promise<CharterResult<T>>,
) {
  return async (
    db: Db,
    actor: Actor,
    tambonId: number,
    commentId: number,
    ...args: A
  ): Promise<CharterResult<T>> => {
    if (!toId(commentId)) return missing();
    const comment = await tambonRow(db, charterComments, tambonId, commentId);
    if (!comment) return missing();
    if (!can(actor, action, { tambonId })) return refused();
    return run({ db, actor, tambonId, commentId, comment }, ...args);
  };
}

/** A member rates someone else's suggestion must / should / should-not / must-not (may change it). */
export const rateSuggestion = commentCommand<[rating: string], Decided>(
  "charter.comment",
  async (c, rating) => {
    const { db, actor, tambonId, commentId, comment } = c;
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
      await auditSuggestion(tx, c, "rate", { rating });
    });
    return ok({ editionId: comment.editionId, clauseKey: comment.clauseKey });
  },
);

/**
 * The working group accepts a suggestion: its text replaces the clause (or preamble) in the
 * current draft as a new version credited to the suggestion; the comment records that version.
 */
export const acceptSuggestion = commentCommand<[], Decided & { version: number }>(
  "charter.decide",
  async (c) => {
    const { db, actor, tambonId, commentId, comment } = c;
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
      await auditSuggestion(tx, c, "accept", {
        editionId: edition.id,
        version: saved.value.number,
      });
      return ok({
        editionId: edition.id,
        clauseKey: comment.clauseKey,
        version: saved.value.number,
      });
    });
  },
);

/** The working group declines a suggestion, giving its reason. */
export const declineSuggestion = commentCommand<[reasonText: string], Decided>(
  "charter.decide",
  async (c, reasonText) => {
    const { db, actor, tambonId, commentId, comment } = c;
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
      await auditSuggestion(tx, c, "decline", { reason });
      return ok({ editionId: comment.editionId, clauseKey: comment.clauseKey });
    });
  },
);
