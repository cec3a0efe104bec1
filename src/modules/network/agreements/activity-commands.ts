import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { z } from "zod";
import type { Db } from "../../../core/db/index.ts";
import { auditBy, auditedChange } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { agreementActivities } from "../schema.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import { fail, missing, refused, type Result } from "../../../core/result.ts";
import type { NetKey } from "../messages.ts";
import { ownAgreement } from "./commands.ts";

const activitySchema = z.object({
  heldOn: fields.optionalDate(),
  activityTitleTh: fields.text(300),
  activityTitleEn: fields.optionalText(300),
  activityNote: fields.optionalText(4000),
});

/** Records an activity done under an agreement. */
export async function addActivity(
  db: Db,
  actor: Actor,
  tambonId: number,
  agreementId: number,
  input: Record<string, string>,
): Promise<Result<{ id: number }, NetKey | CoreKey>> {
  if (!can(actor, "agreement.manage", { tambonId })) return refused();
  const agreement = await ownAgreement(db, tambonId, agreementId);
  if (!agreement) return missing();
  const parsed = parseForm(activitySchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (!v.heldOn) return fail("heldOn", "err.required");
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(agreementActivities)
      .values({
        tambonId,
        agreementId,
        heldOn: v.heldOn!,
        titleTh: v.activityTitleTh,
        titleEn: v.activityTitleEn,
        note: v.activityNote,
      })
      .returning({ id: agreementActivities.id });
    await auditBy(tx, actor, tambonId, {
      action: "agreement.activity.add",
      targetType: "agreement",
      targetId: agreementId,
      after: { heldOn: v.heldOn, titleTh: v.activityTitleTh },
    });
    return row!.id;
  });
  return { ok: true, value: { id } };
}

/** Removes an activity recorded under an agreement. */
export function removeActivity(
  db: Db,
  actor: Actor,
  tambonId: number,
  agreementId: number,
  activityId: number,
) {
  return auditedChange(
    db,
    actor,
    tambonId,
    "agreement.manage",
    async (tx) =>
      (
        await tx
          .delete(agreementActivities)
          .where(tambonWhere(agreementActivities, tambonId, { id: activityId, agreementId }))
          .returning({ titleTh: agreementActivities.titleTh })
      )[0],
    (row) => ({
      action: "agreement.activity.remove",
      targetType: "agreement",
      targetId: agreementId,
      before: { titleTh: row.titleTh },
    }),
  );
}
