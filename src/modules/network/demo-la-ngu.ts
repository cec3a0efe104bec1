import {
  type DemoPartner,
  type TambonDemo,
  K,
  P,
  R,
  addCentre,
  addVisits,
  officePhone,
} from "./demo-kit.ts";
import { addAgreement, partnerParties } from "./demo-agreements.ts";

const LA_NGU: DemoPartner[] = [
  {
    th: "องค์การบริหารส่วนตำบลละงู (สาธิต)",
    en: "La-ngu SAO (demo)",
    kind: K.lgo,
    role: R.lgo,
    pillar: P.local,
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
    areas: [3],
    description: "ตัวแทนท้องที่ร่วมเป็นหนึ่งในห้าเสาหลัก",
  },
  {
    th: "ชมรมผู้นำศาสนาตำบลละงู พุทธ–มุสลิม (สาธิต)",
    en: "La-ngu Buddhist–Muslim religious leaders' club (demo)",
    kind: K.club,
    role: R.community,
    pillar: P.religion,
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
  },
  {
    th: "วัดละงู (สาธิต)",
    en: "Wat La-ngu (demo)",
    kind: K.temple,
    role: R.community,
    pillar: P.religion,
    moos: [1],
    areas: [1],
  },
  {
    th: "โรงพยาบาลส่งเสริมสุขภาพตำบลละงู (สาธิต)",
    en: "La-ngu health promoting hospital (demo)",
    kind: K.health,
    role: R.government,
    pillar: P.health,
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
    areas: [1, 4],
    description: "ร่วมประชุมชี้แจงการพัฒนานโยบายสาธารณะแบบมีส่วนร่วม",
  },
  {
    th: "คณะทำงานโครงการ SUCCESS ละงู (สาธิต)",
    en: "SUCCESS La-ngu project team (demo)",
    kind: K.group,
    role: R.academic,
    pillar: P.people,
    areas: [2, 4],
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
  },
];

/** La-ngu: the five pillars' common ground, its charter learning centre and a visit it hosted. */
export const laNgu: TambonDemo = {
  reach: { moos: [1, 2, 3, 4, 5, 6, 7, 8, 9], areas: [1, 2, 5] },
  partners: LA_NGU,
  club: 7,
  async seed({ tx, tambon, ids, l, actorId }) {
    await addAgreement(tx, tambon, actorId, {
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
      parties: partnerParties(LA_NGU, ids, l, [
        [0, P.local, "นายก อบต.ละงู (สาธิต)", "นายกองค์การบริหารส่วนตำบล"],
        [1, P.administration, "กำนันตำบลละงู (สาธิต)", "กำนัน"],
        [2, P.religion, "อิหม่ามประจำมัสยิด (สาธิต)", "ผู้แทนผู้นำศาสนา"],
        [5, P.health, "ผอ.รพ.สต.ละงู (สาธิต)", "ผู้อำนวยการ"],
        [7, P.people, "ประธานชมรม อสม. (สาธิต)", "ประธานชมรม"],
      ]),
      activities: [
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
    });
    const centre = await addCentre(tx, tambon, {
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
      contactPhone: officePhone(tambon),
      photos: 2,
    });
    await addCentre(tx, tambon, {
      nameTh: "แหล่งเรียนรู้ประมงพื้นบ้านและป่าชายเลน (สาธิต)",
      nameEn: "Small-scale fishery and mangrove learning site (demo)",
      topicTh: "การจัดการทรัพยากรชายฝั่งโดยชุมชน",
      topicEn: "Community management of coastal resources",
      areaId: l.area(2),
      villageId: l.village(8),
      hostPartnerId: ids[10],
      learnTh: "การปลูกและดูแลป่าชายเลน ธนาคารปู และการแปรรูปสัตว์น้ำของกลุ่มวิสาหกิจ",
      capacity: 30,
      photos: 1,
    });
    await addVisits(tx, tambon, centre, [
      {
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
      },
    ]);
  },
};
