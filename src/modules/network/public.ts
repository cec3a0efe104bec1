import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../core/db/index.ts";
import { affiliations, partners } from "./schema.ts";
import { partnerById, partnerChoices } from "./partners/queries.ts";
import { tambonWhere } from "../../core/db/tambon-row.ts";

export type { Pillar } from "./shared/lists.ts";
export type { PartnerRow as Partner } from "./partners/queries.ts";
export { nameIn as partnerName } from "./shared/lists.ts";

/** The active partners of a tambon (id and names), e.g. to choose the partners of a project. */
export function listPartners(
  db: DbOrTx,
  tambonId: number,
): Promise<{ id: number; nameTh: string; nameEn: string }[]> {
  return partnerChoices(db, tambonId);
}

/** One partner of a tambon with its kind, role, pillar, villages and issue areas (undefined when another tambon's). */
export function getPartner(db: DbOrTx, tambonId: number, id: number) {
  return partnerById(db, tambonId, id);
}

/** The public URL of a partner's page. */
export function partnerUrl(tambonSlug: string, partnerId: number): string {
  return `/t/${tambonSlug}/partners/${partnerId}`;
}

/** The active partners of a tambon a person belongs to (their ids), e.g. to let partners rate a plan. */
export async function partnersOfPerson(
  db: DbOrTx,
  tambonId: number,
  userId: number,
): Promise<number[]> {
  const rows = await db
    .select({ id: partners.id })
    .from(affiliations)
    .innerJoin(partners, tambonWhere(partners, tambonId, { id: affiliations.partnerId }))
    .where(tambonWhere(affiliations, tambonId, { userId }, eq(partners.active, true)));
  return rows.map((r) => r.id);
}
