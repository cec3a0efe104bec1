import { asc, eq } from "drizzle-orm";
import type { Tx } from "../../core/db/index.ts";
import { tambons, villages } from "../../core/db/schema.ts";
import { todayIso } from "../../core/dates.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { tambonTitle } from "../../core/views/layout.tsx";
import { listAreas } from "../areas/public.ts";
import {
  centrePhotos,
  learningCentres,
  networkPillars,
  networkTerms,
  partnerAreas,
  partnerVillages,
  partners,
  studyVisits,
} from "./schema.ts";
import type { OwnParty } from "./demo-agreements.ts";
import { demoFile, demoFileName } from "./shared/demo-files.ts";
import { thumbName } from "./uploads.ts";
import { pick } from "../../core/pick.ts";
import { CENTRE_FIELDS } from "./centres/fields.ts";

/**
 * A demo partner: names, the kind/role/pillar by position in the default lists, villages by moo
 * and areas by position (none when left out), and a description (a partner with one has a
 * contact).
 */
export interface DemoPartner {
  th: string;
  en: string;
  kind: number;
  role: number;
  pillar: number | null;
  moos?: number[];
  areas?: number[];
  description?: string;
  logo?: boolean;
}

export const K = {
  group: 1,
  org: 2,
  club: 3,
  assoc: 4,
  foundation: 5,
  agency: 6,
  lgo: 7,
  school: 8,
  temple: 9,
  mosque: 10,
  health: 11,
  business: 12,
  media: 13,
};
export const R = {
  community: 1,
  political: 2,
  government: 3,
  lgo: 4,
  ngo: 5,
  academic: 6,
  business: 7,
  media: 8,
};
export const P = { local: 1, administration: 2, religion: 3, health: 4, people: 5 };

/** The tambon's office phone, digits only, as the demo's contacts give it. */
export function officePhone(tambon: Tambon): string {
  return tambon.phone.replace(/\D/g, "");
}

/** A date `days` after today (Bangkok) as YYYY-MM-DD, so that pending requests stay ahead. */
export function inDays(days: number): string {
  return todayIso(new Date(Date.now() + days * 86_400_000));
}

/** Counter for demo file names, so that every demo file differs. */
let fileIndex = 0;

/** The next demo file name of a kind. */
export function nextDemoFileName(kind: "partner" | "agreement" | "centre"): string {
  return demoFileName(kind, fileIndex++);
}

async function demoImageSize(name: string): Promise<number> {
  return (await demoFile(name))!.length;
}

/** The demo tambon's lists, pillars, areas and villages, looked up by position. */
export type DemoLists = Awaited<ReturnType<typeof lists>>;

export async function lists(tx: Tx, tambonId: number) {
  const [pillars, terms, vs, areas] = await Promise.all([
    tx
      .select()
      .from(networkPillars)
      .where(eq(networkPillars.tambonId, tambonId))
      .orderBy(asc(networkPillars.position)),
    tx
      .select()
      .from(networkTerms)
      .where(eq(networkTerms.tambonId, tambonId))
      .orderBy(asc(networkTerms.position)),
    tx.select().from(villages).where(eq(villages.tambonId, tambonId)).orderBy(asc(villages.moo)),
    listAreas(tx, tambonId),
  ]);
  return {
    pillar: (n: number | null) => (n ? (pillars[n - 1]?.id ?? null) : null),
    kind: (n: number) => terms.filter((t) => t.list === "kind")[n - 1]?.id ?? null,
    role: (n: number) => terms.filter((t) => t.list === "role")[n - 1]?.id ?? null,
    village: (moo: number) => vs.find((v) => v.moo === moo)?.id ?? null,
    area: (n: number) => areas[n - 1]?.id ?? null,
    villages: vs,
  };
}

export async function addPartners(tx: Tx, tambon: Tambon, list: DemoPartner[], actorId: number) {
  const l = await lists(tx, tambon.id);
  const ids: number[] = [];
  for (const p of list) {
    const [row] = await tx
      .insert(partners)
      .values({
        tambonId: tambon.id,
        nameTh: p.th,
        nameEn: p.en,
        kindId: l.kind(p.kind),
        roleId: l.role(p.role),
        pillarId: l.pillar(p.pillar),
        descriptionTh: p.description ?? "",
        contactName: p.description ? "ฝ่ายประสานงาน (สาธิต)" : "",
        contactPhone: p.description ? officePhone(tambon) : "",
        logoFile: p.logo ? nextDemoFileName("partner") : null,
        createdBy: actorId,
      })
      .returning({ id: partners.id });
    ids.push(row!.id);
    const vs = (p.moos ?? []).map(l.village).filter((v): v is number => v !== null);
    if (vs.length)
      await tx
        .insert(partnerVillages)
        .values(vs.map((villageId) => ({ tambonId: tambon.id, partnerId: row!.id, villageId })));
    const as = (p.areas ?? []).map(l.area).filter((a): a is number => a !== null);
    if (as.length)
      await tx
        .insert(partnerAreas)
        .values(as.map((areaId) => ({ tambonId: tambon.id, partnerId: row!.id, areaId })));
  }
  return { ids, l };
}

/** What the demo tells of a learning centre, and how many photos it shows. */
type DemoCentre = { photos: number } & Pick<
  typeof learningCentres.$inferInsert,
  (typeof CENTRE_FIELDS)[number] | "contactPhone"
>;

export async function addCentre(tx: Tx, tambon: Tambon, centre: DemoCentre) {
  const [c] = await tx
    .insert(learningCentres)
    .values({
      tambonId: tambon.id,
      ...pick(centre, ...CENTRE_FIELDS, "contactPhone"),
    })
    .returning({ id: learningCentres.id });
  for (let i = 0; i < centre.photos; i++) {
    const file = nextDemoFileName("centre");
    await tx.insert(centrePhotos).values({
      tambonId: tambon.id,
      centreId: c!.id,
      file,
      thumbFile: thumbName(file),
      width: 1280,
      height: 960,
      bytes: await demoImageSize(file),
      captionTh: i === 0 ? "บรรยากาศการเรียนรู้ (ภาพสาธิต)" : "",
      position: i + 1,
    });
  }
  return c!.id;
}

export async function otherTambon(tx: Tx, slug: string): Promise<Tambon | undefined> {
  const [row] = await tx.select().from(tambons).where(eq(tambons.slug, slug));
  return row;
}

/** What the demo tells of a visit to one of its learning centres. */
type DemoVisit = Omit<typeof studyVisits.$inferInsert, "id" | "tambonId" | "centreId">;

/** Adds visits to a learning centre of the demo tambon. */
export async function addVisits(tx: Tx, tambon: Tambon, centreId: number, visits: DemoVisit[]) {
  await tx
    .insert(studyVisits)
    .values(visits.map((visit) => ({ ...visit, tambonId: tambon.id, centreId })));
}

/**
 * Who asks for a visit: another demo tambon through the platform when it is seeded, else a group
 * the host records itself under the fallback name.
 */
export function requestedBy(other: Tambon | undefined, group: string, fallback: string) {
  return {
    requestingTambonId: other?.id ?? null,
    source: other ? ("tambon" as const) : ("host" as const),
    groupName: other ? `${tambonTitle(other, "th")} · ${group}` : fallback,
  };
}

/** What the seeding of one demo tambon's own records is given. */
export interface DemoSeed {
  tx: Tx;
  tambon: Tambon;
  /** The tambon itself as a party to its agreements. */
  own: OwnParty;
  /** The ids of its demo partners, in the order of its list. */
  ids: number[];
  l: DemoLists;
  actorId: number;
}

/** The demo network of one tambon. */
export interface TambonDemo {
  /** The facilitator's reach: villages by moo, areas by position. */
  reach: { moos: number[]; areas: number[] };
  partners: DemoPartner[];
  /** The position in `partners` of the club the health volunteer chairs. */
  club: number;
  /** Its agreements, learning centres and visits, once its partners are added. */
  seed(s: DemoSeed): Promise<void>;
}
