import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of adoption by vote or assembly (part of the charter dictionary). */
export const adoptionMessages = {
  "adopt.resolutionLabel": {
    th: "มติที่ {n} {meeting} ({day})",
    en: "Resolution {n}, {meeting} ({day})",
  },
  "adopt.title": { th: "การรับรอง", en: "Adoption" },
  "adopt.byVote": { th: "รับรองโดยการลงคะแนน", en: "Adopt by a vote" },
  "adopt.byVoteHint": {
    th: "เปิดเรื่องในระบบตัดสินใจ ให้สมาชิกลงคะแนนระหว่างร่างฉบับนี้กับการคงสภาพเดิม ร่างจะถูกล็อกระหว่างลงคะแนน และรับรองเมื่อปิดลงคะแนนโดยร่างนี้ชนะและครบองค์ประชุม",
    en: "Opens a question in Decisions: the members vote on this draft against the status quo. The draft is locked during the vote and adopted when the vote closes with it winning and the quorum met",
  },
  "adopt.area": { th: "ประเด็นที่ใช้ลงคะแนน", en: "Issue area of the question" },
  "adopt.putToVote": { th: "เปิดลงคะแนน", en: "Put to the vote" },
  "adopt.voteOpened": { th: "เปิดเรื่องลงคะแนนแล้ว", en: "Question opened" },
  "adopt.question": { th: "เรื่องที่ลงคะแนน", en: "Question" },
  "adopt.check": { th: "ตรวจผลและรับรอง", en: "Check the result and adopt" },
  "adopt.withdraw": {
    th: "ยกเลิกการเชื่อมกับการลงคะแนน (กลับไปแก้ร่าง)",
    en: "Unlink the vote (back to drafting)",
  },
  "adopt.withdrawn": { th: "ยกเลิกการเชื่อมกับการลงคะแนนแล้ว", en: "Vote unlinked" },
  "adopt.byResolution": { th: "รับรองโดยมติที่ประชุมประชาคม", en: "Adopt by an assembly resolution" },
  "adopt.byResolutionHint": {
    th: "เลือกมติที่รับรองร่างนี้ของการประชุมประชาคมหมู่บ้าน/ตำบลที่ครบองค์ประชุม ลงมติภายใต้วาระที่ระบุฉบับนี้ (เช่น “รับรองธรรมนูญสุขภาพ ฉบับที่ 2 พ.ศ. 2568”) ในหรือหลังวันที่บันทึกร่างปัจจุบัน",
    en: "Choose the resolution of a village assembly that adopted this draft with its quorum met, decided under an agenda item naming this edition (e.g. “Adopt the health charter, Edition 2 (2025)”) on or after the day the current draft was saved",
  },
  "adopt.resolution": { th: "มติที่ประชุม", en: "Resolution" },
  "adopt.noResolutions": {
    th: "ยังไม่มีมติที่ผ่านในระบบการประชุม บันทึกมติในหน้าการประชุมก่อน",
    en: "No adopted resolution yet; record it on the meeting's page first",
  },
  "adopt.quorumMet": { th: "ครบองค์ประชุม", en: "quorum met" },
  "adopt.quorumShort": { th: "ไม่ครบองค์ประชุม", en: "quorum not met" },
  "adopt.noQuorumRule": { th: "ไม่มีเกณฑ์องค์ประชุม", en: "no quorum rule" },
  "adopt.adopt": { th: "บันทึกการรับรอง", en: "Record the adoption" },
  "adopt.adopted": { th: "รับรองแล้ว ฉบับนี้ถูกล็อกไม่ให้แก้ไข", en: "Adopted; the text is now frozen" },
  "adopt.frozen": {
    th: "ฉบับที่รับรองแล้วแก้ไขไม่ได้ เริ่มฉบับใหม่เพื่อทบทวน",
    en: "An adopted edition cannot change; start a new edition to revise it",
  },
  "adopt.refused.missing": {
    th: "ไม่พบเรื่องหรือมติที่ใช้รับรอง",
    en: "No question or resolution to adopt by",
  },
  "adopt.refused.notClosed": { th: "การลงคะแนนยังไม่ปิด", en: "The vote has not closed" },
  "adopt.refused.noQuorum": {
    th: "ไม่ครบองค์ประชุม จึงรับรองไม่ได้",
    en: "The quorum was not met, so it cannot adopt",
  },
  "adopt.refused.lost": { th: "ร่างนี้ไม่ชนะการลงคะแนน", en: "This draft did not win the vote" },
  "adopt.refused.notAdopted": { th: "มตินี้ไม่ได้ผ่านที่ประชุม", en: "This resolution was not adopted" },
  "adopt.refused.notAssembly": {
    th: "มตินี้ไม่ได้มาจากการประชุมประชาคม",
    en: "This resolution is not of a village assembly",
  },
  "adopt.refused.corrected": {
    th: "มตินี้ถูกแก้ไขโดยมติใหม่แล้ว ให้เลือกมติที่แก้ไข",
    en: "A later resolution corrected this one; choose that one",
  },
  "adopt.refused.notAbout": {
    th: "มตินี้ไม่ได้เป็นเรื่องของฉบับนี้ ต้องเป็นมติที่เชื่อมกับฉบับนี้ หรือมติภายใต้วาระที่ระบุฉบับนี้ (เช่น ฉบับที่ 2 พ.ศ. 2568)",
    en: "This resolution is not about this edition: it must be linked to it, or decided under an agenda item naming it (e.g. Edition 2 (2025))",
  },
  "adopt.refused.beforeVersion": {
    th: "มตินี้ลงก่อนวันที่บันทึกร่างปัจจุบัน จึงไม่ได้รับรองข้อความนี้",
    en: "This resolution was decided before the current text was saved, so it did not adopt this text",
  },
  "adopt.refused.usedElsewhere": {
    th: "มตินี้ใช้รับรองฉบับอื่นไปแล้ว",
    en: "This resolution already adopted another edition",
  },
  "adopt.refused.frozen": { th: "ฉบับนี้รับรองแล้ว", en: "This edition is already adopted" },
} satisfies Record<string, Msg>;
