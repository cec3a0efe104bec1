import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of attendance and quorum (part of the groups dictionary). */
export const attendanceMessages = {
  // Quorum and attendance
  "quorum.title": { th: "องค์ประชุม", en: "Quorum" },
  "quorum.met": { th: "ครบองค์ประชุม", en: "Quorum reached" },
  "quorum.notMet": { th: "ยังไม่ครบองค์ประชุม", en: "No quorum yet" },
  "quorum.notRequired": { th: "ไม่กำหนดองค์ประชุมรายหมู่บ้าน", en: "No village quorum required" },
  "quorum.rule": {
    th: "ต้องมีตัวแทนอย่างน้อย {min} คน จาก {required} ใน {total} หมู่บ้าน",
    en: "At least {min} representatives from {required} of {total} villages",
  },
  "quorum.progress": {
    th: "ครบแล้ว {met} จาก {required} หมู่บ้าน",
    en: "{met} of {required} villages reached",
  },
  "quorum.shortBy": {
    th: "ขาดตัวแทนอีกอย่างน้อย {n} คน",
    en: "At least {n} more representatives needed",
  },
  "quorum.shortOfReps": {
    th: "หมู่บ้านที่มีตัวแทนในวาระไม่ถึงขั้นต่ำ: {list}",
    en: "Villages with fewer representatives in office than the minimum: {list}",
  },
  "quorum.village": { th: "หมู่บ้าน", en: "Village" },
  "quorum.present": { th: "ตัวแทนที่มา", en: "Representatives present" },
  "quorum.others": { th: "ผู้เข้าร่วมอื่น", en: "Others" },
  "quorum.reps": { th: "ตัวแทนในวาระ", en: "In office" },

  "attend.title": { th: "บันทึกผู้เข้าร่วม", en: "Record attendance" },
  "attend.one": { th: "บันทึกทีละคน", en: "One person at a time" },
  "attend.sheet": { th: "ใบลงชื่อรายหมู่บ้าน", en: "Village sign-in sheet" },
  "attend.sheetHint": {
    th: "เลือกหมู่บ้านแล้วติ๊กตัวแทนที่มาประชุม",
    en: "Choose a village, then tick the representatives who came",
  },
  "attend.openSheet": { th: "เปิดใบลงชื่อ", en: "Open the sheet" },
  "attend.bulk": { th: "วางรายชื่อจากใบลงชื่อกระดาษ", en: "Paste names from a paper sheet" },
  "attend.bulkHint": {
    th: "หนึ่งชื่อต่อหนึ่งบรรทัด ชื่อที่ตรงกับสมาชิกของตำบลจะเชื่อมกับบัญชี",
    en: "One name per line; names that match a tambon member are linked to their account",
  },
  "attend.names": { th: "รายชื่อ", en: "Names" },
  "attend.name": { th: "ชื่อ–นามสกุล", en: "Full name" },
  "attend.village": { th: "หมู่บ้าน", en: "Village" },
  "attend.role": { th: "มาในฐานะ", en: "Attends as" },
  "attend.add": { th: "บันทึก", en: "Record" },
  "attend.addSheet": { th: "บันทึกผู้ที่ติ๊ก", en: "Record those ticked" },
  "attend.allPresent": { th: "มาครบทุกคน", en: "All present" },
  "attend.added": { th: "บันทึก {name} แล้ว", en: "{name} recorded" },
  "attend.addedN": { th: "บันทึกผู้เข้าร่วม {n} คน", en: "{n} people recorded" },
  "attend.duplicatesN": { th: "ลงชื่อแล้วก่อนหน้า {n} คน", en: "{n} had already signed in" },
  "attend.list": { th: "รายชื่อผู้เข้าร่วม", en: "Who attended" },
  "attend.removed": { th: "ลบรายชื่อแล้ว", en: "Removed from the list" },
  "attend.self": { th: "ลงชื่อด้วยตนเอง", en: "Signed in themselves" },
  "attend.noAccount": { th: "ไม่มีบัญชี", en: "no account" },
  "attend.notCounted.noAccount": {
    th: "ไม่นับเป็นองค์ประชุม: ไม่พบบัญชีของผู้นี้ จึงตรวจวาระตัวแทนหมู่บ้านไม่ได้ (บันทึกโดยเลือกชื่อจากรายชื่อตัวแทนของหมู่บ้าน)",
    en: "Not counted toward the quorum: no account found, so no representative term can be checked (record them from the village's list of representatives)",
  },
  "attend.notCounted.noTerm": {
    th: "ไม่นับเป็นองค์ประชุม: ไม่มีวาระตัวแทนหมู่บ้านในวันประชุม",
    en: "Not counted toward the quorum: no village representative term on the meeting day",
  },
  "attend.notCounted.otherVillage": {
    th: "นับเป็นองค์ประชุมของหมู่บ้านตามวาระ ไม่ใช่หมู่บ้านที่บันทึกไว้",
    en: "Counted toward the quorum for the village of their term, not the village recorded",
  },
  "attend.notCounted.notInvited": {
    th: "ไม่นับเป็นองค์ประชุม: หมู่บ้านตามวาระไม่ได้อยู่ในหมู่บ้านที่เชิญประชุม",
    en: "Not counted toward the quorum: the village of their term is not one the meeting counts",
  },
  "attend.alreadyHere": { th: "มาแล้ว", en: "present" },
  "attend.noRepsInVillage": {
    th: "หมู่บ้านนี้ไม่มีตัวแทนในวาระ ณ วันประชุม",
    en: "This village has no representative in office on the meeting day",
  },
  "attend.signinTitle": { th: "ลงชื่อเข้าร่วมประชุม", en: "Sign in to this meeting" },
  "attend.signinCode": { th: "รหัสลงชื่อ", en: "Sign-in code" },
  "attend.signin": { th: "ลงชื่อ", en: "Sign in" },
  "attend.signedIn": { th: "ท่านลงชื่อเข้าร่วมแล้ว", en: "You are signed in" },
  "attend.loginToSign": { th: "เข้าสู่ระบบเพื่อลงชื่อด้วยตนเอง", en: "Log in to sign in yourself" },
} satisfies Record<string, Msg>;
