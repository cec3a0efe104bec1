import type { Msg } from "../../../core/i18n/index.ts";

/** UI strings of the transparency (ITA) pages (part of the site dictionary). */
export const transparencyMessages = {
  "ita.title": { th: "การเปิดเผยข้อมูลสาธารณะ (ITA/OIT)", en: "Transparency (ITA/OIT)" },
  "ita.intro": {
    th: "รายการข้อมูลที่หน่วยงานต้องเปิดเผยตามการประเมินคุณธรรมและความโปร่งใส (ITA) ปีงบประมาณ {year} แต่ละรายการเชื่อมไปยังหน้า ข่าว หรือเอกสารที่ตอบรายการนั้น",
    en: "The items a local government must publish under the Integrity and Transparency Assessment (ITA), fiscal year {year}; each links to the page, news item or document that answers it.",
  },
  "ita.complete": {
    th: "ครบถ้วน {done} จาก {total} รายการ ({pct}%)",
    en: "{done} of {total} items published ({pct}%)",
  },
  "ita.missing": { th: "ยังขาด", en: "Missing" },
  "ita.missingList": { th: "รายการที่ยังขาด", en: "Items still missing" },
  "ita.item": { th: "ข้อ", en: "Item" },
  "ita.topic": { th: "หัวข้อ", en: "Topic" },
  "ita.where": { th: "ข้อมูล", en: "Published at" },
  "ita.year": { th: "ปีงบประมาณ", en: "Fiscal year" },
  "ita.none": { th: "ยังไม่มีรายการของปีนี้", en: "No list for this year yet" },
  "ita.manage": { th: "จัดการรายการ ITA", en: "Manage the ITA list" },
  "ita.link": { th: "เชื่อมกับ", en: "Linked to" },
  "ita.linkNone": { th: "— ยังไม่เชื่อม —", en: "— not linked —" },
  "ita.load": {
    th: "โหลดรายการของปีงบประมาณใหม่ (JSON)",
    en: "Load the list of a new fiscal year (JSON)",
  },
  "ita.loadHint": {
    th: 'ไฟล์ JSON รูปแบบเดียวกับ ita-oit-2566.json: {"fiscalYearBE": 2567, "items": [{"item": "O1", "group": "9.1", "groupTitle": "…", "title": "…"}]}',
    en: 'A JSON file shaped like ita-oit-2566.json: {"fiscalYearBE": 2567, "items": [{"item": "O1", "group": "9.1", "groupTitle": "…", "title": "…"}]}',
  },
  "ita.chooseYear": { th: "เลือกรายการของปีงบประมาณ", en: "Choose a fiscal year's list" },
  "ita.chooseYearHint": {
    th: "รายการที่ระบบมีให้ เลือกปีงบประมาณที่ตำบลถูกประเมิน แล้วดูความครบถ้วนตามรายการของปีนั้น (รายการเดิมและลิงก์ยังอยู่)",
    en: "Lists the platform ships: choose the fiscal year the tambon is assessed on and see its completeness against that year's list (earlier lists and their links stay).",
  },
  "ita.loadYear": { th: "ใช้รายการปีงบประมาณ {year}", en: "Use the fiscal year {year} list" },
  "ita.noShipped": {
    th: "ไม่มีรายการของปีงบประมาณนี้ในระบบ",
    en: "The platform has no list for this fiscal year",
  },
  "ita.loaded": {
    th: "โหลดรายการปีงบประมาณ {year} แล้ว ({n} รายการ)",
    en: "Loaded fiscal year {year} ({n} items)",
  },
  "ita.badFile": {
    th: "ไฟล์ไม่ใช่รายการ ITA ที่ถูกต้อง (ต้องมี fiscalYearBE และ items)",
    en: "This is not a valid ITA list (fiscalYearBE and items are needed)",
  },
} satisfies Record<string, Msg>;
