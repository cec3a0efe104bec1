import { demoPdf } from "./shared/demo-files.ts";
import {
  type DemoPartner,
  type TambonDemo,
  K,
  P,
  R,
  addCentre,
  addVisits,
  inDays,
  nextDemoFileName,
  officePhone,
  otherTambon,
  requestedBy,
} from "./demo-kit.ts";
import { addAgreement } from "./demo-agreements.ts";

const LOM_RAET: DemoPartner[] = [
  {
    th: "เทศบาลตำบลล้อมแรด (สาธิต)",
    en: "Lom Raet subdistrict municipality (demo)",
    kind: K.lgo,
    role: R.lgo,
    pillar: P.local,
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
    areas: [3],
  },
  {
    th: "กำนันและผู้ใหญ่บ้านตำบลล้อมแรด (สาธิต)",
    en: "Lom Raet kamnan and village headmen (demo)",
    kind: K.group,
    role: R.government,
    pillar: P.administration,
    areas: [3],
  },
  {
    th: "วัดล้อมแรด (สาธิต)",
    en: "Wat Lom Raet (demo)",
    kind: K.temple,
    role: R.community,
    pillar: P.religion,
    moos: [1],
    areas: [1],
  },
  {
    th: "โรงพยาบาลส่งเสริมสุขภาพตำบลล้อมแรด (สาธิต)",
    en: "Lom Raet health promoting hospital (demo)",
    kind: K.health,
    role: R.government,
    pillar: P.health,
    areas: [1, 5],
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
    areas: [4],
  },
  {
    th: "เครือข่ายนักวิชาการเพื่อเมืองน่าอยู่ (สาธิต)",
    en: "Academics for liveable cities network (demo)",
    kind: K.org,
    role: R.academic,
    pillar: null,
    areas: [2],
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
    description: "การประชาสัมพันธ์และการสื่อสารในชุมชน",
  },
];

/** Lom Raet: the liveable-city MOU with Ko Kha, its learning centres and visit requests. */
export const lomRaet: TambonDemo = {
  reach: { moos: [1, 2, 3, 4], areas: [1, 4] },
  partners: LOM_RAET,
  club: 5,
  async seed({ tx, tambon, own, ids, l, actorId }) {
    await addAgreement(tx, tambon, actorId, {
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
      documentFile: nextDemoFileName("agreement"),
      documentBytes: demoPdf().length,
      parties: [
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
      activities: [
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
    });
    const centre = await addCentre(tx, tambon, {
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
      contactPhone: officePhone(tambon),
      photos: 2,
    });
    await addCentre(tx, tambon, {
      nameTh: "ศูนย์เรียนรู้เศรษฐกิจพอเพียงบ้านล้อมแรด (สาธิต)",
      nameEn: "Lom Raet sufficiency economy learning centre (demo)",
      topicTh: "เศรษฐกิจพอเพียงและการตลาดชุมชน",
      areaId: l.area(4),
      villageId: l.village(2),
      hostPartnerId: ids[8],
      learnTh: "การผลิต การตลาด และการบริหารจัดการร้านค้าชุมชน",
      capacity: 40,
      photos: 0,
    });
    const langu = await otherTambon(tx, "la-ngu");
    await addVisits(tx, tambon, centre, [
      {
        ...requestedBy(langu, "คณะทำงานกลาง", "คณะทำงานกลาง อบต.ละงู (สาธิต)"),
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
  },
};
