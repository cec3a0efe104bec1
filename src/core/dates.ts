import type { Lang } from "./i18n/index.ts";
import { arabicDigits, inDigits, type DigitStyle } from "./digits.ts";

export { arabicDigits };

const TZ = "Asia/Bangkok";
/** One Bangkok-time formatter a language: the Buddhist calendar in Thai, Gregorian in English. */
const byLang = (options: Intl.DateTimeFormatOptions): Record<Lang, Intl.DateTimeFormat> => ({
  th: new Intl.DateTimeFormat("th-TH-u-ca-buddhist", { timeZone: TZ, ...options }),
  en: new Intl.DateTimeFormat("en-GB", { timeZone: TZ, ...options }),
});
const dateFmt = byLang({ day: "numeric", month: "long", year: "numeric" });
const dateTimeFmt = byLang({
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** Parses a Date or an ISO date string (YYYY-MM-DD is taken as that day in Bangkok). */
function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00+07:00`);
  return new Date(value);
}

/**
 * Formats a date: Buddhist era in Thai (6 มีนาคม 2552), Gregorian in English; in Thai digits
 * (๖ มีนาคม ๒๕๕๒) when the tambon chose them.
 */
export function formatDate(value: Date | string, lang: Lang, digits?: DigitStyle): string {
  const s = dateFmt[lang].format(toDate(value));
  return digits && lang === "th" ? inDigits(s, digits) : s;
}

/** Formats a date and time in Bangkok time, Buddhist era in Thai, in the tambon's digits. */
export function formatDateTime(value: Date | string, lang: Lang, digits?: DigitStyle): string {
  const s = dateTimeFmt[lang].format(toDate(value));
  return digits && lang === "th" ? inDigits(s, digits) : s;
}

// Making an Intl formatter costs far more than using one: make each once.
const yearFormat = new Intl.DateTimeFormat("en", { timeZone: TZ, year: "numeric" });
const isoDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TZ });

/** The Buddhist-era year of a date (Gregorian + 543). */
export function buddhistYear(value: Date | string): number {
  const d = toDate(value);
  const y = Number(yearFormat.format(d));
  return y + 543;
}

/** The year to show in copyright lines: BE in Thai, CE in English. */
export function displayYear(value: Date | string, lang: Lang): number {
  const be = buddhistYear(value);
  return lang === "th" ? be : be - 543;
}

/** Today's date in Bangkok as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  return isoDayFormat.format(now);
}

/** True for a YYYY-MM-DD string naming a day that exists (no 31 February). */
export function isIsoDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The suffixes of a date entered as day, month and Buddhist-era year, and time (see DateField). */
export const DATE_PARTS = { day: "__d", month: "__m", year: "__y", time: "__t" } as const;

/**
 * Folds every date a form sent as three parts (`due__d`, `due__m`, `due__y` with the year in
 * พ.ศ.) into one field (`due`): a YYYY-MM-DD date, "" when all three are empty, or what was typed
 * ("31/2/2568") when it names no day, so the form's own date rule refuses it next to the field.
 * A year written in ค.ศ. (below 2400) is taken as such; Thai digits are read. A date with a time
 * part (`due__t`, "9:30" or "09.30") folds to YYYY-MM-DDTHH:MM, as a datetime-local input sends.
 */
export function foldDateParts(body: Record<string, unknown>): void {
  for (const key of Object.keys(body)) {
    if (!key.endsWith(DATE_PARTS.year)) continue;
    const name = key.slice(0, -DATE_PARTS.year.length);
    const part = (suffix: string) => {
      let v = body[name + suffix];
      if (Array.isArray(v)) v = v[v.length - 1];
      // A multipart form's field is an object holding its value.
      if (v && typeof v === "object" && "value" in v) v = (v as { value: unknown }).value;
      return typeof v === "string" ? arabicDigits(v).trim() : "";
    };
    const [d, m, y] = [part(DATE_PARTS.day), part(DATE_PARTS.month), part(DATE_PARTS.year)];
    const time = part(DATE_PARTS.time);
    if (!d && !m && !y && !time) {
      body[name] = "";
      continue;
    }
    const year = /^\d{4}$/.test(y) ? (Number(y) >= 2400 ? Number(y) - 543 : Number(y)) : NaN;
    const iso =
      /^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && year > 0
        ? `${String(year).padStart(4, "0")}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`
        : "";
    const day = iso && isIsoDay(iso) ? iso : `${d}/${m}/${y}`;
    if (!(name + DATE_PARTS.time in body)) {
      body[name] = day;
      continue;
    }
    const hm = /^(\d{1,2})[:.](\d{2})$/.exec(time);
    const clock =
      hm && Number(hm[1]) < 24 && Number(hm[2]) < 60 ? `${hm[1]!.padStart(2, "0")}:${hm[2]}` : time;
    body[name] = `${day}T${clock || "00:00"}`;
  }
}
