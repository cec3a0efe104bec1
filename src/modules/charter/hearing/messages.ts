import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of the public hearing (part of the charter dictionary). */
export const hearingMessages = {
  "hearing.title": { th: "ประชาพิจารณ์", en: "Public hearing" },
  "hearing.intro": {
    th: "ช่วงรับฟังความคิดเห็นของประชาชนต่อร่างธรรมนูญ ความเห็นของผู้ที่ไม่มีบัญชีผู้ใช้ ผู้ก่อการดีบันทึกแทนได้",
    en: "The period in which the people of the area comment on the draft; facilitators record the views of people without accounts",
  },
  "hearing.period": { th: "ช่วงเวลา", en: "Period" },
  "hearing.notYet": { th: "ยังไม่ได้เปิดรับฟังความคิดเห็น", en: "The hearing has not been opened" },
  "hearing.open": { th: "เปิดรับฟังความคิดเห็น", en: "Open the hearing" },
  "hearing.close": {
    th: "ปิดรับฟังความคิดเห็น (กลับไปแก้ร่าง)",
    en: "Close the hearing (back to drafting)",
  },
  "hearing.opened": { th: "เปิดรับฟังความคิดเห็นแล้ว", en: "Hearing opened" },
  "hearing.closed": { th: "ปิดรับฟังความคิดเห็นแล้ว", en: "Hearing closed" },
  "hearing.starts": { th: "วันเริ่ม", en: "Starts on" },
  "hearing.ends": { th: "วันสิ้นสุด", en: "Ends on" },
  "hearing.note": { th: "รายละเอียด (สถานที่ ช่องทาง)", en: "Details (places, channels)" },
  "hearing.record": {
    th: "บันทึกความเห็นแทนผู้ไม่มีบัญชี",
    en: "Record a view for someone without an account",
  },
  "hearing.recorded": { th: "บันทึกความเห็นแล้ว", en: "View recorded" },
  "hearing.name": { th: "ชื่อผู้ให้ความเห็น", en: "Name of the person" },
  "hearing.village": { th: "หมู่บ้าน", en: "Village" },
  "hearing.meetings": { th: "เวทีและการประชุมรับฟังความคิดเห็น", en: "Hearing meetings" },
  "hearing.noMeetings": {
    th: "ยังไม่ได้บันทึกเวทีหรือการประชุม",
    en: "No meetings have been recorded yet",
  },
  "hearing.meetingsHeld": { th: "จัดเวทีและประชุม {n} ครั้ง", en: "{n} meetings held" },
  "hearing.meetingWhen": { th: "วันที่", en: "Date" },
  "hearing.meetingWhere": { th: "สถานที่", en: "Place" },
  "hearing.meetingWhat": { th: "เวทีหรือการประชุม", en: "Meeting" },
  "hearing.meetingAdd": { th: "เพิ่มเวทีหรือการประชุม", en: "Add a meeting" },
  "hearing.meetingChoose": {
    th: "เลือกจากการประชุมของตำบล (เวทีประชาพิจารณ์แสดงก่อน)",
    en: "Choose among the tambon's meetings (public hearings first)",
  },
  "hearing.meetingAdded": { th: "เพิ่มการประชุมในประชาพิจารณ์แล้ว", en: "Meeting added to the hearing" },
  "hearing.meetingRemove": { th: "นำออก", en: "Remove" },
  "hearing.meetingRemoved": { th: "นำการประชุมออกแล้ว", en: "Meeting removed from the hearing" },
  "hearing.meetingPrivate": { th: "(ไม่เปิดเผย)", en: "(not public)" },
  "hearing.report": { th: "รายงานผลการรับฟังความคิดเห็น", en: "Hearing report" },
  "hearing.participation": { th: "การมีส่วนร่วมรายหมู่บ้าน", en: "Participation by village" },
  "hearing.people": { th: "ผู้ให้ความเห็น (คน)", en: "People" },
  "hearing.comments": { th: "ความคิดเห็น", en: "Comments" },
  "hearing.suggestions": { th: "ข้อเสนอแนะ", en: "Suggestions" },
  "hearing.acceptedN": { th: "รับแล้ว", en: "Accepted" },
  "hearing.total": { th: "รวม", en: "Total" },
  "hearing.noVillage": { th: "ไม่ระบุหมู่บ้าน", en: "Village not given" },
  "hearing.villagesReached": {
    th: "มีผู้ให้ความเห็นจาก {n} จาก {total} หมู่บ้าน",
    en: "People from {n} of {total} villages took part",
  },
  "hearing.changed": {
    th: "สิ่งที่เปลี่ยนแปลงจากการรับฟังความคิดเห็น",
    en: "What changed because of the hearing",
  },
  "hearing.noChanges": {
    th: "ยังไม่มีการแก้ไขร่างจากการรับฟังความคิดเห็น",
    en: "No change to the draft from the hearing yet",
  },
  "hearing.sinceStart": {
    th: "เทียบร่างเมื่อเริ่มรับฟัง (ร่างที่ {from}) กับ{to}",
    en: "The draft at the start of the hearing (version {from}) compared with {to}",
  },
  "hearing.latest": { th: "ร่างล่าสุด", en: "the latest draft" },
  "hearing.adoptedText": { th: "ฉบับที่รับรอง", en: "the adopted text" },
  // notices by LINE and e-mail (charter/hearing/notices.ts)
  "notice.hearing.open": {
    th: "เปิดรับฟังความคิดเห็นร่าง{charter} ตั้งแต่ {from} ถึง {to} ร่วมแสดงความคิดเห็นได้ที่เว็บไซต์ของตำบล",
    en: "The draft {charter} is open for comments from {from} to {to}; comment on the tambon's site.",
  },
} satisfies Record<string, Msg>;
