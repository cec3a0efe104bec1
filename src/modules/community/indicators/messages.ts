/** Strings of the page that links the plans module's indicators to form questions. */
export const indicatorsMessages = {
  "admin.indicators": { th: "ตัวชี้วัดจากแบบสำรวจ", en: "Indicators from surveys" },
  "ind.title": { th: "ตัวชี้วัดจากแบบสำรวจ", en: "Indicators from surveys" },
  "ind.intro": {
    th: "เลือกคำถามในแบบสำรวจและวิธีคำนวณที่ใช้เป็นค่าของตัวชี้วัดแต่ละตัวในแผน ระบบคำนวณใหม่เมื่อรับแบบที่กรอก เมื่อนำเข้าข้อมูล และทุกชั่วโมง",
    en: "Pick the survey question and the computation that feed each indicator of the plans. Values are computed again when a submission is accepted, after imports and every hour.",
  },
  "ind.none": {
    th: "ยังไม่มีตัวชี้วัดในแผน สร้างตัวชี้วัดในหน้าแผนพัฒนาก่อน",
    en: "There are no indicators yet: make them in the plans first.",
  },
  "ind.noForms": {
    th: "ยังไม่มีแบบสำรวจที่เผยแพร่แล้ว",
    en: "No survey form has been published yet.",
  },
  "ind.indicator": { th: "ตัวชี้วัด", en: "Indicator" },
  "ind.source": { th: "คำถาม / คำตอบ", en: "Question / answer" },
  "ind.measure": { th: "วิธีคำนวณ", en: "Computation" },
  "ind.linked": { th: "เชื่อมกับ", en: "Linked to" },
  "ind.unlinked": { th: "ยังไม่เชื่อม", en: "Not linked" },
  "ind.save": { th: "บันทึก", en: "Save" },
  "ind.remove": { th: "เลิกเชื่อม", en: "Unlink" },
  "ind.saved": { th: "บันทึกการเชื่อมตัวชี้วัดแล้ว", en: "The indicator's link was saved" },
  "ind.removed": { th: "เลิกเชื่อมตัวชี้วัดแล้ว", en: "The indicator was unlinked" },
  "ind.recompute": { th: "คำนวณใหม่เดี๋ยวนี้", en: "Recompute now" },
  "ind.recomputed": {
    th: "คำนวณแล้ว: ใหม่ {create} ค่า ปรับ {update} ค่า เท่าเดิม {unchanged} ค่า",
    en: "Computed: {create} new, {update} changed, {unchanged} unchanged",
  },
  "ind.anyAnswer": { th: "(ตอบข้อนี้)", en: "(answered)" },
  "ind.measure.share": {
    th: "ร้อยละของที่ตอบตามที่เลือก",
    en: "Share (%) answering the chosen answer",
  },
  "ind.measure.count": { th: "จำนวนที่ตอบตามที่เลือก", en: "Count answering the chosen answer" },
  "ind.measure.mean": { th: "ค่าเฉลี่ยของคำตอบที่เป็นตัวเลข", en: "Mean of a number answer" },
  "ind.bad.source": {
    th: "เลือกคำถามจากแบบสำรวจที่เผยแพร่แล้ว",
    en: "Choose a question of a published form",
  },
  "ind.bad.mean": {
    th: "ค่าเฉลี่ยใช้ได้กับคำถามที่ตอบเป็นตัวเลขเท่านั้น",
    en: "A mean needs a question answered with a number",
  },
  "ind.bad.measure": { th: "เลือกวิธีคำนวณ", en: "Choose a computation" },
} as const;
