import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import type { Actor } from "../../../core/roles.ts";
import { getArea } from "../../areas/public.ts";
import { delegations } from "../schema.ts";
import { appendEvent } from "../shared/events.ts";
import {
  beforePhaseEnd,
  getQuestion,
  hasVotingRight,
  lockQuestion,
  type Question,
} from "../shared/queries.ts";
import { ALLOWED } from "../shared/phases.ts";
import { notify } from "../notifications/notify.ts";
import { msg } from "../messages.ts";
import { parseId } from "../../../core/params.ts";
import { fail, missing, ok, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { DecisionsKey } from "../messages.ts";
import { tambonWhere, tambonRows } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** What to delegate: scope, its area or question, and the trustee (null blocks broader scopes). */
export interface DelegationInput {
  scope: "tambon" | "area" | "question";
  areaId?: number | null;
  questionId?: number | null;
  trusteeId: number | null;
}

/** True when a question's delegations may still change (until its voting phase ends). */
function delegationsOpen(question: Question, now: Date): boolean {
  return (
    ALLOWED.delegate(question.phase) &&
    (question.phase !== "voting" || beforePhaseEnd(question, now))
  );
}

/**
 * Sets (or replaces) the actor's delegation for one scope; notifies the trustee. A question
 * delegation locks the question row, so it is written before the closing or refused.
 */
export async function setDelegation(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: DelegationInput,
  now?: Date,
): Promise<Result<true, DecisionsKey | CoreKey>> {
  const me = actor.user;
  if (!me || !(await hasVotingRight(db, tambonId, me.id))) return fail("_form", "ballot.noRight");
  let areaId: number | null = null;
  let questionId: number | null = null;
  let scopeLabel = "";
  if (input.scope === "area") {
    const area = await getArea(db, tambonId, parseId(input.areaId) ?? 0);
    if (!area) return missing();
    areaId = area.id;
    scopeLabel = area.nameTh;
  } else if (input.scope === "question") {
    const found = await getQuestion(db, tambonId, parseId(input.questionId) ?? 0);
    if (!found) return missing();
    if (!ALLOWED.delegate(found.question.phase)) return fail("_form", "del.closed");
    questionId = found.question.id;
    scopeLabel = found.question.title;
  } else if (input.scope !== "tambon") return missing();
  if (input.trusteeId !== null) {
    if (input.trusteeId === me.id) return fail("_form", "del.self");
    if (!(await hasVotingRight(db, tambonId, input.trusteeId))) return fail("_form", "del.outside");
  }
  return db.transaction(async (tx) => {
    if (questionId !== null) {
      const locked = await lockQuestion(tx, tambonId, questionId, "share");
      if (!locked || !delegationsOpen(locked.question, now ?? new Date()))
        return fail("_form", "del.closed");
    }
    const where = tambonWhere(
      delegations,
      tambonId,
      { trusterId: me.id, scope: input.scope },
      sql`coalesce(${delegations.areaId}, 0) = ${areaId ?? 0}`,
      sql`coalesce(${delegations.questionId}, 0) = ${questionId ?? 0}`,
    );
    const [before] = await tx.select().from(delegations).where(where);
    if (before) await tx.delete(delegations).where(eq(delegations.id, before.id));
    await tx.insert(delegations).values({
      tambonId,
      trusterId: me.id,
      trusteeId: input.trusteeId,
      scope: input.scope,
      areaId,
      questionId,
    });
    const payload = {
      truster: me.id,
      trustee: input.trusteeId,
      scope: input.scope,
      areaId,
      questionId,
    };
    await appendEvent(tx, tambonId, "delegation.set", questionId, payload);
    await audit(tx, {
      tambonId,
      actorId: me.id,
      action: "delegation.set",
      targetType: "delegation",
      targetId: me.id,
      before: before ? { trustee: before.trusteeId } : null,
      after: payload,
    });
    if (input.trusteeId !== null && input.trusteeId !== before?.trusteeId) {
      const scope = input.scope === "tambon" ? msg.t("th")("del.scopeTambon") : scopeLabel;
      await notify(tx, tambonId, [input.trusteeId], "delegated", questionId, {
        name: me.name,
        scope,
      });
    }
    return ok(true as const);
  });
}

/** Revokes the actor's delegation of one scope (the broader ones apply again). */
export async function revokeDelegation(
  db: Db,
  actor: Actor,
  tambonId: number,
  delegationId: number,
  now?: Date,
): Promise<Result<true, DecisionsKey | CoreKey>> {
  const me = actor.user;
  if (!me) return missing();
  const [row] = await tambonRows(db, delegations, tambonId, {
    id: delegationId || 0,
    trusterId: me.id,
  });
  if (!row) return missing();
  return db.transaction(async (tx) => {
    if (row.questionId) {
      const locked = await lockQuestion(tx, tambonId, row.questionId, "share");
      if (locked && !delegationsOpen(locked.question, now ?? new Date())) return missing();
    }
    const gone = await tx
      .delete(delegations)
      .where(eq(delegations.id, row.id))
      .returning({ id: delegations.id });
    if (!gone.length) return missing();
    const payload = {
      truster: me.id,
      trustee: null,
      revoked: true,
      ...pick(row, "scope", "areaId", "questionId"),
    };
    await appendEvent(tx, tambonId, "delegation.revoke", row.questionId, payload);
    await audit(tx, {
      tambonId,
      actorId: me.id,
      action: "delegation.revoke",
      targetType: "delegation",
      targetId: me.id,
      before: { trustee: row.trusteeId, scope: row.scope },
      after: null,
    });
    return ok(true as const);
  });
}
