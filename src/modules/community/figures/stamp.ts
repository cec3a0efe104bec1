import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { todayIso } from "../../../core/dates.ts";
import { figureVillageStamps } from "../schema.ts";
import type { VillageBandCount } from "./pyramid.ts";
import { keptRegistryCounts } from "./queries.ts";

/** The registry's counts of a whole tambon that every figures page starts from. */
export interface RegistryAggregates {
  households: Map<number, number>;
  people: Map<number, number>;
  bands: VillageBandCount[];
}

interface Kept {
  day: string;
  /** Each village's stamp when its counts were taken (a village with no row: 0). */
  stamps: Map<number, number>;
  households: Map<number, number>;
  people: Map<number, number>;
  bands: Map<number, VillageBandCount[]>;
  value: RegistryAggregates;
}

/** Per database (tests and benches open several in one process), per tambon. */
const kept = new WeakMap<object, Map<number, Kept>>();

/** How many times each village's households or people changed (the triggers bump them). */
async function villageStamps(db: DbOrTx, tambonId: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ villageId: figureVillageStamps.villageId, stamp: figureVillageStamps.stamp })
    .from(figureVillageStamps)
    .where(eq(figureVillageStamps.tambonId, tambonId));
  return new Map(rows.map((r) => [Number(r.villageId), Number(r.stamp)]));
}

/** The villages whose stamp is not the one their kept counts were taken at. */
function movedVillages(now: Map<number, number>, then: Map<number, number>): number[] {
  const ids = new Set([...now.keys(), ...then.keys()]);
  return [...ids].filter((id) => (now.get(id) ?? 0) !== (then.get(id) ?? 0));
}

/** Counts the given villages (all when `villageIds` is undefined) into `into`, replacing theirs. */
async function countInto(
  db: DbOrTx,
  tambonId: number,
  day: string,
  into: Pick<Kept, "households" | "people" | "bands">,
  villageIds?: number[],
): Promise<void> {
  const registry = await keptRegistryCounts(db, tambonId, villageIds, day);
  for (const id of villageIds ?? []) {
    into.households.delete(id);
    into.people.delete(id);
    into.bands.delete(id);
  }
  for (const [id, n] of registry.households) into.households.set(id, n);
  for (const [id, n] of registry.people) into.people.set(id, n);
  for (const b of registry.bands) {
    const list = into.bands.get(b.villageId);
    if (list) list.push(b);
    else into.bands.set(b.villageId, [b]);
  }
}

/**
 * The tambon's households and people per village and its people by village, band and sex:
 * counted over the whole registry once a day (ages move on), then kept per village until that
 * village's stamp moves (a change to its households or people, by any path: the database's
 * triggers bump the stamp of every village a statement touched), when that village alone is
 * counted again. The stamps are read before the counts, so a change that commits while counting
 * leaves its village's stamp ahead and the next page counts that village again.
 */
export async function registryAggregates(
  db: DbOrTx,
  tambonId: number,
): Promise<RegistryAggregates> {
  const stamps = await villageStamps(db, tambonId);
  const day = todayIso();
  let byTambon = kept.get(db);
  if (!byTambon) kept.set(db, (byTambon = new Map()));
  const hit = byTambon.get(tambonId);
  let moved: number[] | undefined;
  if (hit && hit.day === day) {
    moved = movedVillages(stamps, hit.stamps);
    if (!moved.length) return hit.value;
  }
  // Copies, so that a page still reading the kept value never sees it change under it.
  const next: Pick<Kept, "households" | "people" | "bands"> =
    hit && moved
      ? {
          households: new Map(hit.households),
          people: new Map(hit.people),
          bands: new Map(hit.bands),
        }
      : { households: new Map(), people: new Map(), bands: new Map() };
  await countInto(db, tambonId, day, next, moved);
  const value = {
    households: next.households,
    people: next.people,
    bands: [...next.bands.values()].flat(),
  };
  byTambon.set(tambonId, { day, stamps, ...next, value });
  return value;
}
