import type { Db, Tx } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import { missing, ok, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import type { DecisionsKey } from "../messages.ts";
import { questions } from "../schema.ts";
import { commandOn } from "./allowed.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { ALLOWED, nextPhase, phaseEnd, type Phase } from "../shared/phases.ts";
import { appendEvent } from "../shared/events.ts";
import { getQuestion, lockQuestion, type Question } from "../shared/queries.ts";
import { notifyFollowers } from "../notifications/notify.ts";
import { closeQuestion } from "../results/close.ts";
import { syncQuestionSearch } from "../search.ts";

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
  const { question, rules } = locked;
  const now = start;
  await tx
    .update(questions)
    .set({
      phase,
      phaseStartedAt: now,
      phaseEndsAt: phaseEnd(phase, now, rules),
      closedAt: phase === "closed" || phase === "cancelled" ? now : null,
    })
    .where(tambonWhere(questions, question.tambonId, { id: question.id }));
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
  if (phase === "closed") await closeQuestion(tx, { ...question, phase }, rules);
  await notifyFollowers(tx, { ...question, phase }, "phase", { phase });
  await syncQuestionSearch(tx, question.tambonId, question.id);
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
export const cancelQuestion = commandOn(
  { find: getQuestion, action: "question.manage", allows: ALLOWED.cancel },
  async ({ db, actor, found }) => {
    const moved = await db.transaction(async (tx) =>
      enterPhase(tx as Tx, found.question, "cancelled", actor.user?.id ?? null),
    );
    return moved ? ok(true as const) : refused();
  },
);
