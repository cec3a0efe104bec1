import { z } from "zod";
import type { Db } from "../../../core/db/index.ts";
import { audit } from "../../../core/audit.ts";
import { fields, parseForm } from "../../../core/forms.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { openLinkedQuestion } from "../../decisions/public.ts";
import type { PlansResult } from "../messages.ts";
import { projects } from "../schema.ts";
import { getPlan } from "../plans/queries.ts";
import { tambonWhere, anyOf } from "../../../core/db/tambon-row.ts";

const voteSchema = z.object({
  title: fields.text(200),
  areaId: fields.int(1, 2_147_483_647),
});

/**
 * Puts projects of a plan to a priority vote: one question (decisions module, in draft) with one
 * alternative per project, its id stored on each project. At least two projects of the plan.
 */
export async function putProjectsToVote(
  db: Db,
  actor: Actor,
  tambonId: number,
  planId: number,
  input: Record<string, string>,
  projectIds: string[],
  projectUrl: (id: number) => string,
): Promise<PlansResult<{ questionId: number }>> {
  if (!actor.user || !can(actor, "plan.manage", { tambonId })) return refused();
  const plan = await getPlan(db, tambonId, planId);
  if (!plan) return missing();
  const parsed = parseForm(voteSchema, input);
  if (!parsed.ok) return parsed;
  const ids = [...new Set(projectIds.filter((v) => /^\d{1,9}$/.test(v)).map(Number))];
  if (ids.length < 2) return fail("projects", "project.voteChoose");
  const userId = actor.user.id;
  return db.transaction(async (tx): Promise<PlansResult<{ questionId: number }>> => {
    const chosen = await tx
      .select()
      .from(projects)
      .where(tambonWhere(projects, tambonId, { planId: plan.id, id: anyOf(ids) }));
    if (chosen.length !== ids.length) return fail("projects", "project.unknownParent");
    const opened = await openLinkedQuestion(tx, {
      tambonId,
      actorId: userId,
      areaId: parsed.value.areaId,
      title: parsed.value.title,
      altTitle: chosen[0]!.title,
      altBody: "",
      alternatives: chosen.map((p) => ({
        title: p.title,
        body: `${p.objectives}\n\n[${p.title}](${projectUrl(p.id)})`,
      })),
    });
    if (!opened) return fail("areaId", "project.voteNoRules");
    // Each project keeps its own alternative: its rank in the result is the project's priority.
    for (const [i, p] of chosen.entries())
      await tx
        .update(projects)
        .set({
          questionId: opened.questionId,
          questionAlternativeId: opened.alternativeIds[i]!,
          updatedAt: new Date(),
        })
        .where(tambonWhere(projects, tambonId, { id: p.id }));
    await audit(tx, {
      tambonId,
      actorId: userId,
      action: "project.vote",
      targetType: "plan",
      targetId: plan.id,
      after: { questionId: opened.questionId, projects: ids },
    });
    return ok({ questionId: opened.questionId });
  });
}
