import { defineMessages } from "../../core/i18n/index.ts";
import type { CoreKey } from "../../core/i18n/messages.ts";
import type { Result } from "../../core/result.ts";

/** UI strings of the issue-areas module. */
export const msg = defineMessages("areas", {
  "nav.areas": { th: "ประเด็นการพัฒนา", en: "Issue areas" },
  "areas.title": { th: "ประเด็นการพัฒนา", en: "Issue areas" },
  "areas.intro": {
    th: "ประเด็นที่ตำบลร่วมกันขับเคลื่อน แต่ละประเด็นรวบรวมทีมงาน การประชุม ข้อเสนอ ข้อธรรมนูญ โครงการ และตัวชี้วัดที่เกี่ยวข้องไว้ในหน้าเดียว",
    en: "The issues the tambon works on together. Each page gathers the teams, meetings, proposals, charter clauses, projects and indicators of that issue.",
  },
  "areas.none": { th: "ยังไม่มีประเด็น", en: "No issue areas yet" },
  "areas.nothingYet": {
    th: "ยังไม่มีงานที่เชื่อมกับประเด็นนี้",
    en: "Nothing is linked to this issue area yet",
  },
  "areas.manage": { th: "จัดการประเด็น", en: "Manage issue areas" },
  "areas.add": { th: "เพิ่มประเด็น", en: "Add an issue area" },
  "areas.edit": { th: "แก้ไขประเด็น", en: "Edit issue area" },
  "areas.nameTh": { th: "ชื่อประเด็น (ไทย)", en: "Name (Thai)" },
  "areas.nameEn": { th: "ชื่อประเด็น (อังกฤษ)", en: "Name (English)" },
  "areas.descriptionTh": { th: "คำอธิบาย (ไทย)", en: "Description (Thai)" },
  "areas.descriptionEn": { th: "คำอธิบาย (อังกฤษ)", en: "Description (English)" },
  "areas.position": { th: "ลำดับ", en: "Order" },
  "areas.archive": { th: "เก็บเข้าคลัง", en: "Archive" },
  "areas.restore": { th: "นำกลับมาใช้", en: "Restore" },
  "areas.archived": { th: "เก็บเข้าคลังแล้ว", en: "Archived" },
  "areas.saved": { th: "บันทึกประเด็นแล้ว", en: "Issue area saved" },
  "areas.duplicate": { th: "มีประเด็นชื่อนี้แล้ว", en: "An issue area with this name exists" },
});

/** A key of the issue-areas dictionary. */
export type AreasKey = keyof typeof msg.messages;
/** The outcome of an issue-areas command: field errors carry this module's keys or core's. */
export type AreasResult<T> = Result<T, AreasKey | CoreKey>;
