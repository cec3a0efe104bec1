import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../../core/db/index.ts";
import { villages } from "../../../core/db/schema.ts";
import { audit } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { charterCommentRatings, charterComments, charterVersions } from "../schema.ts";
import { cleanText, findClause, LIMITS, type DocOp } from "../document.ts";
import { isOpenForComments, isRating } from "../edition.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import type { CharterResult } from "../messages.ts";
import { lockEdition, saveVersion } from "../drafting/commands.ts";
import { parseId } from "../../../core/params.ts";
import { getEdition, toId } from "../charters/queries.ts";

/** What a comment or suggestion is about and says, as typed in the form. */
export interface CommentInput {
  /** "general", "preamble" or a clause key */
  about: string;
  kind: string;
  body: string;
  proposedText: string;
}

type Checked = {
  target: "clause" | "preamble" | "general";
  clauseKey: number | null;
  kind: "comment" | "suggestion";
  body: string;
  proposedText: string | null;
};

async function checkInput(
  db: Db,
  tambonId: number,
  versionId: number,
  input: CommentInput,
): Promise<CharterResult<Checked>> {
  const [version] = await db
    .select({ doc: charterVersions.doc })
    .from(charterVersions)
    .where(and(eq(charterVersions.tambonId, tambonId), eq(charterVersions.id, versionId)));
  if (!version) return missing();
  const kind = input.kind.trim() || "comment";
  if (kind !== "comment" && kind !== "suggestion") return fail("kind", "err.choice");
  let target: Checked["target"] = "general";
  let clauseKey: number | null = null;
  let current = "";
  if (input.about === "preamble") {
    target = "preamble";
    current = version.doc.preamble;
  } else if (input.about && input.about !== "general") {
    const key = parseId(input.about);
    const clause = key !== null ? findClause(version.doc, key) : undefined;
    if (!clause) return fail("about", "err.noSuchClause");
    target = "clause";
    clauseKey = key;
    current = clause.text;
  }
  const body = cleanText(input.body);
  const proposed = cleanText(input.proposedText);
  if (body.length > 4000) return fail("body", "err.tooLong", { max: 4000 });
  if (kind === "comment") {
    if (!body) return fail("body", "err.required");
    return ok({ target, clauseKey, kind, body, proposedText: null });
  }
  if (target === "general") return fail("about", "err.suggestionNeedsClause");
  if (!proposed) return fail("proposedText", "err.required");
  const max = target === "preamble" ? LIMITS.preamble : LIMITS.clause;
  if (proposed.length > max) return fail("proposedText", "err.tooLong", { max });
  if (proposed === current) return fail("proposedText", "err.sameAsCurrent");
  return ok({ target, clauseKey, kind, body, proposedText: proposed });
}

/** A member comments on, or suggests new text for, a clause or the preamble of the current draft. */
export async function addComment(
  db: Db,
  actor: Actor,
  tambonId: number,
  editionId: number,
  input: CommentInput,
): Promise<CharterResult<number>> {
  const found = await getEdition(db, tambonId, editionId);
  if (!found) return missing();
  if (!can(actor, "charter.comment", { tambonId })) return refused();
  const { edition } = found;
  if (!isOpenForComments(edition.status)) return fail("_form", "err.notOpenForComments");
  const checked = await checkInput(db, tambonId, edition.currentVersionId ?? 0, input);
  if (!checked.ok) return checked;
  const userId = actor.user!.id;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(charterComments)
      .values({
        tambonId,
        editionId,
        versionId: edition.currentVersionId!,
        target: checked.value.target,
        clauseKey: checked.value.clauseKey,
        kind: checked.value.kind,
        body: checked.value.body,
        proposedText: checked.value.proposedText,
        authorId: userId,
        phase: edition.status === "hearing" ? "hearing" : "draft",
      })
      .returning({ id: charterComments.id });
    await audit(tx, {
      tambonId,
      actorId: userId,
      action: `charter.${checked.value.kind}.add`,
      targetType: "charter_comment",
      targetId: row!.id,
      after: { editionId, target: checked.value.target, clauseKey: checked.value.clauseKey },
    });
    return ok(row!.id);
  });
}

/** A facilitator records what a person without an account said at a hearing (name and village). */
export async function recordHearingInput(
  db: Db,
  actor: Actor,
  tambonId: number,
  editionId: number,
  input: CommentInput & { name: string; village: string },
): Promise<CharterResult<number>> {
  const found = await getEdition(db, tambonId, editionId);
  if (!found) return missing();
  if (!can(actor, "charter.hearing", { tambonId })) return refused();
  const { edition } = found;
  if (edition.status !== "hearing") return fail("_form", "err.notInHearing");
  const name = cleanText(input.name).replace(/\s+/g, " ");
  if (!name) return fail("name", "err.required");
  if (name.length > 200) return fail("name", "err.tooLong", { max: 200 });
  const villageId = toId(input.village);
  if (!villageId) return fail("village", "err.village");
  const [village] = await db
    .select({ id: villages.id })
    .from(villages)
    .where(and(eq(villages.tambonId, tambonId), eq(villages.id, villageId)));
  if (!village) return fail("village", "err.village");
  const checked = await checkInput(db, tambonId, edition.currentVersionId ?? 0, input);
  if (!checked.ok) return checked;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(charterComments)
      .values({
        tambonId,
        editionId,
        versionId: edition.currentVersionId!,
        target: checked.value.target,
        clauseKey: checked.value.clauseKey,
        kind: checked.value.kind,
        body: checked.value.body,
        proposedText: checked.value.proposedText,
        authorName: name,
        villageId,
        recordedBy: actor.user!.id,
        phase: "hearing",
      })
      .returning({ id: charterComments.id });
    await audit(tx, {
      tambonId,
      actorId: actor.user!.id,
      action: "charter.hearing.record",
      targetType: "charter_comment",
      targetId: row!.id,
      after: { editionId, villageId, kind: checked.value.kind },
    });
    return ok(row!.id);
  });
}

async function getComment(db: Db | Tx, tambonId: number, id: number) {
  if (!toId(id)) return undefined;
  const [row] = await db
    .select()
    .from(charterComments)
    .where(and(eq(charterComments.tambonId, tambonId), eq(charterComments.id, id)));
  return row;
}

/** A member rates someone else's suggestion must / should / should-not / must-not (may change it). */
export async function rateSuggestion(
  db: Db,
  actor: Actor,
  tambonId: number,
  commentId: number,
  rating: string,
): Promise<CharterResult<{ editionId: number; clauseKey: number | null }>> {
  const comment = await getComment(db, tambonId, commentId);
  if (!comment) return missing();
  if (!can(actor, "charter.comment", { tambonId })) return refused();
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
    await audit(tx, {
      tambonId,
      actorId: actor.user!.id,
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
  const comment = await getComment(db, tambonId, commentId);
  if (!comment) return missing();
  if (!can(actor, "charter.decide", { tambonId })) return refused();
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
      .where(and(eq(charterComments.id, commentId), eq(charterComments.tambonId, tambonId)));
    await audit(tx, {
      tambonId,
      actorId: actor.user!.id,
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
  const comment = await getComment(db, tambonId, commentId);
  if (!comment) return missing();
  if (!can(actor, "charter.decide", { tambonId })) return refused();
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
      .where(
        and(
          eq(charterComments.id, commentId),
          eq(charterComments.tambonId, tambonId),
          eq(charterComments.status, "open"),
        ),
      )
      .returning({ id: charterComments.id });
    if (!rows.length) return fail("_form", "err.alreadyDecided");
    await audit(tx, {
      tambonId,
      actorId: actor.user!.id,
      action: "charter.suggestion.decline",
      targetType: "charter_comment",
      targetId: commentId,
      after: { reason },
    });
    return ok({ editionId: comment.editionId, clauseKey: comment.clauseKey });
  });
}
