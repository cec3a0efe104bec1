import type { Msg } from "../../../core/i18n/index.ts";

/** Strings of the projects import. */
export const projectImportMessages = {
  "pimport.title": { th: "นำเข้าโครงการจากไฟล์", en: "Import projects from a file" },
  "pimport.link": { th: "นำเข้าโครงการ (CSV/Excel)", en: "Import projects (CSV/Excel)" },
  "pimport.intro": {
    th: "ไฟล์ CSV หรือ Excel หนึ่งแถวต่อหนึ่งโครงการของแผน “{plan}”: ชื่อโครงการ รหัสยุทธศาสตร์ ประเด็น แบบฟอร์ม วัตถุประสงค์ เป้าหมาย ตัวชี้วัด ผลที่คาดว่าจะได้รับ หน่วยงานรับผิดชอบ หมู่ที่ (คั่นด้วยจุลภาค หรือ “ทั้งตำบล”) และงบประมาณหนึ่งคอลัมน์ต่อปี (หัวคอลัมน์ = ปี พ.ศ.) นำเข้าซ้ำได้ โครงการชื่อเดิมจะถูกปรับปรุง ไม่ซ้ำ",
    en: "A CSV or Excel file, one row per project of the plan “{plan}”: title, strategy code, issue area, form, objectives, outputs, KPI, expected results, responsible unit, village numbers (separated by commas, or “ทั้งตำบล”) and one budget column per year (header = the B.E. year). Importing again updates projects of the same title and never duplicates them.",
  },
  "pimport.template": { th: "ดาวน์โหลดไฟล์ตัวอย่าง (XLSX)", en: "Download a template (XLSX)" },
  "pimport.field.title": { th: "ชื่อโครงการ", en: "Project title" },
  "pimport.field.strategy": { th: "รหัสยุทธศาสตร์", en: "Strategy code" },
  "pimport.field.area": { th: "ประเด็น", en: "Issue area" },
  "pimport.field.form": { th: "แบบฟอร์ม", en: "Form" },
  "pimport.field.objectives": { th: "วัตถุประสงค์", en: "Objectives" },
  "pimport.field.outputs": { th: "เป้าหมาย (ผลผลิต)", en: "Outputs" },
  "pimport.field.kpi": { th: "ตัวชี้วัด (KPI)", en: "KPI" },
  "pimport.field.expected": { th: "ผลที่คาดว่าจะได้รับ", en: "Expected results" },
  "pimport.field.unit": { th: "หน่วยงานรับผิดชอบ", en: "Responsible unit" },
  "pimport.field.villages": { th: "หมู่ที่", en: "Villages" },
  "pimport.field.status": { th: "สถานะ", en: "Status" },
  "pimport.unknownStrategy": {
    th: "ไม่พบยุทธศาสตร์รหัส “{code}” ในแผนนี้",
    en: "No strategy with code “{code}” in this plan",
  },
  "pimport.unknownArea": {
    th: "ไม่พบประเด็น “{name}” ในตำบลนี้",
    en: "No issue area “{name}” in this tambon",
  },
  "pimport.unknownVillage": { th: "ไม่พบหมู่ที่ {moo} ในตำบลนี้", en: "No village {moo} in this tambon" },
  "pimport.formInvalid": {
    th: "แบบฟอร์มต้องเป็น ผ.02 ผ.02/1 ผ.02/2 หรือ ผ.03",
    en: "The form must be ผ.02, ผ.02/1, ผ.02/2 or ผ.03",
  },
  "pimport.statusInvalid": { th: "ไม่รู้จักสถานะ “{value}”", en: "Unknown status “{value}”" },
  "pimport.amountInvalid": {
    th: "งบประมาณต้องเป็นตัวเลข เช่น 150000 หรือ 150,000.50",
    en: "A budget must be a number, e.g. 150000 or 150,000.50",
  },
  "pimport.tooLong": { th: "ยาวเกิน {max} ตัวอักษร", en: "Longer than {max} characters" },
  "pimport.imported": {
    th: "นำเข้าโครงการแล้ว: ใหม่ {create} แก้ไข {update} เหมือนเดิม {unchanged}",
    en: "Projects imported: {create} new, {update} changed, {unchanged} unchanged",
  },
} satisfies Record<string, Msg>;
