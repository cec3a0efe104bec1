import defaults from "../../../../seed/defaults.json" with { type: "json" };
import { areaName, type Area } from "../../areas/public.ts";

/** An entry of one of a tambon's editable lists as the forms and pages see it. */
export interface ListItem {
  id: number;
  nameTh: string;
  nameEn: string;
  position: number;
  archivedAt: Date | null;
}

/** A pillar (เสาหลัก) with its description. */
export interface Pillar extends ListItem {
  descriptionTh: string;
  descriptionEn: string;
}

/** The two term lists kept in `network_terms`. */
export type TermList = "kind" | "role";

const PILLAR_EN: Record<string, string> = {
  "ท้องถิ่น (อบต./เทศบาล)": "Local government (SAO / municipality)",
  "ท้องที่ (กำนัน ผู้ใหญ่บ้าน)": "Local administration (kamnan, village headmen)",
  ผู้นำศาสนา: "Religious leaders",
  "หน่วยงานสาธารณสุขและรัฐ (รพ.สต. โรงเรียน)": "Health and state agencies (health centre, schools)",
  "ภาคประชาชน (อสม. ผู้นำชุมชน กลุ่ม ชมรม)":
    "People's sector (health volunteers, community leaders, groups, clubs)",
};

const KIND_EN: Record<string, string> = {
  กลุ่ม: "Group",
  องค์กร: "Organisation",
  ชมรม: "Club",
  สมาคม: "Association",
  มูลนิธิ: "Foundation",
};

/** Kinds the issue names beyond those of seed 000 (agencies, schools, temples, mosques …). */
const MORE_KINDS: { th: string; en: string }[] = [
  { th: "หน่วยงานรัฐ", en: "Government agency" },
  { th: "องค์กรปกครองส่วนท้องถิ่น", en: "Local government" },
  { th: "โรงเรียน/สถานศึกษา", en: "School" },
  { th: "วัด", en: "Temple" },
  { th: "มัสยิด", en: "Mosque" },
  { th: "หน่วยบริการสุขภาพ (รพ.สต./โรงพยาบาล)", en: "Health unit (health centre, hospital)" },
  { th: "ธุรกิจ/ร้านค้า", en: "Business" },
  { th: "สื่อมวลชน", en: "Media" },
];

/** The pillars a new tambon starts with (seed/defaults.json; every tambon edits its own). */
export function defaultPillars(): { nameTh: string; nameEn: string; position: number }[] {
  return defaults.pillars_defaultAssumption.items.map((nameTh, i) => ({
    nameTh,
    nameEn: PILLAR_EN[nameTh] ?? "",
    position: i + 1,
  }));
}

/** The eight partner roles of seed 000 a new tambon starts with. */
export function defaultRoles(): { nameTh: string; nameEn: string; position: number }[] {
  return defaults.partnerRoles_fromSeed000.map((r, i) => ({
    nameTh: r.th,
    nameEn: r.en.charAt(0).toUpperCase() + r.en.slice(1),
    position: i + 1,
  }));
}

/** The kinds of partner a new tambon starts with: seed 000's five, then agencies, schools … */
export function defaultKinds(): { nameTh: string; nameEn: string; position: number }[] {
  const fromSeed = defaults.organisationKinds_fromSeed000.map((th) => ({
    th,
    en: KIND_EN[th] ?? "",
  }));
  return [...fromSeed, ...MORE_KINDS].map((k, i) => ({
    nameTh: k.th,
    nameEn: k.en,
    position: i + 1,
  }));
}

/** The name of a named thing in the reader's language (Thai when no English name is given). */
export function nameIn(item: { nameTh: string; nameEn: string }, lang: "th" | "en"): string {
  return lang === "en" && item.nameEn ? item.nameEn : item.nameTh;
}

/** Options of a select of named things (partners, pillars, centres), by id. */
export function nameOptions(
  items: readonly { id: number; nameTh: string; nameEn: string }[],
  lang: "th" | "en",
) {
  return items.map((i) => ({ value: String(i.id), label: nameIn(i, lang) }));
}

/** Options of a select of issue areas, by id. */
export function areaOptions(areas: readonly Area[], lang: "th" | "en") {
  return areas.map((a) => ({ value: String(a.id), label: areaName(a, lang) }));
}

/** A bilingual text field in the reader's language, falling back to Thai. */
export function textIn(th: string, en: string, lang: "th" | "en"): string {
  return lang === "en" && en ? en : th;
}
