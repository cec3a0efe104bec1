import { and, asc, desc, eq, or } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambonRowOf, tambonWhere, tambonRows, anyOf } from "../../../core/db/tambon-row.ts";
import { users } from "../../../core/db/schema.ts";
import {
  projectBudgets,
  projectLinks,
  projectMilestones,
  projectPartners,
  projectUpdates,
  projectVillages,
  projects,
} from "../schema.ts";
import { progressById } from "../shared/progress.ts";
import { pick } from "../../../core/pick.ts";

/** A project as stored. */
export type Project = typeof projects.$inferSelect;
/** A budget row of a project. */
export type Budget = typeof projectBudgets.$inferSelect;
/** A milestone of a project. */
export type Milestone = typeof projectMilestones.$inferSelect;

/** A project of a plan with what its lists show: budgets per year, villages, shown progress. */
export interface ProjectSummary extends Project {
  /** Budget per fiscal year (all sources), in baht. */
  byYear: Map<number, number>;
  total: number;
  villageIds: number[];
  /** Its own progress, or rolled up from its sub-projects. */
  shownProgress: number;
}

/** One project of a tambon (undefined when it is another tambon's). */
export const getProject = tambonRowOf(projects);

/** Every project of the given plans with budgets per year, villages and shown progress, by ลำดับ. */
export async function projectsOfPlans(
  db: DbOrTx,
  tambonId: number,
  planIds: number[],
): Promise<ProjectSummary[]> {
  if (!planIds.length) return [];
  const rows = await db
    .select()
    .from(projects)
    .where(tambonWhere(projects, tambonId, { planId: anyOf(planIds) }))
    .orderBy(asc(projects.seq), asc(projects.id));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [budgets, villages] = await Promise.all([
    db
      .select({
        ...pick(projectBudgets, "projectId", "fiscalYear", "amount"),
      })
      .from(projectBudgets)
      .where(tambonWhere(projectBudgets, tambonId, { projectId: anyOf(ids) })),
    db
      .select({ projectId: projectVillages.projectId, villageId: projectVillages.villageId })
      .from(projectVillages)
      .where(tambonWhere(projectVillages, tambonId, { projectId: anyOf(ids) })),
  ]);
  const byYear = new Map<number, Map<number, number>>();
  for (const b of budgets) {
    const m = byYear.get(b.projectId) ?? new Map<number, number>();
    m.set(b.fiscalYear, (m.get(b.fiscalYear) ?? 0) + Number(b.amount));
    byYear.set(b.projectId, m);
  }
  const villagesOf = new Map<number, number[]>();
  for (const v of villages)
    villagesOf.set(v.projectId, [...(villagesOf.get(v.projectId) ?? []), v.villageId]);
  const shown = progressById(rows);
  return rows.map((r) => {
    const years = byYear.get(r.id) ?? new Map<number, number>();
    return {
      ...r,
      byYear: years,
      total: [...years.values()].reduce((a, b) => a + b, 0),
      villageIds: villagesOf.get(r.id) ?? [],
      shownProgress: shown.get(r.id) ?? r.progress,
    };
  });
}

/** Every project of one plan (see projectsOfPlans). */
export function planProjects(db: DbOrTx, tambonId: number, planId: number) {
  return projectsOfPlans(db, tambonId, [planId]);
}

/** What a project's page shows beyond the project itself. */
export async function projectDetail(db: DbOrTx, tambonId: number, project: Project) {
  const id = project.id;
  const where = <T extends { tambonId: unknown; projectId: unknown }>(t: T) =>
    and(
      eq(t.tambonId as typeof projects.tambonId, tambonId),
      eq(t.projectId as typeof projects.id, id),
    );
  const [budgets, villages, partners, milestones, updates, links, children, proposer] =
    await Promise.all([
      db
        .select()
        .from(projectBudgets)
        .where(where(projectBudgets))
        .orderBy(asc(projectBudgets.fiscalYear), asc(projectBudgets.source)),
      db.select().from(projectVillages).where(where(projectVillages)),
      db
        .select()
        .from(projectPartners)
        .where(where(projectPartners))
        .orderBy(asc(projectPartners.id)),
      db
        .select()
        .from(projectMilestones)
        .where(where(projectMilestones))
        .orderBy(asc(projectMilestones.dueOn), asc(projectMilestones.position)),
      db
        .select({
          ...pick(projectUpdates, "id", "status", "progress", "note", "createdAt"),
          author: users.name,
        })
        .from(projectUpdates)
        .leftJoin(users, eq(users.id, projectUpdates.authorId))
        .where(where(projectUpdates))
        .orderBy(desc(projectUpdates.createdAt), desc(projectUpdates.id)),
      projectLinksOf(db, tambonId, id),
      tambonRows(db, projects, tambonId, { parentId: id }, asc(projects.seq), asc(projects.id)),
      project.proposedBy
        ? db.select({ name: users.name }).from(users).where(eq(users.id, project.proposedBy))
        : Promise.resolve([]),
    ]);
  const mergedInto = project.mergedIntoId
    ? await getProject(db, tambonId, project.mergedIntoId)
    : undefined;
  return {
    budgets,
    villageIds: villages.map((v) => v.villageId),
    partners,
    milestones,
    updates,
    links,
    children,
    proposerName: proposer[0]?.name ?? null,
    mergedInto: mergedInto ?? null,
  };
}

/** The links of a project in both directions, with the other project's title. */
export async function projectLinksOf(db: DbOrTx, tambonId: number, projectId: number) {
  const rows = await db
    .select()
    .from(projectLinks)
    .where(
      tambonWhere(
        projectLinks,
        tambonId,
        {},
        or(eq(projectLinks.projectId, projectId), eq(projectLinks.otherId, projectId)),
      ),
    )
    .orderBy(asc(projectLinks.id));
  const mine = rows;
  const otherIds = mine.map((l) => (l.projectId === projectId ? l.otherId : l.projectId));
  const others = otherIds.length
    ? await db
        .select({ ...pick(projects, "id", "title", "planId") })
        .from(projects)
        .where(tambonWhere(projects, tambonId, { id: anyOf(otherIds) }))
    : [];
  const byId = new Map(others.map((o) => [o.id, o]));
  return mine.map((l) => {
    const otherId = l.projectId === projectId ? l.otherId : l.projectId;
    return { ...pick(l, "id", "kind", "note"), otherId, other: byId.get(otherId) ?? null };
  });
}

/** The projects of a plan that may be a parent of another (not sub-projects of it themselves). */
export async function parentChoices(db: DbOrTx, tambonId: number, planId: number) {
  return db
    .select({ ...pick(projects, "id", "seq", "title") })
    .from(projects)
    .where(tambonWhere(projects, tambonId, { planId }))
    .orderBy(asc(projects.seq), asc(projects.id));
}
