import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of comments and their ratings (part of the charter dictionary). */
export const commentMessages = {
  "comments.title": { th: "ความคิดเห็นและข้อเสนอแนะ", en: "Comments and suggestions" },
  "comments.onClause": { th: "ความคิดเห็นต่อข้อ {n}", en: "Comments on clause {n}" },
  "comments.onPreamble": { th: "ความคิดเห็นต่อเหตุผลในการจัดทำ", en: "Comments on the preamble" },
  "comments.general": { th: "ความคิดเห็นทั่วไป", en: "General comments" },
  "comments.none": { th: "ยังไม่มีความคิดเห็น", en: "No comments yet" },
  "comments.add": { th: "แสดงความคิดเห็นหรือเสนอแนะ", en: "Comment or suggest" },
  "comments.about": { th: "เรื่องที่ให้ความเห็น", en: "About" },
  "comments.kind": { th: "ประเภท", en: "Kind" },
  "comments.kind.comment": { th: "ความคิดเห็น", en: "Comment" },
  "comments.kind.suggestion": { th: "เสนอข้อความใหม่", en: "Suggest new text" },
  "comments.body": { th: "ความคิดเห็น / เหตุผล", en: "Comment / reason" },
  "comments.proposed": {
    th: "ข้อความที่เสนอ (แทนข้อความเดิมทั้งข้อ)",
    en: "Proposed text (replaces the whole text)",
  },
  "comments.proposedHint": {
    th: "ใช้เมื่อเลือก “เสนอข้อความใหม่” ข้อความเดิมแสดงไว้ให้แก้ไขได้เลย",
    en: "For “suggest new text”; the current text is filled in to edit",
  },
  "comments.send": { th: "ส่งความคิดเห็น", en: "Send" },
  "comments.sent": {
    th: "บันทึกความคิดเห็นแล้ว ขอบคุณครับ/ค่ะ",
    en: "Thank you, your comment is recorded",
  },
  "comments.by": { th: "โดย {name}", en: "by {name}" },
  "comments.recordedBy": { th: "บันทึกโดย {name}", en: "recorded by {name}" },
  "comments.aboutVersion": { th: "ต่อร่างที่ {n}", en: "on version {n}" },
  "comments.inHearing": { th: "ช่วงประชาพิจารณ์", en: "during the hearing" },
  "comments.proposedText": { th: "ข้อความที่เสนอ", en: "Proposed text" },
  "comments.changesFromThen": {
    th: "เทียบกับข้อความในร่างที่ให้ความเห็น",
    en: "Compared with the text it was about",
  },
  "comments.clauseChangedSince": {
    th: "ข้อนี้ถูกแก้ไขหลังจากมีข้อเสนอนี้แล้ว การรับข้อเสนอจะแทนที่ข้อความปัจจุบัน",
    en: "The clause changed after this suggestion; accepting replaces the current text",
  },
  "comments.status.open": { th: "รอพิจารณา", en: "Open" },
  "comments.status.accepted": { th: "รับแล้ว (ร่างที่ {n})", en: "Accepted (version {n})" },
  "comments.status.declined": { th: "ไม่รับ", en: "Declined" },
  "comments.reason": { th: "เหตุผล", en: "Reason" },
  "comments.accept": { th: "รับข้อเสนอ (แก้ร่างตามนี้)", en: "Accept (apply to the draft)" },
  "comments.accepted": {
    th: "รับข้อเสนอแล้ว บันทึกเป็นร่างที่ {n}",
    en: "Suggestion accepted as version {n}",
  },
  "comments.decline": { th: "ไม่รับข้อเสนอ", en: "Decline" },
  "comments.declineReason": { th: "เหตุผลที่ไม่รับ", en: "Why it is declined" },
  "comments.declined": { th: "บันทึกการไม่รับข้อเสนอแล้ว", en: "Suggestion declined" },
  "comments.rate": { th: "ความเห็นต่อข้อเสนอนี้", en: "Your rating of this suggestion" },
  "comments.rated": { th: "บันทึกความเห็นต่อข้อเสนอแล้ว", en: "Rating saved" },
  "comments.ratings": {
    th: "ต้องมี {must} · ควรมี {should} · ไม่ควรมี {should_not} · ต้องไม่มี {must_not}",
    en: "must {must} · should {should} · should not {should_not} · must not {must_not}",
  },
  "comments.currentText": { th: "ข้อความปัจจุบัน", en: "Current text" },
  "comments.filter": { th: "แสดง", en: "Show" },
  "comments.filterAccepted": { th: "รับแล้ว", en: "Accepted" },
  "comments.all": { th: "ทั้งหมด", en: "All" },
  "comments.clauseRemoved": {
    th: "ข้อนี้ไม่อยู่ในร่างล่าสุดแล้ว",
    en: "This clause is no longer in the latest draft",
  },

  "rating.must": { th: "ต้องมี", en: "Must" },
  "rating.should": { th: "ควรมี", en: "Should" },
  "rating.should_not": { th: "ไม่ควรมี", en: "Should not" },
  "rating.must_not": { th: "ต้องไม่มี", en: "Must not" },
} satisfies Record<string, Msg>;
