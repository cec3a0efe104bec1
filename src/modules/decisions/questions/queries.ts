import { and, asc, count, desc, eq, gt, lt, sql, type SQLWrapper } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { users } from "../../../core/db/schema.ts";
import { keptCount, paged, type Cursor } from "../../../core/paging.ts";
import { prepared, type Holes } from "../../../core/db/prepared.ts";
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
import { tambonRow, tambonWhere, tambonRows, anyOf } from "../../../core/db/tambon-row.ts";

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
  cursor: Cursor | null = null,
) {
  const shape: QuestionsShape = `${filter.phase ? "phase" : "any"}_${filter.areaId ? "area" : "all"}_${
    cursor === null ? "first" : "after" in cursor ? "after" : "before"
  }`;
  return paged(
    page,
    keptCount(tambonId, `questions:${filter.phase ?? ""}:${filter.areaId ?? ""}`, async () =>
      Number(
        (
          await db
            .select({ n: count() })
            .from(questions)
            .where(questionsWhere(tambonId, filter.phase, filter.areaId))
        )[0]?.n ?? 0,
      ),
    ),
    async ({ limit, offset }) => {
      const found = await questionsStatement(
        db,
        {
          tambonId,
          phase: filter.phase ?? "",
          areaId: filter.areaId ?? 0,
          cursor: cursor === null ? 0 : "after" in cursor ? cursor.after : cursor.before,
          limit,
          offset: cursor === null ? offset : 0,
        },
        shape,
      );
      return shape.endsWith("_before") ? found.reverse() : found;
    },
  );
}

/** A tambon's questions, in one phase and one area when given (values or placeholders). */
function questionsWhere(
  tambonId: number | SQLWrapper,
  phase?: Phase | SQLWrapper | null,
  areaId?: number | SQLWrapper | null,
) {
  return tambonWhere(
    questions,
    tambonId,
    {},
    phase ? eq(questions.phase, phase) : undefined,
    areaId ? eq(questions.areaId, areaId) : undefined,
  );
}

/** The shape of a page of questions: filtered by phase, by area, and where the page starts. */
type QuestionsShape = `${"phase" | "any"}_${"area" | "all"}_${"first" | "after" | "before"}`;
type QuestionsValues = {
  tambonId: number;
  phase: string;
  areaId: number;
  cursor: number;
  limit: number;
  offset: number;
};

const questionsStatement = prepared(
  "questions_page",
  (db, p: Holes<QuestionsValues>, shape: QuestionsShape) => {
    const [phase, area, start] = shape.split("_");
    // Each question's alternatives counted in the same statement. The comparisons are built by
    // eq(), which names each column with its table; a column written into the SQL text here is
    // named alone, and "id" would then be the alternative's own.
    const alts = sql<number>`(select count(*) from ${alternatives}
      where ${tambonWhere(alternatives, p.tambonId, { questionId: questions.id })})::int`;
    return db
      .select({ q: questions, alts })
      .from(questions)
      .where(
        and(
          questionsWhere(
            p.tambonId,
            phase === "phase" ? p.phase : null,
            area === "area" ? p.areaId : null,
          ),
          start === "after" ? lt(questions.id, p.cursor) : undefined,
          start === "before" ? gt(questions.id, p.cursor) : undefined,
        ),
      )
      .orderBy(start === "before" ? asc(questions.id) : desc(questions.id))
      .limit(p.limit)
      .offset(p.offset);
  },
);

/** Who supports which of these alternatives. */
export async function supportersOf(db: DbOrTx, tambonId: number, alternativeIds: number[]) {
  if (!alternativeIds.length) return [];
  return db
    .select({ alternativeId: supporters.alternativeId, userId: supporters.userId })
    .from(supporters)
    .where(tambonWhere(supporters, tambonId, { alternativeId: anyOf(alternativeIds) }));
}

/** The alternative with its question, when both belong to the tambon. */
export async function getAlternative(db: DbOrTx, tambonId: number, alternativeId: number) {
  const alt = await tambonRow(db, alternatives, tambonId, alternativeId);
  if (!alt) return undefined;
  const found = await getQuestion(db, tambonId, alt.questionId);
  return found ? { alternative: alt, ...found } : undefined;
}

/** Every version of an alternative's text, oldest first. */
export async function versionsOf(db: DbOrTx, tambonId: number, alternativeId: number) {
  return tambonRows(
    db,
    alternativeVersions,
    tambonId,
    { alternativeId },
    asc(alternativeVersions.version),
  );
}

/** The suggestions on an alternative with their authors and every rating given to them. */
export async function suggestionsOf(db: DbOrTx, tambonId: number, alternativeId: number) {
  const rows = await db
    .select({ s: suggestions, author: users.name })
    .from(suggestions)
    .leftJoin(users, eq(users.id, suggestions.authorId))
    .where(tambonWhere(suggestions, tambonId, { alternativeId }))
    .orderBy(asc(suggestions.id));
  const ratings = rows.length
    ? await db
        .select()
        .from(suggestionRatings)
        .where(
          tambonWhere(suggestionRatings, tambonId, {
            suggestionId: anyOf(rows.map((r) => r.s.id)),
          }),
        )
    : [];
  return { rows, ratings };
}

/** One suggestion of the tambon. */
export async function getSuggestion(db: DbOrTx, tambonId: number, id: number) {
  const [s] = await tambonRows(db, suggestions, tambonId, { id: id || 0 });
  return s;
}
