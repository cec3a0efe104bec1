import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../core/db/index.ts";
import type { Lang } from "../../core/i18n/index.ts";
import { questions, questionResults } from "./schema.ts";
import { msg } from "./messages.ts";
import type { TallyResult } from "./tally.ts";

export { tally, tallyJson } from "./tally.ts";
export type { TallyInput, TallyResult } from "./tally.ts";

/** The questions of an issue area, for its page (newest first). */
export async function questionsOfArea(db: DbOrTx, tambonId: number, areaId: number, lang: Lang) {
  const { tambons } = await import("../../core/db/schema.ts");
  const [tb] = await db
    .select({ slug: tambons.slug })
    .from(tambons)
    .where(eq(tambons.id, tambonId));
  const rows = await db
    .select()
    .from(questions)
    .where(and(eq(questions.tambonId, tambonId), eq(questions.areaId, areaId)))
    .orderBy(desc(questions.id))
    .limit(20);
  return rows.map((q) => ({
    href: `/t/${tb!.slug}/decisions/${q.id}`,
    title: q.title,
    meta: msg.t(lang)(`phase.${q.phase}`),
  }));
}

/** A closed question's stored result and whether it has a winner (for modules that act on decisions, e.g. charter adoption). */
export async function questionOutcome(
  db: DbOrTx,
  tambonId: number,
  questionId: number,
): Promise<{ phase: string; result: TallyResult | null } | undefined> {
  const [q] = await db
    .select()
    .from(questions)
    .where(and(eq(questions.tambonId, tambonId), eq(questions.id, questionId)));
  if (!q) return undefined;
  const [r] = await db.select().from(questionResults).where(eq(questionResults.questionId, q.id));
  return { phase: q.phase, result: (r?.result as TallyResult | undefined) ?? null };
}
