import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of links between tambons (part of the network dictionary). */
export const linkMessages = {
  "links.intro": {
    th: "บันทึกความเชื่อมโยงของตำบลเรากับตำบลอื่น แต่ละตำบลบันทึกได้เฉพาะฝ่ายของตนเอง เมื่ออีกฝ่ายบันทึกตรงกัน ความเชื่อมโยงจะแสดงว่ายืนยันแล้ว",
    en: "Record how your tambon is linked to others. Each tambon records only its own side; when the other side records the same link it shows as confirmed.",
  },
  "links.own": { th: "ที่ตำบลเราบันทึก", en: "Recorded by us" },
  "links.aboutUs": { th: "ที่ตำบลอื่นบันทึกถึงตำบลเรา", en: "Recorded by other tambons about us" },
  "links.noneAboutUs": { th: "ยังไม่มี", en: "None yet" },
  "links.confirm": { th: "ยืนยันฝั่งเรา", en: "Confirm on our side" },
  "links.add": { th: "เพิ่มความเชื่อมโยง", en: "Add a link" },
  "links.platformTambon": { th: "ตำบลบนแพลตฟอร์ม", en: "A tambon on the platform" },
  "links.dopaHint": {
    th: "สำหรับตำบลที่ยังไม่มีเว็บไซต์บนแพลตฟอร์ม เช่น ตำบลลูกข่าย",
    en: "For a tambon not on the platform, e.g. a member tambon.",
  },
  "links.note": { th: "หมายเหตุ", en: "Note" },
  "links.save": { th: "บันทึก", en: "Save" },
  "links.remove": { th: "ลบ", en: "Remove" },
  "links.removeNamed": { th: "ลบความเชื่อมโยงกับตำบล{name}", en: "Remove the link to {name}" },
} satisfies Record<string, Msg>;
