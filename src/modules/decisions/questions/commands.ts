import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { fail, ok, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { DecisionsKey } from "../messages.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { getArea } from "../../areas/public.ts";
import { alternativeVersions, alternatives, questions, supporters } from "../schema.ts";
import { alternativeAuthor, commandOn } from "./allowed.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { ALLOWED, phaseEnd, type Phase } from "../shared/phases.ts";
import { appendEvent } from "../shared/events.ts";
import { getQuestion, type Question } from "../shared/queries.ts";
import { getAlternative } from "./queries.ts";
import { getVotingRules } from "../voting-rules/queries.ts";
import { parseId } from "../../../core/params.ts";
import { syncQuestionSearch } from "../search.ts";

const openSchema = z.object({
  title: fields.text(200),
  area: fields.text(12),
  policy: fields.text(12),
  altTitle: fields.text(200),
  altBody: fields.text(20000),
});

/**
 * Stores an alternative of a question with its text as version 1, supported by its author;
 * returns its id. The callers record the event and audit row that say why it was added.
 */
export async function insertAlternative(
  tx: DbOrTx,
  tambonId: number,
  questionId: number,
  title: string,
  body: string,
  authorId: number,
): Promise<number> {
  const [alt] = await tx
    .insert(alternatives)
    .values({ tambonId, questionId, title, authorId })
    .returning({ id: alternatives.id });
  await tx
    .insert(alternativeVersions)
    .values({ tambonId, alternativeId: alt!.id, version: 1, body, authorId });
  await tx.insert(supporters).values({ tambonId, alternativeId: alt!.id, userId: authorId });
  return alt!.id;
}

/** Opens a question with its first alternative (draft; a quick poll goes straight to voting). */
export async function openQuestion(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
): Promise<Result<Question, DecisionsKey | CoreKey>> {
  if (!can(actor, "question.open", { tambonId })) return refused();
  const parsed = parseForm(openSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const area = await getArea(db, tambonId, parseId(v.area) ?? 0);
  if (!area || area.archivedAt) return fail("area", "err.required");
  const rules = await getVotingRules(db, tambonId, parseId(v.policy) ?? 0);
  if (!rules || rules.archived) return fail("policy", "err.required");
  const quick = input.quickPoll === "1";
  if (quick && !can(actor, "question.quickPoll", { tambonId }))
    return fail("quickPoll", "error.403");
  const userId = actor.user!.id;
  return db.transaction(async (tx) => {
    const now = new Date();
    const phase: Phase = quick ? "voting" : "draft";
    const [q] = await tx
      .insert(questions)
      .values({
        tambonId,
        areaId: area.id,
        policyId: rules.id,
        title: v.title,
        phase,
        quickPoll: quick,
        createdBy: userId,
        phaseStartedAt: now,
        phaseEndsAt: phaseEnd(phase, now, rules),
      })
      .returning();
    const altId = await insertAlternative(tx, tambonId, q!.id, v.altTitle, v.altBody, userId);
    await appendEvent(tx, tambonId, "question.open", q!.id, {
      title: v.title,
      areaId: area.id,
      policyId: rules.id,
      phase,
      alternative: altId,
    });
    await auditBy(tx, actor, tambonId, {
      action: "question.open",
      targetType: "question",
      targetId: q!.id,
      after: { title: v.title, phase, quickPoll: quick },
    });
    await syncQuestionSearch(tx, tambonId, q!.id);
    return ok(q!);
  });
}

const altSchema = z.object({ altTitle: fields.text(200), altBody: fields.text(20000) });

/** Adds a competing alternative (draft and discussion phases). */
export const addAlternative = commandOn(
  { find: getQuestion, action: "question.participate", allows: ALLOWED.editTexts },
  async ({ db, actor, tambonId, id: questionId }, input: Record<string, string>) => {
    const parsed = parseForm(altSchema, input);
    if (!parsed.ok) return parsed;
    const userId = actor.user!.id;
    return db.transaction(async (tx) => {
      const { altTitle, altBody } = parsed.value;
      const altId = await insertAlternative(tx, tambonId, questionId, altTitle, altBody, userId);
      await appendEvent(tx, tambonId, "alternative.add", questionId, {
        alternative: altId,
        title: altTitle,
      });
      await auditBy(tx, actor, tambonId, {
        action: "alternative.add",
        targetType: "alternative",
        targetId: altId,
        after: { questionId, title: altTitle },
      });
      await syncQuestionSearch(tx, tambonId, questionId);
      return ok(altId);
    });
  },
);

/** Saves a new version of an alternative's text (its author, in draft or discussion). */
export const editAlternative = commandOn(
  {
    find: getAlternative,
    action: "author",
    authorOf: alternativeAuthor,
    allows: ALLOWED.editTexts,
  },
  async ({ db, actor, tambonId, id: alternativeId, found }, input: Record<string, string>) => {
    const parsed = parseForm(altSchema, input);
    if (!parsed.ok) return parsed;
    return db.transaction(async (tx) => {
      const versions = await tx
        .select({ version: alternativeVersions.version })
        .from(alternativeVersions)
        .where(eq(alternativeVersions.alternativeId, alternativeId));
      const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
      await tx
        .update(alternatives)
        .set({ title: parsed.value.altTitle })
        .where(tambonWhere(alternatives, tambonId, { id: alternativeId }));
      await tx.insert(alternativeVersions).values({
        tambonId,
        alternativeId,
        version,
        body: parsed.value.altBody,
        authorId: actor.user!.id,
      });
      await appendEvent(tx, tambonId, "alternative.edit", found.question.id, {
        alternative: alternativeId,
        version,
      });
      await auditBy(tx, actor, tambonId, {
        action: "alternative.edit",
        targetType: "alternative",
        targetId: alternativeId,
        before: { title: found.alternative.title },
        after: { title: parsed.value.altTitle, version },
      });
      await syncQuestionSearch(tx, tambonId, found.question.id);
      return ok(version);
    });
  },
);

/** Supports (and follows) an alternative, or stops supporting it. */
export const setSupport = commandOn(
  { find: getAlternative, action: "question.participate", allows: ALLOWED.support },
  async ({ db, actor, tambonId, id: alternativeId }, support: boolean) => {
    const userId = actor.user!.id;
    await db.transaction(async (tx) => {
      if (support)
        await tx
          .insert(supporters)
          .values({ tambonId, alternativeId, userId })
          .onConflictDoNothing();
      else
        await tx
          .delete(supporters)
          .where(tambonWhere(supporters, tambonId, { alternativeId, userId }));
      await auditBy(tx, actor, tambonId, {
        action: support ? "alternative.support" : "alternative.unsupport",
        targetType: "alternative",
        targetId: alternativeId,
      });
    });
    return ok(true as const);
  },
);
