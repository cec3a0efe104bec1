import { and, eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Db } from "../../../core/db/index.ts";
import { audit, auditBy } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { ballots } from "../schema.ts";
import {
  alternativesOf,
  beforePhaseEnd,
  getQuestion,
  hasVotingRight,
  lockQuestion,
} from "../shared/queries.ts";
import { ALLOWED, cleanGrades } from "../shared/phases.ts";
import { appendEvent } from "../shared/events.ts";
import { ballotCommitment, receiptFor, receiptHash as hashOfReceipt } from "../secret-ballots.ts";
import { fail, missing, ok, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { DecisionsKey } from "../messages.ts";
import { notifyTrusters } from "../notifications/notify.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/**
 * Casts or changes a ballot (the actor's, or a present member's recorded by a facilitator on a
 * public question); returns a receipt code for secret ballots. The question row is locked while
 * the ballot is written, so a ballot is stored before the closing or refused.
 */
export async function castBallot(
  db: Db,
  actor: Actor,
  tambonId: number,
  questionId: number,
  rawGrades: Record<string, string>,
  forUserId?: number,
  now?: Date,
  receiptKey?: string,
): Promise<Result<{ receipt: string | null }, DecisionsKey | CoreKey>> {
  if (!actor.user) return refused();
  const found = await getQuestion(db, tambonId, questionId);
  if (!found) return missing();
  const recording = forUserId !== undefined && forUserId !== actor.user.id;
  if (recording && !can(actor, "ballot.record", { tambonId })) return refused();
  // A secret ballot's receipt belongs to its voter alone, so nobody records one for another.
  if (recording && found.rules.secrecy === "private") return fail("_form", "ballot.secretSelf");
  const voterId = recording ? forUserId! : actor.user.id;
  if (!(await hasVotingRight(db, tambonId, voterId))) return fail("_form", "ballot.noRight");
  if (!ALLOWED.vote(found.question.phase)) return fail("_form", "ballot.closed");
  const alts = await alternativesOf(db, tambonId, questionId);
  const clean = cleanGrades(
    rawGrades,
    alts.map((a) => a.id),
  );
  if (!clean.ok) return fail("_form", "ballot.badGrade");
  return db.transaction(async (tx) => {
    const locked = await lockQuestion(tx, tambonId, questionId, "share");
    if (!locked) return missing();
    if (!ALLOWED.vote(locked.question.phase) || !beforePhaseEnd(locked.question, now ?? new Date()))
      return fail("_form", "ballot.closed");
    const secret = locked.rules.secrecy === "private";
    if (recording && secret) return fail("_form", "ballot.secretSelf");
    const castAt = new Date();
    // Derived with the installation's secret so the voter can be shown it again (receiptAgain);
    // without one (a caller that has none), a random code shown this once.
    const receipt = !secret
      ? null
      : receiptKey
        ? receiptFor(receiptKey, { tambonId, questionId, userId: voterId, castAt })
        : receiptFor(randomBytes(32).toString("hex"), {
            tambonId,
            questionId,
            userId: voterId,
            castAt,
          });
    const receiptHash = receipt ? hashOfReceipt(receipt) : null;
    const values = {
      grades: clean.grades,
      recordedBy: recording ? actor.user!.id : null,
      receiptHash,
      updatedAt: castAt,
    };
    const [earlier] = await tx
      .select({ id: ballots.id })
      .from(ballots)
      .where(and(eq(ballots.questionId, questionId), eq(ballots.userId, voterId)));
    await tx
      .insert(ballots)
      .values({
        tambonId,
        questionId,
        userId: voterId,
        ...pick(values, "grades", "recordedBy", "receiptHash", "updatedAt"),
      })
      .onConflictDoUpdate({ target: [ballots.questionId, ballots.userId], set: values });
    const payload = receiptHash
      ? { ballot: ballotCommitment(receiptHash) }
      : { member: voterId, grades: clean.grades, recordedBy: values.recordedBy };
    await appendEvent(tx, tambonId, "ballot.cast", questionId, payload);
    await auditBy(tx, actor, tambonId, {
      action: recording ? "ballot.record" : "ballot.cast",
      targetType: "question",
      targetId: questionId,
      after: secret ? { member: voterId } : { member: voterId, grades: clean.grades },
    });
    // Those whose vote goes to this voter hear that it was cast (once, not at each change).
    if (!earlier) await notifyTrusters(tx, locked.question, voterId);
    return ok({ receipt });
  });
}

/**
 * Withdraws the actor's own ballot during voting, so that their vote follows their delegation
 * again (as LiquidFeedback allows); hash-chained and audited like a ballot.
 */
export async function withdrawBallot(
  db: Db,
  actor: Actor,
  tambonId: number,
  questionId: number,
  now?: Date,
): Promise<Result<true, DecisionsKey | CoreKey>> {
  const me = actor.user;
  if (!me) return refused();
  return db.transaction(async (tx) => {
    const locked = await lockQuestion(tx, tambonId, questionId, "share");
    if (!locked) return missing();
    if (!ALLOWED.vote(locked.question.phase) || !beforePhaseEnd(locked.question, now ?? new Date()))
      return fail("_form", "ballot.closed");
    const [gone] = await tx
      .delete(ballots)
      .where(tambonWhere(ballots, tambonId, { questionId, userId: me.id }))
      .returning();
    if (!gone) return fail("_form", "ballot.none");
    const payload = gone.receiptHash
      ? { withdrawn: ballotCommitment(gone.receiptHash) }
      : { member: me.id };
    await appendEvent(tx, tambonId, "ballot.withdraw", questionId, payload);
    await audit(tx, {
      tambonId,
      actorId: me.id,
      action: "ballot.withdraw",
      targetType: "question",
      targetId: questionId,
      before: gone.receiptHash ? { member: me.id } : { member: me.id, grades: gone.grades },
      after: null,
    });
    return ok(true as const);
  });
}
