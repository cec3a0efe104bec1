import defaults from "../../../seed/defaults.json" with { type: "json" };

/** An issue area as the rest of the platform sees it. */
export interface Area {
  id: number;
  tambonId: number;
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  descriptionEn: string;
  position: number;
  archivedAt: Date | null;
}

const ENGLISH: Record<string, string> = {
  "สุขภาพกาย/ใจ": "Physical and mental health",
  "การจัดการสิ่งแวดล้อม/ภัยพิบัติ": "Environment and disasters",
  การจัดการโครงสร้างพื้นฐาน: "Infrastructure",
  "การสร้างรายได้/เศรษฐกิจชุมชน": "Income and community economy",
  "การช่วยเหลือคนพิการ ผู้สูงอายุ คนยากลำบาก": "Support for disabled, elderly and disadvantaged people",
};

/** The issue areas a new tambon starts with (those of La-ngu's charter), in order. */
export function defaultAreas(): { nameTh: string; nameEn: string; position: number }[] {
  return defaults.issueAreas_fromSeed003.map((nameTh, i) => ({
    nameTh,
    nameEn: ENGLISH[nameTh] ?? "",
    position: i + 1,
  }));
}

/** The name of an area in the reader's language (Thai when no English name is given). */
export function areaName(area: Pick<Area, "nameTh" | "nameEn">, lang: "th" | "en"): string {
  return lang === "en" && area.nameEn ? area.nameEn : area.nameTh;
}
