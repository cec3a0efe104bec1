import type { Db } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { linkClause, listClauses, unlinkClause } from "../../charter/public.ts";
import { PROJECT_TARGET } from "../evaluations/queries.ts";
import type { PlansResult } from "../messages.ts";
import { getProject, type Project } from "./queries.ts";

/** The clause a form names ("charterId:clauseKey"), one of the tambon's clauses in force. */
async function chosenClause(db: Db, tambonId: number, input: Record<string, string>) {
  const m = /^(\d{1,9}):(\d{1,9})$/.exec((input.clause ?? "").trim());
  if (!m) return null;
  const [charterId, clauseKey] = [Number(m[1]), Number(m[2])];
  return (
    (await listClauses(db, tambonId)).find(
      (c) => c.charterId === charterId && c.clauseKey === clauseKey,
    ) ?? null
  );
}

/**
 * Links a project to a clause of a charter in force that it carries out, or takes the link back;
 * the clause's page then lists (or no longer lists) the project. Audited here.
 */
export async function setProjectClause(
  db: Db,
  actor: Actor,
  tambonId: number,
  projectId: number,
  input: Record<string, string>,
  link: { on: true; url: string } | { on: false },
): Promise<PlansResult<Project>> {
  if (!can(actor, "project.screen", { tambonId })) return refused();
  const project = await getProject(db, tambonId, projectId);
  if (!project) return missing();
  if (!(input.clause ?? "").trim()) return fail("clause", "err.required");
  const clause = await chosenClause(db, tambonId, input);
  if (!clause) return fail("clause", "strategy.unknownClause");
  const target = {
    charterId: clause.charterId,
    clauseKey: clause.clauseKey,
    targetType: PROJECT_TARGET,
    targetId: project.id,
  };
  return db.transaction(async (tx): Promise<PlansResult<Project>> => {
    const done = link.on
      ? await linkClause(tx, tambonId, { ...target, label: project.title, url: link.url })
      : await unlinkClause(tx, tambonId, target);
    if (!done) return fail("clause", "strategy.unknownClause");
    await auditBy(tx, actor, tambonId, {
      action: link.on ? "project.linkClause" : "project.unlinkClause",
      targetType: "project",
      targetId: project.id,
      after: { charterId: clause.charterId, clauseKey: clause.clauseKey },
    });
    return ok(project);
  });
}
