import type { Db } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { fail, missing, ok, refused, type Result } from "../../../core/result.ts";
import { formVersions, submissions } from "../schema.ts";
import { applyMembers, planMembers } from "../collect/members.ts";
import type { SubmissionStatus } from "../shared/kinds.ts";
import { pick } from "../../../core/pick.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/** What a reviewer decides about a conflict. */
export const DECISIONS = ["keep_this", "keep_other", "reject"] as const;
export type Decision = (typeof DECISIONS)[number];

/** Thrown inside the transaction when the kept members cannot be applied: nothing is stored. */
class MembersRefused extends Error {}

/**
 * Settles a conflict: "keep_this" takes the held submission (resolved) and sets the other aside
 * (rejected); "keep_other" sets the held one aside and confirms the other (resolved); "reject"
 * sets the held one aside only. Staff only; both rows and the audit entry in one transaction.
 */
export async function resolveConflict(
  db: Db,
  actor: Actor,
  tambonId: number,
  id: number,
  decision: string,
  note: string,
): Promise<Result<{ id: number; status: SubmissionStatus }, string>> {
  if (!can(actor, "community.manage", { tambonId })) return refused();
  if (!DECISIONS.includes(decision as Decision)) return fail("decision", "submission.decisionBad");
  try {
    return await db.transaction(async (tx) => {
      const [held] = await tx
        .select()
        .from(submissions)
        .where(tambonWhere(submissions, tambonId, { id }))
        .for("update");
      if (!held) return missing();
      if (held.status !== "conflict") return fail("_form", "submission.notConflict");
      const reviewed = {
        reviewedBy: actor.user?.id ?? null,
        reviewedAt: new Date(),
        reviewNote: note.slice(0, 1000),
      };
      /** Gives one of the two submissions its status, with the review. */
      const review = (subId: number, status: SubmissionStatus) =>
        tx
          .update(submissions)
          .set({ status, ...pick(reviewed, "reviewedBy", "reviewedAt", "reviewNote") })
          .where(tambonWhere(submissions, tambonId, { id: subId }));
      const mine: SubmissionStatus = decision === "keep_this" ? "resolved" : "rejected";
      await review(id, mine);
      let other: SubmissionStatus | null = null;
      if (held.conflictWith && decision !== "reject") {
        other = decision === "keep_this" ? "rejected" : "resolved";
        await review(held.conflictWith, other);
      }
      let members: { added: number; updated: number } | null = null;
      if (decision === "keep_this" && held.householdId) {
        // The kept submission's members reach the household's people, as an accepted one's do.
        const [v] = await tx
          .select({ definition: formVersions.definition })
          .from(formVersions)
          .where(tambonWhere(formVersions, tambonId, { id: held.formVersionId }));
        const answers = structuredClone(held.answers);
        const planned = v
          ? await planMembers(tx, tambonId, held.householdId, v.definition, answers)
          : [];
        if (planned.length) {
          members = await applyMembers(tx, tambonId, held.householdId, planned, {
            actorId: actor.user?.id ?? null,
            submissionId: id,
            scope: { all: true },
          });
          if (!members) throw new MembersRefused();
          await tx
            .update(submissions)
            .set({ answers })
            .where(tambonWhere(submissions, tambonId, { id }));
        }
      }
      await auditBy(tx, actor, tambonId, {
        action: "community.submission.resolve",
        targetType: "community_submission",
        targetId: id,
        before: { status: held.status, conflictWith: held.conflictWith },
        after: { status: mine, decision, otherStatus: other, members },
      });
      return ok({ id, status: mine });
    });
  } catch (err) {
    if (err instanceof MembersRefused) return fail("_form", "submission.membersRefused");
    throw err;
  }
}
