import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { audit, auditBy } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { fail, missing, ok, refused, type FieldError } from "../../../core/result.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { listMeetings } from "../../groups/public.ts";
import { partnersOfPerson } from "../../network/public.ts";
import type { PlansKey, PlansResult } from "../messages.ts";
import { evaluationRatings, evaluationRounds, planEditions, plans } from "../schema.ts";
import type { Rating } from "../shared/kinds.ts";
import {
  RATINGS,
  getRound,
  ratingsBy,
  roundSubjects,
  type Round,
  type Subject,
} from "./queries.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** The longest "what helped" or "what blocked" a rater may write about one subject. */
export const WORDS_MAX = 2000;

const roundSchema = z.object({
  title: fields.text(200),
  heldOn: fields.optionalDate(),
  meetingId: fields.optionalId(),
});

/**
 * May this person rate in the tambon's rounds? The working group, village representatives,
 * facilitators and admins (access rule `evaluation.rate`), and members who belong to one of the
 * tambon's partners (network module).
 */
export async function mayRate(db: DbOrTx, actor: Actor, tambonId: number): Promise<boolean> {
  if (!actor.user) return false;
  if (can(actor, "evaluation.rate", { tambonId })) return true;
  if (!actor.memberOf.has(tambonId) || actor.pendingIn?.has(tambonId)) return false;
  return (await partnersOfPerson(db, tambonId, actor.user.id)).length > 0;
}

/** Opens an evaluation round of a plan, optionally held in a meeting (groups module). */
export async function openRound(
  db: Db,
  actor: Actor,
  tambonId: number,
  planId: number,
  input: Record<string, string>,
): Promise<PlansResult<Round>> {
  if (!can(actor, "plan.manage", { tambonId })) return refused();
  const parsed = parseForm(roundSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return db.transaction(async (tx): Promise<PlansResult<Round>> => {
    const [plan] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(tambonWhere(plans, tambonId, { id: planId }));
    if (!plan) return missing();
    if (v.meetingId !== null) {
      const [meeting] = await listMeetings(tx, tambonId, { ids: [v.meetingId] });
      if (!meeting) return fail("meetingId", "evaluation.unknownMeeting");
    }
    const [row] = await tx
      .insert(evaluationRounds)
      .values({
        tambonId,
        planId: plan.id,
        ...pick(v, "title", "heldOn", "meetingId"),
        status: "open",
      })
      .returning();
    await auditBy(tx, actor, tambonId, {
      action: "evaluation.open",
      targetType: "evaluation_round",
      targetId: row!.id,
      after: { planId: plan.id, ...pick(v, "title", "heldOn", "meetingId") },
    });
    return ok(row!);
  });
}

/** One subject's answer as the rating form sends it. */
interface Answer {
  subject: Subject;
  rating: Rating;
  helped: string;
  blocked: string;
}

const FIELD = /^(rating|helped|blocked)-(p\d{1,10}|c\d{1,10}-\d{1,10})$/;

/**
 * Reads the rating form: `rating-<subject>`, `helped-<subject>` and `blocked-<subject>` for each
 * subject of the round. A field naming a subject the round does not rate is refused (the whole
 * form), an unknown answer or overlong words next to their field; subjects left unrated are
 * skipped, but words without an answer are an error.
 */
export function readAnswers(
  subjects: readonly Subject[],
  input: Record<string, string>,
): PlansResult<Answer[]> {
  const byKey = new Map(subjects.map((s) => [s.key, s]));
  const errors: Record<string, FieldError<PlansKey | "err.choice" | "err.tooLong">> = {};
  for (const name of Object.keys(input)) {
    const m = FIELD.exec(name);
    if (m && !byKey.has(m[2]!)) return fail("_form", "evaluation.unknownSubject");
  }
  const answers: Answer[] = [];
  for (const subject of subjects) {
    const k = subject.key;
    const rating = (input[`rating-${k}`] ?? "").trim();
    const helped = (input[`helped-${k}`] ?? "").trim();
    const blocked = (input[`blocked-${k}`] ?? "").trim();
    if (helped.length > WORDS_MAX)
      errors[`helped-${k}`] = { key: "err.tooLong", vars: { max: WORDS_MAX } };
    if (blocked.length > WORDS_MAX)
      errors[`blocked-${k}`] = { key: "err.tooLong", vars: { max: WORDS_MAX } };
    if (!rating) {
      if (helped || blocked) errors[`rating-${k}`] = { key: "evaluation.ratingNeeded" };
      continue;
    }
    if (!(RATINGS as readonly string[]).includes(rating)) {
      errors[`rating-${k}`] = { key: "err.choice" };
      continue;
    }
    answers.push({ subject, rating: rating as Rating, helped, blocked });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  if (!answers.length) return fail("_form", "evaluation.nothingRated");
  return ok(answers);
}

/**
 * Records a rater's answers in an open round: one rating per rater and subject, a new answer
 * replacing the one given before; the rater is the signed-in person, never a field of the form.
 * One audit row lists what was given and what it replaced.
 */
export async function rateSubjects(
  db: Db,
  actor: Actor,
  tambon: { id: number; slug: string },
  roundId: number,
  input: Record<string, string>,
): Promise<PlansResult<{ round: Round; rated: number }>> {
  const tambonId = tambon.id;
  if (!actor.user) return refused();
  const raterId = actor.user.id;
  const round = await getRound(db, tambonId, roundId);
  if (!round) return missing();
  if (!(await mayRate(db, actor, tambonId))) return refused();
  if (round.status !== "open") return fail("_form", "evaluation.closedAlready");
  const subjects = await roundSubjects(db, tambon, round.planId);
  const read = readAnswers(subjects, input);
  if (!read.ok) return read;
  return db.transaction(async (tx) => {
    const [still] = await tx
      .select({ status: evaluationRounds.status })
      .from(evaluationRounds)
      .where(tambonWhere(evaluationRounds, tambonId, { id: round.id }))
      .for("update");
    if (still?.status !== "open") return fail("_form", "evaluation.closedAlready");
    const before = await ratingsBy(tx, tambonId, round.id, raterId);
    const replaced: Record<string, Rating> = {};
    const given: Record<string, Rating> = {};
    for (const a of read.value) {
      const old = before.get(a.subject.key);
      given[a.subject.key] = a.rating;
      if (old) {
        replaced[a.subject.key] = old.rating;
        await tx
          .update(evaluationRatings)
          .set({ ...pick(a, "rating", "helped", "blocked"), createdAt: new Date() })
          .where(tambonWhere(evaluationRatings, tambonId, { id: old.id }));
      } else {
        await tx.insert(evaluationRatings).values({
          tambonId,
          roundId: round.id,
          subjectType: a.subject.type,
          ...pick(a.subject, "projectId", "charterId", "clauseKey"),
          raterId,
          ...pick(a, "rating", "helped", "blocked"),
        });
      }
    }
    await audit(tx, {
      tambonId,
      actorId: raterId,
      action: "evaluation.rate",
      targetType: "evaluation_round",
      targetId: round.id,
      before: Object.keys(replaced).length ? replaced : null,
      after: given,
    });
    return ok({ round, rated: read.value.length });
  });
}

const closeSchema = z.object({
  decisions: fields.text(8000),
  summary: fields.optionalText(8000),
  editionId: fields.optionalId(),
});

/** The edition of the round's plan with this id, or a field error (another plan's is refused). */
async function editionOfPlan(tx: DbOrTx, tambonId: number, round: Round, editionId: number) {
  const [edition] = await tx
    .select({ id: planEditions.id })
    .from(planEditions)
    .where(tambonWhere(planEditions, tambonId, { planId: round.planId, id: editionId }));
  return edition;
}

/**
 * A command on one round of the tambon, `(db, actor, tambonId, roundId, input)`, for those who
 * manage plans: the round (missing when not this tambon's), the form read with `schema`, then
 * `change`.
 */
function roundCommand<S extends z.ZodType>(
  schema: S,
  change: (
    db: Db,
    scope: { actor: Actor; tambonId: number },
    round: Round,
    v: z.output<S>,
  ) => Promise<PlansResult<Round>>,
) {
  return async (
    db: Db,
    actor: Actor,
    tambonId: number,
    roundId: number,
    input: Record<string, string>,
  ): Promise<PlansResult<Round>> => {
    if (!can(actor, "plan.manage", { tambonId })) return refused();
    const round = await getRound(db, tambonId, roundId);
    if (!round) return missing();
    const parsed = parseForm(schema, input);
    if (!parsed.ok) return parsed;
    return change(db, { actor, tambonId }, round, parsed.value);
  };
}

/** Changes a round's fields and audits it: `before`, and the fields set as `after`. */
async function changeRound(
  tx: DbOrTx,
  actor: Actor,
  round: { tambonId: number; id: number },
  action: string,
  before: Record<string, unknown>,
  set: Partial<typeof evaluationRounds.$inferInsert>,
): Promise<PlansResult<Round>> {
  const { tambonId, id } = round;
  const [row] = await tx
    .update(evaluationRounds)
    .set(set)
    .where(tambonWhere(evaluationRounds, tambonId, { id }))
    .returning();
  await auditBy(tx, actor, tambonId, {
    action,
    targetType: "evaluation_round",
    targetId: id,
    before,
    after: set,
  });
  return ok(row!);
}

/**
 * Closes an open round with the decisions the meeting took (and a summary), and, when asked,
 * carries it into an edition of the same plan. Nobody rates in a closed round.
 */
export const closeRound = roundCommand(closeSchema, async (db, { actor, tambonId }, round, v) =>
  db.transaction(async (tx): Promise<PlansResult<Round>> => {
    const [current] = await tx
      .select()
      .from(evaluationRounds)
      .where(tambonWhere(evaluationRounds, tambonId, { id: round.id }))
      .for("update");
    if (current?.status !== "open") return fail("_form", "evaluation.closedAlready");
    if (v.editionId !== null && !(await editionOfPlan(tx, tambonId, current, v.editionId)))
      return fail("editionId", "evaluation.unknownEdition");
    const closed = {
      status: "closed" as const,
      decisions: v.decisions,
      summary: v.summary,
      carriedToEditionId: v.editionId,
    };
    return changeRound(tx, actor, current, "evaluation.close", { status: current.status }, closed);
  }),
);

const carrySchema = z.object({ editionId: fields.int(1, 2_147_483_647) });

/** Carries a closed round into an edition of its plan (e.g. one approved after the round closed). */
export const carryRound = roundCommand(carrySchema, async (db, { actor, tambonId }, round, v) => {
  const editionId = v.editionId;
  if (round.status !== "closed") return fail("_form", "evaluation.notClosed");
  return db.transaction(async (tx): Promise<PlansResult<Round>> => {
    if (!(await editionOfPlan(tx, tambonId, round, editionId)))
      return fail("editionId", "evaluation.unknownEdition");
    const before = { carriedToEditionId: round.carriedToEditionId };
    return changeRound(tx, actor, round, "evaluation.carry", before, {
      carriedToEditionId: editionId,
    });
  });
});
