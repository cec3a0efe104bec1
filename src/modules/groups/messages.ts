import { defineMessages } from "../../core/i18n/index.ts";
import { meetingMessages } from "./meetings/messages.ts";
import { groupMessages } from "./groups/messages.ts";
import { resolutionMessages } from "./resolutions/messages.ts";
import { representativeMessages } from "./representatives/messages.ts";
import { attendanceMessages } from "./attendance/messages.ts";

/** UI strings of the groups-and-meetings module. */
export const msg = defineMessages("groups", {
  ...meetingMessages,
  ...groupMessages,
  ...resolutionMessages,
  ...representativeMessages,
  ...attendanceMessages,
  "nav.hub": { th: "คณะทำงานและการประชุม", en: "Groups and meetings" },
  "nav.meetings": { th: "การประชุมและเวที", en: "Meetings and forums" },
  "nav.groups": { th: "คณะทำงานและทีมประเด็น", en: "Working groups and issue teams" },
  "nav.reps": { th: "ตัวแทนหมู่บ้าน", en: "Village representatives" },
  "nav.process": { th: "กระบวนการ 3 ขั้นตอน", en: "The three steps" },

  "admin.meetings": { th: "จัดการการประชุมและการลงชื่อ", en: "Manage meetings and sign-in" },
  "admin.groups": { th: "จัดการคณะทำงานและทีมประเด็น", en: "Manage groups and teams" },
  "admin.reps": { th: "จัดการวาระตัวแทนหมู่บ้าน", en: "Manage representatives' terms" },

  "process.title": { th: "กระบวนการ 3 ขั้นตอน", en: "The three steps" },
  "process.intro": {
    th: "การขับเคลื่อนตำบลจัดการสุขภาพดำเนินการใน 3 ขั้นตอนหลัก แต่ละขั้นแสดงการประชุม เวที และผลที่ได้",
    en: "The tambon works in three main steps; each step lists its meetings and forums and what came of them.",
  },
  "process.meetings": { th: "การประชุมและเวที", en: "Meetings and forums" },
  "process.outputs": { th: "ผลที่ได้", en: "Outputs" },
  "process.nothing": { th: "ยังไม่มีกิจกรรมในขั้นนี้", en: "Nothing in this step yet" },
  "process.groupFormed": { th: "ตั้ง{name}", en: "Formed {name}" },

  // Errors
  "err.endBeforeStart": { th: "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม", en: "The end cannot be before the start" },
  "err.endTimeBeforeStart": {
    th: "เวลาเลิกต้องไม่ก่อนเวลาเริ่ม",
    en: "The meeting cannot end before it starts",
  },
  "err.time": { th: "เวลาไม่ถูกต้อง (เช่น 09:30)", en: "Not a valid time (e.g. 09:30)" },
  "err.noVillage": { th: "ไม่พบหมู่บ้านนี้ในตำบล", en: "No such village in this tambon" },
  "err.group": { th: "ไม่พบคณะนี้", en: "No such group" },
  "err.area": { th: "ไม่พบประเด็นนี้", en: "No such issue area" },
  "err.overlap": {
    th: "บุคคลนี้มีช่วงเวลาที่ซ้อนกันอยู่แล้ว",
    en: "This person already has an overlapping period",
  },
  "err.quorumMin": {
    th: "การประชุมตัวแทนหมู่บ้านต้องมีผู้แทนอย่างน้อย 1 คนต่อหมู่บ้าน",
    en: "A village assembly needs at least 1 representative per village",
  },
  "err.alreadyEnded": {
    th: "ช่วงเวลานี้สิ้นสุดไปแล้ว",
    en: "This period has already ended",
  },
  "err.alreadyNominated": {
    th: "{name} ได้รับการเสนอชื่อเข้าคณะนี้แล้วและยังรอมติ",
    en: "{name} has already been nominated to this group and awaits a resolution",
  },
  "err.centralExists": {
    th: "ตำบลนี้มีคณะทำงานกลางอยู่แล้ว",
    en: "This tambon already has a central working group",
  },
  "err.noSuchMember": {
    th: "ไม่พบสมาชิกของตำบลชื่อนี้ในหมู่บ้านนี้ (สร้างบัญชีให้ก่อนที่หน้าบุคคลและบทบาท)",
    en: "No tambon member of this name in this village (create their account under People and roles first)",
  },
  "err.locked": {
    th: "บันทึกการประชุมรับรองแล้ว แก้ไขไม่ได้",
    en: "The minutes are confirmed and cannot be changed",
  },
  "err.cancelled": { th: "การประชุมนี้ถูกยกเลิก", en: "This meeting was cancelled" },
  "err.duplicate": { th: "{name} ลงชื่อแล้ว", en: "{name} has already signed in" },
  "err.code": { th: "รหัสไม่ถูกต้อง", en: "Wrong code" },
  "err.codeLocked": {
    th: "ใส่รหัสผิดครบ {max} ครั้งแล้ว จึงลงชื่อด้วยรหัสสำหรับการประชุมนี้ไม่ได้อีก กรุณาแจ้งผู้จัดการประชุมให้บันทึกการเข้าร่วมให้",
    en: "The code was wrong {max} times, so you can no longer sign in to this meeting with a code. Please ask the organisers to record your attendance.",
  },
  "err.notToday": {
    th: "ลงชื่อด้วยตนเองได้เฉพาะวันประชุม",
    en: "You can sign yourself in only on the day of the meeting",
  },
  "err.counts": {
    th: "กรุณากรอกจำนวนผู้เห็นด้วย ไม่เห็นด้วย และงดออกเสียง",
    en: "Please give the numbers for, against and abstaining",
  },
  "err.noVotes": { th: "ยังไม่ได้บันทึกคะแนนของผู้ใดเลย", en: "No one's vote was recorded" },
  "err.noQuorum": {
    th: "ไม่ครบองค์ประชุม จึงอนุมัติการเสนอชื่อไม่ได้",
    en: "There is no quorum, so the nominations cannot be approved",
  },
  "err.nomination": {
    th: "การเสนอชื่อนี้ไม่อยู่ในสถานะรอมติ",
    en: "This nomination is not awaiting a resolution",
  },
  "err.alreadyCorrected": {
    th: "มตินี้มีมติแก้ไขแล้ว กรุณาแก้ไขจากมติล่าสุด",
    en: "This resolution was already corrected; correct the latest one",
  },
  "err.linked": {
    th: "มีการอ้างอิงมตินี้จากส่วนอื่น จึงลบไม่ได้",
    en: "Other records refer to this resolution, so it cannot be removed",
  },
  "err.file": {
    th: "ไฟล์ต้องเป็นภาพ JPEG, PNG, WebP หรือเอกสาร PDF, DOCX, XLSX, PPTX, ODT, ODS",
    en: "The file must be a JPEG, PNG or WebP photo or a PDF, DOCX, XLSX, PPTX, ODT or ODS document",
  },
  "err.nameNeeded": { th: "กรุณากรอกชื่ออย่างน้อยหนึ่งชื่อ", en: "Please give at least one name" },
  "err.pickSomeone": { th: "กรุณาติ๊กอย่างน้อยหนึ่งคน", en: "Please tick at least one person" },
});

/** A key of this module's dictionary. */
export type GroupsKey = keyof typeof msg.messages;
