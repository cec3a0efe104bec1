import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of village representatives (part of the groups dictionary). */
export const representativeMessages = {
  // Representatives
  "reps.title": { th: "ตัวแทนหมู่บ้าน", en: "Village representatives" },
  "reps.intro": {
    th: "แต่ละหมู่บ้านควรมีตัวแทนอย่างน้อย {min} คน ตัวแทนที่อยู่ในวาระเท่านั้นที่นับเป็นองค์ประชุม",
    en: "Each village should have at least {min} representatives; only representatives in office count towards a quorum.",
  },
  "reps.coverage": { th: "ความครอบคลุมของตัวแทนรายหมู่บ้าน", en: "Coverage per village" },
  "reps.inOffice": { th: "ตัวแทนในวาระ", en: "In office" },
  "reps.minimum": { th: "ขั้นต่ำ", en: "Minimum" },
  "reps.gap": { th: "ขาดอีก", en: "Missing" },
  "reps.endingSoon": { th: "หมดวาระใน 90 วัน", en: "Term ends within 90 days" },
  "reps.roleNoTerm": { th: "มีบทบาทแต่ไม่มีวาระ", en: "Role without a term" },
  "reps.ok": { th: "ครบ", en: "Covered" },
  "reps.short": { th: "ขาด {n} คน", en: "{n} missing" },
  "reps.noneInVillage": { th: "ไม่มีตัวแทน", en: "No representative" },
  "reps.summary": {
    th: "{met} จาก {total} หมู่บ้านมีตัวแทนครบ รวมตัวแทนในวาระ {reps} คน",
    en: "{met} of {total} villages are covered; {reps} representatives in office",
  },
  "reps.gapsFlag": { th: "หมู่บ้านที่ตัวแทนยังไม่ครบ: {n}", en: "Villages with gaps: {n}" },
  "reps.asOf": { th: "ณ วันที่", en: "On" },
  "reps.ofVillage": { th: "ตัวแทน{village}", en: "Representatives of {village}" },
  "reps.chosenBy": { th: "ได้มาโดย", en: "How chosen" },
  "reps.chosenByHint": {
    th: "เช่น ที่ประชุมหมู่บ้านคัดเลือก ผู้ใหญ่บ้านเสนอชื่อ",
    en: "e.g. chosen by the village meeting, proposed by the village head",
  },
  "reps.pastTerms": { th: "วาระที่สิ้นสุดแล้ว", en: "Past terms" },
  "reps.all": { th: "ทุกหมู่บ้าน", en: "All villages" },
  "reps.record": { th: "บันทึกวาระตัวแทน", en: "Record a term" },
  "reps.recorded": { th: "บันทึกวาระของ {name} แล้ว", en: "Term of {name} recorded" },
  "reps.end": { th: "สิ้นสุดวาระ", en: "End term" },
  "reps.ended": { th: "บันทึกการสิ้นสุดวาระแล้ว", en: "Term ended" },
  "reps.endReason": { th: "เหตุที่สิ้นสุด", en: "Why it ended" },
  "reps.person": { th: "ชื่อ–นามสกุล", en: "Full name" },
  "reps.roleHint": {
    th: "การบันทึกวาระจะให้บทบาท “ตัวแทนหมู่บ้าน” แก่บุคคลนั้น และเมื่อสิ้นสุดวาระสุดท้ายบทบาทจะถูกถอน",
    en: "Recording a term gives the person the village representative role; ending their last term takes it back.",
  },
  "reps.withoutTerm": {
    th: "ผู้มีบทบาทตัวแทนหมู่บ้านแต่ยังไม่มีวาระ",
    en: "People with the representative role but no term",
  },
  "reps.giveTerm": { th: "บันทึกวาระเริ่มวันนี้", en: "Record a term from today" },
  "reps.exportCsv": { th: "ส่งออก (CSV)", en: "Export (CSV)" },
  "reps.exportXlsx": { th: "ส่งออก (Excel)", en: "Export (Excel)" },
  "reps.chooseVillage": {
    th: "เลือกหมู่บ้านด้านบนเพื่อดูและสิ้นสุดวาระของตัวแทน",
    en: "Choose a village above to see and end its representatives' terms",
  },
} satisfies Record<string, Msg>;
