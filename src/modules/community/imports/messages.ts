/** UI strings of imports (merged into the module's dictionary in ../messages.ts). */
export const importsMessages = {
  "imp.title": { th: "นำเข้าข้อมูลชุมชน", en: "Import community data" },
  "imp.intro": {
    th: "นำเข้าจากไฟล์ CSV หรือ XLSX: เลือกไฟล์ จับคู่คอลัมน์ ตรวจสอบ แล้วจึงนำเข้า หากมีแถวใดผิด จะไม่มีการบันทึกเลย นำเข้าไฟล์เดิมซ้ำจะไม่เกิดข้อมูลซ้ำ",
    en: "Import from CSV or XLSX: choose the file, match its columns, check, then import. With any bad row nothing is stored; importing the same file again duplicates nothing.",
  },
  "imp.kind.people": { th: "ครัวเรือนและบุคคล", en: "Households and people" },
  "imp.kind.submissions": {
    th: "แบบที่กรอกแล้วจาก ODK / Kobo",
    en: "Submissions exported from ODK / Kobo",
  },
  "imp.kind.figures": { th: "ตัวเลขสรุป (เช่น จปฐ.)", en: "Summary figures (e.g. BMN)" },
  "imp.kindIntro.people": {
    th: "หนึ่งแถวต่อหนึ่งคน พร้อมหมู่ที่และบ้านเลขที่ ครัวเรือนระบุด้วยหมู่ที่กับบ้านเลขที่ บุคคลระบุด้วยเลขประจำตัวประชาชน หรือครัวเรือนกับชื่อ",
    en: "One row a person with the village (moo) and house number. A household is its village and house number; a person their Thai ID, or household and name.",
  },
  "imp.kindIntro.submissions": {
    th: "ไฟล์ที่ส่งออกจาก ODK หรือ KoboToolbox หนึ่งคอลัมน์ต่อหนึ่งคำถาม (ชื่อคำถาม หรือ กลุ่ม/ชื่อ) _uuid หรือ meta/instanceID ใช้กันการนำเข้าซ้ำ",
    en: "A file exported from ODK or KoboToolbox, one column a question (its name or group/name); _uuid or meta/instanceID keeps a re-import from duplicating.",
  },
  "imp.kindIntro.figures": {
    th: "หนึ่งแถวต่อหนึ่งตัวเลข: หมู่ที่ (ว่างหรือ 0 = ทั้งตำบล) ปี พ.ศ. รหัส รายการ จำนวน และจากทั้งหมด",
    en: "One row a figure: village moo (empty or 0 for the whole tambon), year (B.E.), code, label, count and out of.",
  },
  "imp.back": { th: "← นำเข้าข้อมูลชุมชน", en: "← Import community data" },
  "imp.form": { th: "แบบสำรวจ", en: "Form" },
  "imp.round": { th: "รอบการสำรวจ", en: "Round" },
  "imp.noForms": {
    th: "ยังไม่มีแบบสำรวจที่เผยแพร่แล้ว",
    en: "No published form yet.",
  },
  "imp.imported": {
    th: "นำเข้าแล้ว: เพิ่ม {create} แก้ไข {update} เหมือนเดิม {unchanged}",
    en: "Imported: {create} added, {update} changed, {unchanged} unchanged",
  },
  "imp.field.village": { th: "หมู่ที่", en: "Village (moo)" },
  "imp.field.houseNo": { th: "บ้านเลขที่", en: "House number" },
  "imp.field.name": { th: "ชื่อ-สกุล", en: "Name" },
  "imp.field.thaiId": { th: "เลขประจำตัวประชาชน", en: "Thai ID" },
  "imp.field.birthDate": { th: "วันเกิด", en: "Birth date" },
  "imp.field.sex": { th: "เพศ", en: "Sex" },
  "imp.field.relation": { th: "ความสัมพันธ์กับหัวหน้าครัวเรือน", en: "Relation to the head" },
  "imp.field.year": { th: "ปี พ.ศ.", en: "Year (B.E.)" },
  "imp.field.code": { th: "รหัสตัวชี้วัด", en: "Code" },
  "imp.field.label": { th: "รายการ", en: "Label" },
  "imp.field.numerator": { th: "จำนวน", en: "Count" },
  "imp.field.denominator": { th: "จากทั้งหมด", en: "Out of" },
  "imp.field.clientId": { th: "รหัสแบบ (_uuid)", en: "Submission id (_uuid)" },
  "imp.field.houseKey": { th: "ครัวเรือน (หมู่/บ้านเลขที่)", en: "Household (moo/house no.)" },
  "imp.field.submittedAt": { th: "เวลาที่ส่ง", en: "Submitted at" },
  "imp.unknownVillage": { th: "ไม่มีหมู่ที่ “{moo}” ในตำบลนี้", en: "No village “{moo}” in this tambon" },
  "imp.thaiIdInvalid": {
    th: "เลขประจำตัวประชาชนไม่ถูกต้อง (ต้องมี 13 หลักและเลขตรวจสอบถูกต้อง)",
    en: "Thai ID invalid (13 digits with a right check digit)",
  },
  "imp.dateInvalid": {
    th: "วันที่อ่านไม่ได้ ใช้ วว/ดด/ปปปป (พ.ศ.) หรือ ปปปป-ดด-วว",
    en: "Date not readable: use dd/mm/yyyy (B.E.) or yyyy-mm-dd",
  },
  "imp.dateFuture": { th: "วันเกิดอยู่ในอนาคต", en: "Birth date in the future" },
  "imp.sexInvalid": { th: "เพศต้องเป็น ชาย หญิง หรือว่าง", en: "Sex must be male, female or empty" },
  "imp.relationInvalid": { th: "ไม่รู้จักความสัมพันธ์ “{value}”", en: "Unknown relation “{value}”" },
  "imp.tooLong": { th: "ยาวเกิน {max} ตัวอักษร", en: "Longer than {max} characters" },
  "imp.yearInvalid": { th: "ปีต้องเป็น พ.ศ. 4 หลัก", en: "Year must be four digits (B.E.)" },
  "imp.numberInvalid": { th: "ต้องเป็นตัวเลขไม่ติดลบ", en: "Must be a number, not negative" },
  "imp.countOverTotal": {
    th: "จำนวนมากกว่าจำนวนทั้งหมดไม่ได้",
    en: "The count cannot be more than the total",
  },
  "imp.codeInvalid": {
    th: "รหัสใช้ได้เฉพาะตัวอักษร ตัวเลข . - _",
    en: "Code: letters, digits, . - _ only",
  },
  "imp.answerInvalid": { th: "คำตอบไม่ถูกต้อง: {reason}", en: "Answer not valid: {reason}" },
  "imp.choiceUnknown": {
    th: "ไม่มีตัวเลือก “{value}” ในคำถามนี้",
    en: "No choice “{value}” in this question",
  },
  "imp.householdUnknown": {
    th: "ไม่มีครัวเรือน “{value}” (ใช้ หมู่/บ้านเลขที่ เช่น 3/12)",
    en: "No household “{value}” (use moo/house no., e.g. 3/12)",
  },
  "imp.needHousehold": {
    th: "ต้องระบุครัวเรือน (หมู่/บ้านเลขที่) หรือหมู่ที่",
    en: "Give the household (moo/house no.) or the village",
  },
  "imp.formMissing": { th: "เลือกแบบสำรวจที่เผยแพร่แล้ว", en: "Choose a published form" },
  "imp.roundMissing": { th: "เลือกรอบการสำรวจของแบบนี้", en: "Choose a round of this form" },
  "imp.repeatRows": {
    th: "แผ่นงานของกลุ่มซ้ำ “{sheet}” แถวที่ {line}: {reason}",
    en: "Repeat sheet “{sheet}” row {line}: {reason}",
  },
} as const;
