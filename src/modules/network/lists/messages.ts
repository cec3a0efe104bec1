import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of pillars and lists (part of the network dictionary). */
export const listMessages = {
  "pillars.title": { th: "เสาหลักและพื้นที่กลาง {tambon}", en: "Pillars and common ground of {tambon}" },
  "pillars.intro": {
    th: "ภาคส่วน {n} เสาหลักของตำบลมีข้อตกลงร่วมในการสร้าง “พื้นที่กลาง” เพื่อทำงานด้วยกัน โดยใช้คุณภาพชีวิตของคนในตำบลเป็นตัวตั้ง",
    en: "The tambon's {n} pillars agree on a common ground where they work together, with the quality of life of its people as the aim.",
  },
  "pillars.numbered": { th: "เสาที่ {n}", en: "Pillar {n}:" },
  "pillars.partnerCount": { th: "{n} ภาคี", en: "{n} partners" },
  "pillars.allPartners": { th: "ดูภาคีทั้ง {n} ภาคี", en: "All {n} partners" },
  "pillars.unplaced": { th: "ยังไม่ได้จัดเข้าเสาหลัก", en: "Not placed in a pillar" },
  "pillars.unplacedCount": {
    th: "อีก {n} ภาคียังไม่ได้จัดเข้าเสาหลัก",
    en: "{n} more partners are not placed in a pillar yet",
  },
  "pillars.commonGround": { th: "ข้อตกลงร่วม (พื้นที่กลาง)", en: "The common-ground agreement" },
  "pillars.commonGroundIntro": {
    th: "ข้อตกลงที่ผู้แทนของเสาหลักลงนามร่วมกัน",
    en: "The agreement the pillars' representatives signed together.",
  },
  "pillars.noAgreement": {
    th: "ยังไม่ได้บันทึกข้อตกลงร่วมของเสาหลัก",
    en: "The pillars' agreement has not been recorded yet",
  },
  "lists.pillars": { th: "เสาหลัก", en: "Pillars" },
  "lists.pillarsHint": {
    th: "ภาคส่วนหลักที่ร่วมสร้างพื้นที่กลางของตำบล (ค่าเริ่มต้นเป็นข้อสมมติ แก้ไขให้ตรงกับตำบลได้)",
    en: "The main sectors that share the common ground (the defaults are an assumption; make them your tambon's).",
  },
  "lists.roles": { th: "ภาคส่วนของภาคี", en: "Partner roles" },
  "lists.rolesHint": {
    th: "บทบาทภาคีการพัฒนาทั้งแปดภาคส่วน",
    en: "The eight roles of development partners.",
  },
  "lists.kinds": { th: "ประเภทภาคี", en: "Kinds of partner" },
  "lists.kindsHint": {
    th: "กลุ่ม องค์กร ชมรม สมาคม มูลนิธิ หน่วยงาน โรงเรียน วัด มัสยิด รพ.สต. ธุรกิจ สื่อ …",
    en: "Groups, organisations, clubs, associations, foundations, agencies, schools, temples, mosques, health units, businesses, media …",
  },
  "lists.position": { th: "ลำดับ", en: "Order" },
  "lists.nameTh": { th: "ชื่อ (ไทย)", en: "Name (Thai)" },
  "lists.nameEn": { th: "ชื่อ (อังกฤษ)", en: "Name (English)" },
  "lists.descriptionTh": { th: "คำอธิบาย (ไทย)", en: "Description (Thai)" },
  "lists.descriptionEn": { th: "คำอธิบาย (อังกฤษ)", en: "Description (English)" },
  "lists.actions": { th: "จัดการ", en: "Actions" },
  "lists.edit": { th: "แก้ไข", en: "Edit" },
  "lists.editTitle": { th: "แก้ไข {name}", en: "Edit {name}" },
  "lists.archive": { th: "เลิกใช้", en: "Archive" },
  "lists.restore": { th: "นำกลับมาใช้", en: "Restore" },
  "lists.archived": { th: "เลิกใช้แล้ว", en: "Archived" },
  "lists.add": { th: "เพิ่ม", en: "Add" },
  "lists.addPillar": { th: "เพิ่มเสาหลัก", en: "Add a pillar" },
  "lists.addRole": { th: "เพิ่มภาคส่วน", en: "Add a partner role" },
  "lists.addKind": { th: "เพิ่มประเภทภาคี", en: "Add a kind of partner" },
} satisfies Record<string, Msg>;
