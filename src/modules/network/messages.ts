import { defineMessages } from "../../core/i18n/index.ts";
import { overviewMessages } from "./overview/messages.ts";
import { partnerMessages } from "./partners/messages.ts";
import { listMessages } from "./lists/messages.ts";
import { agreementMessages } from "./agreements/messages.ts";
import { linkMessages } from "./links/messages.ts";
import { centreMessages } from "./centres/messages.ts";
import { visitMessages } from "./visits/messages.ts";
import { peopleMessages } from "./people/messages.ts";

/** UI strings of the network module (partners, pillars, agreements, tambons, centres, visits). */
export const msg = defineMessages("network", {
  ...overviewMessages,
  ...partnerMessages,
  ...listMessages,
  ...agreementMessages,
  ...linkMessages,
  ...centreMessages,
  ...visitMessages,
  ...peopleMessages,
  // menus
  "nav.network": { th: "ภาคีเครือข่าย", en: "Partners and network" },
  "step.partnersJoined": { th: "ภาคีที่เข้าร่วม", en: "Partners who joined" },
  "step.joinedOn": { th: "เข้าร่วมเมื่อ {date}", en: "joined on {date}" },
  "step.mousSigned": { th: "บันทึกข้อตกลงความร่วมมือ (MOU) ที่ลงนาม", en: "MOUs signed" },
  "step.signedOn": { th: "ลงนามเมื่อ {date}", en: "signed on {date}" },
  "step.notSignedYet": { th: "ยังไม่ระบุวันลงนาม", en: "signing date not given" },
  "nav.admin": { th: "ภาคีเครือข่าย", en: "Partners and network" },
  "nav.section": { th: "หน้าของภาคีเครือข่าย", en: "Network pages" },
  "nav.overview": { th: "ภาพรวม", en: "Overview" },
  "nav.partners": { th: "ภาคี", en: "Partners" },
  "nav.pillars": { th: "เสาหลัก", en: "Pillars" },
  "nav.agreements": { th: "ข้อตกลง (MOU)", en: "Agreements (MOU)" },
  "nav.centres": { th: "ศูนย์เรียนรู้", en: "Learning centres" },
  "nav.facilitators": { th: "ผู้ก่อการดี", en: "Facilitators" },
  "area.partners": { th: "ภาคีที่ทำงานในประเด็นนี้", en: "Partners working on this issue" },
  "area.centres": { th: "ศูนย์เรียนรู้ในประเด็นนี้", en: "Learning centres on this issue" },

  // lists, filters, exports
  "list.pages": { th: "เลือกหน้า", en: "Pages" },
  "list.prev": { th: "← หน้าก่อน", en: "← Previous" },
  "list.next": { th: "หน้าถัดไป →", en: "Next →" },
  "list.pageOf": {
    th: "หน้า {page} จาก {pages} (ทั้งหมด {total} รายการ)",
    en: "Page {page} of {pages} ({total} in all)",
  },
  "list.filters": { th: "ตัวกรอง", en: "Filters" },
  "list.any": { th: "ทั้งหมด", en: "All" },
  "list.choose": { th: "— เลือก —", en: "— choose —" },
  "list.view": { th: "ดูหน้าสาธารณะ", en: "public page" },
  "export.print": { th: "ฉบับพิมพ์", en: "Printable version" },
  "export.csv": { th: "ดาวน์โหลด CSV", en: "Download CSV" },
  "export.xlsx": { th: "ดาวน์โหลด Excel (XLSX)", en: "Download Excel (XLSX)" },
  "export.json": { th: "ข้อมูล JSON", en: "JSON data" },

  // administration
  "admin.title": { th: "จัดการภาคีเครือข่าย {tambon}", en: "Network administration: {tambon}" },
  "admin.back": { th: "กลับหน้าจัดการภาคีเครือข่าย", en: "Back to network administration" },
  "admin.publicPages": { th: "ดูหน้าสาธารณะของภาคีเครือข่าย", en: "See the network's public pages" },
  "admin.waiting": { th: "รอดำเนินการ {n} รายการ", en: "{n} waiting" },
  "admin.partners": { th: "ภาคี", en: "Partners" },
  "admin.partnersHint": { th: "ลงทะเบียนและแก้ไขภาคี", en: "Register and edit partners" },
  "admin.lists": { th: "เสาหลัก ภาคส่วน และประเภทภาคี", en: "Pillars, partner roles and kinds" },
  "admin.listsHint": { th: "รายการที่ตำบลกำหนดเอง", en: "The tambon's own lists" },
  "admin.agreements": { th: "ข้อตกลง (MOU)", en: "Agreements (MOU)" },
  "admin.agreementsHint": {
    th: "ข้อตกลงความร่วมมือและข้อตกลงร่วมของเสาหลัก",
    en: "MOUs and the pillars' common ground",
  },
  "admin.links": { th: "เครือข่ายตำบล", en: "Network of tambons" },
  "admin.linksHint": {
    th: "ตำบลแม่ข่าย ลูกข่าย และพันธมิตร",
    en: "Mentor, member and peer tambons",
  },
  "admin.centres": { th: "ศูนย์เรียนรู้", en: "Learning centres" },
  "admin.centresHint": { th: "ศูนย์และแหล่งเรียนรู้ ภาพ", en: "Centres, sites and photos" },
  "admin.visits": { th: "คำขอมาดูงานที่ตำบลเรา", en: "Study visits to us" },
  "admin.visitsHint": {
    th: "ตอบรับ เสนอวันอื่น หรือปฏิเสธ และบันทึกผล",
    en: "Accept, propose a date or decline, and record visits",
  },
  "admin.outgoing": { th: "คำขอไปดูงานที่ตำบลอื่น", en: "Our study-visit requests" },
  "admin.outgoingHint": {
    th: "ยื่นและติดตามคำขอของตำบลเรา",
    en: "File and follow our requests",
  },
  "admin.people": { th: "บุคคลและบทบาทในชุมชน", en: "People and community roles" },
  "admin.peopleHint": {
    th: "บทบาทในชุมชน การเป็นสมาชิกภาคี ความยินยอม",
    en: "Community roles, memberships, consent",
  },

  // flash messages
  "flash.saved": { th: "บันทึกแล้ว", en: "Saved" },
  "flash.removed": { th: "ลบแล้ว", en: "Removed" },
  "flash.partnerSaved": { th: "บันทึกภาคี {name} แล้ว", en: "Partner {name} saved" },
  "flash.activated": { th: "ภาคีกลับมาร่วมงานแล้ว", en: "The partner is active again" },
  "flash.deactivated": {
    th: "ภาคีถูกทำเครื่องหมายว่าไม่ได้ร่วมงานแล้ว",
    en: "The partner is marked inactive",
  },
  "flash.partyAdded": { th: "เพิ่มคู่สัญญาแล้ว", en: "Party added" },
  "flash.partyRemoved": { th: "ลบคู่สัญญาแล้ว", en: "Party removed" },
  "flash.photoAdded": { th: "เพิ่มภาพแล้ว", en: "Photo added" },
  "flash.requestSent": {
    th: "ส่งคำขอศึกษาดูงานแล้ว ติดตามคำตอบได้ที่หน้านี้",
    en: "Request sent; follow the answer on this page",
  },
  "flash.replied": { th: "ส่งคำตอบแล้ว", en: "Answer sent" },
  "flash.answer.accept": { th: "ตอบรับการดูงานแล้ว", en: "Visit accepted" },
  "flash.answer.propose": { th: "เสนอวันใหม่แล้ว", en: "New date proposed" },
  "flash.answer.decline": { th: "แจ้งว่าไม่สะดวกรับแล้ว", en: "Request declined" },
  "flash.visitRecorded": { th: "บันทึกผลการดูงานแล้ว", en: "Visit recorded" },

  // errors
  "err.duplicateName": { th: "มีรายการชื่อนี้แล้ว", en: "An entry with this name exists" },
  "err.url": {
    th: "ที่อยู่เว็บไซต์ต้องขึ้นต้นด้วย http:// หรือ https://",
    en: "A web address starts with http:// or https://",
  },
  "err.notMember": {
    th: "ไม่พบสมาชิกของตำบลที่ใช้ชื่อผู้ใช้ เบอร์โทร หรืออีเมลนี้",
    en: "No member of the tambon has this username, phone or e-mail",
  },
  "err.picture": {
    th: "ไฟล์ต้องเป็นภาพ PNG JPG WebP หรือ SVG ขนาดไม่เกิน {mb} MB กรุณาเลือกไฟล์อีกครั้ง",
    en: "The file must be a PNG, JPG, WebP or SVG image of at most {mb} MB; please choose it again",
  },
  "err.pdf": {
    th: "ไฟล์ต้องเป็นเอกสาร PDF กรุณาเลือกไฟล์อีกครั้ง",
    en: "The file must be a PDF document; please choose it again",
  },
  "err.pdfTooLarge": {
    th: "ไฟล์ใหญ่เกิน 10 MB กรุณาย่อขนาดแล้วเลือกไฟล์อีกครั้ง",
    en: "The file is larger than 10 MB; please make it smaller and choose it again",
  },
  "err.endsBeforeStart": {
    th: "วันสิ้นสุดต้องไม่ก่อนวันเริ่มมีผล",
    en: "The end date cannot be before the start",
  },
  "err.signedOnNeeded": {
    th: "กรุณาระบุวันที่ลงนาม (หรือเลือกสถานะร่าง)",
    en: "Give the signing date (or keep it a draft)",
  },
  "err.partiesNeeded": {
    th: "ข้อตกลงที่ลงนามแล้วต้องมีคู่สัญญาอย่างน้อยสองฝ่าย",
    en: "A signed agreement needs at least two parties",
  },
  "err.dopaCode": {
    th: "ไม่พบรหัสตำบลนี้ในทะเบียนของกรมการปกครอง",
    en: "This tambon code is not in the national list",
  },
  "err.partyTwice": { th: "คู่สัญญานี้อยู่ในข้อตกลงแล้ว", en: "This party is already in the agreement" },
  "err.linkSelf": { th: "เลือกตำบลอื่นที่ไม่ใช่ตำบลเรา", en: "Choose a tambon other than ours" },
  "err.linkExists": {
    th: "บันทึกความเชื่อมโยงกับตำบลนี้ไว้แล้ว ลบของเดิมก่อนหากต้องการเปลี่ยน",
    en: "A link to this tambon exists; remove it first to change it",
  },
  "err.noVisits": {
    th: "ศูนย์เรียนรู้นี้ไม่ได้เปิดรับการศึกษาดูงานในขณะนี้",
    en: "This learning centre takes no study visits at present",
  },
  "err.ownCentre": {
    th: "ศูนย์เรียนรู้นี้เป็นของตำบลเราเอง",
    en: "This learning centre is our own",
  },
  "err.pastDate": { th: "วันที่ต้องไม่เป็นวันที่ผ่านมาแล้ว", en: "The date cannot be in the past" },
  "err.futureDate": { th: "วันที่ต้องไม่เป็นวันในอนาคต", en: "The date cannot be in the future" },
  "err.overCapacity": {
    th: "ศูนย์นี้รับได้ไม่เกิน {n} คนต่อครั้ง",
    en: "This centre takes at most {n} people at a time",
  },
  "err.notNow": {
    th: "ทำรายการนี้ไม่ได้ในสถานะปัจจุบัน",
    en: "This cannot be done at the request's present stage",
  },
  "err.affiliationExists": {
    th: "บุคคลนี้เป็นสมาชิกของภาคีนี้แล้ว",
    en: "This person is already a member of this partner",
  },
});

/** A key of the network module's dictionary. */
export type NetKey = keyof typeof msg.messages;
