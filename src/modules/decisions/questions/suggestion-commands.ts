import type { DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fail, ok } from "../../../core/result.ts";
import { suggestionRatings, suggestions } from "../schema.ts";
import { alternativeAuthor, anyPhase, commandOn } from "./allowed.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { ALLOWED } from "../shared/phases.ts";
import { getAlternative, getSuggestion } from "./queries.ts";

/** Writes a suggestion on an alternative (discussion phase). */
export const addSuggestion = commandOn(
  { find: getAlternative, action: "question.participate", allows: ALLOWED.suggest },
  async ({ db, actor, tambonId, id: alternativeId }, body: string) => {
    const text = body.trim();
    if (!text) return fail("suggestion", "err.required");
    if (text.length > 4000) return fail("suggestion", "err.tooLong", { max: 4000 });
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(suggestions)
        .values({ tambonId, alternativeId, body: text, authorId: actor.user!.id })
        .returning();
      await auditBy(tx, actor, tambonId, {
        action: "suggestion.add",
        targetType: "suggestion",
        targetId: row!.id,
        after: { alternativeId },
      });
      return ok(row!.id);
    });
  },
);

/** The alternative, with its question, that a suggestion of the tambon is on (undefined: none). */
async function alternativeOfSuggestion(db: DbOrTx, tambonId: number, suggestionId: number) {
  const suggestion = await getSuggestion(db, tambonId, suggestionId);
  return suggestion && getAlternative(db, tambonId, suggestion.alternativeId);
}

/** Rates a suggestion must / should / should-not / must-not (one rating per member, may change). */
export const rateSuggestion = commandOn(
  { find: alternativeOfSuggestion, action: "question.participate", allows: ALLOWED.suggest },
  async ({ db, actor, tambonId, id: suggestionId }, rating: string) => {
    // Whose it is and who may rate come first: an outsider learns nothing from a bad value.
    if (!["must", "should", "should_not", "must_not"].includes(rating))
      return fail("rating", "error.400");
    const r = rating as "must" | "should" | "should_not" | "must_not";
    await db.transaction(async (tx) => {
      await tx
        .insert(suggestionRatings)
        .values({ tambonId, suggestionId, userId: actor.user!.id, rating: r })
        .onConflictDoUpdate({
          target: [suggestionRatings.suggestionId, suggestionRatings.userId],
          set: { rating: r },
        });
      await auditBy(tx, actor, tambonId, {
        action: "suggestion.rate",
        targetType: "suggestion",
        targetId: suggestionId,
        after: { rating: r },
      });
    });
    return ok(true as const);
  },
);

/** Marks a suggestion fulfilled (or not) — the alternative's author does this. */
export const setSuggestionFulfilled = commandOn(
  {
    find: alternativeOfSuggestion,
    action: "author",
    authorOf: alternativeAuthor,
    allows: anyPhase,
  },
  async ({ db, actor, tambonId, id: suggestionId }, fulfilled: boolean) => {
    await db.transaction(async (tx) => {
      await tx
        .update(suggestions)
        .set({ fulfilled })
        .where(tambonWhere(suggestions, tambonId, { id: suggestionId }));
      await auditBy(tx, actor, tambonId, {
        action: "suggestion.fulfilled",
        targetType: "suggestion",
        targetId: suggestionId,
        after: { fulfilled },
      });
    });
    return ok(true as const);
  },
);
