import type { Tx } from "../../core/db/index.ts";
import type { DemoPeople } from "../../core/modules.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { tambonTitle } from "../../core/views/layout.tsx";
import { studyVisits } from "./schema.ts";
import {
  type DemoPartner,
  K,
  P,
  R,
  addCentre,
  addPartners,
  inDays,
  otherTambon,
} from "./demo-kit.ts";
import { addLinks } from "./demo-links.ts";
import { type OwnParty, addAgreement, partnerParties } from "./demo-agreements.ts";
import { addFacilitator, addPeople } from "./demo-people.ts";

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

/** Ko Kha: its partners' agreement on waste, the waste-bank centre and its visits. */
export async function seedKoKha(
  tx: Tx,
  tambon: Tambon,
  people: DemoPeople,
  own: OwnParty,
  actorId: number,
): Promise<void> {
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
      ...partnerParties(KO_KHA, ids, l, [
        [0, P.local, "นายกเทศมนตรีตำบลเกาะคา (สาธิต)", "นายกเทศมนตรี"],
        [4, P.people, "ประธานกลุ่ม (สาธิต)", "ประธานกลุ่ม"],
      ]),
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
