/**
 * The words of a form's logic errors in Thai and English. Pure data, so the phone's script formats
 * the same messages as the server; the module's dictionary merges them under "forms.logic.".
 */
import type { LogicError } from "./logic.ts";

export const LOGIC_MESSAGES = {
  "expr.empty": { th: "นิพจน์ว่าง", en: "The expression is empty" },
  "expr.expected": {
    th: "ตำแหน่งที่ {pos}: ต้องการ {expected} แต่พบ {found}",
    en: "At position {pos}: expected {expected} but found {found}",
  },
  "expr.unexpected": {
    th: "ตำแหน่งที่ {pos}: ไม่คาดว่าจะพบ {found}",
    en: "At position {pos}: unexpected {found}",
  },
  "expr.unclosedString": {
    th: "ตำแหน่งที่ {pos}: ข้อความในเครื่องหมายคำพูดไม่ได้ปิด",
    en: "At position {pos}: the quoted text is not closed",
  },
  "expr.badRef": {
    th: "ตำแหน่งที่ {pos}: การอ้างถึงคำถามต้องเขียนเป็น ${ชื่อ}",
    en: "At position {pos}: a question is referred to as ${…}",
  },
  "expr.unknownFunction": {
    th: "ตำแหน่งที่ {pos}: ไม่รู้จักฟังก์ชัน {name}",
    en: "At position {pos}: unknown function {name}",
  },
  "expr.arity": {
    th: "ตำแหน่งที่ {pos}: ฟังก์ชัน {name} ต้องมีอาร์กิวเมนต์ {count} ตัว",
    en: "At position {pos}: function {name} takes {count} argument(s)",
  },
  "expr.badRegex": {
    th: "ตำแหน่งที่ {pos}: รูปแบบ regex ไม่ถูกต้อง ({pattern})",
    en: "At position {pos}: invalid regex pattern ({pattern})",
  },
  "expr.countNeedsRef": {
    th: "ตำแหน่งที่ {pos}: ฟังก์ชัน {name} ต้องอ้างถึงคำถามแบบ ${ชื่อ}",
    en: "At position {pos}: function {name} needs a ${…} reference",
  },
  "answer.required": { th: "ต้องตอบข้อนี้", en: "This question is required" },
  "answer.constraint": {
    th: "คำตอบไม่ผ่านเงื่อนไขของคำถาม",
    en: "The answer does not meet the condition",
  },
  "answer.text": { th: "ต้องเป็นข้อความ", en: "Must be text" },
  "answer.integer": { th: "ต้องเป็นจำนวนเต็ม", en: "Must be a whole number" },
  "answer.decimal": { th: "ต้องเป็นตัวเลข", en: "Must be a number" },
  "answer.choice": { th: "ตัวเลือกไม่อยู่ในรายการ", en: "The choice is not in the list" },
  "answer.date": { th: "วันที่ไม่ถูกต้อง", en: "Invalid date" },
  "answer.geopoint": { th: "ตำแหน่งพิกัดไม่ถูกต้อง", en: "Invalid location" },
  "answer.image": { th: "ภาพถ่ายไม่ถูกต้อง", en: "Invalid photo" },
  "answer.repeat": { th: "ข้อมูลชุดซ้ำไม่ถูกต้อง", en: "Invalid repeat entries" },
  "answer.tooMany": { th: "เพิ่มได้ไม่เกิน {max} รายการ", en: "At most {max} entries" },
  "answer.min": { th: "ต้องไม่น้อยกว่า {min}", en: "Must be at least {min}" },
  "answer.max": { th: "ต้องไม่มากกว่า {max}", en: "Must be at most {max}" },
  "def.title": { th: "ต้องมีชื่อแบบสำรวจ", en: "The form needs a title" },
  "def.formId": { th: "รหัสแบบสำรวจ '{name}' ไม่ถูกต้อง", en: "Invalid form id '{name}'" },
  "def.badName": {
    th: "ชื่อ '{name}' ต้องขึ้นต้นด้วยอักษรอังกฤษ และมีแต่อักษร ตัวเลข และ _",
    en: "The name '{name}' must start with a letter and hold only letters, digits and _",
  },
  "def.duplicate": { th: "ชื่อ '{name}' ซ้ำกัน", en: "The name '{name}' is used twice" },
  "def.badChoice": {
    th: "ตัวเลือก '{name}' ในรายการ {list} ว่าง มีช่องว่าง หรือซ้ำ",
    en: "Choice '{name}' of list {list} is empty, has a space or is repeated",
  },
  "def.label": { th: "'{name}' ต้องมีข้อความภาษาไทย", en: "'{name}' needs a Thai label" },
  "def.emptyGroup": { th: "กลุ่ม '{name}' ยังไม่มีคำถาม", en: "Group '{name}' has no questions" },
  "def.unknownList": {
    th: "'{name}': ไม่มีรายการตัวเลือก '{list}'",
    en: "'{name}': there is no choice list '{list}'",
  },
  "def.range": {
    th: "'{name}': ค่าต่ำสุดมากกว่าค่าสูงสุด",
    en: "'{name}': the minimum exceeds the maximum",
  },
  "def.unknownRef": {
    th: "'{name}' ({field}): ไม่มีคำถามชื่อ '{ref}'",
    en: "'{name}' ({field}): there is no question named '{ref}'",
  },
} as const;

export type LogicMessageKey = keyof typeof LOGIC_MESSAGES;

/** A logic error in words: the form's own message first, else ours with its values filled in. */
export function formatLogicError(err: LogicError, lang: "th" | "en"): string {
  if (err.message) return (lang === "en" && err.message.en) || err.message.th;
  const m = (LOGIC_MESSAGES as Record<string, { th: string; en: string }>)[err.key];
  if (!m) return err.key;
  return m[lang].replace(/\{(\w+)\}/g, (all, k: string) =>
    k in err.vars ? String(err.vars[k]) : all,
  );
}
