import { desc, eq } from "drizzle-orm";
import type { SectionTambon } from "../../core/modules.ts";
import type { DbOrTx } from "../../core/db/index.ts";
import type { Lang } from "../../core/i18n/index.ts";
import { audit } from "../../core/audit.ts";
import { questions, questionResults } from "./schema.ts";
import { activeVotingRules } from "./voting-rules/queries.ts";
import { msg } from "./messages.ts";
import { appendEvent } from "./shared/events.ts";
import { insertAlternative } from "./questions/commands.ts";
import { getArea } from "../areas/public.ts";
import type { TallyResult } from "./tally-types.ts";
import { tambonRow, tambonWhere } from "../../core/db/tambon-row.ts";

export { tally, tallyJson } from "./tally.ts";
export type { TallyInput, TallyResult } from "./tally-types.ts";
export { tokens, wordDiff } from "../../core/text-diff.ts";
export type { DiffPart } from "../../core/text-diff.ts";

/** The questions of an issue area, for its page (newest first). */
export async function questionsOfArea(
  db: DbOrTx,
  tambon: SectionTambon,
  areaId: number,
  lang: Lang,
) {
  const rows = await db
    .select()
    .from(questions)
    .where(tambonWhere(questions, tambon.id, { areaId }))
    .orderBy(desc(questions.id))
    .limit(20);
  return rows.map((q) => ({
    href: `/t/${tambon.slug}/decisions/${q.id}`,
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
  const q = await tambonRow(db, questions, tambonId, questionId);
  if (!q) return undefined;
  const [r] = await db.select().from(questionResults).where(eq(questionResults.questionId, q.id));
  return { phase: q.phase, result: (r?.result as TallyResult | undefined) ?? null };
}

/**
 * What another module asks to put to the vote: one alternative against the status quo
 * (`altTitle`, `altBody`), or several alternatives to rank (`alternatives`, e.g. projects to put
 * in order of priority), which then take the place of the one.
 */
export interface LinkedQuestionInput {
  tambonId: number;
  actorId: number;
  areaId: number;
  title: string;
  altTitle: string;
  /** The alternative's text (Markdown), e.g. a summary of a charter edition with its link. */
  altBody: string;
  alternatives?: { title: string; body: string }[];
}

/**
 * Opens a question in draft for another module, with one alternative (e.g. adopting a charter
 * edition) or several (e.g. projects to rank), inside the caller's transaction: hash-chain event
 * and audit row included. Uses the tambon's first active voting rules that are not a quick poll;
 * null without the area or rules.
 */
export async function openLinkedQuestion(
  tx: DbOrTx,
  input: LinkedQuestionInput,
): Promise<{ questionId: number; alternativeId: number; alternativeIds: number[] } | null> {
  const { tambonId, actorId } = input;
  const area = await getArea(tx, tambonId, input.areaId);
  const allRules = await activeVotingRules(tx, tambonId);
  const rules = allRules.find((p) => p.votingDays > 0 && p.discussionDays > 0) ?? allRules[0];
  if (!area || area.archivedAt || !rules) return null;
  const [q] = await tx
    .insert(questions)
    .values({
      tambonId,
      areaId: area.id,
      policyId: rules.id,
      title: input.title,
      createdBy: actorId,
    })
    .returning();
  const wanted = input.alternatives?.length
    ? input.alternatives
    : [{ title: input.altTitle, body: input.altBody }];
  const altIds: number[] = [];
  for (const a of wanted) {
    altIds.push(await insertAlternative(tx, tambonId, q!.id, a.title, a.body, actorId));
  }
  await appendEvent(tx, tambonId, "question.open", q!.id, {
    title: input.title,
    areaId: area.id,
    policyId: rules.id,
    phase: "draft",
    ...(altIds.length === 1 ? { alternative: altIds[0] } : { alternatives: altIds }),
  });
  await audit(tx, {
    tambonId,
    actorId,
    action: "question.open",
    targetType: "question",
    targetId: q!.id,
    after: { title: input.title, phase: "draft", quickPoll: false },
  });
  return { questionId: q!.id, alternativeId: altIds[0]!, alternativeIds: altIds };
}
