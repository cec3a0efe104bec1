import { z } from "zod";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { fields } from "../../../core/forms.ts";
import { missing, ok, refused } from "../../../core/result.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import type { PlansResult } from "../messages.ts";
import {
  projectBudgets,
  projectPartners,
  projectUpdates,
  projectVillages,
  projects,
} from "../schema.ts";
import { PROJECT_STATUSES } from "../shared/kinds.ts";
import { getPlan } from "../plans/queries.ts";
import { getProject, type Project } from "./queries.ts";
import { screeningCommand } from "./screening.ts";
import {
  parseProject,
  parseStaffFields,
  RESIDENT_FIELDS,
  type ProjectFields,
  type ProjectInput,
} from "./input.ts";
import { syncProjectSearch } from "../search.ts";
import { tambonWhere, lastNumber } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** Replaces a project's villages and budget rows with the checked ones. */
async function writeLists(tx: DbOrTx, tambonId: number, projectId: number, f: ProjectFields) {
  await tx.delete(projectVillages).where(tambonWhere(projectVillages, tambonId, { projectId }));
  if (f.villageIds.length)
    await tx
      .insert(projectVillages)
      .values(f.villageIds.map((villageId) => ({ tambonId, projectId, villageId })));
  await tx.delete(projectBudgets).where(tambonWhere(projectBudgets, tambonId, { projectId }));
  if (f.budgets.length)
    await tx.insert(projectBudgets).values(
      f.budgets.map((b) => ({
        tambonId,
        projectId,
        ...pick(b, "fiscalYear", "source", "amount"),
      })),
    );
}

const budgetSummary = (f: ProjectFields) =>
  f.budgets.map((b) => `${b.fiscalYear}/${b.source}/${b.amount}`);

/**
 * A resident or village representative proposes a project for a plan: it is stored as proposed,
 * with its proposer, the next ลำดับ and a first timeline entry. Status, plan, tambon and proposer
 * come from the request, never from the form.
 */
export async function proposeProject(
  db: Db,
  actor: Actor,
  tambonId: number,
  planId: number,
  input: ProjectInput,
): Promise<PlansResult<Project>> {
  if (!actor.user || !can(actor, "project.propose", { tambonId })) return refused();
  const plan = await getPlan(db, tambonId, planId);
  if (!plan || plan.status === "closed") return missing();
  const parsed = await parseProject(db, tambonId, plan, input);
  if (!parsed.ok) return parsed;
  const f = parsed.value;
  const userId = actor.user.id;
  return db.transaction(async (tx): Promise<PlansResult<Project>> => {
    const last = await lastNumber(tx, projects, "seq", tambonId, { planId: plan.id });
    const [row] = await tx
      .insert(projects)
      .values({
        tambonId,
        planId: plan.id,
        seq: last + 1,
        ...pick(f, ...RESIDENT_FIELDS),
        status: "proposed",
        proposedBy: userId,
      })
      .returning();
    await writeLists(tx, tambonId, row!.id, f);
    await tx.insert(projectUpdates).values({
      tambonId,
      projectId: row!.id,
      status: "proposed",
      progress: 0,
      authorId: userId,
    });
    await auditBy(tx, actor, tambonId, {
      action: "project.propose",
      targetType: "project",
      targetId: row!.id,
      after: {
        planId: plan.id,
        title: f.title,
        areaId: f.areaId,
        villages: f.villageIds,
        wholeTambon: f.wholeTambon,
        budgets: budgetSummary(f),
      },
    });
    await syncProjectSearch(tx, tambonId, row!);
    return ok(row!);
  });
}

/** Staff edit a project: its resident fields and the ones only staff set (strategy, form, partners …). */
export async function saveProject(
  db: Db,
  actor: Actor,
  tambonId: number,
  projectId: number,
  input: ProjectInput,
): Promise<PlansResult<Project>> {
  if (!can(actor, "project.screen", { tambonId })) return refused();
  const current = await getProject(db, tambonId, projectId);
  if (!current) return missing();
  const plan = await getPlan(db, tambonId, current.planId);
  if (!plan) return missing();
  const parsed = await parseProject(db, tambonId, plan, input);
  const staffParsed = await parseStaffFields(db, tambonId, plan, current.id, input);
  if (!parsed.ok || !staffParsed.ok)
    return {
      ok: false,
      errors: {
        ...(staffParsed.ok ? {} : staffParsed.errors),
        ...(parsed.ok ? {} : parsed.errors),
      },
    };
  const f = parsed.value;
  const s = staffParsed.value;
  return db.transaction(async (tx): Promise<PlansResult<Project>> => {
    const [row] = await tx
      .update(projects)
      .set({
        ...pick(f, ...RESIDENT_FIELDS),
        ...pick(s, "strategyId", "parentId", "formCategory", "responsibleUnit", "weight", "rollup"),
        seq: s.seq ?? current.seq,
        updatedAt: new Date(),
      })
      .where(tambonWhere(projects, tambonId, { id: current.id }))
      .returning();
    await writeLists(tx, tambonId, current.id, f);
    await tx
      .delete(projectPartners)
      .where(tambonWhere(projectPartners, tambonId, { projectId: current.id }));
    const partnerRows = [
      ...s.responsible.map((partnerId) => ({ partnerId, role: "responsible" as const })),
      ...s.supporting.map((partnerId) => ({ partnerId, role: "supporting" as const })),
    ];
    if (partnerRows.length)
      await tx.insert(projectPartners).values(
        partnerRows.map((p) => ({
          tambonId,
          projectId: current.id,
          partnerId: p.partnerId,
          role: p.role,
        })),
      );
    await auditBy(tx, actor, tambonId, {
      action: "project.update",
      targetType: "project",
      targetId: current.id,
      before: { ...pick(current, "title", "strategyId", "parentId") },
      after: {
        title: f.title,
        ...pick(s, "strategyId", "parentId", "formCategory"),
        budgets: budgetSummary(f),
        partners: partnerRows.map((p) => `${p.role}:${p.partnerId}`),
      },
    });
    await syncProjectSearch(tx, tambonId, row!);
    return ok(row!);
  });
}

const statusSchema = z.object({
  status: fields.choice(PROJECT_STATUSES),
  progress: fields.optionalInt(0, 100),
  note: fields.optionalText(2000),
});

/**
 * The working group screens a project or records its progress: a new status and progress, each
 * change a timeline entry, audited. Done means 100 %.
 */
export const setProjectStatus = screeningCommand(
  statusSchema,
  async (tx, current, v, { actor, tambonId }): Promise<PlansResult<Project>> => {
    const progress = v.status === "done" ? 100 : (v.progress ?? current.progress);
    const [row] = await tx
      .update(projects)
      .set({ status: v.status, progress, updatedAt: new Date() })
      .where(tambonWhere(projects, tambonId, { id: current.id }))
      .returning();
    await tx.insert(projectUpdates).values({
      tambonId,
      projectId: current.id,
      status: v.status,
      progress,
      note: v.note,
      authorId: actor.user?.id ?? null,
    });
    await auditBy(tx, actor, tambonId, {
      action: "project.status",
      targetType: "project",
      targetId: current.id,
      before: { status: current.status, progress: current.progress },
      after: { status: v.status, progress, note: v.note },
    });
    await syncProjectSearch(tx, tambonId, row!);
    return ok(row!);
  },
);
