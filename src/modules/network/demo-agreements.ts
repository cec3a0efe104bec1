import type { Tx } from "../../core/db/index.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { agreementActivities, agreementParties, agreements } from "./schema.ts";
import { type DemoLists, type DemoPartner } from "./demo-kit.ts";
import { pick } from "../../core/pick.ts";
import { AGREEMENT_FIELDS } from "./agreements/fields.ts";

/** What the demo tells of an agreement. */
type DemoAgreement = Pick<
  typeof agreements.$inferInsert,
  "kind" | (typeof AGREEMENT_FIELDS)[number] | "status" | "documentFile" | "documentBytes"
>;

/** What the demo tells of a party to an agreement. */
type DemoParty = Pick<
  typeof agreementParties.$inferInsert,
  | "partyKind"
  | "partyDopaCode"
  | "partnerId"
  | "pillarId"
  | "nameTh"
  | "nameEn"
  | "signatoryName"
  | "signatoryPosition"
>;

/** Parties that are partners of the demo tambon: [index in its demo list, pillar, signatory, position]. */
export function partnerParties(
  list: DemoPartner[],
  ids: number[],
  l: DemoLists,
  rows: [number, number, string, string][],
): DemoParty[] {
  return rows.map(([i, pillar, signatoryName, signatoryPosition]) => ({
    partyKind: "partner",
    partnerId: ids[i],
    pillarId: l.pillar(pillar),
    nameTh: list[i]!.th,
    nameEn: list[i]!.en,
    signatoryName,
    signatoryPosition,
  }));
}

export async function addAgreement(
  tx: Tx,
  tambon: Tambon,
  actorId: number,
  agreement: DemoAgreement & {
    parties: DemoParty[];
    activities: { heldOn: string; titleTh: string; titleEn: string; note?: string }[];
  },
) {
  const { parties, activities } = agreement;
  const [a] = await tx
    .insert(agreements)
    .values({
      tambonId: tambon.id,
      createdBy: actorId,
      ...pick(agreement, "kind", ...AGREEMENT_FIELDS, "status", "documentFile", "documentBytes"),
    })
    .returning({ id: agreements.id });
  await tx.insert(agreementParties).values(
    parties.map((p, i) => ({
      tambonId: tambon.id,
      agreementId: a!.id,
      position: i + 1,
      ...pick(
        p,
        "partyKind",
        "partyDopaCode",
        "partnerId",
        "pillarId",
        "nameTh",
        "nameEn",
        "signatoryName",
        "signatoryPosition",
      ),
    })),
  );
  if (activities.length)
    await tx.insert(agreementActivities).values(
      activities.map((x) => ({
        tambonId: tambon.id,
        agreementId: a!.id,
        ...pick(x, "heldOn", "titleTh", "titleEn", "note"),
      })),
    );
  return a!.id;
}

/** The demo tambon itself as a party to its agreements. */
export type OwnParty = Pick<DemoParty, "partyKind" | "partyDopaCode" | "nameTh" | "nameEn">;
