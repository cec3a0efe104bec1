import { and, asc, count, desc, eq, gt, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { users } from "../../../core/db/schema.ts";
import { keptCount, paged } from "../../../core/paging.ts";
import {
  alternativeVersions,
  alternatives,
  questions,
  suggestionRatings,
  suggestions,
  supporters,
} from "../schema.ts";
import { getQuestion } from "../shared/queries.ts";
import type { Phase } from "../shared/phases.ts";

/**
 * One page of a tambon's questions, newest first, with how many alternatives each has. With a
 * `cursor` the page is the questions after (older than) or before (newer than) the question of
 * that id, read from the index there however deep; without, page `page` by its offset.
 */
export async function listQuestions(
  db: DbOrTx,
  tambonId: number,
  filter: { phase?: Phase; areaId?: number | null },
  page: number,
  cursor: { after: number } | { before: number } | null = null,
) {
  const conds: SQL[] = [eq(questions.tambonId, tambonId)];
  if (filter.phase) conds.push(eq(questions.phase, filter.phase));
  if (filter.areaId) conds.push(eq(questions.areaId, filter.areaId));
  const where = and(...conds);
  return paged(
    page,
    keptCount(tambonId, `questions:${filter.phase ?? ""}:${filter.areaId ?? ""}`, async () =>
      Number((await db.select({ n: count() }).from(questions).where(where))[0]?.n ?? 0),
    ),
    async ({ limit, offset }) => {
      const newer = cursor !== null && "before" in cursor;
      // Each question's alternatives counted in the same statement. The comparisons are built by
      // eq(), which names each column with its table; a column written into the SQL text here is
      // named alone, and "id" would then be the alternative's own.
      const alts = sql<number>`(select count(*) from ${alternatives}
        where ${and(eq(alternatives.tambonId, tambonId), eq(alternatives.questionId, questions.id))})::int`;
      const found = await db
        .select({ q: questions, alts })
        .from(questions)
        .where(
          cursor === null
            ? where
            : and(
                where,
                "after" in cursor
                  ? lt(questions.id, cursor.after)
                  : gt(questions.id, cursor.before),
              ),
        )
        .orderBy(newer ? asc(questions.id) : desc(questions.id))
        .limit(limit)
        .offset(cursor === null ? offset : 0);
      return newer ? found.reverse() : found;
    },
  );
}

/** Who supports which of these alternatives. */
export async function supportersOf(db: DbOrTx, tambonId: number, alternativeIds: number[]) {
  if (!alternativeIds.length) return [];
  return db
    .select({ alternativeId: supporters.alternativeId, userId: supporters.userId })
    .from(supporters)
    .where(
      and(eq(supporters.tambonId, tambonId), inArray(supporters.alternativeId, alternativeIds)),
    );
}

/** The alternative with its question, when both belong to the tambon. */
export async function getAlternative(db: DbOrTx, tambonId: number, alternativeId: number) {
  if (!Number.isInteger(alternativeId)) return undefined;
  const [alt] = await db
    .select()
    .from(alternatives)
    .where(and(eq(alternatives.tambonId, tambonId), eq(alternatives.id, alternativeId)));
  if (!alt) return undefined;
  const found = await getQuestion(db, tambonId, alt.questionId);
  return found ? { alternative: alt, ...found } : undefined;
}

/** Every version of an alternative's text, oldest first. */
export async function versionsOf(db: DbOrTx, tambonId: number, alternativeId: number) {
  return db
    .select()
    .from(alternativeVersions)
    .where(
      and(
        eq(alternativeVersions.tambonId, tambonId),
        eq(alternativeVersions.alternativeId, alternativeId),
      ),
    )
    .orderBy(asc(alternativeVersions.version));
}

/** The suggestions on an alternative with their authors and every rating given to them. */
export async function suggestionsOf(db: DbOrTx, tambonId: number, alternativeId: number) {
  const rows = await db
    .select({ s: suggestions, author: users.name })
    .from(suggestions)
    .leftJoin(users, eq(users.id, suggestions.authorId))
    .where(and(eq(suggestions.tambonId, tambonId), eq(suggestions.alternativeId, alternativeId)))
    .orderBy(asc(suggestions.id));
  const ratings = rows.length
    ? await db
        .select()
        .from(suggestionRatings)
        .where(
          and(
            eq(suggestionRatings.tambonId, tambonId),
            inArray(
              suggestionRatings.suggestionId,
              rows.map((r) => r.s.id),
            ),
          ),
        )
    : [];
  return { rows, ratings };
}

/** One suggestion of the tambon. */
export async function getSuggestion(db: DbOrTx, tambonId: number, id: number) {
  const [s] = await db
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.tambonId, tambonId), eq(suggestions.id, id || 0)));
  return s;
}
