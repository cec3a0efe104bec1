import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { todayIso } from "../../../core/dates.ts";
import { figureStamps } from "../schema.ts";
import type { VillageBandCount } from "./pyramid.ts";
import { registryCounts, villageBandCounts } from "./queries.ts";

/** The registry's counts of a whole tambon that every figures page starts from. */
export interface RegistryAggregates {
  households: Map<number, number>;
  people: Map<number, number>;
  bands: VillageBandCount[];
}

interface Kept {
  stamp: number;
  day: string;
  value: RegistryAggregates;
}

/** Per database (tests and benches open several in one process), per tambon. */
const kept = new WeakMap<object, Map<number, Kept>>();

/** How many times the tambon's households or people changed (the triggers bump it). */
async function stampOf(db: DbOrTx, tambonId: number): Promise<number> {
  const [row] = await db
    .select({ stamp: figureStamps.stamp })
    .from(figureStamps)
    .where(eq(figureStamps.tambonId, tambonId));
  return Number(row?.stamp ?? 0);
}

/**
 * The tambon's households and people per village and its people by village, band and sex:
 * counted over the whole registry once, then kept until the tambon's stamp moves (a change to
 * its households or people, by any path: the database's triggers bump it) or the day changes
 * (ages move on). A change that commits while counting leaves the stamp ahead, so the next
 * page counts again.
 */
export async function registryAggregates(
  db: DbOrTx,
  tambonId: number,
): Promise<RegistryAggregates> {
  const stamp = await stampOf(db, tambonId);
  const day = todayIso();
  let byTambon = kept.get(db);
  if (!byTambon) kept.set(db, (byTambon = new Map()));
  const hit = byTambon.get(tambonId);
  if (hit && hit.stamp === stamp && hit.day === day) return hit.value;
  const [registry, bands] = await Promise.all([
    registryCounts(db, tambonId),
    villageBandCounts(db, tambonId, day),
  ]);
  const value = { households: registry.households, people: registry.people, bands };
  byTambon.set(tambonId, { stamp, day, value });
  return value;
}
