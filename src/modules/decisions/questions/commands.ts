import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx, Tx } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { fail, missing, ok, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { DecisionsKey } from "../messages.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { getArea } from "../../areas/public.ts";
import {
  alternativeVersions,
  alternatives,
  decisionPolicies,
  questions,
  suggestionRatings,
  suggestions,
  supporters,
} from "../schema.ts";
import { ALLOWED, nextPhase, phaseEnd, type Phase } from "../phases.ts";
import { appendEvent } from "../events.ts";
import { getQuestion, lockQuestion, type Question } from "../queries.ts";
import { notifyFollowers } from "./notify.ts";
import { closeQuestion } from "./close.ts";
import { parseId } from "../../../core/params.ts";

const openSchema = z.object({
  title: fields.text(200),
  area: fields.text(12),
  policy: fields.text(12),
  altTitle: fields.text(200),
  altBody: fields.text(20000),
});

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
  const [policy] = await db
    .select()
    .from(decisionPolicies)
    .where(
      and(eq(decisionPolicies.tambonId, tambonId), eq(decisionPolicies.id, parseId(v.policy) ?? 0)),
    );
  if (!policy || policy.archived) return fail("policy", "err.required");
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
        policyId: policy.id,
        title: v.title,
        phase,
        quickPoll: quick,
        createdBy: userId,
        phaseStartedAt: now,
        phaseEndsAt: phaseEnd(phase, now, policy),
      })
      .returning();
    const [alt] = await tx
      .insert(alternatives)
      .values({ tambonId, questionId: q!.id, title: v.altTitle, authorId: userId })
      .returning();
    await tx
      .insert(alternativeVersions)
      .values({ tambonId, alternativeId: alt!.id, version: 1, body: v.altBody, authorId: userId });
    await tx.insert(supporters).values({ tambonId, alternativeId: alt!.id, userId });
    await appendEvent(tx, tambonId, "question.open", q!.id, {
      title: v.title,
      areaId: area.id,
      policyId: policy.id,
      phase,
      alternative: alt!.id,
    });
    await audit(tx, {
      tambonId,
      actorId: userId,
      action: "question.open",
      targetType: "question",
      targetId: q!.id,
      after: { title: v.title, phase, quickPoll: quick },
    });
    return ok(q!);
  });
}

const altSchema = z.object({ altTitle: fields.text(200), altBody: fields.text(20000) });

/** Adds a competing alternative (draft and discussion phases). */
export async function addAlternative(
  db: Db,
  actor: Actor,
  tambonId: number,
  questionId: number,
  input: Record<string, string>,
): Promise<Result<number, DecisionsKey | CoreKey>> {
  const found = await getQuestion(db, tambonId, questionId);
  if (!found) return missing();
  if (!can(actor, "question.participate", { tambonId })) return refused();
  if (!ALLOWED.editTexts(found.question.phase)) return refused();
  const parsed = parseForm(altSchema, input);
  if (!parsed.ok) return parsed;
  const userId = actor.user!.id;
  return db.transaction(async (tx) => {
    const [alt] = await tx
      .insert(alternatives)
      .values({ tambonId, questionId, title: parsed.value.altTitle, authorId: userId })
      .returning();
    await tx.insert(alternativeVersions).values({
      tambonId,
      alternativeId: alt!.id,
      version: 1,
      body: parsed.value.altBody,
      authorId: userId,
    });
    await tx.insert(supporters).values({ tambonId, alternativeId: alt!.id, userId });
    await appendEvent(tx, tambonId, "alternative.add", questionId, {
      alternative: alt!.id,
      title: parsed.value.altTitle,
    });
    await audit(tx, {
      tambonId,
      actorId: userId,
      action: "alternative.add",
      targetType: "alternative",
      targetId: alt!.id,
      after: { questionId, title: parsed.value.altTitle },
    });
    return ok(alt!.id);
  });
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

/** Saves a new version of an alternative's text (its author, in draft or discussion). */
export async function editAlternative(
  db: Db,
  actor: Actor,
  tambonId: number,
  alternativeId: number,
  input: Record<string, string>,
): Promise<Result<number, DecisionsKey | CoreKey>> {
  const found = await getAlternative(db, tambonId, alternativeId);
  if (!found) return missing();
  if (!actor.user || found.alternative.authorId !== actor.user.id) return refused();
  if (!ALLOWED.editTexts(found.question.phase)) return refused();
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
      .where(and(eq(alternatives.id, alternativeId), eq(alternatives.tambonId, tambonId)));
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
    await audit(tx, {
      tambonId,
      actorId: actor.user!.id,
      action: "alternative.edit",
      targetType: "alternative",
      targetId: alternativeId,
      before: { title: found.alternative.title },
      after: { title: parsed.value.altTitle, version },
    });
    return ok(version);
  });
}

/** Supports (and follows) an alternative, or stops supporting it. */
export async function setSupport(
  db: Db,
  actor: Actor,
  tambonId: number,
  alternativeId: number,
  support: boolean,
): Promise<Result<true, DecisionsKey | CoreKey>> {
  const found = await getAlternative(db, tambonId, alternativeId);
  if (!found) return missing();
  if (!can(actor, "question.participate", { tambonId })) return refused();
  if (!ALLOWED.support(found.question.phase)) return refused();
  const userId = actor.user!.id;
  await db.transaction(async (tx) => {
    if (support)
      await tx.insert(supporters).values({ tambonId, alternativeId, userId }).onConflictDoNothing();
    else
      await tx
        .delete(supporters)
        .where(
          and(
            eq(supporters.alternativeId, alternativeId),
            eq(supporters.userId, userId),
            eq(supporters.tambonId, tambonId),
          ),
        );
    await audit(tx, {
      tambonId,
      actorId: userId,
      action: support ? "alternative.support" : "alternative.unsupport",
      targetType: "alternative",
      targetId: alternativeId,
    });
  });
  return ok(true as const);
}

/** Writes a suggestion on an alternative (discussion phase). */
export async function addSuggestion(
  db: Db,
  actor: Actor,
  tambonId: number,
  alternativeId: number,
  body: string,
): Promise<Result<number, DecisionsKey | CoreKey>> {
  const found = await getAlternative(db, tambonId, alternativeId);
  if (!found) return missing();
  if (!can(actor, "question.participate", { tambonId })) return refused();
  if (!ALLOWED.suggest(found.question.phase)) return refused();
  const text = body.trim();
  if (!text) return fail("suggestion", "err.required");
  if (text.length > 4000) return fail("suggestion", "err.tooLong", { max: 4000 });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(suggestions)
      .values({ tambonId, alternativeId, body: text, authorId: actor.user!.id })
      .returning();
    await audit(tx, {
      tambonId,
      actorId: actor.user!.id,
      action: "suggestion.add",
      targetType: "suggestion",
      targetId: row!.id,
      after: { alternativeId },
    });
    return ok(row!.id);
  });
}

/** Rates a suggestion must / should / should-not / must-not (one rating per member, may change). */
export async function rateSuggestion(
  db: Db,
  actor: Actor,
  tambonId: number,
  suggestionId: number,
  rating: string,
): Promise<Result<true, DecisionsKey | CoreKey>> {
  if (!["must", "should", "should_not", "must_not"].includes(rating))
    return fail("rating", "error.400");
  const [s] = await db
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.tambonId, tambonId), eq(suggestions.id, suggestionId || 0)));
  if (!s) return missing();
  const found = await getAlternative(db, tambonId, s.alternativeId);
  if (!found) return missing();
  if (!can(actor, "question.participate", { tambonId })) return refused();
  if (!ALLOWED.suggest(found.question.phase)) return refused();
  const r = rating as "must" | "should" | "should_not" | "must_not";
  await db.transaction(async (tx) => {
    await tx
      .insert(suggestionRatings)
      .values({ tambonId, suggestionId, userId: actor.user!.id, rating: r })
      .onConflictDoUpdate({
        target: [suggestionRatings.suggestionId, suggestionRatings.userId],
        set: { rating: r },
      });
    await audit(tx, {
      tambonId,
      actorId: actor.user!.id,
      action: "suggestion.rate",
      targetType: "suggestion",
      targetId: suggestionId,
      after: { rating: r },
    });
  });
  return ok(true as const);
}

/** Marks a suggestion fulfilled (or not) — the alternative's author does this. */
export async function setSuggestionFulfilled(
  db: Db,
  actor: Actor,
  tambonId: number,
  suggestionId: number,
  fulfilled: boolean,
): Promise<Result<true, DecisionsKey | CoreKey>> {
  const [s] = await db
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.tambonId, tambonId), eq(suggestions.id, suggestionId || 0)));
  if (!s) return missing();
  const found = await getAlternative(db, tambonId, s.alternativeId);
  if (!found) return missing();
  if (!actor.user || found.alternative.authorId !== actor.user.id) return refused();
  await db.transaction(async (tx) => {
    await tx
      .update(suggestions)
      .set({ fulfilled })
      .where(and(eq(suggestions.id, suggestionId), eq(suggestions.tambonId, tambonId)));
    await audit(tx, {
      tambonId,
      actorId: actor.user!.id,
      action: "suggestion.fulfilled",
      targetType: "suggestion",
      targetId: suggestionId,
      after: { fulfilled },
    });
  });
  return ok(true as const);
}

/**
 * Moves a question into a phase (inside a transaction): timing, hash chain, audit, notifications;
 * closing counts the votes. The phase starts at `start` (the scheduler passes the previous phase's
 * scheduled end). Takes the question row FOR UPDATE first, so ballots and delegations in flight
 * finish before it or see the new phase; returns false when the question is no longer in the
 * phase the caller saw.
 */
export async function enterPhase(
  tx: Tx,
  seen: Question,
  phase: Phase,
  actorId: number | null,
  start = new Date(),
): Promise<boolean> {
  const locked = await lockQuestion(tx, seen.tambonId, seen.id, "update");
  if (!locked || locked.question.phase !== seen.phase) return false;
  const { question, policy } = locked;
  const now = start;
  await tx
    .update(questions)
    .set({
      phase,
      phaseStartedAt: now,
      phaseEndsAt: phaseEnd(phase, now, policy),
      closedAt: phase === "closed" || phase === "cancelled" ? now : null,
    })
    .where(and(eq(questions.id, question.id), eq(questions.tambonId, question.tambonId)));
  await appendEvent(tx, question.tambonId, "question.phase", question.id, {
    from: question.phase,
    to: phase,
  });
  await audit(tx, {
    tambonId: question.tambonId,
    actorId,
    action: "question.phase",
    targetType: "question",
    targetId: question.id,
    before: { phase: question.phase },
    after: { phase },
  });
  if (phase === "closed") await closeQuestion(tx, { ...question, phase }, policy);
  await notifyFollowers(tx, { ...question, phase }, "phase", { phase });
  return true;
}

/** Moves a question to its next phase now (admins; the author may start the discussion of a draft). */
export async function advancePhase(
  db: Db,
  actor: Actor,
  tambonId: number,
  questionId: number,
): Promise<Result<Phase, DecisionsKey | CoreKey>> {
  const found = await getQuestion(db, tambonId, questionId);
  if (!found) return missing();
  const q = found.question;
  const isAuthorStarting = q.phase === "draft" && actor.user?.id === q.createdBy;
  if (!isAuthorStarting && !can(actor, "question.manage", { tambonId })) return refused();
  const next = nextPhase(q.phase);
  if (!next) return refused();
  const moved = await db.transaction(async (tx) =>
    enterPhase(tx as Tx, q, next, actor.user?.id ?? null),
  );
  return moved ? ok(next) : refused();
}

/** Cancels a question that is not closed (admins). */
export async function cancelQuestion(
  db: Db,
  actor: Actor,
  tambonId: number,
  questionId: number,
): Promise<Result<true, DecisionsKey | CoreKey>> {
  const found = await getQuestion(db, tambonId, questionId);
  if (!found) return missing();
  if (!can(actor, "question.manage", { tambonId })) return refused();
  if (!ALLOWED.cancel(found.question.phase)) return refused();
  const moved = await db.transaction(async (tx) =>
    enterPhase(tx as Tx, found.question, "cancelled", actor.user?.id ?? null),
  );
  return moved ? ok(true as const) : refused();
}
