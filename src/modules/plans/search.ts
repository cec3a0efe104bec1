import { eq, isNull, ne } from "drizzle-orm";
import type { DbOrTx } from "../../core/db/index.ts";
import type { SearchSource } from "../../core/modules.ts";
import { updateSearch, type SearchDocument } from "../site/public.ts";
import { plans, projects } from "./schema.ts";
import { tambonWhere, anyOf } from "../../core/db/tambon-row.ts";
import { pick } from "../../core/pick.ts";

/** The statuses in which a plan is searched (a draft plan is not). */
const PUBLIC_PLANS = ["active", "closed"] as const;

/**
 * The searched plans of a tambon (or one plan) and their projects as search documents: a plan
 * once it is no longer a draft, and its projects that are neither cancelled nor merged away.
 */
export async function planDocuments(
  db: DbOrTx,
  tambonId: number,
  planId?: number,
): Promise<SearchDocument[]> {
  const planRows = await db
    .select({ ...pick(plans, "id", "title", "description") })
    .from(plans)
    .where(
      tambonWhere(
        plans,
        tambonId,
        { status: anyOf([...PUBLIC_PLANS]) },
        planId ? eq(plans.id, planId) : undefined,
      ),
    );
  if (!planRows.length) return [];
  const projectRows = await db
    .select({
      ...pick(
        projects,
        "id",
        "title",
        "objectives",
        "outputs",
        "expectedResults",
        "responsibleUnit",
      ),
    })
    .from(projects)
    .where(
      tambonWhere(
        projects,
        tambonId,
        { planId: anyOf(planRows.map((p) => p.id)) },
        ne(projects.status, "cancelled"),
        isNull(projects.mergedIntoId),
      ),
    );
  return [
    ...planRows.map((p) => ({
      kind: "plan" as const,
      refId: p.id,
      title: p.title,
      body: p.description,
      url: `/plans/${p.id}`,
    })),
    ...projectRows.map((p) => ({
      kind: "project" as const,
      refId: p.id,
      title: p.title,
      body: [p.objectives, p.outputs, p.expectedResults, p.responsibleUnit]
        .filter(Boolean)
        .join("\n"),
      url: `/projects/${p.id}`,
    })),
  ];
}

/**
 * Puts a plan and its projects in the search as the public sees them now, taking out what is no
 * longer searched; call inside the command's transaction.
 */
export async function syncPlanSearch(tx: DbOrTx, tambonId: number, planId: number): Promise<void> {
  const docs = await planDocuments(tx, tambonId, planId);
  await updateSearch(tx, tambonId, "plan", planId, docs);
  const ids = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(tambonWhere(projects, tambonId, { planId }));
  for (const { id } of ids) await updateSearch(tx, tambonId, "project", id, docs);
}

/** Puts one project in the search, or takes it out (inside the command). */
export async function syncProjectSearch(
  tx: DbOrTx,
  tambonId: number,
  project: { id: number; planId: number },
): Promise<void> {
  const docs = (await planDocuments(tx, tambonId, project.planId)).filter(
    (d) => d.kind === "project" && d.refId === project.id,
  );
  await updateSearch(tx, tambonId, "project", project.id, docs);
}

/** The plans module's part of the search. */
export const plansSearch: SearchSource = {
  kinds: ["plan", "project"],
  documents: (db, tambonId) => planDocuments(db, tambonId),
};
