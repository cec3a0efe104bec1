import type { Lang } from "./i18n/index.ts";

const TZ = "Asia/Bangkok";
const dateFmt = {
  th: new Intl.DateTimeFormat("th-TH-u-ca-buddhist", {
    timeZone: TZ,
    day: "numeric",
    month: "long",
    year: "numeric",
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    timeZone: TZ,
    day: "numeric",
    month: "long",
    year: "numeric",
  }),
};
const dateTimeFmt = {
  th: new Intl.DateTimeFormat("th-TH-u-ca-buddhist", {
    timeZone: TZ,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    timeZone: TZ,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }),
};

/** Parses a Date or an ISO date string (YYYY-MM-DD is taken as that day in Bangkok). */
function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00+07:00`);
  return new Date(value);
}

/** Formats a date: Buddhist era in Thai (6 มีนาคม 2552), Gregorian in English. */
export function formatDate(value: Date | string, lang: Lang): string {
  return dateFmt[lang].format(toDate(value));
}

/** Formats a date and time in Bangkok time, Buddhist era in Thai. */
export function formatDateTime(value: Date | string, lang: Lang): string {
  return dateTimeFmt[lang].format(toDate(value));
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
