import { and, eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Db } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { ballots } from "../schema.ts";
import { alternativesOf, getQuestion, hasVotingRight } from "../queries.ts";
import { ALLOWED, cleanGrades } from "../phases.ts";
import { appendEvent } from "../events.ts";
import { sha256 } from "../hash-chain.ts";

/** Why a ballot was refused (message keys of the decisions dictionary). */
export type BallotError =
  "ballot.noRight" | "ballot.closed" | "ballot.badGrade" | "notFound" | "forbidden";

/** Casts or changes a ballot (the actor's, or a present member's recorded by a facilitator); returns a receipt code for secret ballots. */
export async function castBallot(
  db: Db,
  actor: Actor,
  tambonId: number,
  questionId: number,
  rawGrades: Record<string, string>,
  forUserId?: number,
): Promise<{ ok: true; receipt: string | null } | { ok: false; error: BallotError }> {
  if (!actor.user) return { ok: false, error: "forbidden" };
  const found = await getQuestion(db, tambonId, questionId);
  if (!found) return { ok: false, error: "notFound" };
  const recording = forUserId !== undefined && forUserId !== actor.user.id;
  if (recording && !can(actor, "ballot.record", { tambonId }))
    return { ok: false, error: "forbidden" };
  const voterId = recording ? forUserId! : actor.user.id;
  if (!(await hasVotingRight(db, tambonId, voterId))) return { ok: false, error: "ballot.noRight" };
  if (!ALLOWED.vote(found.question.phase)) return { ok: false, error: "ballot.closed" };
  const alts = await alternativesOf(db, tambonId, questionId);
  const clean = cleanGrades(
    rawGrades,
    alts.map((a) => a.id),
  );
  if (!clean.ok) return { ok: false, error: "ballot.badGrade" };
  const secret = found.policy.secrecy === "private";
  const receipt = secret ? randomBytes(9).toString("base64url") : null;
  const receiptHash = receipt ? sha256(receipt) : null;
  await db.transaction(async (tx) => {
    const values = {
      grades: clean.grades,
      recordedBy: recording ? actor.user!.id : null,
      receiptHash,
      updatedAt: new Date(),
    };
    await tx
      .insert(ballots)
      .values({ tambonId, questionId, userId: voterId, ...values })
      .onConflictDoUpdate({ target: [ballots.questionId, ballots.userId], set: values });
    const payload = secret
      ? { member: voterId, receipt: receiptHash, recordedBy: values.recordedBy }
      : { member: voterId, grades: clean.grades, recordedBy: values.recordedBy };
    await appendEvent(tx, tambonId, "ballot.cast", questionId, payload);
    await audit(tx, {
      tambonId,
      actorId: actor.user!.id,
      action: recording ? "ballot.record" : "ballot.cast",
      targetType: "question",
      targetId: questionId,
      after: secret ? { member: voterId } : { member: voterId, grades: clean.grades },
    });
  });
  return { ok: true, receipt };
}

/** The actor's current ballot on a question, if any. */
export async function myBallot(db: Db, tambonId: number, questionId: number, userId: number) {
  const [row] = await db
    .select()
    .from(ballots)
    .where(
      and(
        eq(ballots.tambonId, tambonId),
        eq(ballots.questionId, questionId),
        eq(ballots.userId, userId),
      ),
    );
  return row;
}
