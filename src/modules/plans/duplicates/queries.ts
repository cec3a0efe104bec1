import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { projectLinks } from "../schema.ts";
import { previousPlan, type Plan } from "../plans/queries.ts";
import { projectsOfPlans, type ProjectSummary } from "../projects/queries.ts";
import { compare, prepare, rankOverlaps, type Candidate, type Overlap } from "./overlaps.ts";
import { pick } from "../../../core/pick.ts";

/** A project of this plan or the previous one, with the plan it belongs to. */
export interface PooledProject extends ProjectSummary {
  planTitle: string;
  inThisPlan: boolean;
}

/** A project as the overlap check compares it. */
export function candidateOf(p: ProjectSummary): Candidate {
  return {
    ...pick(p, "title", "objectives", "areaId", "villageIds", "wholeTambon", "targetGroups"),
    years: [...p.byYear.keys()],
  };
}

/** The projects a new one is compared with: this plan's and the previous plan's, not merged away or cancelled. */
export async function overlapPool(
  db: DbOrTx,
  tambonId: number,
  plan: Plan,
): Promise<PooledProject[]> {
  const before = await previousPlan(db, tambonId, plan);
  const titles = new Map<number, string>([[plan.id, plan.title]]);
  if (before) titles.set(before.id, before.title);
  const all = await projectsOfPlans(db, tambonId, [...titles.keys()]);
  return all
    .filter((p) => p.mergedIntoId == null && p.status !== "cancelled")
    .map((p) => ({
      ...p,
      planTitle: titles.get(p.planId) ?? "",
      inThisPlan: p.planId === plan.id,
    }));
}

/** Existing and proposed projects that overlap what is being proposed, most alike first. */
export async function findOverlaps(
  db: DbOrTx,
  tambonId: number,
  plan: Plan,
  candidate: Candidate,
  opts: { excludeId?: number; limit?: number } = {},
): Promise<Overlap<PooledProject>[]> {
  if (!candidate.title.trim() && !candidate.objectives.trim()) return [];
  const pool = (await overlapPool(db, tambonId, plan)).filter((p) => p.id !== opts.excludeId);
  return rankOverlaps(
    candidate,
    pool.map((p) => ({ project: p, candidate: candidateOf(p) })),
    opts.limit ?? 8,
  );
}

/** A pair of projects of the report, and how they are already linked (if they are). */
export interface OverlapPair {
  a: PooledProject;
  overlap: Overlap<PooledProject>;
  linked: string | null;
}

/**
 * The duplicates report of a plan: every pair of its projects (or one of its and one of the
 * previous plan) that overlap, most alike first, with the link already recorded between them.
 */
export async function duplicatesReport(
  db: DbOrTx,
  tambonId: number,
  plan: Plan,
): Promise<OverlapPair[]> {
  const pool = await overlapPool(db, tambonId, plan);
  const prepared = pool.map((p) => prepare(p, candidateOf(p)));
  const links = await db
    .select({ a: projectLinks.projectId, b: projectLinks.otherId, kind: projectLinks.kind })
    .from(projectLinks)
    .where(eq(projectLinks.tambonId, tambonId));
  const linkOf = new Map<string, string>();
  for (const l of links) {
    linkOf.set(`${l.a}:${l.b}`, l.kind);
    linkOf.set(`${l.b}:${l.a}`, l.kind);
  }
  const out: OverlapPair[] = [];
  for (let i = 0; i < prepared.length; i++)
    for (let j = i + 1; j < prepared.length; j++) {
      const a = prepared[i]!;
      const b = prepared[j]!;
      if (!a.project.inThisPlan && !b.project.inThisPlan) continue;
      const o = compare(a, b);
      if (o)
        out.push({
          a: a.project,
          overlap: o,
          linked: linkOf.get(`${a.project.id}:${b.project.id}`) ?? null,
        });
    }
  return out.sort((x, y) => y.overlap.score - x.overlap.score);
}
