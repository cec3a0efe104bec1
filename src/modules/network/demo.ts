import { asc, eq } from "drizzle-orm";
import type { Tx } from "../../core/db/index.ts";
import { tambons, villages } from "../../core/db/schema.ts";
import { audit } from "../../core/audit.ts";
import { todayIso } from "../../core/dates.ts";
import type { DemoPeople } from "../../core/modules.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { tambonTitle } from "../../core/views/layout.tsx";
import { listAreas } from "../areas/public.ts";
import {
  affiliations,
  agreementActivities,
  agreementParties,
  agreements,
  centrePhotos,
  facilitatorReach,
  learningCentres,
  networkPillars,
  networkTerms,
  partnerAreas,
  partnerVillages,
  partners,
  personProfiles,
  personRoles,
  studyVisits,
  tambonLinks,
} from "./schema.ts";
import { demoFile, demoFileName, demoPdf } from "./shared/demo-files.ts";
import { thumbName } from "./uploads.ts";

/** A demo partner: names, the kind/role/pillar by position in the default lists, villages. */
interface DemoPartner {
  th: string;
  en: string;
  kind: number;
  role: number;
  pillar: number | null;
  moos: number[];
  areas: number[];
  description: string;
  logo?: boolean;
}

/** A demo link to another tambon by its national code. */
interface DemoLink {
  relation: "mentor_of" | "member_of" | "peer";
  code: string;
  th: string;
  en: string;
  districtTh: string;
  districtEn: string;
  provinceTh: string;
  provinceEn: string;
  since: string;
}

// Positions in the default lists (lists.ts): kinds, roles of seed 000, pillars.
const K = {
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
const R = {
  community: 1,
  political: 2,
  government: 3,
  lgo: 4,
  ngo: 5,
  academic: 6,
  business: 7,
  media: 8,
};
const P = { local: 1, administration: 2, religion: 3, health: 4, people: 5 };

const LA_NGU: DemoPartner[] = [
  {
    th: "องค์การบริหารส่วนตำบลละงู (สาธิต)",
    en: "La-ngu SAO (demo)",
    kind: K.lgo,
    role: R.lgo,
    pillar: P.local,
    moos: [],
    areas: [1, 2, 3, 4, 5],
    description: "ท้องถิ่นผู้ประสานพื้นที่กลาง นำประสบการณ์การเป็นตำบลแม่ข่าย สสส. มาใช้ในการจัดทำธรรมนูญสุขภาพ",
    logo: true,
  },
  {
    th: "กำนันและผู้ใหญ่บ้าน 18 หมู่บ้าน (สาธิต)",
    en: "Kamnan and village headmen of the 18 villages (demo)",
    kind: K.group,
    role: R.government,
    pillar: P.administration,
    moos: [],
    areas: [3],
    description: "ตัวแทนท้องที่ร่วมเป็นหนึ่งในห้าเสาหลัก",
  },
  {
    th: "ชมรมผู้นำศาสนาตำบลละงู พุทธ–มุสลิม (สาธิต)",
    en: "La-ngu Buddhist–Muslim religious leaders' club (demo)",
    kind: K.club,
    role: R.community,
    pillar: P.religion,
    moos: [],
    areas: [1, 5],
    description: "ผู้นำศาสนาทั้งพุทธและมุสลิมร่วมขับเคลื่อนธรรมนูญสุขภาพ",
  },
  {
    th: "มัสยิดบ้านหมู่ที่ 2 (สาธิต)",
    en: "Moo 2 mosque (demo)",
    kind: K.mosque,
    role: R.community,
    pillar: P.religion,
    moos: [2],
    areas: [1],
    description: "",
  },
  {
    th: "วัดละงู (สาธิต)",
    en: "Wat La-ngu (demo)",
    kind: K.temple,
    role: R.community,
    pillar: P.religion,
    moos: [1],
    areas: [1],
    description: "",
  },
  {
    th: "โรงพยาบาลส่งเสริมสุขภาพตำบลละงู (สาธิต)",
    en: "La-ngu health promoting hospital (demo)",
    kind: K.health,
    role: R.government,
    pillar: P.health,
    moos: [],
    areas: [1, 5],
    description: "ผอ.รพ.สต. ร่วมกำหนดแนวทางการจัดทำธรรมนูญสุขภาพ",
    logo: true,
  },
  {
    th: "โรงเรียนบ้านละงู (สาธิต)",
    en: "Ban La-ngu school (demo)",
    kind: K.school,
    role: R.government,
    pillar: P.health,
    moos: [3],
    areas: [1],
    description: "",
  },
  {
    th: "ชมรม อสม. ตำบลละงู (สาธิต)",
    en: "La-ngu health volunteers' club (demo)",
    kind: K.club,
    role: R.community,
    pillar: P.people,
    moos: [1, 2, 3, 4, 5, 6],
    areas: [1, 5],
    description: "อาสาสมัครสาธารณสุขประจำหมู่บ้านเก็บข้อมูลครัวเรือนและเยี่ยมบ้าน",
  },
  {
    th: "สมาคมผู้บริโภคจังหวัดสตูล (สาธิต)",
    en: "Satun consumers' association (demo)",
    kind: K.assoc,
    role: R.ngo,
    pillar: P.people,
    moos: [],
    areas: [1, 4],
    description: "ร่วมประชุมชี้แจงการพัฒนานโยบายสาธารณะแบบมีส่วนร่วม",
  },
  {
    th: "คณะทำงานโครงการ SUCCESS ละงู (สาธิต)",
    en: "SUCCESS La-ngu project team (demo)",
    kind: K.group,
    role: R.academic,
    pillar: P.people,
    moos: [],
    areas: [2, 4],
    description: "",
  },
  {
    th: "กลุ่มวิสาหกิจชุมชนประมงพื้นบ้านละงู (สาธิต)",
    en: "La-ngu small-scale fishers' enterprise (demo)",
    kind: K.group,
    role: R.business,
    pillar: P.people,
    moos: [7, 8],
    areas: [2, 4],
    description: "ดูแลป่าชายเลนและแปรรูปสัตว์น้ำ",
  },
  {
    th: "วิทยุชุมชนคนละงู (สาธิต)",
    en: "La-ngu community radio (demo)",
    kind: K.media,
    role: R.media,
    pillar: null,
    moos: [],
    areas: [],
    description: "",
  },
];

const LOM_RAET: DemoPartner[] = [
  {
    th: "เทศบาลตำบลล้อมแรด (สาธิต)",
    en: "Lom Raet subdistrict municipality (demo)",
    kind: K.lgo,
    role: R.lgo,
    pillar: P.local,
    moos: [],
    areas: [1, 2, 3, 4, 5],
    description: "กลไกการขับเคลื่อนเมืองน่าอยู่ ร่วมกับเทศบาลตำบลเกาะคา",
    logo: true,
  },
  {
    th: "สภาเทศบาลตำบลล้อมแรด (สาธิต)",
    en: "Lom Raet municipal council (demo)",
    kind: K.lgo,
    role: R.political,
    pillar: P.local,
    moos: [],
    areas: [3],
    description: "",
  },
  {
    th: "กำนันและผู้ใหญ่บ้านตำบลล้อมแรด (สาธิต)",
    en: "Lom Raet kamnan and village headmen (demo)",
    kind: K.group,
    role: R.government,
    pillar: P.administration,
    moos: [],
    areas: [3],
    description: "",
  },
  {
    th: "วัดล้อมแรด (สาธิต)",
    en: "Wat Lom Raet (demo)",
    kind: K.temple,
    role: R.community,
    pillar: P.religion,
    moos: [1],
    areas: [1],
    description: "",
  },
  {
    th: "โรงพยาบาลส่งเสริมสุขภาพตำบลล้อมแรด (สาธิต)",
    en: "Lom Raet health promoting hospital (demo)",
    kind: K.health,
    role: R.government,
    pillar: P.health,
    moos: [],
    areas: [1, 5],
    description: "",
  },
  {
    th: "กลุ่มผู้สูงอายุตำบลล้อมแรด (สาธิต)",
    en: "Lom Raet elderly group (demo)",
    kind: K.group,
    role: R.community,
    pillar: P.people,
    moos: [1, 2, 3],
    areas: [5],
    description: "สถาบันครอบครัวและผู้สูงอายุร่วมดูแลสุขภาพชุมชน",
  },
  {
    th: "มูลนิธิพัฒนาชุมชนลำปาง (สาธิต)",
    en: "Lampang community development foundation (demo)",
    kind: K.foundation,
    role: R.ngo,
    pillar: P.people,
    moos: [],
    areas: [4],
    description: "",
  },
  {
    th: "เครือข่ายนักวิชาการเพื่อเมืองน่าอยู่ (สาธิต)",
    en: "Academics for liveable cities network (demo)",
    kind: K.org,
    role: R.academic,
    pillar: null,
    moos: [],
    areas: [2],
    description: "",
  },
  {
    th: "ร้านค้าชุมชนบ้านล้อมแรด (สาธิต)",
    en: "Lom Raet community shop (demo)",
    kind: K.business,
    role: R.business,
    pillar: P.people,
    moos: [2],
    areas: [4],
    description: "เศรษฐกิจพอเพียงและการตลาดชุมชน",
  },
  {
    th: "หอกระจายข่าวชุมชนล้อมแรด (สาธิต)",
    en: "Lom Raet village broadcasting (demo)",
    kind: K.media,
    role: R.media,
    pillar: null,
    moos: [],
    areas: [],
    description: "การประชาสัมพันธ์และการสื่อสารในชุมชน",
  },
];

const KO_KHA: DemoPartner[] = [
  {
    th: "เทศบาลตำบลเกาะคา (สาธิต)",
    en: "Ko Kha subdistrict municipality (demo)",
    kind: K.lgo,
    role: R.lgo,
    pillar: P.local,
    moos: [],
    areas: [1, 2, 3],
    description: "คู่ลงนามความร่วมมือกับเทศบาลตำบลล้อมแรด",
    logo: true,
  },
  {
    th: "ผู้ใหญ่บ้านตำบลเกาะคา (สาธิต)",
    en: "Ko Kha village headmen (demo)",
    kind: K.group,
    role: R.government,
    pillar: P.administration,
    moos: [],
    areas: [3],
    description: "",
  },
  {
    th: "วัดเกาะคา (สาธิต)",
    en: "Wat Ko Kha (demo)",
    kind: K.temple,
    role: R.community,
    pillar: P.religion,
    moos: [1],
    areas: [1],
    description: "",
  },
  {
    th: "โรงพยาบาลส่งเสริมสุขภาพตำบลเกาะคา (สาธิต)",
    en: "Ko Kha health promoting hospital (demo)",
    kind: K.health,
    role: R.government,
    pillar: P.health,
    moos: [],
    areas: [1],
    description: "",
  },
  {
    th: "กลุ่มธนาคารขยะบ้านเกาะคา (สาธิต)",
    en: "Ko Kha waste bank group (demo)",
    kind: K.group,
    role: R.community,
    pillar: P.people,
    moos: [2, 3],
    areas: [2],
    description: "คัดแยกขยะและออมเงินจากขยะรีไซเคิล",
  },
  {
    th: "ชมรม อสม. ตำบลเกาะคา (สาธิต)",
    en: "Ko Kha health volunteers' club (demo)",
    kind: K.club,
    role: R.community,
    pillar: P.people,
    moos: [1, 2, 3, 4],
    areas: [1],
    description: "",
  },
];

const LINKS: Record<string, DemoLink[]> = {
  "la-ngu": [
    {
      relation: "mentor_of",
      code: "520801",
      th: "ล้อมแรด",
      en: "Lom Raet",
      districtTh: "เถิน",
      districtEn: "Thoen",
      provinceTh: "ลำปาง",
      provinceEn: "Lampang",
      since: "2016-03-01",
    },
    {
      relation: "mentor_of",
      code: "910501",
      th: "กำแพง",
      en: "Kamphaeng",
      districtTh: "ละงู",
      districtEn: "La-ngu",
      provinceTh: "สตูล",
      provinceEn: "Satun",
      since: "2015-06-01",
    },
    {
      relation: "mentor_of",
      code: "910503",
      th: "เขาขาว",
      en: "Khao Khao",
      districtTh: "ละงู",
      districtEn: "La-ngu",
      provinceTh: "สตูล",
      provinceEn: "Satun",
      since: "2015-06-01",
    },
    {
      relation: "mentor_of",
      code: "910506",
      th: "แหลมสน",
      en: "Laem Son",
      districtTh: "ละงู",
      districtEn: "La-ngu",
      provinceTh: "สตูล",
      provinceEn: "Satun",
      since: "2016-01-15",
    },
  ],
  "lom-raet": [
    {
      relation: "member_of",
      code: "910502",
      th: "ละงู",
      en: "La-ngu",
      districtTh: "ละงู",
      districtEn: "La-ngu",
      provinceTh: "สตูล",
      provinceEn: "Satun",
      since: "2016-03-01",
    },
    {
      relation: "peer",
      code: "520306",
      th: "เกาะคา",
      en: "Ko Kha",
      districtTh: "เกาะคา",
      districtEn: "Ko Kha",
      provinceTh: "ลำปาง",
      provinceEn: "Lampang",
      since: "2018-06-20",
    },
    {
      relation: "mentor_of",
      code: "520802",
      th: "แม่วะ",
      en: "Mae Wa",
      districtTh: "เถิน",
      districtEn: "Thoen",
      provinceTh: "ลำปาง",
      provinceEn: "Lampang",
      since: "2019-02-01",
    },
  ],
  "ko-kha": [
    {
      relation: "peer",
      code: "520801",
      th: "ล้อมแรด",
      en: "Lom Raet",
      districtTh: "เถิน",
      districtEn: "Thoen",
      provinceTh: "ลำปาง",
      provinceEn: "Lampang",
      since: "2018-06-20",
    },
  ],
};

/** A date `days` after today (Bangkok) as YYYY-MM-DD, so that pending requests stay ahead. */
function inDays(days: number): string {
  return todayIso(new Date(Date.now() + days * 86_400_000));
}

/** Counter for demo file names, so that every demo file differs. */
let fileIndex = 0;

async function demoImageSize(name: string): Promise<number> {
  return (await demoFile(name))!.length;
}

async function lists(tx: Tx, tambonId: number) {
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

async function addPartners(tx: Tx, tambon: Tambon, list: DemoPartner[], actorId: number) {
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
        descriptionTh: p.description,
        contactName: p.description ? "ฝ่ายประสานงาน (สาธิต)" : "",
        contactPhone: p.description ? tambon.phone.replace(/\D/g, "") : "",
        logoFile: p.logo ? demoFileName("partner", fileIndex++) : null,
        createdBy: actorId,
      })
      .returning({ id: partners.id });
    ids.push(row!.id);
    const vs = p.moos.map(l.village).filter((v): v is number => v !== null);
    if (vs.length)
      await tx
        .insert(partnerVillages)
        .values(vs.map((villageId) => ({ tambonId: tambon.id, partnerId: row!.id, villageId })));
    const as = p.areas.map(l.area).filter((a): a is number => a !== null);
    if (as.length)
      await tx
        .insert(partnerAreas)
        .values(as.map((areaId) => ({ tambonId: tambon.id, partnerId: row!.id, areaId })));
  }
  return { ids, l };
}

async function addLinks(tx: Tx, tambon: Tambon) {
  const rows = LINKS[tambon.slug] ?? [];
  if (!rows.length) return;
  await tx.insert(tambonLinks).values(
    rows.map((r) => ({
      tambonId: tambon.id,
      relation: r.relation,
      otherDopaCode: r.code,
      otherNameTh: r.th,
      otherNameEn: r.en,
      otherDistrictTh: r.districtTh,
      otherDistrictEn: r.districtEn,
      otherProvinceTh: r.provinceTh,
      otherProvinceEn: r.provinceEn,
      since: r.since,
      note: "(สาธิต)",
    })),
  );
}

/** What the demo tells of a learning centre. */
type DemoCentre = Pick<
  typeof learningCentres.$inferInsert,
  | "nameTh"
  | "nameEn"
  | "topicTh"
  | "topicEn"
  | "areaId"
  | "villageId"
  | "hostPartnerId"
  | "learnTh"
  | "learnEn"
  | "capacity"
  | "contactName"
  | "contactPhone"
>;

async function addCentre(tx: Tx, tambon: Tambon, centre: DemoCentre, photos: number) {
  const [c] = await tx
    .insert(learningCentres)
    .values({
      tambonId: tambon.id,
      nameTh: centre.nameTh,
      nameEn: centre.nameEn,
      topicTh: centre.topicTh,
      topicEn: centre.topicEn,
      areaId: centre.areaId,
      villageId: centre.villageId,
      hostPartnerId: centre.hostPartnerId,
      learnTh: centre.learnTh,
      learnEn: centre.learnEn,
      capacity: centre.capacity,
      contactName: centre.contactName,
      contactPhone: centre.contactPhone,
    })
    .returning({ id: learningCentres.id });
  for (let i = 0; i < photos; i++) {
    const file = demoFileName("centre", fileIndex++);
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

/** What the demo tells of an agreement. */
type DemoAgreement = Pick<
  typeof agreements.$inferInsert,
  | "kind"
  | "titleTh"
  | "titleEn"
  | "purposeTh"
  | "purposeEn"
  | "scopeTh"
  | "signedOn"
  | "startsOn"
  | "endsOn"
  | "status"
  | "documentFile"
  | "documentBytes"
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

async function addAgreement(
  tx: Tx,
  tambon: Tambon,
  agreement: DemoAgreement,
  parties: DemoParty[],
  activities: { heldOn: string; titleTh: string; titleEn: string; note?: string }[],
  actorId: number,
) {
  const [a] = await tx
    .insert(agreements)
    .values({
      tambonId: tambon.id,
      createdBy: actorId,
      kind: agreement.kind,
      titleTh: agreement.titleTh,
      titleEn: agreement.titleEn,
      purposeTh: agreement.purposeTh,
      purposeEn: agreement.purposeEn,
      scopeTh: agreement.scopeTh,
      signedOn: agreement.signedOn,
      startsOn: agreement.startsOn,
      endsOn: agreement.endsOn,
      status: agreement.status,
      documentFile: agreement.documentFile,
      documentBytes: agreement.documentBytes,
    })
    .returning({ id: agreements.id });
  await tx.insert(agreementParties).values(
    parties.map((p, i) => ({
      tambonId: tambon.id,
      agreementId: a!.id,
      position: i + 1,
      partyKind: p.partyKind,
      partyDopaCode: p.partyDopaCode,
      partnerId: p.partnerId,
      pillarId: p.pillarId,
      nameTh: p.nameTh,
      nameEn: p.nameEn,
      signatoryName: p.signatoryName,
      signatoryPosition: p.signatoryPosition,
    })),
  );
  if (activities.length)
    await tx.insert(agreementActivities).values(
      activities.map((x) => ({
        tambonId: tambon.id,
        agreementId: a!.id,
        heldOn: x.heldOn,
        titleTh: x.titleTh,
        titleEn: x.titleEn,
        note: x.note,
      })),
    );
  return a!.id;
}

async function addFacilitator(
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

async function addPeople(
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

async function otherTambon(tx: Tx, slug: string): Promise<Tambon | undefined> {
  const [row] = await tx.select().from(tambons).where(eq(tambons.slug, slug));
  return row;
}

/** Adds the demo network of a demo tambon (La-ngu, Lom Raet, Ko Kha); every record is marked "(สาธิต)". */
export async function seedNetworkDemo(tx: Tx, tambon: Tambon, people: DemoPeople): Promise<void> {
  const actorId = people.adminId;
  const own = {
    partyKind: "tambon" as const,
    partyDopaCode: tambon.dopaCode,
    nameTh: tambonTitle(tambon, "th"),
    nameEn: tambonTitle(tambon, "en"),
  };
  if (tambon.slug === "la-ngu") {
    // The facilitator's profile comes first: the first profile of a tambon is a public facilitator's.
    await addFacilitator(tx, tambon, people, [1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 5]);
    const { ids, l } = await addPartners(tx, tambon, LA_NGU, actorId);
    await addAgreement(
      tx,
      tambon,
      {
        kind: "common_ground",
        titleTh: "ข้อตกลงร่วม 5 เสาหลัก: พื้นที่กลางการพัฒนาตำบลละงู (สาธิต)",
        titleEn: "Common-ground agreement of La-ngu's five pillars (demo)",
        purposeTh:
          "บูรณาการการทำงานของภาคส่วนต่าง ๆ โดยใช้คุณภาพชีวิตของคนละงูเป็นตัวตั้ง ลดความซ้ำซ้อน กระจายผลประโยชน์อย่างเป็นธรรม และให้ทุกหมู่บ้านมีส่วนร่วม",
        purposeEn:
          "Integrate the work of every sector around the quality of life of La-ngu's people: less duplication, fair distribution of benefits, broad participation.",
        scopeTh:
          "ทั้ง 18 หมู่บ้าน ในประเด็นสุขภาพกาย/ใจ สิ่งแวดล้อม/ภัยพิบัติ โครงสร้างพื้นฐาน เศรษฐกิจชุมชน และการช่วยเหลือคนพิการ ผู้สูงอายุ คนยากลำบาก",
        signedOn: "2017-05-20",
        startsOn: "2017-06-01",
        status: "active",
      },
      [
        {
          partyKind: "partner",
          partnerId: ids[0],
          pillarId: l.pillar(P.local),
          nameTh: LA_NGU[0]!.th,
          nameEn: LA_NGU[0]!.en,
          signatoryName: "นายก อบต.ละงู (สาธิต)",
          signatoryPosition: "นายกองค์การบริหารส่วนตำบล",
        },
        {
          partyKind: "partner",
          partnerId: ids[1],
          pillarId: l.pillar(P.administration),
          nameTh: LA_NGU[1]!.th,
          nameEn: LA_NGU[1]!.en,
          signatoryName: "กำนันตำบลละงู (สาธิต)",
          signatoryPosition: "กำนัน",
        },
        {
          partyKind: "partner",
          partnerId: ids[2],
          pillarId: l.pillar(P.religion),
          nameTh: LA_NGU[2]!.th,
          nameEn: LA_NGU[2]!.en,
          signatoryName: "อิหม่ามประจำมัสยิด (สาธิต)",
          signatoryPosition: "ผู้แทนผู้นำศาสนา",
        },
        {
          partyKind: "partner",
          partnerId: ids[5],
          pillarId: l.pillar(P.health),
          nameTh: LA_NGU[5]!.th,
          nameEn: LA_NGU[5]!.en,
          signatoryName: "ผอ.รพ.สต.ละงู (สาธิต)",
          signatoryPosition: "ผู้อำนวยการ",
        },
        {
          partyKind: "partner",
          partnerId: ids[7],
          pillarId: l.pillar(P.people),
          nameTh: LA_NGU[7]!.th,
          nameEn: LA_NGU[7]!.en,
          signatoryName: "ประธานชมรม อสม. (สาธิต)",
          signatoryPosition: "ประธานชมรม",
        },
      ],
      [
        {
          heldOn: "2017-04-10",
          titleTh: "ประชุมชี้แจงการพัฒนานโยบายสาธารณะแบบมีส่วนร่วม (สาธิต)",
          titleEn: "Briefing on participatory public policy (demo)",
        },
        {
          heldOn: "2017-05-20",
          titleTh: "ประชุมตัวแทน 18 หมู่บ้าน หมู่บ้านละอย่างน้อย 5 คน ให้ความเห็นชอบ (สาธิต)",
          titleEn: "Assembly of the 18 villages' representatives approves (demo)",
        },
      ],
      actorId,
    );
    const centre = await addCentre(
      tx,
      tambon,
      {
        nameTh: "ศูนย์เรียนรู้ธรรมนูญสุขภาพตำบลละงู (สาธิต)",
        nameEn: "La-ngu health charter learning centre (demo)",
        topicTh: "การจัดทำธรรมนูญสุขภาพและพื้นที่กลางของ 5 เสาหลัก",
        topicEn: "Making a health charter and the five pillars' common ground",
        areaId: l.area(1),
        villageId: l.village(1),
        hostPartnerId: ids[0],
        learnTh:
          "กระบวนการประชาธิปไตยแบบลื่นไหล กลไกผู้ก่อการดี การประชุมตัวแทน 18 หมู่บ้าน และการบูรณาการแผนพัฒนา",
        learnEn:
          "Fluid democracy, the facilitators, the assembly of the 18 villages and integrated development planning",
        capacity: 60,
        contactName: "กองสาธารณสุข อบต.ละงู (สาธิต)",
        contactPhone: tambon.phone.replace(/\D/g, ""),
      },
      2,
    );
    await addCentre(
      tx,
      tambon,
      {
        nameTh: "แหล่งเรียนรู้ประมงพื้นบ้านและป่าชายเลน (สาธิต)",
        nameEn: "Small-scale fishery and mangrove learning site (demo)",
        topicTh: "การจัดการทรัพยากรชายฝั่งโดยชุมชน",
        topicEn: "Community management of coastal resources",
        areaId: l.area(2),
        villageId: l.village(8),
        hostPartnerId: ids[10],
        learnTh: "การปลูกและดูแลป่าชายเลน ธนาคารปู และการแปรรูปสัตว์น้ำของกลุ่มวิสาหกิจ",
        capacity: 30,
      },
      1,
    );
    await tx.insert(studyVisits).values({
      tambonId: tambon.id,
      centreId: centre,
      source: "host",
      groupName: "คณะดูงาน อบต.เขาขาว (สาธิต)",
      contactName: "ปลัด อบต.เขาขาว (สาธิต)",
      requestedOn: "2023-08-15",
      groupSize: 35,
      topics: "การจัดทำธรรมนูญสุขภาพ การประชุมตัวแทนหมู่บ้าน",
      status: "done",
      visitedOn: "2023-08-15",
      visitorsCount: 32,
      learnedTh: "ขั้นตอนการจัดทำธรรมนูญ และบทบาทผู้ก่อการดีในการประสาน 18 หมู่บ้าน (สาธิต)",
    });
    await addLinks(tx, tambon);
    await addPeople(tx, tambon, people, ids, 7);
  } else if (tambon.slug === "lom-raet") {
    await addFacilitator(tx, tambon, people, [1, 2, 3, 4], [1, 4]);
    const { ids, l } = await addPartners(tx, tambon, LOM_RAET, actorId);
    await addAgreement(
      tx,
      tambon,
      {
        kind: "mou",
        titleTh: "บันทึกข้อตกลงความร่วมมือ กลไกการขับเคลื่อนเมืองน่าอยู่ (สาธิต)",
        titleEn: "MOU: a mechanism for a liveable city (demo)",
        purposeTh:
          "เพิ่มศักยภาพและยกระดับให้เทศบาลตำบลล้อมแรดเป็นเครือข่ายในการทำหน้าที่เป็น “กลไกการขับเคลื่อนเมืองน่าอยู่” โดยใช้แหล่งเรียนรู้ของระบบการจัดการสุขภาวะชุมชนโดยชุมชนเป็นแหล่งเรียนรู้ขององค์กรปกครองส่วนท้องถิ่นที่เข้าร่วมเป็นเครือข่าย",
        purposeEn:
          "Raise Lom Raet into a network 'mechanism for a liveable city', its community health learning sites serving the local governments that join the network.",
        scopeTh:
          "คุณภาพชีวิตของเด็ก เยาวชน และครอบครัว ศูนย์การเรียนรู้ เศรษฐกิจพอเพียง และการบูรณาการท้องถิ่นทุกภาคส่วน",
        signedOn: "2018-06-20",
        startsOn: "2018-07-01",
        endsOn: "2028-06-30",
        status: "active",
        documentFile: demoFileName("agreement", fileIndex++),
        documentBytes: demoPdf().length,
      },
      [
        { ...own, signatoryName: "นายกเทศมนตรีตำบลล้อมแรด (สาธิต)", signatoryPosition: "นายกเทศมนตรี" },
        {
          partyKind: "tambon",
          partyDopaCode: "520306",
          nameTh: "เทศบาลตำบลเกาะคา",
          nameEn: "Ko Kha Subdistrict Municipality",
          signatoryName: "นายกเทศมนตรีตำบลเกาะคา (สาธิต)",
          signatoryPosition: "นายกเทศมนตรี",
        },
      ],
      [
        {
          heldOn: "2018-09-12",
          titleTh: "คณะผู้บริหารเทศบาลตำบลเกาะคาศึกษาดูงานศูนย์เรียนรู้ (สาธิต)",
          titleEn: "Ko Kha's executives visit the learning centres (demo)",
        },
        {
          heldOn: "2019-03-05",
          titleTh: "เวทีแลกเปลี่ยนเรียนรู้เมืองน่าอยู่ชุมชนน่าอยู่ (สาธิต)",
          titleEn: "Liveable city exchange forum (demo)",
        },
      ],
      actorId,
    );
    const centre = await addCentre(
      tx,
      tambon,
      {
        nameTh: "ศูนย์เรียนรู้ระบบการจัดการสุขภาวะชุมชนโดยชุมชน (สาธิต)",
        nameEn: "Learning centre of community health management by the community (demo)",
        topicTh: "หมู่บ้าน/ตำบลจัดการสุขภาพ",
        topicEn: "Health-managing villages and subdistricts",
        areaId: l.area(1),
        villageId: l.village(1),
        hostPartnerId: ids[0],
        learnTh:
          "การเก็บข้อมูลชุมชนด้วยตนเอง การรวมกลุ่มเป็นภาคีเครือข่าย การทำแผนและแผนแม่บทชุมชน และการติดตามประเมินผลร่วมกัน",
        learnEn:
          "Collecting community data, forming partner networks, community plans and master plans, joint monitoring",
        capacity: 80,
        contactName: "กองสาธารณสุขและสิ่งแวดล้อม (สาธิต)",
        contactPhone: tambon.phone.replace(/\D/g, ""),
      },
      2,
    );
    await addCentre(
      tx,
      tambon,
      {
        nameTh: "ศูนย์เรียนรู้เศรษฐกิจพอเพียงบ้านล้อมแรด (สาธิต)",
        nameEn: "Lom Raet sufficiency economy learning centre (demo)",
        topicTh: "เศรษฐกิจพอเพียงและการตลาดชุมชน",
        areaId: l.area(4),
        villageId: l.village(2),
        hostPartnerId: ids[8],
        learnTh: "การผลิต การตลาด และการบริหารจัดการร้านค้าชุมชน",
        capacity: 40,
      },
      0,
    );
    const langu = await otherTambon(tx, "la-ngu");
    await tx.insert(studyVisits).values([
      {
        tambonId: tambon.id,
        centreId: centre,
        requestingTambonId: langu?.id ?? null,
        source: langu ? "tambon" : "host",
        groupName: langu
          ? `${tambonTitle(langu, "th")} · คณะทำงานกลาง`
          : "คณะทำงานกลาง อบต.ละงู (สาธิต)",
        contactName: "คณะทำงานกลาง (สาธิต)",
        requestedOn: "2024-02-20",
        groupSize: 25,
        topics: "การเก็บข้อมูลชุมชนและแผนแม่บทชุมชน",
        status: "done",
        visitedOn: "2024-02-20",
        visitorsCount: 24,
        learnedTh: "วิธีให้ชุมชนเก็บข้อมูลของตนเองและนำมาทำแผนแม่บท (สาธิต)",
      },
      {
        tambonId: tambon.id,
        centreId: centre,
        source: "public",
        groupName: "คณะดูงานเทศบาลตำบลแม่วะ (สาธิต)",
        contactName: "ผู้ประสานงาน (สาธิต)",
        contactPhone: "0540000002",
        requestedOn: inDays(45),
        groupSize: 40,
        topics: "การจัดตั้งศูนย์เรียนรู้และภาคีเครือข่ายสุขภาพ",
        status: "requested",
      },
    ]);
    await addLinks(tx, tambon);
    await addPeople(tx, tambon, people, ids, 5);
  } else if (tambon.slug === "ko-kha") {
    await addFacilitator(tx, tambon, people, [1, 2, 3], [2]);
    const { ids, l } = await addPartners(tx, tambon, KO_KHA, actorId);
    await addAgreement(
      tx,
      tambon,
      {
        kind: "common_ground",
        titleTh: "ข้อตกลงร่วมภาคีเครือข่ายสุขภาพตำบลเกาะคา (สาธิต)",
        titleEn: "Ko Kha health partners' common-ground agreement (demo)",
        purposeTh: "ร่วมกันจัดการขยะและสิ่งแวดล้อมของชุมชน",
        signedOn: "2019-11-01",
        startsOn: "2019-11-01",
        status: "signed",
      },
      [
        {
          partyKind: "partner",
          partnerId: ids[0],
          pillarId: l.pillar(P.local),
          nameTh: KO_KHA[0]!.th,
          nameEn: KO_KHA[0]!.en,
          signatoryName: "นายกเทศมนตรีตำบลเกาะคา (สาธิต)",
          signatoryPosition: "นายกเทศมนตรี",
        },
        {
          partyKind: "partner",
          partnerId: ids[4],
          pillarId: l.pillar(P.people),
          nameTh: KO_KHA[4]!.th,
          nameEn: KO_KHA[4]!.en,
          signatoryName: "ประธานกลุ่ม (สาธิต)",
          signatoryPosition: "ประธานกลุ่ม",
        },
      ],
      [
        {
          heldOn: "2020-01-20",
          titleTh: "เปิดธนาคารขยะชุมชน (สาธิต)",
          titleEn: "Community waste bank opens (demo)",
        },
      ],
      actorId,
    );
    const centre = await addCentre(
      tx,
      tambon,
      {
        nameTh: "ศูนย์เรียนรู้การจัดการขยะชุมชนเกาะคา (สาธิต)",
        nameEn: "Ko Kha community waste learning centre (demo)",
        topicTh: "ธนาคารขยะและการคัดแยกขยะในครัวเรือน",
        topicEn: "Waste bank and household sorting",
        areaId: l.area(2),
        villageId: l.village(2),
        hostPartnerId: ids[4],
        learnTh: "การตั้งกลุ่มธนาคารขยะ การคัดแยก และการทำปุ๋ยจากขยะอินทรีย์",
        capacity: 50,
        contactName: "กองสาธารณสุข (สาธิต)",
      },
      1,
    );
    const lomraet = await otherTambon(tx, "lom-raet");
    await tx.insert(studyVisits).values([
      {
        tambonId: tambon.id,
        centreId: centre,
        requestingTambonId: lomraet?.id ?? null,
        source: lomraet ? "tambon" : "host",
        groupName: lomraet
          ? `${tambonTitle(lomraet, "th")} · กลุ่มผู้สูงอายุ`
          : "กลุ่มผู้สูงอายุ เทศบาลตำบลล้อมแรด (สาธิต)",
        contactName: "ผู้ประสานงาน (สาธิต)",
        requestedOn: inDays(30),
        proposedOn: inDays(37),
        groupSize: 20,
        topics: "ธนาคารขยะและการทำปุ๋ย",
        status: "proposed",
        hostNote: "วันที่ขอตรงกับวันประชุมสภา ขอเสนอวันถัดไปหนึ่งสัปดาห์แทน (สาธิต)",
      },
      {
        tambonId: tambon.id,
        centreId: centre,
        source: "host",
        groupName: "โรงเรียนเกาะคาวิทยา (สาธิต)",
        requestedOn: "2024-07-05",
        groupSize: 45,
        topics: "การคัดแยกขยะในโรงเรียน",
        status: "done",
        visitedOn: "2024-07-05",
        visitorsCount: 45,
        learnedTh: "นักเรียนเรียนรู้การคัดแยกขยะและตั้งธนาคารขยะในโรงเรียน (สาธิต)",
      },
    ]);
    await addLinks(tx, tambon);
    await addPeople(tx, tambon, people, ids, 5);
  }
  await audit(tx, {
    tambonId: tambon.id,
    actorId: null,
    action: "network.demo",
    targetType: "partner",
    after: { demo: true },
  });
}
