import type { Tx } from "../../core/db/index.ts";
import type { DemoPeople } from "../../core/modules.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { affiliations, facilitatorReach, personProfiles, personRoles } from "./schema.ts";
import { lists } from "./demo-kit.ts";

export async function addFacilitator(
  tx: Tx,
  tambon: Tambon,
  people: DemoPeople,
  moos: number[],
  areaNs: number[],
) {
  const l = await lists(tx, tambon.id);
  const userId = people.byRole.facilitator?.[0];
  if (!userId) return;
  await tx.insert(personProfiles).values({
    tambonId: tambon.id,
    userId,
    publicConsent: true,
    consentAt: new Date(),
    consentBy: userId,
    titleTh: "ผู้ก่อการดี ข้อต่อระหว่างหมู่บ้านกับภาคีท้องถิ่น (สาธิต)",
    titleEn: "Facilitator linking the villages and local partners (demo)",
    bioTh: "ประสานตัวแทนหมู่บ้าน ผู้นำศาสนา และท้องถิ่น ให้มาทำงานร่วมกันในพื้นที่กลาง",
  });
  const vs = moos.map(l.village).filter((v): v is number => v !== null);
  const as = areaNs.map(l.area).filter((a): a is number => a !== null);
  const rows = [
    ...vs.map((villageId) => ({ tambonId: tambon.id, userId, villageId, areaId: null })),
    ...as.map((areaId) => ({ tambonId: tambon.id, userId, villageId: null, areaId })),
  ];
  if (rows.length) await tx.insert(facilitatorReach).values(rows);
}

export async function addPeople(
  tx: Tx,
  tambon: Tambon,
  people: DemoPeople,
  partnerIds: number[],
  club: number,
) {
  const l = await lists(tx, tambon.id);
  const reps = people.byRole.village_rep ?? [];
  const osm = people.byRole.health_volunteer?.[0];
  // Community roles of some village representatives; only the first agreed to be shown.
  const roles: {
    userId: number | undefined;
    role: string;
    moo: number | null;
    consent: boolean;
  }[] = [
    { userId: reps[5], role: "village_headman", moo: 1, consent: true },
    {
      userId: reps[6],
      role: tambon.slug === "la-ngu" ? "religious_leader_muslim" : "religious_leader_buddhist",
      moo: 2,
      consent: false,
    },
    { userId: osm, role: "health_volunteer", moo: 1, consent: true },
  ];
  for (const r of roles) {
    if (!r.userId) continue;
    await tx.insert(personRoles).values({
      tambonId: tambon.id,
      userId: r.userId,
      role: r.role,
      villageId: r.moo ? l.village(r.moo) : null,
    });
    await tx
      .insert(personProfiles)
      .values({
        tambonId: tambon.id,
        userId: r.userId,
        publicConsent: r.consent,
        consentAt: r.consent ? new Date() : null,
      })
      .onConflictDoNothing();
  }
  // Members of partner organisations, with their positions.
  const members: { userId: number | undefined; partner: number; th: string; en: string }[] = [
    { userId: osm, partner: partnerIds[club]!, th: "ประธานชมรม", en: "Chair" },
    { userId: reps[5], partner: partnerIds[1]!, th: "ผู้ใหญ่บ้านหมู่ที่ 1", en: "Moo 1 headman" },
    { userId: reps[6], partner: partnerIds[2]!, th: "กรรมการ", en: "Committee member" },
  ];
  for (const m of members) {
    if (!m.userId || !m.partner) continue;
    await tx
      .insert(affiliations)
      .values({
        tambonId: tambon.id,
        userId: m.userId,
        partnerId: m.partner,
        positionTh: m.th,
        positionEn: m.en,
      })
      .onConflictDoNothing();
  }
}
