import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { todayIso } from "../../../core/dates.ts";
import { answerStamps, figureVillageStamps } from "../schema.ts";
import type { VillageBandCount } from "./pyramid.ts";
import {
  answerCounts,
  keptRegistryCounts,
  type AnswerCount,
  type CountedQuestion,
} from "./queries.ts";

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

/** A tambon's answer counts per form and question set, as of one stamp of the tambon. */
interface KeptAnswers {
  stamp: number;
  counts: Map<string, AnswerCount[]>;
}

/** Per database, per tambon. */
const keptAnswers = new WeakMap<object, Map<number, KeptAnswers>>();

/** How many times a tambon's submissions changed (the triggers bump it). */
async function answerStamp(db: DbOrTx, tambonId: number): Promise<number> {
  const [row] = await db
    .select({ stamp: answerStamps.stamp })
    .from(answerStamps)
    .where(eq(answerStamps.tambonId, tambonId));
  return Number(row?.stamp ?? 0);
}

/**
 * Each form's answer counts over the whole tambon (`answerCounts`), kept until the tambon's
 * answer stamp moves: the database's triggers bump it whenever a submission is sent, reviewed,
 * moved or removed (a change to the registry leaves it). A form's key holds the questions
 * counted, so a new version of the form is counted afresh. The stamp is read once, before the
 * counts, so a change that commits while counting leaves the stamp ahead and the next page
 * counts again.
 */
export async function keptAnswerCounts(
  db: DbOrTx,
  tambonId: number,
  forms: readonly { id: number; questions: readonly CountedQuestion[] }[],
): Promise<AnswerCount[][]> {
  const stamp = await answerStamp(db, tambonId);
  let byTambon = keptAnswers.get(db);
  if (!byTambon) keptAnswers.set(db, (byTambon = new Map()));
  let hit = byTambon.get(tambonId);
  if (!hit || hit.stamp !== stamp) byTambon.set(tambonId, (hit = { stamp, counts: new Map() }));
  const kept = hit.counts;
  return Promise.all(
    forms.map(async (f) => {
      const key = `${f.id}:${JSON.stringify(f.questions)}`;
      const known = kept.get(key);
      if (known) return known;
      const counts = await answerCounts(db, tambonId, f.id, f.questions);
      kept.set(key, counts);
      return counts;
    }),
  );
}
