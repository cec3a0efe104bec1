/**
 * Fair distribution (การกระจายงบประมาณ): how a plan's budget reaches each village, per fiscal
 * year, and how unequal that is. Pure rules, no I/O.
 *
 * How a project's budget is shared out among villages:
 * - a project naming villages is shared among those villages; a project for the whole tambon, or
 *   naming no village, among every village of the tambon;
 * - the share of each village is its population's share of the covered villages' population
 *   (people of the fiscal year); when any covered village has no known population (or all have
 *   none), the share is equal;
 * - amounts are split in whole satang by largest remainder, so the shares of a project always add
 *   up to its budget exactly.
 * Cancelled projects, projects merged into another and proposals not yet screened are left out:
 * they are not part of the plan's money.
 */

/** A village with its people and households in a fiscal year (null when not known). */
export interface VillageHeads {
  villageId: number;
  people: number | null;
  households: number | null;
}

/** A project as the distribution needs it. */
export interface ProjectMoney {
  id: number;
  areaId: number | null;
  /** The villages it names; empty with `wholeTambon` or when it names none. */
  villageIds: readonly number[];
  wholeTambon: boolean;
  /** Budget per fiscal year (all sources), in baht. */
  byYear: ReadonlyMap<number, number>;
}

/** Statuses whose projects are counted: screened into the plan, under way, or done. */
export const COUNTED_STATUSES = ["screened", "in_plan", "in_progress", "done"] as const;

/** True when a project's money belongs in the distribution. */
export function counted(p: { status: string; mergedIntoId: number | null }): boolean {
  return p.mergedIntoId === null && (COUNTED_STATUSES as readonly string[]).includes(p.status);
}

/**
 * Splits an amount in baht among weights in whole satang (largest remainder, ties to the earlier
 * one): the parts add up to the amount exactly. All-zero weights split equally.
 */
export function splitByWeight(amount: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (!n) return [];
  const total = weights.reduce((a, b) => a + Math.max(0, b), 0);
  const w = total > 0 ? weights.map((x) => Math.max(0, x) / total) : weights.map(() => 1 / n);
  const satang = Math.round(amount * 100);
  const exact = w.map((x) => x * satang);
  const parts = exact.map((x) => Math.floor(x));
  let rest = satang - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0 && k < order.length; k++, rest--) parts[order[k]!.i]!++;
  return parts.map((p) => p / 100);
}

/**
 * The villages a project covers, in the order of `villages`: those it names, or every village
 * when it is for the whole tambon or names none (or names only villages not in the list).
 */
export function coveredVillages(
  project: Pick<ProjectMoney, "villageIds" | "wholeTambon">,
  villages: readonly VillageHeads[],
): VillageHeads[] {
  if (project.wholeTambon || !project.villageIds.length) return [...villages];
  const named = new Set(project.villageIds);
  const out = villages.filter((v) => named.has(v.villageId));
  return out.length ? out : [...villages];
}

/**
 * A project's budget of one year shared among the villages it covers: by population share when
 * every covered village's population is known, else equally. Gives village id → baht.
 */
export function shareOut(
  amount: number,
  project: Pick<ProjectMoney, "villageIds" | "wholeTambon">,
  villages: readonly VillageHeads[],
): Map<number, number> {
  const covered = coveredVillages(project, villages);
  const byPeople = covered.every((v) => v.people !== null && v.people > 0);
  const parts = splitByWeight(
    amount,
    covered.map((v) => (byPeople ? v.people! : 1)),
  );
  return new Map(covered.map((v, i) => [v.villageId, parts[i]!]));
}

/**
 * The Gini index of a list of non-negative values (here: budget per head of each village):
 * Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄). 0 when every value is equal, (n − 1)/n when one holds everything;
 * null for an empty list or when every value is 0 (nothing to share).
 */
export function gini(values: readonly number[]): number | null {
  const n = values.length;
  if (!n) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  if (sum <= 0) return null;
  // Sorted form of the same sum: Σ (2i − n − 1) xᵢ over i = 1 … n, divided by n Σ x.
  let weighted = 0;
  sorted.forEach((x, i) => (weighted += (2 * (i + 1) - n - 1) * x));
  return weighted / (n * sum);
}

/** One village's share of a year (or of the whole plan). */
export interface VillageShare {
  villageId: number;
  /** Projects whose money reaches the village (including those for the whole tambon). */
  projects: number;
  /** Projects naming the village itself. */
  ownProjects: number;
  budget: number;
  people: number | null;
  households: number | null;
  perHead: number | null;
  perHousehold: number | null;
  /** Budget by issue area id (0: no issue area). */
  byArea: Map<number, number>;
}

/** The distribution of one fiscal year (or of the plan's years together: `year` null). */
export interface YearDistribution {
  year: number | null;
  villages: VillageShare[];
  total: number;
  /** Gini over budget per head of the villages whose population is known; null when none. */
  gini: number | null;
  /** Villages that receive nothing at all. */
  nothing: number[];
  /** Villages no project names (they share only in projects for the whole tambon). */
  noOwnProject: number[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The distribution of the given years (one year, or several added together) among villages.
 * `heads` gives each village's people and households for a year (the year the money is for).
 */
export function distribute(
  years: readonly number[],
  villageIds: readonly number[],
  heads: (year: number) => readonly VillageHeads[],
  projects: readonly ProjectMoney[],
): YearDistribution {
  const shares = new Map<number, VillageShare>(
    villageIds.map((id) => [
      id,
      {
        villageId: id,
        projects: 0,
        ownProjects: 0,
        budget: 0,
        people: null,
        households: null,
        perHead: null,
        perHousehold: null,
        byArea: new Map(),
      },
    ]),
  );
  const reached = new Map<number, Set<number>>(villageIds.map((id) => [id, new Set<number>()]));
  for (const year of years) {
    const vs = heads(year).filter((v) => shares.has(v.villageId));
    for (const p of projects) {
      const amount = p.byYear.get(year) ?? 0;
      if (amount <= 0) continue;
      for (const [villageId, part] of shareOut(amount, p, vs)) {
        const s = shares.get(villageId)!;
        s.budget += part;
        const area = p.areaId ?? 0;
        s.byArea.set(area, round2((s.byArea.get(area) ?? 0) + part));
        reached.get(villageId)!.add(p.id);
      }
    }
  }
  // People and households: those of the last of the years (the latest figures).
  const last = years.length ? heads(years[years.length - 1]!) : [];
  const lastById = new Map(last.map((v) => [v.villageId, v]));
  for (const p of projects) {
    if (p.wholeTambon) continue;
    if (!years.some((y) => (p.byYear.get(y) ?? 0) > 0)) continue;
    for (const id of new Set(p.villageIds)) {
      const s = shares.get(id);
      if (s) s.ownProjects++;
    }
  }
  for (const s of shares.values()) {
    s.budget = round2(s.budget);
    s.projects = reached.get(s.villageId)!.size;
    const h = lastById.get(s.villageId);
    s.people = h?.people ?? null;
    s.households = h?.households ?? null;
    s.perHead = s.people ? s.budget / s.people : null;
    s.perHousehold = s.households ? s.budget / s.households : null;
  }
  const list = villageIds.map((id) => shares.get(id)!);
  const perHead = list.filter((s) => s.perHead !== null).map((s) => s.perHead!);
  return {
    year: years.length === 1 ? years[0]! : null,
    villages: list,
    total: round2(list.reduce((a, s) => a + s.budget, 0)),
    gini: gini(perHead),
    nothing: list.filter((s) => s.budget <= 0).map((s) => s.villageId),
    noOwnProject: list.filter((s) => s.ownProjects === 0).map((s) => s.villageId),
  };
}
