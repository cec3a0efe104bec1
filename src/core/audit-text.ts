import type { Lang, Msg } from "./i18n/index.ts";
import { formatDate, formatDateTime } from "./dates.ts";
import { formatNumber, type DigitStyle } from "./digits.ts";
import { core } from "./i18n/messages.ts";
import { ROLES, type Role } from "./roles.ts";
import coreWords from "./audit-actions.json" with { type: "json" };

/**
 * How an audit action reads in the log: what was done, in a few words ("เพิ่มข่าว"), and where
 * its record is shown, when it has a page (`targetId` is the audit row's).
 */
export interface AuditAction extends Msg {
  href?: (slug: string, targetId: string) => string | null;
  /**
   * Words for the codes its fields hold, by field and value (`{ phase: { voting: {th, en} } }`),
   * besides the words every entry gets (statuses, roles, villages and people by name).
   */
  values?: Record<string, Record<string, Msg>>;
}

/** Names the log shows instead of ids: the tambon's villages and the people its entries name. */
export interface AuditNames {
  villages?: Map<number, string>;
  people?: Map<number, string>;
}

/**
 * Fields whose values are ids of villages, or of people (accounts): a number in the first, a list
 * in the second (the same word may count them elsewhere: `villages: 18` of the demo is a count).
 */
const VILLAGE_FIELDS = { one: new Set(["villageId"]), many: new Set(["villages", "villageIds"]) };
const PERSON_FIELDS = {
  one: new Set(["userId", "trustee", "trusteeId"]),
  many: new Set(["added", "userIds"]),
};

/** The user ids an entry holds in its person fields (to look their names up). */
export function personIdsOf(entry: {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}): number[] {
  const ids: number[] = [];
  for (const side of [entry.before, entry.after])
    for (const [k, v] of Object.entries(side ?? {}))
      if (PERSON_FIELDS.one.has(k) && Number.isInteger(v)) ids.push(v as number);
      else if (PERSON_FIELDS.many.has(k) && Array.isArray(v))
        for (const x of v) if (Number.isInteger(x)) ids.push(x as number);
  return ids;
}

/**
 * Words for codes whose English word is the code itself: the Thai words by code, and the English
 * ones only where they say more than the code.
 */
function codeWords(th: Record<string, string>, en: Record<string, string> = {}) {
  return Object.fromEntries(
    Object.entries(th).map(([code, word]) => [code, { th: word, en: en[code] ?? code }]),
  ) as Record<string, Msg>;
}

/** Words for the codes most entries hold, whatever their action. */
const STATUS_WORDS = codeWords(
  {
    active: "ใช้งาน",
    pending: "รอการยืนยัน",
    removed: "พ้นสภาพ",
    draft: "ฉบับร่าง",
    published: "เผยแพร่แล้ว",
    hidden: "ซ่อน",
    open: "เปิด",
    closed: "ปิดแล้ว",
    cancelled: "ยกเลิก",
    adopted: "รับรองแล้ว",
    hearing: "รับฟังความคิดเห็น",
    archived: "เก็บเข้าคลัง",
    proposed: "เสนอแล้ว",
    approved: "อนุมัติแล้ว",
    rejected: "ไม่อนุมัติ",
    withdrawn: "ถอนแล้ว",
    scheduled: "นัดแล้ว",
    held: "ประชุมแล้ว",
    done: "เสร็จแล้ว",
    planned: "วางแผนแล้ว",
    ongoing: "กำลังดำเนินการ",
    answered: "ตอบแล้ว",
    accepted: "รับแล้ว",
    declined: "ไม่รับ",
    new: "ใหม่",
    resolved: "แก้ไขแล้ว",
  },
  { pending: "awaiting confirmation", hearing: "public hearing" },
);
const COMMON_VALUES: Record<string, Record<string, Msg>> = {
  status: STATUS_WORDS,
  // A question's phases; closed and cancelled read as the statuses do.
  phase: {
    ...codeWords({ draft: "ร่าง", discussion: "อภิปราย", frozen: "ปิดการแก้ไข", voting: "ลงคะแนน" }),
    closed: STATUS_WORDS.closed!,
    cancelled: STATUS_WORDS.cancelled!,
  },
  digits: codeWords(
    { thai: "เลขไทย", arabic: "เลขอารบิก" },
    { thai: "Thai digits", arabic: "Arabic digits" },
  ),
};

/** A field's value in words: a name for an id, a word for a code, else `valueText`. */
function fieldValueText(
  key: string,
  value: unknown,
  action: AuditAction | undefined,
  lang: Lang,
  digits: DigitStyle | undefined,
  names: AuditNames | undefined,
): string {
  const named = (kind: { one: Set<string>; many: Set<string> }, map?: Map<number, string>) => {
    if (!map) return null;
    if (kind.one.has(key) && typeof value === "number") return map.get(value) ?? null;
    if (kind.many.has(key) && Array.isArray(value) && value.every((v) => map.has(v as number)))
      return value.map((v) => map.get(v as number)).join(", ");
    return null;
  };
  const name = named(VILLAGE_FIELDS, names?.villages) ?? named(PERSON_FIELDS, names?.people);
  if (name) return name;
  if (Array.isArray(value) && (key === "roles" || key === "role"))
    return value.map((v) => fieldValueText(key, v, action, lang, digits, names)).join(", ");
  if (typeof value === "string") {
    const word = action?.values?.[key]?.[value] ?? COMMON_VALUES[key]?.[value];
    if (word) return word[lang];
    const t = core.t(lang);
    if ((key === "role" || key === "roles") && (ROLES as readonly string[]).includes(value))
      return t(`role.${value as Role}`);
    if (key === "kind" && (value === "sao" || value === "municipality")) return t(`kind.${value}`);
  }
  return valueText(value, lang, digits);
}

/** Audit actions by key ("site.news.create"); each module contributes its own (manifest). */
export type AuditActions = Record<string, AuditAction>;

const actions = new Map<string, AuditAction>();

/** Adds the labels of a module's audit actions (installModules calls it for every manifest). */
export function registerAuditActions(list: AuditActions): void {
  for (const [key, label] of Object.entries(list)) actions.set(key, label);
}

/** True when the action has its words (a test checks every action the demo writes). */
export function hasAuditLabel(action: string): boolean {
  return actions.has(action);
}

/**
 * A module's audit actions from its words (`audit-actions.json`: each action's th/en and the words
 * for its fields' codes) and the page each action's record is shown on, where it has one.
 */
export function auditActions<W extends Record<string, Omit<AuditAction, "href">>>(
  words: W,
  links: { [K in keyof W]?: AuditAction["href"] } = {},
): AuditActions {
  const list: AuditActions = {};
  for (const [key, action] of Object.entries(words))
    list[key] = links[key] ? { ...action, href: links[key] } : action;
  return list;
}

/** The core's own actions: tambons, accounts, sessions and villages. */
registerAuditActions(
  auditActions(coreWords, { "tambon.update": (slug) => `/t/${slug}/admin/settings` }),
);

/** Words for the fields audit rows most often hold; other fields are named by their words. */
const FIELDS: Record<string, Msg> = {
  title: { th: "ชื่อเรื่อง", en: "Title" },
  name: { th: "ชื่อ", en: "Name" },
  nameTh: { th: "ชื่อ (ไทย)", en: "Name (Thai)" },
  nameEn: { th: "ชื่อ (อังกฤษ)", en: "Name (English)" },
  status: { th: "สถานะ", en: "Status" },
  slug: { th: "ชื่อในลิงก์", en: "Address name" },
  kind: { th: "ประเภท", en: "Kind" },
  phase: { th: "ขั้นตอน", en: "Phase" },
  username: { th: "ชื่อผู้ใช้", en: "Username" },
  roles: { th: "บทบาท", en: "Roles" },
  villageId: { th: "หมู่บ้าน", en: "Village" },
  userId: { th: "บุคคล", en: "Person" },
  added: { th: "เพิ่ม", en: "Added" },
  role: { th: "บทบาท", en: "Role" },
  dopaCode: { th: "รหัสตำบล", en: "Subdistrict code" },
  publishAt: { th: "เผยแพร่เมื่อ", en: "Published at" },
  phone: { th: "โทรศัพท์", en: "Phone" },
  email: { th: "อีเมล", en: "E-mail" },
  address: { th: "ที่อยู่", en: "Address" },
  host: { th: "ชื่อโดเมน", en: "Host name" },
  digits: { th: "ตัวเลขที่ใช้แสดง", en: "Digits shown" },
  demo: { th: "ข้อมูลตัวอย่าง", en: "Demo data" },
  networkAdmin: { th: "ผู้ดูแลเครือข่าย", en: "Network administrator" },
  people: { th: "จำนวนคน", en: "People" },
  villages: { th: "หมู่บ้าน", en: "Villages" },
  groups: { th: "กลุ่ม", en: "Groups" },
  meetings: { th: "การประชุม", en: "Meetings" },
  terms: { th: "วาระผู้แทน", en: "Representative terms" },
  news: { th: "ข่าว", en: "News" },
  draft: { th: "ฉบับร่าง", en: "Drafts" },
  photos: { th: "ภาพ", en: "Photos" },
  pages: { th: "หน้าเว็บ", en: "Pages" },
  categories: { th: "หมวดหมู่", en: "Categories" },
  ita: { th: "รายการ ITA", en: "ITA items" },
  editions: { th: "ฉบับ", en: "Editions" },
  indicators: { th: "ตัวชี้วัด", en: "Indicators" },
  measurements: { th: "ผลการวัด", en: "Measurements" },
  rounds: { th: "รอบ", en: "Rounds" },
  ratings: { th: "คะแนน", en: "Ratings" },
  names: { th: "รายชื่อ", en: "Names" },
  kinds: { th: "ประเภท", en: "Kinds" },
  pillars: { th: "เสาหลัก", en: "Pillars" },
  subject: { th: "เรื่อง", en: "Subject" },
  code: { th: "รหัส", en: "Code" },
  caption: { th: "คำบรรยายภาพ", en: "Caption" },
  url: { th: "ลิงก์", en: "Link" },
  body: { th: "เนื้อหา", en: "Text" },
  reason: { th: "เหตุผล", en: "Reason" },
  minRepsPerVillage: { th: "ผู้แทนขั้นต่ำต่อหมู่บ้าน", en: "Representatives per village" },
  siteOpened: { th: "วันที่เปิดเว็บไซต์", en: "Date the site opened" },
  logoPath: { th: "ตราสัญลักษณ์", en: "Logo" },
  ownerTh: { th: "เจ้าของลิขสิทธิ์ (ไทย)", en: "Copyright owner (Thai)" },
  ownerEn: { th: "เจ้าของลิขสิทธิ์ (อังกฤษ)", en: "Copyright owner (English)" },
};

/** A field's name in words: a known one, else its own words ("publishAt" → "publish at"). */
export function fieldLabel(key: string, lang: Lang): string {
  const known = FIELDS[key];
  if (known) return known[lang];
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_.]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A stored value in words: dates as dates, yes/no, lists and records as plain text, never JSON. */
export function valueText(value: unknown, lang: Lang, digits?: DigitStyle): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean")
    return value ? (lang === "th" ? "ใช่" : "yes") : lang === "th" ? "ไม่" : "no";
  if (typeof value === "number") return formatNumber(value, lang, digits);
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, lang, digits);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value)))
      return formatDateTime(value, lang, digits);
    return value;
  }
  if (value instanceof Date) return formatDateTime(value, lang, digits);
  if (Array.isArray(value)) return value.map((v) => valueText(v, lang, digits)).join(", ");
  if (typeof value === "object")
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${fieldLabel(k, lang)}: ${valueText(v, lang, digits)}`)
      .join("; ");
  return String(value);
}

/** One line of an audit entry's details: a field, what it was and what it became. */
export interface AuditDetail {
  label: string;
  before?: string;
  after?: string;
}

/** What an audit entry says, in words. */
export interface AuditText {
  /** What was done ("เพิ่มข่าว"). */
  action: string;
  /** The record's name when the entry holds it ("ตลาดนัดชุมชน"). */
  subject: string | null;
  /** The record's page, when it has one. */
  href: string | null;
  details: AuditDetail[];
}

const SUBJECT_KEYS = ["title", "name", "nameTh", "subject", "caption", "label", "username"];

/** The record's name an entry holds (its title or name, after the change or before it). */
function subjectOf(...sides: (Record<string, unknown> | null)[]): string | null {
  for (const key of SUBJECT_KEYS)
    for (const side of sides) {
      const v = side?.[key];
      if (typeof v === "string" && v.trim()) return v.trim();
    }
  return null;
}

/** The words of an action: its label, or "a change" (never the key) when none is known. */
export function actionText(action: string, lang: Lang): string {
  const label = actions.get(action);
  if (label) return label[lang];
  return lang === "th" ? "บันทึกการเปลี่ยนแปลง" : "Recorded a change";
}

/** An audit entry in words: the action, the record's name and page, and its details as a list. */
export function describeAudit(
  entry: {
    action: string;
    targetId: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
  lang: Lang,
  slug: string | null,
  digits?: DigitStyle,
  names?: AuditNames,
): AuditText {
  const label = actions.get(entry.action);
  const href = label?.href && slug && entry.targetId ? label.href(slug, entry.targetId) : null;
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const details: AuditDetail[] = keys.map((k) => ({
    label: fieldLabel(k, lang),
    ...(k in before ? { before: fieldValueText(k, before[k], label, lang, digits, names) } : {}),
    ...(k in after ? { after: fieldValueText(k, after[k], label, lang, digits, names) } : {}),
  }));
  return {
    action: actionText(entry.action, lang),
    subject: subjectOf(entry.after, entry.before),
    href,
    details,
  };
}
