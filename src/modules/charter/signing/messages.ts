import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of the signing and its photos (part of the charter dictionary). */
export const signingMessages = {
  "sign.title": { th: "ผู้ลงนาม", en: "Signatories" },
  "sign.pillar": { th: "เสาหลัก / ภาคส่วน", en: "Pillar / sector" },
  "sign.villages": { th: "ผู้แทนหมู่บ้าน", en: "Village representatives" },
  "sign.name": { th: "ชื่อ-นามสกุล", en: "Name" },
  "sign.position": { th: "ตำแหน่ง", en: "Position" },
  "sign.village": { th: "หมู่บ้าน", en: "Village" },
  "sign.kind": { th: "ลงนามในนาม", en: "Signs for" },
  "sign.kind.pillar": { th: "เสาหลัก / ภาคส่วน", en: "A pillar or sector" },
  "sign.kind.village": { th: "หมู่บ้าน", en: "A village" },
  "sign.signedOn": { th: "วันที่ลงนาม", en: "Signed on" },
  "sign.scan": { th: "ภาพถ่ายหรือสแกนหน้าที่ลงนาม", en: "Photo or scan of the signed page" },
  "sign.scanOf": { th: "หน้าที่ลงนามของ {name}", en: "Signed page of {name}" },
  "sign.order": { th: "ลำดับ", en: "Order" },
  "sign.add": { th: "บันทึกผู้ลงนาม", en: "Record a signatory" },
  "sign.added": { th: "บันทึกผู้ลงนามแล้ว", en: "Signatory recorded" },
  "sign.deleted": { th: "ลบผู้ลงนามแล้ว", en: "Signatory removed" },
  "sign.none": { th: "ยังไม่ได้บันทึกผู้ลงนาม", en: "No signatories recorded yet" },
  "sign.page": { th: "หน้าลงนาม", en: "Signature page" },
  "sign.declare": {
    th: "ผู้แทนเสาหลักและผู้แทนหมู่บ้านข้างท้ายนี้ร่วมลงนามประกาศใช้{title}",
    en: "The representatives of the pillars and villages below signed to announce the {title}",
  },
  "sign.missingPillars": {
    th: "ยังไม่มีผู้ลงนามจากเสาหลัก: {names}",
    en: "No signatory yet for these pillars: {names}",
  },

  "photo.title": { th: "ภาพพิธีลงนาม", en: "Signing ceremony photos" },
  "photo.add": { th: "เพิ่มภาพพิธีลงนาม", en: "Add a ceremony photo" },
  "photo.file": { th: "ไฟล์ภาพ", en: "Photo file" },
  "photo.caption": { th: "คำบรรยายภาพ", en: "Caption" },
  "photo.added": { th: "เพิ่มภาพแล้ว", en: "Photo added" },
  "photo.deleted": { th: "ลบภาพแล้ว", en: "Photo removed" },
  "photo.size": { th: "{w}×{h} พิกเซล · {bytes} ไบต์", en: "{w}×{h} pixels · {bytes} bytes" },
  "photo.open": { th: "เปิดภาพขนาดเต็ม: {caption}", en: "Open the full photo: {caption}" },
  "photo.untitled": { th: "ภาพพิธีลงนาม", en: "Signing ceremony" },
} satisfies Record<string, Msg>;
