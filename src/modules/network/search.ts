import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../core/db/index.ts";
import type { SearchSource } from "../../core/modules.ts";
import { updateSearch, type SearchDocument } from "../site/public.ts";
import { learningCentres, partners } from "./schema.ts";
import { tambonWhere } from "../../core/db/tambon-row.ts";
import { pick } from "../../core/pick.ts";

/** The active partners of a tambon (or one) as search documents: what the public directory shows. */
export async function partnerDocuments(
  db: DbOrTx,
  tambonId: number,
  partnerId?: number,
): Promise<SearchDocument[]> {
  const rows = await db
    .select({
      ...pick(partners, "id", "nameTh", "nameEn", "descriptionTh", "descriptionEn"),
    })
    .from(partners)
    .where(
      tambonWhere(
        partners,
        tambonId,
        { active: true },
        partnerId ? eq(partners.id, partnerId) : undefined,
      ),
    );
  return rows.map((p) => ({
    kind: "partner" as const,
    refId: p.id,
    title: p.nameTh,
    body: [p.nameEn, p.descriptionTh, p.descriptionEn].filter(Boolean).join("\n"),
    url: `/partners/${p.id}`,
  }));
}

/** The active learning centres of a tambon (or one) as search documents. */
export async function centreDocuments(
  db: DbOrTx,
  tambonId: number,
  centreId?: number,
): Promise<SearchDocument[]> {
  const rows = await db
    .select({
      ...pick(learningCentres, "id", "nameTh", "nameEn", "topicTh", "learnTh", "learnEn"),
    })
    .from(learningCentres)
    .where(
      tambonWhere(
        learningCentres,
        tambonId,
        { active: true },
        centreId ? eq(learningCentres.id, centreId) : undefined,
      ),
    );
  return rows.map((c) => ({
    kind: "centre" as const,
    refId: c.id,
    title: c.nameTh,
    body: [c.nameEn, c.topicTh, c.learnTh, c.learnEn].filter(Boolean).join("\n"),
    url: `/centres/${c.id}`,
  }));
}

/** Puts a partner in the search as the public sees it now, or takes it out (inside the command). */
export async function syncPartnerSearch(tx: DbOrTx, tambonId: number, id: number): Promise<void> {
  await updateSearch(tx, tambonId, "partner", id, await partnerDocuments(tx, tambonId, id));
}

/** Puts a learning centre in the search, or takes it out (inside the command). */
export async function syncCentreSearch(tx: DbOrTx, tambonId: number, id: number): Promise<void> {
  await updateSearch(tx, tambonId, "centre", id, await centreDocuments(tx, tambonId, id));
}

/** The network module's part of the search. */
export const networkSearch: SearchSource = {
  kinds: ["partner", "centre"],
  documents: async (db, tambonId) => [
    ...(await partnerDocuments(db, tambonId)),
    ...(await centreDocuments(db, tambonId)),
  ],
};
