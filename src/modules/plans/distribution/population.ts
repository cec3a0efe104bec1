import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { villages } from "../../../core/db/schema.ts";
import { lookup } from "../../../core/install.ts";
import { villageFigures } from "../schema.ts";
import type { VillageHeads } from "./shares.ts";

/**
 * A village's people and households as the community-data module counts them, for a fiscal year
 * (or `fiscalYear` null: the latest count, whatever its year).
 */
export interface VillagePopulation {
  villageId: number;
  fiscalYear: number | null;
  people: number | null;
  households: number | null;
}

/**
 * The lookup a module offers when it counts village populations (the community-data module):
 * `lookups: { [POPULATION_LOOKUP]: (db, tambonId) => Promise<VillagePopulation[]> }`. When no
 * module offers it, the plan's own `village_figures` are used, then the core villages' figures.
 */
export const POPULATION_LOOKUP = "villagePopulation";

/** Where a village's figures of a year came from. */
export type HeadsSource = "community" | "entered" | "village";

/** A village's people and households of a year, and where they came from. */
export interface SourcedHeads extends VillageHeads {
  source: HeadsSource | null;
}

interface Counted {
  fiscalYear: number | null;
  people: number | null;
  households: number | null;
}

/** The count of the year, else the latest before it, else the earliest after it, else the undated one. */
function pick(list: readonly Counted[] | undefined, year: number): Counted | undefined {
  if (!list?.length) return undefined;
  const dated = list.filter((c) => c.fiscalYear !== null && (c.people ?? c.households) !== null);
  const same = dated.find((c) => c.fiscalYear === year);
  if (same) return same;
  const before = dated
    .filter((c) => c.fiscalYear! < year)
    .sort((a, b) => b.fiscalYear! - a.fiscalYear!)[0];
  if (before) return before;
  const after = dated
    .filter((c) => c.fiscalYear! > year)
    .sort((a, b) => a.fiscalYear! - b.fiscalYear!)[0];
  return after ?? list.find((c) => c.fiscalYear === null);
}

function byVillage<T extends { villageId: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) out.set(r.villageId, [...(out.get(r.villageId) ?? []), r]);
  return out;
}

/**
 * The people and households of each village of a tambon for any fiscal year: from the
 * community-data module when it is in the build, else the figures entered in the plans module,
 * else the village's own figures (core). Reads once; the returned function is pure.
 */
export async function populationOf(
  db: DbOrTx,
  tambonId: number,
): Promise<{
  villages: { id: number; moo: number; nameTh: string; nameEn: string; code: string }[];
  villageIds: number[];
  heads: (year: number) => SourcedHeads[];
}> {
  const community = lookup<VillagePopulation[]>(POPULATION_LOOKUP);
  const [vs, entered, counted] = await Promise.all([
    db
      .select({
        id: villages.id,
        moo: villages.moo,
        nameTh: villages.nameTh,
        nameEn: villages.nameEn,
        code: villages.code,
        people: villages.population,
        households: villages.households,
      })
      .from(villages)
      .where(eq(villages.tambonId, tambonId))
      .orderBy(asc(villages.moo)),
    db
      .select({
        villageId: villageFigures.villageId,
        fiscalYear: villageFigures.fiscalYear,
        people: villageFigures.people,
        households: villageFigures.households,
      })
      .from(villageFigures)
      .where(eq(villageFigures.tambonId, tambonId)),
    community ? community(db, tambonId) : Promise.resolve([] as VillagePopulation[]),
  ]);
  const fromCommunity = byVillage(counted);
  const fromEntered = byVillage(entered);
  const memo = new Map<number, SourcedHeads[]>();
  const heads = (year: number): SourcedHeads[] => {
    const hit = memo.get(year);
    if (hit) return hit;
    const list = vs.map((v): SourcedHeads => {
      const c = pick(fromCommunity.get(v.id), year);
      if (c)
        return { villageId: v.id, people: c.people, households: c.households, source: "community" };
      const e = pick(fromEntered.get(v.id), year);
      if (e)
        return { villageId: v.id, people: e.people, households: e.households, source: "entered" };
      const known = v.people !== null || v.households !== null;
      return {
        villageId: v.id,
        people: v.people,
        households: v.households,
        source: known ? "village" : null,
      };
    });
    memo.set(year, list);
    return list;
  };
  return {
    villages: vs.map((v) => ({
      id: v.id,
      moo: v.moo,
      nameTh: v.nameTh,
      nameEn: v.nameEn,
      code: v.code,
    })),
    villageIds: vs.map((v) => v.id),
    heads,
  };
}
