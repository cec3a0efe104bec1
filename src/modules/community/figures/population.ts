import type { DbOrTx } from "../../../core/db/index.ts";
import type { VillagePopulation } from "../../plans/public.ts";
import { registryCounts } from "./queries.ts";

/**
 * The villages' people (living) and households (active) as the registry counts them today, for
 * the plans module's fair-distribution pages (its POPULATION_LOOKUP): one undated count a village.
 */
export async function villagePopulation(
  db: DbOrTx,
  tambonId: number,
): Promise<VillagePopulation[]> {
  const { households, people } = await registryCounts(db, tambonId);
  const ids = new Set([...households.keys(), ...people.keys()]);
  return [...ids].map((villageId) => ({
    villageId,
    fiscalYear: null,
    people: people.get(villageId) ?? 0,
    households: households.get(villageId) ?? 0,
  }));
}
