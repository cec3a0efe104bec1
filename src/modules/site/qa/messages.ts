import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of the public questions and answers (part of the site dictionary). */
export const qaMessages = {
  "qa.title": { th: "ถาม-ตอบ", en: "Questions and answers" },
  "qa.intro": {
    th: "ถามเรื่องงานของตำบลได้ที่นี่ เจ้าหน้าที่จะตอบ และคำถามที่ตอบแล้วจะแสดงให้ทุกคนอ่านโดยไม่แสดงชื่อผู้ถาม อย่าใส่ข้อมูลส่วนตัว เช่น เลขประจำตัวประชาชนหรือเบอร์โทรศัพท์ เรื่องร้องเรียนให้ใช้หน้าร้องเรียน",
    en: "Ask about the tambon's work here. Staff answer, and answered questions are shown to everyone without the asker's name. Do not include personal data such as ID or phone numbers; for a complaint use the complaints page.",
  },
  "qa.none": { th: "ยังไม่มีคำถามที่ตอบแล้ว", en: "No answered questions yet" },
  "qa.asked": { th: "ถามโดย {name} · {date}", en: "Asked by {name} · {date}" },
  "qa.askedOn": { th: "ถามเมื่อ {date}", en: "Asked {date}" },
  "qa.answer": { th: "คำตอบ", en: "Answer" },
  "qa.answeredOn": { th: "ตอบเมื่อ {date}", en: "Answered {date}" },
  "qa.ask": { th: "ถามคำถาม", en: "Ask a question" },
  "qa.question": { th: "คำถาม", en: "Question" },
  "qa.submit": { th: "ส่งคำถาม", en: "Send the question" },
  "qa.sent": {
    th: "ได้รับคำถามแล้ว จะแสดงเมื่อเจ้าหน้าที่ตอบ",
    en: "Your question was received; it will be shown once staff answer it",
  },
  "qa.mine": { th: "คำถามของคุณที่รอคำตอบ", en: "Your questions awaiting an answer" },
  "qa.loginToAsk": {
    th: "เข้าสู่ระบบในฐานะสมาชิกของตำบลเพื่อถามคำถาม",
    en: "Sign in as a member of the tambon to ask a question",
  },
  "qa.manage": { th: "ตอบคำถาม (ถาม-ตอบ)", en: "Answer questions (Q&A)" },
  "qa.pending": { th: "คำถามที่รอคำตอบ", en: "Questions awaiting an answer" },
  "qa.answered": { th: "ตอบแล้ว", en: "Answered" },
  "qa.publicPage": {
    th: "ดูหน้าถาม-ตอบที่ประชาชนเห็น",
    en: "See the questions and answers page as the public sees it",
  },
  "qa.nonePending": {
    th: "ไม่มีคำถามที่รอคำตอบ คำถามใหม่จากสมาชิกจะแสดงที่นี่",
    en: "No question is waiting. New questions from members appear here.",
  },
  "qa.noneAnswered": {
    th: "ยังไม่ได้ตอบคำถามใด คำถามที่ตอบแล้วจะแสดงบนหน้าถาม-ตอบ",
    en: "No question has been answered yet. Answered questions are shown on the questions and answers page.",
  },
  "qa.saveAnswer": { th: "ตอบและเผยแพร่", en: "Answer and publish" },
  "qa.hideHint": {
    th: "ซ่อนคำถามที่ไม่เหมาะสมหรือมีข้อมูลส่วนตัว (ต้องระบุเหตุผล)",
    en: "Hide a question that is abusive or holds personal data (a reason is required)",
  },
  "qa.answeredSaved": { th: "ตอบคำถามแล้ว", en: "The answer is published" },
  "qa.hiddenSaved": { th: "ซ่อนคำถามแล้ว", en: "The question is hidden" },
  "qa.alreadyHidden": { th: "คำถามนี้ถูกซ่อนแล้ว", en: "This question is already hidden" },
} satisfies Record<string, Msg>;
