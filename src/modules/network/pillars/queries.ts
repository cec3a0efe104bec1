import { asc, count, isNotNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { partners } from "../schema.ts";
import { agreementDetail, publishedOfKind } from "../agreements/queries.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** How many active partners stand in each pillar (key 0: none). */
export async function partnersPerPillar(db: DbOrTx, tambonId: number) {
  const rows = await db
    .select({ pillarId: partners.pillarId, n: count() })
    .from(partners)
    .where(tambonWhere(partners, tambonId, { active: true }))
    .groupBy(partners.pillarId);
  return new Map(rows.map((r) => [r.pillarId ?? 0, Number(r.n)]));
}

/** The first active partners of each pillar by name (at most `perPillar` each), in one query. */
export async function partnersByPillar(
  db: DbOrTx,
  tambonId: number,
  perPillar: number,
): Promise<Map<number, { id: number; nameTh: string; nameEn: string }[]>> {
  const ranked = db
    .select({
      ...pick(partners, "id", "nameTh", "nameEn", "pillarId"),
      rank: sql<number>`row_number() over (partition by ${partners.pillarId} order by ${partners.nameTh}, ${partners.id})`.as(
        "rank",
      ),
    })
    .from(partners)
    .where(tambonWhere(partners, tambonId, { active: true }, isNotNull(partners.pillarId)))
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, perPillar))
    .orderBy(asc(ranked.pillarId), asc(ranked.rank));
  const out = new Map<number, { id: number; nameTh: string; nameEn: string }[]>();
  for (const r of rows) {
    const list = out.get(r.pillarId!) ?? [];
    list.push({ ...pick(r, "id", "nameTh", "nameEn") });
    out.set(r.pillarId!, list);
  }
  return out;
}

/** The tambon's latest published common-ground agreement (ข้อตกลงร่วม of the pillars), if any. */
export async function commonGround(db: DbOrTx, tambonId: number) {
  const [a] = await publishedOfKind(db, tambonId, "common_ground", 1);
  return a ? agreementDetail(db, tambonId, a.id) : undefined;
}
