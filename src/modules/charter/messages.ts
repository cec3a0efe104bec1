import type { CoreKey } from "../../core/i18n/messages.ts";
import type { Result } from "../../core/result.ts";
import { defineMessages } from "../../core/i18n/index.ts";
import { hearingMessages } from "./hearing/messages.ts";
import { draftingMessages } from "./drafting/messages.ts";
import { commentMessages } from "./comments/messages.ts";
import { adoptionMessages } from "./adoption/messages.ts";
import { signingMessages } from "./signing/messages.ts";
import { followUpMessages } from "./follow-up/messages.ts";
import { charterMessages } from "./charters/messages.ts";

/** UI strings of the health-charter module. */
export const msg = defineMessages("charter", {
  ...hearingMessages,
  ...draftingMessages,
  ...commentMessages,
  ...adoptionMessages,
  ...signingMessages,
  ...followUpMessages,
  ...charterMessages,
  "nav.charter": { th: "ธรรมนูญสุขภาพ", en: "Health charter" },
  "nav.manage": { th: "จัดการธรรมนูญสุขภาพ", en: "Manage health charters" },

  "scope.tambon": { th: "ทั้งตำบล", en: "Whole tambon" },
  "scope.village": { th: "หมู่บ้าน", en: "Village" },
  "scope.district": { th: "อำเภอ", en: "District" },
  "scope.issue": { th: "ประเด็นหรือพื้นที่เฉพาะ (เช่น ลุ่มน้ำ)", en: "Issue or area (e.g. a river basin)" },

  "action.print": { th: "พิมพ์", en: "Print" },
  "action.pdf": { th: "ดาวน์โหลด PDF", en: "Download PDF" },
  "action.card": { th: "การ์ดสรุป", en: "Summary card" },
  "action.followUp": { th: "ติดตามผลรายข้อ", en: "Clause follow-up" },
  "action.versions": { th: "ประวัติการแก้ไข", en: "Version history" },
  "action.comparePrevious": { th: "เทียบกับฉบับก่อน", en: "Compare with the previous edition" },
  "action.comments": { th: "ความคิดเห็นและข้อเสนอแนะ", en: "Comments and suggestions" },
  "action.hearing": { th: "ประชาพิจารณ์", en: "Public hearing" },
  "action.editDraft": { th: "แก้ไขร่าง", en: "Edit the draft" },
  "action.manage": { th: "จัดการฉบับนี้", en: "Manage this edition" },

  "actions.label": { th: "การดำเนินการกับฉบับนี้", en: "Actions on this edition" },

  "err.notPhoto": {
    th: "ไฟล์ต้องเป็นภาพถ่าย JPG, PNG หรือ WebP กรุณาเลือกไฟล์อีกครั้ง",
    en: "The file must be a JPG, PNG or WebP photo; please choose it again",
  },
  "err.fileTooBig": {
    th: "ไฟล์ {name} ใหญ่เกิน {max} MB กรุณาย่อภาพหรือเลือกไฟล์ที่เล็กลง แล้วเลือกไฟล์อีกครั้ง",
    en: "{name} is larger than {max} MB; make it smaller or choose another file, then choose it again",
  },

  "op.start": { th: "เริ่มร่าง", en: "Draft started" },
  "op.setTitle": { th: "แก้ชื่อ", en: "Title changed" },
  "op.setPreamble": { th: "แก้เหตุผลในการจัดทำ", en: "Preamble changed" },
  "op.addDefinition": { th: "เพิ่มนิยาม", en: "Definition added" },
  "op.editDefinition": { th: "แก้นิยาม", en: "Definition changed" },
  "op.deleteDefinition": { th: "ลบนิยาม", en: "Definition deleted" },
  "op.moveDefinition": { th: "ย้ายนิยาม", en: "Definition moved" },
  "op.addChapter": { th: "เพิ่มหมวด {n}", en: "Chapter {n} added" },
  "op.renameChapter": { th: "แก้ชื่อหมวด {n}", en: "Chapter {n} renamed" },
  "op.moveChapter": { th: "ย้ายหมวด {n}", en: "Chapter {n} moved" },
  "op.splitChapter": { th: "แยกหมวด {n}", en: "Chapter {n} split" },
  "op.mergeChapter": { th: "รวมหมวด {n} กับหมวดถัดไป", en: "Chapter {n} merged with the next" },
  "op.deleteChapter": { th: "ลบหมวด {n}", en: "Chapter {n} deleted" },
  "op.addClause": { th: "เพิ่มข้อ {n}", en: "Clause {n} added" },
  "op.editClause": { th: "แก้ไขข้อ {n}", en: "Clause {n} changed" },
  "op.moveClause": { th: "ย้ายข้อ {n}", en: "Clause {n} moved" },
  "op.moveClauseTo": { th: "ย้ายข้อไปเป็นข้อ {n}", en: "Clause moved to become clause {n}" },
  "op.splitClause": { th: "แยกข้อ {n} เป็นสองข้อ", en: "Clause {n} split in two" },
  "op.mergeClause": { th: "รวมข้อ {n} กับข้อถัดไป", en: "Clause {n} merged with the next" },
  "op.deleteClause": { th: "ลบข้อ {n}", en: "Clause {n} deleted" },
  "op.restore": { th: "นำร่างที่ {n} กลับมาใช้", en: "Version {n} restored" },
  "op.fromEdition": { th: "เริ่มจาก{n}", en: "Started from {n}" },

  "err.meeting": {
    th: "เลือกการประชุมของตำบลนี้จากรายการ",
    en: "Choose one of this tambon's meetings from the list",
  },
  "err.meetingAlready": {
    th: "การประชุมนี้อยู่ในประชาพิจารณ์แล้ว",
    en: "This meeting is already part of the hearing",
  },

  "meetingKind.briefing": { th: "ประชุมชี้แจง", en: "Briefing" },
  "meetingKind.village_assembly": { th: "ประชาคม", en: "Village assembly" },
  "meetingKind.working_group": { th: "ประชุมคณะทำงาน", en: "Working group meeting" },
  "meetingKind.issue_team": { th: "ประชุมทีมประเด็น", en: "Issue team meeting" },
  "meetingKind.learning_forum": { th: "เวทีแลกเปลี่ยนเรียนรู้", en: "Learning forum" },
  "meetingKind.public_hearing": { th: "เวทีประชาพิจารณ์", en: "Public hearing" },

  "registry.province": { th: "จังหวัด", en: "Province" },
  "registry.district": { th: "อำเภอ", en: "District" },
  "registry.tambon": { th: "ตำบล", en: "Tambon" },
  "registry.charter": { th: "ชื่อธรรมนูญ", en: "Charter name" },
  "registry.scope": { th: "ระดับพื้นที่", en: "Area level" },
  "registry.edition": { th: "ฉบับที่", en: "Edition" },
  "registry.contact": { th: "ผู้ประสานงาน", en: "Contact" },
  "registry.phone": { th: "โทรศัพท์", en: "Phone" },
  "registry.email": { th: "อีเมล", en: "E-mail" },
  "registry.adoptedOn": { th: "วันที่รับรอง", en: "Adoption date" },
  "registry.status": { th: "สถานะ", en: "Status" },
  "registry.actions": { th: "การดำเนินงานหลังประกาศใช้", en: "Post-adoption actions" },
  "registry.url": { th: "ลิงก์", en: "Link" },
  "registry.reviewDue": { th: "กำหนดทบทวน", en: "Review due" },
  "registry.status.adopted": { th: "ประกาศใช้แล้ว", en: "Adopted" },
  "registry.status.revising": { th: "ประกาศใช้แล้ว อยู่ระหว่างทบทวน", en: "Adopted, under revision" },
  "registry.status.drafting": { th: "อยู่ระหว่างยกร่าง", en: "Being drafted" },
  "registry.status.hearing": { th: "อยู่ระหว่างรับฟังความคิดเห็น", en: "In public hearing" },
  "registry.actionsText": {
    th: "ดำเนินการแล้ว {done} ข้อ กำลังดำเนินการ {in_progress} ข้อ ยังไม่เริ่ม {not_started} ข้อ ต้องทบทวน {needs_revision} ข้อ จากทั้งหมด {total} ข้อ; เชื่อมโยงโครงการ {projects} ตัวชี้วัด {indicators} ภาคี {partners}",
    en: "{done} done, {in_progress} in progress, {not_started} not started, {needs_revision} needing revision of {total} clauses; linked: {projects} projects, {indicators} indicators, {partners} partners",
  },

  "err.openDraftExists": {
    th: "มีร่างฉบับใหม่ที่กำลังจัดทำอยู่แล้ว",
    en: "A new edition is already being drafted",
  },
  "err.noEditionInForce": {
    th: "ยังไม่มีฉบับที่รับรองแล้วให้เริ่มต้น",
    en: "There is no adopted edition to start from",
  },
  "err.numberTaken": { th: "มีฉบับที่ใช้เลขนี้แล้ว", en: "Another edition has this number" },
  "err.frozen": { th: "ฉบับที่รับรองแล้วแก้ไขไม่ได้", en: "An adopted edition cannot be changed" },
  "err.underVote": {
    th: "ร่างนี้อยู่ระหว่างการลงคะแนน จึงแก้ไขไม่ได้",
    en: "This draft is being voted on and cannot change",
  },
  "err.conflict": {
    th: "มีผู้อื่นแก้ไขส่วนนี้ไปแล้วในร่างที่ {version} โปรดตรวจสอบข้อความล่าสุดแล้วบันทึกอีกครั้ง ข้อความที่ท่านพิมพ์ยังอยู่ในช่องนี้",
    en: "Someone else changed this in version {version}; check the latest text and save again. What you typed is kept in the field",
  },
  "err.doc.notFound": {
    th: "ไม่พบส่วนนี้ในร่างล่าสุดแล้ว",
    en: "This part is no longer in the latest draft",
  },
  "err.doc.empty": { th: "กรุณากรอกข้อความ", en: "Please enter the text" },
  "err.doc.tooLong": { th: "ข้อความยาวเกินไป", en: "The text is too long" },
  "err.doc.tooMany": { th: "มีจำนวนมากเกินกว่าที่รองรับ", en: "There are too many" },
  "err.doc.notEmpty": {
    th: "ลบได้เฉพาะหมวดที่ไม่มีข้อ ย้ายหรือรวมข้อออกก่อน",
    en: "Only an empty chapter can be deleted; move or merge its clauses first",
  },
  "err.doc.noNeighbour": {
    th: "ไม่มีส่วนถัดไปหรือก่อนหน้าให้ย้ายหรือรวม",
    en: "There is nothing before or after to move past or merge with",
  },
  "err.doc.sameText": { th: "ข้อความเหมือนเดิม ไม่มีอะไรเปลี่ยน", en: "The text is unchanged" },
  "err.noSuchClause": { th: "ไม่พบข้อนี้ในร่างล่าสุด", en: "This clause is not in the latest draft" },
  "err.suggestionNeedsClause": {
    th: "ข้อเสนอข้อความใหม่ต้องระบุข้อหรือเหตุผลในการจัดทำ",
    en: "A suggestion must be about a clause or the preamble",
  },
  "err.sameAsCurrent": {
    th: "ข้อความที่เสนอเหมือนข้อความปัจจุบัน",
    en: "The proposed text is the same as the current text",
  },
  "err.notOpenForComments": {
    th: "ฉบับนี้ไม่ได้เปิดรับความคิดเห็นแล้ว",
    en: "This edition is no longer open for comments",
  },
  "err.notInHearing": {
    th: "ฉบับนี้ไม่ได้อยู่ในช่วงประชาพิจารณ์",
    en: "This edition is not in public hearing",
  },
  "err.ownSuggestion": {
    th: "ให้ความเห็นต่อข้อเสนอของตนเองไม่ได้",
    en: "You cannot rate your own suggestion",
  },
  "err.alreadyDecided": {
    th: "ข้อเสนอนี้ได้รับการพิจารณาแล้ว",
    en: "This suggestion was already decided",
  },
  "err.clauseGone": {
    th: "ข้อที่ข้อเสนอนี้อ้างถึงไม่อยู่ในร่างล่าสุดแล้ว",
    en: "The clause of this suggestion is no longer in the latest draft",
  },
  "err.reasonRequired": {
    th: "กรุณาให้เหตุผลที่ไม่รับข้อเสนอ",
    en: "Please give the reason for declining",
  },
  "err.endBeforeStart": { th: "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม", en: "The end cannot be before the start" },
  "err.hearingEnded": {
    th: "วันสิ้นสุดผ่านไปแล้ว ประชาพิจารณ์ที่เปิดจะปิดทันที โปรดเลือกวันสิ้นสุดตั้งแต่วันนี้ไป",
    en: "That end day has passed: the hearing would close at once. Choose an end day from today on",
  },
  "err.alreadyPutToVote": {
    th: "ร่างนี้เปิดลงคะแนนไปแล้ว",
    en: "This draft was already put to the vote",
  },
  "err.noPolicy": {
    th: "ไม่มีกติกาการลงคะแนนที่ใช้ได้ในระบบตัดสินใจ",
    en: "No usable decision policy in Decisions",
  },
  "err.voteStillOpen": {
    th: "การลงคะแนนยังไม่จบ ยกเลิกเรื่องในระบบตัดสินใจก่อน",
    en: "The vote is still running; cancel the question in Decisions first",
  },
  "err.signOnlyAdopted": {
    th: "บันทึกผู้ลงนามได้เมื่อฉบับได้รับรองแล้ว",
    en: "Signatories are recorded once the edition is adopted",
  },
  "err.followUpOnlyAdopted": {
    th: "ติดตามผลได้เมื่อฉบับได้รับรองแล้ว",
    en: "Follow-up starts once the edition is adopted",
  },
  "err.url": { th: "ลิงก์ต้องขึ้นต้นด้วย https:// หรือ /", en: "A link starts with https:// or /" },
});

/** The keys of this module's messages. */
export type CharterKey = keyof typeof msg.messages;

/** The outcome of a command of this module: its own messages or core's on the fields. */
export type CharterResult<T> = Result<T, CharterKey | CoreKey>;
