import { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../core/db/index.ts";
import { auditBy, auditedChange } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import type { Actor } from "../../../core/roles.ts";
import { forms, rounds } from "../schema.ts";
import type { FormsResult } from "../forms/commands.ts";

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
      .where(and(eq(forms.tambonId, tambonId), eq(forms.id, formId)));
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

/** Closes a round of a form (answers already given keep it). */
export function closeRound(
  db: Db,
  actor: Actor,
  tambonId: number,
  formId: number,
  roundId: number,
) {
  return auditedChange(
    db,
    actor,
    tambonId,
    "community.manage",
    async (tx) => {
      const [row] = await tx
        .update(rounds)
        .set({ status: "closed" })
        .where(
          and(eq(rounds.tambonId, tambonId), eq(rounds.formId, formId), eq(rounds.id, roundId)),
        )
        .returning({ id: rounds.id, name: rounds.name });
      return row;
    },
    (row) => ({
      action: "community.round.close",
      targetType: "community_round",
      targetId: row.id,
      after: { name: row.name, status: "closed" },
    }),
  );
}
