import { asc, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/index.ts";
import { prepared, type Holes } from "../db/prepared.ts";
import { tambonMembers, villages } from "../db/schema.ts";
import type { Village } from "../commands/tambons.ts";
import type { Lang } from "../i18n/index.ts";
import { core } from "../i18n/messages.ts";
import { tambonWhere, tambonRowOf } from "../db/tambon-row.ts";

/** The villages of a tambon by หมู่ที่. */
export function listVillages(db: DbOrTx, tambonId: number): Promise<Village[]> {
  return db
    .select()
    .from(villages)
    .where(eq(villages.tambonId, tambonId))
    .orderBy(asc(villages.moo));
}

/** One village of a tambon (undefined when it is another tambon's). */
export const getVillage = tambonRowOf(villages);

/** The villages of a tambon as choices of a form ("หมู่ที่ 3 บ้านนา"). */
export async function villageOptions(
  db: DbOrTx,
  tambonId: number,
  lang: Lang,
): Promise<{ value: string; label: string }[]> {
  const t = core.t(lang);
  return (await listVillages(db, tambonId)).map((v) => ({
    value: String(v.id),
    label: `${t("village.mooN", { n: v.moo })} ${lang === "en" && v.nameEn ? v.nameEn : v.nameTh}`,
  }));
}

/** The number of villages of every tambon, by tambon id. */
export async function villageCounts(db: DbOrTx): Promise<Map<number, number>> {
  const rows = await db
    .select({ tambonId: villages.tambonId, n: count() })
    .from(villages)
    .groupBy(villages.tambonId);
  return new Map(rows.map((r) => [r.tambonId, Number(r.n)]));
}

/** The figures on a tambon's home page. */
export interface TambonFigures {
  villageCount: number;
  population: number;
  households: number;
  members: number;
}

/** A tambon's villages, people and households, and its confirmed members. */
export async function tambonFigures(db: DbOrTx, tambonId: number): Promise<TambonFigures> {
  const [v] = await figuresStatement(db, { tambonId });
  return {
    villageCount: Number(v?.n ?? 0),
    population: Number(v?.pop ?? 0),
    households: Number(v?.hh ?? 0),
    members: Number(v?.members ?? 0),
  };
}

/** The figures of `tambonFigures`, built once (db/prepared.ts): every home page after a change reads them. */
const figuresStatement = prepared("tambon_figures", (db, p: Holes<{ tambonId: number }>) =>
  db
    .select({
      n: count(),
      pop: sql<number>`coalesce(sum(${villages.population}), 0)`,
      hh: sql<number>`coalesce(sum(${villages.households}), 0)`,
      members: sql<number>`(select count(*) from ${tambonMembers}
        where ${tambonWhere(tambonMembers, p.tambonId, { status: "active" })})`,
    })
    .from(villages)
    .where(eq(villages.tambonId, p.tambonId)),
);
