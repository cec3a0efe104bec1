import type { Tx } from "../../core/db/index.ts";
import type { Tambon } from "../../core/tenancy.ts";
import { tambonLinks } from "./schema.ts";

/** A district and its province, in Thai and English. */
interface District {
  districtTh: string;
  districtEn: string;
  provinceTh: string;
  provinceEn: string;
}

const THOEN: District = {
  districtTh: "เถิน",
  districtEn: "Thoen",
  provinceTh: "ลำปาง",
  provinceEn: "Lampang",
};
const KO_KHA: District = {
  districtTh: "เกาะคา",
  districtEn: "Ko Kha",
  provinceTh: "ลำปาง",
  provinceEn: "Lampang",
};
const LA_NGU: District = {
  districtTh: "ละงู",
  districtEn: "La-ngu",
  provinceTh: "สตูล",
  provinceEn: "Satun",
};

/** The tambons the demo links to, by national code: names and district. */
const PLACES: Record<string, { th: string; en: string; district: District }> = {
  "520801": { th: "ล้อมแรด", en: "Lom Raet", district: THOEN },
  "520802": { th: "แม่วะ", en: "Mae Wa", district: THOEN },
  "520306": { th: "เกาะคา", en: "Ko Kha", district: KO_KHA },
  "910501": { th: "กำแพง", en: "Kamphaeng", district: LA_NGU },
  "910502": { th: "ละงู", en: "La-ngu", district: LA_NGU },
  "910503": { th: "เขาขาว", en: "Khao Khao", district: LA_NGU },
  "910506": { th: "แหลมสน", en: "Laem Son", district: LA_NGU },
};

/** A demo link to another tambon: relation, the other's national code, since when. */
type DemoLink = ["mentor_of" | "member_of" | "peer", string, string];

const LINKS: Record<string, DemoLink[]> = {
  "la-ngu": [
    ["mentor_of", "520801", "2016-03-01"],
    ["mentor_of", "910501", "2015-06-01"],
    ["mentor_of", "910503", "2015-06-01"],
    ["mentor_of", "910506", "2016-01-15"],
  ],
  "lom-raet": [
    ["member_of", "910502", "2016-03-01"],
    ["peer", "520306", "2018-06-20"],
    ["mentor_of", "520802", "2019-02-01"],
  ],
  "ko-kha": [["peer", "520801", "2018-06-20"]],
};

export async function addLinks(tx: Tx, tambon: Tambon) {
  const rows = LINKS[tambon.slug] ?? [];
  if (!rows.length) return;
  await tx.insert(tambonLinks).values(
    rows.map(([relation, code, since]) => {
      const place = PLACES[code]!;
      return {
        tambonId: tambon.id,
        relation,
        otherDopaCode: code,
        otherNameTh: place.th,
        otherNameEn: place.en,
        otherDistrictTh: place.district.districtTh,
        otherDistrictEn: place.district.districtEn,
        otherProvinceTh: place.district.provinceTh,
        otherProvinceEn: place.district.provinceEn,
        since,
        note: "(สาธิต)",
      };
    }),
  );
}
