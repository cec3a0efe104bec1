import { and, count, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../../../core/db/index.ts";
import { tambons } from "../../../core/db/schema.ts";
import { agreementParties, agreements, learningCentres, partners, studyVisits } from "../schema.ts";
import { countOf } from "../shared/queries.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/**
 * Counts for the network table: active partners and active centres per tambon id, and published
 * MOUs per tambon national code, each MOU counted for the tambon that recorded it and for every
 * tambon that is a party to it (also tambons not on the platform).
 */
export async function networkCounts(db: DbOrTx) {
  const [ps, mous, cs] = await Promise.all([
    db
      .select({ tambonId: partners.tambonId, n: count() })
      .from(partners)
      .where(eq(partners.active, true))
      .groupBy(partners.tambonId),
    db
      .select({
        id: agreements.id,
        owner: tambons.dopaCode,
        party: agreementParties.partyDopaCode,
      })
      .from(agreements)
      .innerJoin(tambons, eq(tambons.id, agreements.tambonId))
      .leftJoin(
        agreementParties,
        and(
          eq(agreementParties.agreementId, agreements.id),
          eq(agreementParties.partyKind, "tambon"),
        ),
      )
      .where(and(eq(agreements.kind, "mou"), ne(agreements.status, "draft"))),
    db
      .select({ tambonId: learningCentres.tambonId, n: count() })
      .from(learningCentres)
      .where(eq(learningCentres.active, true))
      .groupBy(learningCentres.tambonId),
  ]);
  const m = (rows: { tambonId: number; n: number }[]) =>
    new Map(rows.map((r) => [r.tambonId, Number(r.n)]));
  const byCode = new Map<string, Set<number>>();
  const add = (code: string | null, id: number) => {
    if (!code) return;
    const set = byCode.get(code) ?? new Set<number>();
    set.add(id);
    byCode.set(code, set);
  };
  for (const r of mous) {
    add(r.owner, r.id);
    add(r.party, r.id);
  }
  const agreementsByCode = new Map([...byCode].map(([code, ids]) => [code, ids.size]));
  return { partners: m(ps), agreements: agreementsByCode, centres: m(cs) };
}

/** A tambon's active partners, agreements out of draft and study visits that took place. */
export async function tambonCounts(db: DbOrTx, tambonId: number) {
  const [partnerCount, agreementCount, visitCount] = await Promise.all([
    countOf(
      db
        .select({ n: count() })
        .from(partners)
        .where(tambonWhere(partners, tambonId, { active: true })),
    ),
    countOf(
      db
        .select({ n: count() })
        .from(agreements)
        .where(tambonWhere(agreements, tambonId, {}, ne(agreements.status, "draft"))),
    ),
    countOf(
      db
        .select({ n: count() })
        .from(studyVisits)
        .where(tambonWhere(studyVisits, tambonId, { status: "done" })),
    ),
  ]);
  return { partners: partnerCount, agreements: agreementCount, visits: visitCount };
}
