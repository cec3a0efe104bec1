import { fingerprint, likeness, type Fingerprint } from "./similarity.ts";

/** What a proposal (or a project) is compared on. */
export interface Candidate {
  title: string;
  objectives: string;
  areaId: number | null;
  villageIds: readonly number[];
  wholeTambon: boolean;
  targetGroups: readonly string[];
  years: readonly number[];
}

/** A project found to overlap a candidate, with what they share and how alike they read. */
export interface Overlap<P> {
  project: P;
  /** How alike the titles (or titles with objectives) are, 0–1. */
  likeness: number;
  sameArea: boolean;
  sameVillages: boolean;
  sameTargets: boolean;
  sameYears: boolean;
  score: number;
}

/** Below this likeness a project that shares area, villages, targets and years is still shown. */
export const SHARED_FLOOR = 0.1;
/** From this likeness a project is shown whatever else it shares. */
export const ALIKE = 0.45;

const shares = <T>(a: readonly T[], b: readonly T[]) => a.some((x) => b.includes(x));

interface Prepared<P> {
  project: P;
  c: Candidate;
  title: Fingerprint;
  full: Fingerprint;
}

/** Fingerprints a candidate once, to compare it with many. */
export function prepare<P>(project: P, c: Candidate): Prepared<P> {
  return {
    project,
    c,
    title: fingerprint(c.title),
    full: fingerprint(`${c.title} ${c.objectives}`),
  };
}

/** How one prepared candidate overlaps another; null when they do not. */
export function compare<P>(a: Prepared<unknown>, b: Prepared<P>): Overlap<P> | null {
  const x = a.c;
  const y = b.c;
  const sameArea = x.areaId != null && x.areaId === y.areaId;
  const sameVillages = x.wholeTambon || y.wholeTambon || shares(x.villageIds, y.villageIds);
  const everyone = (t: readonly string[]) => !t.length || t.includes("everyone");
  const sameTargets =
    everyone(x.targetGroups) || everyone(y.targetGroups) || shares(x.targetGroups, y.targetGroups);
  const sameYears = !x.years.length || !y.years.length || shares(x.years, y.years);
  const alike = Math.max(likeness(a.title, b.title), likeness(a.full, b.full));
  const all = sameArea && sameVillages && sameTargets && sameYears;
  if (!(alike >= ALIKE || (all && alike >= SHARED_FLOOR))) return null;
  const dims = [sameArea, sameVillages, sameTargets, sameYears].filter(Boolean).length;
  return {
    project: b.project,
    likeness: alike,
    sameArea,
    sameVillages,
    sameTargets,
    sameYears,
    score: alike + 0.05 * dims,
  };
}

/** The projects of a pool that overlap a candidate, most alike first. */
export function rankOverlaps<P>(
  candidate: Candidate,
  pool: readonly { project: P; candidate: Candidate }[],
  limit = 10,
): Overlap<P>[] {
  const a = prepare(null, candidate);
  const out: Overlap<P>[] = [];
  for (const p of pool) {
    const o = compare(a, prepare(p.project, p.candidate));
    if (o) out.push(o);
  }
  return out.sort((m, n) => n.score - m.score).slice(0, limit);
}
