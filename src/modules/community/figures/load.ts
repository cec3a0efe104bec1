import type { DbOrTx } from "../../../core/db/index.ts";
import { listVillages } from "../../../core/queries/villages.ts";
import { formFigures, type QuestionFigures } from "./aggregate.ts";
import { villagePyramids, type Pyramid } from "./pyramid.ts";
import { keptAnswerCounts, registryAggregates } from "./stamp.ts";
import { countedQuestions, openForms, storedFigures } from "./queries.ts";
import { isSmall, publishedRate, suppressOne, suppressRow } from "./suppress.ts";
import { pick } from "../../../core/pick.ts";

/** A village as the figures show it, with its published counts (null: "<5"). */
export interface VillageFigures {
  id: number;
  moo: number;
  nameTh: string;
  nameEn: string;
  code: string;
  households: number | null;
  people: number | null;
}

/** A stored figure as published. */
export interface PublishedFigure {
  villageId: number | null;
  year: number;
  code: string;
  label: string;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
}

/** Everything the figures pages and the open data show: aggregates only, suppressed. */
export interface CommunityFigures {
  villages: VillageFigures[];
  /** The tambon's (or the chosen village's) totals. */
  totals: { households: number | null; people: number | null };
  pyramid: Pyramid;
  forms: { id: number; title: string; questions: QuestionFigures[] }[];
  figures: PublishedFigure[];
}

/**
 * The published figures of a tambon, or of one of its villages (`villageId`): every count
 * aggregated in SQL, then suppressed at the tambon's level so that a village page never shows
 * what the tambon page hides.
 */
export async function communityFigures(
  db: DbOrTx,
  tambonId: number,
  villageId?: number,
): Promise<CommunityFigures> {
  const [villageList, { bands, ...registry }, formList, stored] = await Promise.all([
    listVillages(db, tambonId),
    registryAggregates(db, tambonId),
    openForms(db, tambonId),
    storedFigures(db, tambonId, villageId),
  ]);
  const ids = villageList.map((v) => v.id);
  const hh = suppressRow(ids.map((id) => registry.households.get(id) ?? 0));
  const pp = suppressRow(ids.map((id) => registry.people.get(id) ?? 0));
  const villages = villageList.map((v, i) => ({
    ...pick(v, "id", "moo", "nameTh", "nameEn", "code"),
    households: hh[i] ?? null,
    people: pp[i] ?? null,
  }));
  const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const mine = villageId === undefined ? undefined : villages.find((v) => v.id === villageId);
  const totals = mine
    ? { households: mine.households, people: mine.people }
    : {
        households: suppressOne(sum(registry.households)),
        people: suppressOne(sum(registry.people)),
      };
  const counts = await keptAnswerCounts(
    db,
    tambonId,
    formList.map((f) => ({ id: f.id, questions: countedQuestions(f.definition.items) })),
  );
  const forms = formList.map((f, i) => ({
    id: f.id,
    title: f.title,
    questions: formFigures(f, counts[i]!, ids, villageId ?? null),
  }));
  const figures = stored.map((f) => {
    const numerator = isSmall(f.numerator) ? null : f.numerator;
    const denominator = f.denominator === null || isSmall(f.denominator) ? null : f.denominator;
    return {
      ...pick(f, "villageId", "year", "code", "label"),
      numerator,
      denominator,
      rate: denominator === null ? null : publishedRate(numerator, denominator),
    };
  });
  // Every village's pyramid is suppressed with the others' and the tambon's (no differencing).
  const pyramids = villagePyramids(bands, ids);
  const pyramid =
    villageId === undefined
      ? pyramids.tambon
      : (pyramids.villages.get(villageId) ?? villagePyramids([], [villageId]).tambon);
  return { villages, totals, pyramid, forms, figures };
}
