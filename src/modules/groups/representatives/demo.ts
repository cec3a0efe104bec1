import type { Tx } from "../../../core/db/index.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { villageRepTerms } from "../schema.ts";
import { daysAgo, type DemoPerson } from "../shared/demo.ts";
import { tambonWhere } from "../../../core/db/tambon-row.ts";

/**
 * Representatives' terms: every demo representative since about 13 months ago, a past term (a
 * former representative) and, outside La-ngu, a gap in the last village. Gives the running terms.
 */
export async function seedTerms(
  tx: Tx,
  tambon: Tambon,
  villageIds: number[],
  reps: DemoPerson[],
  former: DemoPerson | undefined,
) {
  const tambonId = tambon.id;
  const termStart = daysAgo(400);
  const terms = reps
    .filter((p) => p.villageId !== null)
    .map((p) => ({
      tambonId,
      villageId: p.villageId!,
      userId: p.id,
      startOn: termStart,
      chosenBy: "ที่ประชุมหมู่บ้านคัดเลือก (สาธิต)",
    }));
  if (terms.length) await tx.insert(villageRepTerms).values(terms);
  if (former?.villageId) {
    await tx.insert(villageRepTerms).values({
      tambonId,
      villageId: former.villageId,
      userId: former.id,
      startOn: daysAgo(1200),
      endOn: daysAgo(401),
      chosenBy: "ที่ประชุมหมู่บ้านคัดเลือก (สาธิต)",
      endReason: "ครบวาระ",
    });
  }
  if (tambon.slug !== "la-ngu" && villageIds.length) {
    const last = villageIds[villageIds.length - 1]!;
    const [term] = terms.filter((x) => x.villageId === last).slice(-1);
    if (term)
      await tx
        .update(villageRepTerms)
        .set({ endOn: daysAgo(30), endReason: "ลาออก (สาธิต)" })
        .where(tambonWhere(villageRepTerms, tambonId, { userId: term.userId }));
  }

  return terms;
}
