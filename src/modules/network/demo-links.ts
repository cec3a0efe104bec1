import type { Tx } from "../../core/db/index.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { tambonLinks } from "./schema.ts";

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

export async function addLinks(tx: Tx, tambon: Tambon) {
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
