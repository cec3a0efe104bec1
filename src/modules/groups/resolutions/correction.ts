import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { resolutions } from "../schema.ts";
import { decideOutcome } from "./resolution.ts";
import type { ResolutionRow } from "./queries.ts";
import { fail, missing, refused, type Result } from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { GroupsKey } from "../messages.ts";
import { lockMeeting } from "../meetings/commands.ts";
import { parseResolution, type ResolutionInput } from "./resolution-form.ts";
import { tambonRow, tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/**
 * Records a correction of a resolution as a new row linked to it (the original never changes).
 * The correction keeps the original's meeting, number and quorum; only the latest may be corrected.
 */
export async function correctResolution(
  db: Db,
  actor: Actor,
  tambonId: number,
  resolutionId: number,
  input: ResolutionInput,
): Promise<Result<ResolutionRow, GroupsKey | CoreKey>> {
  if (!can(actor, "resolution.record", { tambonId })) return refused();
  const reason = (input.body.correctionReason ?? "").trim();
  if (!reason) return fail("correctionReason", "err.required");
  if (reason.length > 2000) return fail("correctionReason", "err.tooLong", { max: 2000 });
  const p = parseResolution(input, false);
  if (!p.ok) return p;
  const v = p.value;
  return db.transaction(async (tx) => {
    const orig = await tambonRow(tx, resolutions, tambonId, resolutionId);
    if (!orig) return missing();
    await lockMeeting(tx, tambonId, orig.meetingId);
    if (await correctionOf(tx, tambonId, resolutionId))
      return fail("_form", "err.alreadyCorrected");
    const [row] = await tx
      .insert(resolutions)
      .values({
        tambonId,
        ...pick(orig, "meetingId", "agendaItemId", "number"),
        ...pick(v, "textTh", "textEn", "method"),
        votesFor: v.counts?.for ?? null,
        votesAgainst: v.counts?.against ?? null,
        votesAbstain: v.counts?.abstain ?? null,
        outcome: decideOutcome(v.method, v.counts),
        quorumMet: orig.quorumMet,
        quorum: orig.quorum,
        correctsId: orig.id,
        correctionReason: reason,
        recordedBy: actor.user?.id ?? null,
      })
      .returning();
    await auditBy(tx, actor, tambonId, {
      action: "resolution.correct",
      targetType: "resolution",
      targetId: row!.id,
      before: { ...pick(orig, "id", "textTh", "method", "outcome") },
      after: {
        correctsId: orig.id,
        textTh: row!.textTh,
        method: row!.method,
        outcome: row!.outcome,
        reason,
      },
    });
    return { ok: true as const, value: row! };
  });
}

/** The correction of a resolution, when one was recorded. */
export async function correctionOf(
  tx: DbOrTx,
  tambonId: number,
  resolutionId: number,
): Promise<{ id: number } | undefined> {
  const [row] = await tx
    .select({ id: resolutions.id })
    .from(resolutions)
    .where(tambonWhere(resolutions, tambonId, { correctsId: resolutionId }))
    .limit(1);
  return row;
}
