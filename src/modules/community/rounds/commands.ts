import { z } from "zod";
import { refuseUnconfirmedChange } from "../../../core/unconfirmed.ts";

import type { Db } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import type { Actor } from "../../../core/roles.ts";
import { forms, rounds } from "../schema.ts";
import type { FormsResult } from "../forms/commands.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

const roundSchema = z.object({
  name: fields.text(60),
  startsOn: fields.optionalDate(),
  endsOn: fields.optionalDate(),
});

/** A new open round of a form (e.g. "2569"), from its first day to an optional last day. */
export async function createRound(
  db: Db,
  actor: Actor,
  tambonId: number,
  formId: number,
  body: Record<string, string>,
): Promise<FormsResult<{ id: number }>> {
  if (!can(actor, "community.manage", { tambonId })) return refused();
  const parsed = parseForm(roundSchema, body);
  if (!parsed.ok) return parsed;
  const { name, startsOn, endsOn } = parsed.value;
  if (!startsOn) return fail("startsOn", "err.required");
  if (endsOn && endsOn < startsOn) return fail("endsOn", "round.endBeforeStart");
  return db.transaction(async (tx) => {
    const [form] = await tx
      .select({ id: forms.id })
      .from(forms)
      .where(tambonWhere(forms, tambonId, { id: formId }));
    if (!form) return missing();
    const [row] = await tx
      .insert(rounds)
      .values({ tambonId, formId, name, startsOn, endsOn, status: "open" })
      .returning({ id: rounds.id });
    await auditBy(tx, actor, tambonId, {
      action: "community.round.create",
      targetType: "community_round",
      targetId: row!.id,
      after: { formId, name, startsOn, endsOn },
    });
    return ok({ id: row!.id });
  });
}

/**
 * Closes a round of a form (answers already given keep it). The round is locked while it is
 * closed, so the same form sent twice at once closes it once: the second finds it closed and
 * changes nothing.
 */
export async function closeRound(
  db: Db,
  actor: Actor,
  tambonId: number,
  formId: number,
  roundId: number,
): Promise<FormsResult<{ id: number; name: string }>> {
  if (!can(actor, "community.manage", { tambonId })) return refused();
  return db.transaction(async (tx): Promise<FormsResult<{ id: number; name: string }>> => {
    const where = tambonWhere(rounds, tambonId, { formId, id: roundId });
    const [round] = await tx
      .select({ ...pick(rounds, "id", "name", "status") })
      .from(rounds)
      .where(where)
      .for("update");
    if (!round) return missing();
    if (round.status === "closed") {
      // Nothing to change, yet a closing not confirmed is still asked to be.
      refuseUnconfirmedChange();
      return ok({ id: round.id, name: round.name });
    }
    await tx.update(rounds).set({ status: "closed" }).where(where);
    await auditBy(tx, actor, tambonId, {
      action: "community.round.close",
      targetType: "community_round",
      targetId: round.id,
      after: { name: round.name, status: "closed" },
    });
    return ok({ id: round.id, name: round.name });
  });
}
