import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../core/db/index.ts";
import type { SearchSource } from "../../core/modules.ts";
import { updateSearch, type SearchDocument } from "../site/public.ts";
import { alternativeVersions, alternatives, questions } from "./schema.ts";
import { tambonWhere, anyOf } from "../../core/db/tambon-row.ts";

/** The phases in which a question is public (a draft or a cancelled question is not searched). */
const PUBLIC_PHASES = ["discussion", "frozen", "voting", "closed"] as const;

/** The public questions of a tambon (or one of them) as search documents: title and alternatives. */
export async function questionDocuments(
  db: DbOrTx,
  tambonId: number,
  questionId?: number,
): Promise<SearchDocument[]> {
  const rows = await db
    .select({ id: questions.id, title: questions.title })
    .from(questions)
    .where(
      tambonWhere(
        questions,
        tambonId,
        { phase: anyOf([...PUBLIC_PHASES]) },
        questionId ? eq(questions.id, questionId) : undefined,
      ),
    );
  if (!rows.length) return [];
  // Each alternative's title and its current text.
  const alts = await db
    .selectDistinctOn([alternatives.id], {
      questionId: alternatives.questionId,
      title: alternatives.title,
      body: alternativeVersions.body,
    })
    .from(alternatives)
    .innerJoin(alternativeVersions, eq(alternativeVersions.alternativeId, alternatives.id))
    .where(
      tambonWhere(
        alternatives,
        tambonId,
        {},
        questionId ? eq(alternatives.questionId, questionId) : sql`true`,
      ),
    )
    .orderBy(alternatives.id, desc(alternativeVersions.version));
  return rows.map((q) => ({
    kind: "question" as const,
    refId: q.id,
    title: q.title,
    body: alts
      .filter((a) => a.questionId === q.id)
      .map((a) => `${a.title}\n${a.body}`)
      .join("\n\n"),
    url: `/decisions/${q.id}`,
  }));
}

/** Puts a question in the search as the public sees it now, or takes it out (inside the command). */
export async function syncQuestionSearch(
  tx: DbOrTx,
  tambonId: number,
  questionId: number,
): Promise<void> {
  await updateSearch(
    tx,
    tambonId,
    "question",
    questionId,
    await questionDocuments(tx, tambonId, questionId),
  );
}

/** The decisions module's part of the search. */
export const decisionsSearch: SearchSource = {
  kinds: ["question"],
  documents: (db, tambonId) => questionDocuments(db, tambonId),
};
