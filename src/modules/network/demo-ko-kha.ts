import {
  type DemoPartner,
  type TambonDemo,
  K,
  P,
  R,
  addCentre,
  addVisits,
  inDays,
  otherTambon,
  requestedBy,
} from "./demo-kit.ts";
import { addAgreement, partnerParties } from "./demo-agreements.ts";

const KO_KHA: DemoPartner[] = [
  {
    th: "เทศบาลตำบลเกาะคา (สาธิต)",
    en: "Ko Kha subdistrict municipality (demo)",
    kind: K.lgo,
    role: R.lgo,
    pillar: P.local,
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
    areas: [3],
  },
  {
    th: "วัดเกาะคา (สาธิต)",
    en: "Wat Ko Kha (demo)",
    kind: K.temple,
    role: R.community,
    pillar: P.religion,
    moos: [1],
    areas: [1],
  },
  {
    th: "โรงพยาบาลส่งเสริมสุขภาพตำบลเกาะคา (สาธิต)",
    en: "Ko Kha health promoting hospital (demo)",
    kind: K.health,
    role: R.government,
    pillar: P.health,
    areas: [1],
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
  },
];

/** Ko Kha: its partners' agreement on waste, the waste-bank centre and its visits. */
export const koKha: TambonDemo = {
  reach: { moos: [1, 2, 3], areas: [2] },
  partners: KO_KHA,
  club: 5,
  async seed({ tx, tambon, ids, l, actorId }) {
    await addAgreement(tx, tambon, actorId, {
      kind: "common_ground",
      titleTh: "ข้อตกลงร่วมภาคีเครือข่ายสุขภาพตำบลเกาะคา (สาธิต)",
      titleEn: "Ko Kha health partners' common-ground agreement (demo)",
      purposeTh: "ร่วมกันจัดการขยะและสิ่งแวดล้อมของชุมชน",
      signedOn: "2019-11-01",
      startsOn: "2019-11-01",
      status: "signed",
      parties: partnerParties(KO_KHA, ids, l, [
        [0, P.local, "นายกเทศมนตรีตำบลเกาะคา (สาธิต)", "นายกเทศมนตรี"],
        [4, P.people, "ประธานกลุ่ม (สาธิต)", "ประธานกลุ่ม"],
      ]),
      activities: [
        {
          heldOn: "2020-01-20",
          titleTh: "เปิดธนาคารขยะชุมชน (สาธิต)",
          titleEn: "Community waste bank opens (demo)",
        },
      ],
    });
    const centre = await addCentre(tx, tambon, {
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
      photos: 1,
    });
    const lomraet = await otherTambon(tx, "lom-raet");
    await addVisits(tx, tambon, centre, [
      {
        ...requestedBy(lomraet, "กลุ่มผู้สูงอายุ", "กลุ่มผู้สูงอายุ เทศบาลตำบลล้อมแรด (สาธิต)"),
        contactName: "ผู้ประสานงาน (สาธิต)",
        requestedOn: inDays(30),
        proposedOn: inDays(37),
        groupSize: 20,
        topics: "ธนาคารขยะและการทำปุ๋ย",
        status: "proposed",
        hostNote: "วันที่ขอตรงกับวันประชุมสภา ขอเสนอวันถัดไปหนึ่งสัปดาห์แทน (สาธิต)",
      },
      {
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
  },
};
