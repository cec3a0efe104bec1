import { formatDate, formatDateTime } from "../../core/dates.ts";
import type { Lang } from "../../core/i18n/index.ts";
import { inDigits, type DigitStyle } from "./digits.ts";
import { msg, type CharterKey } from "./messages.ts";

/** The digits to show in a language: the charter's setting in Thai, Arabic in English. */
export function digitsFor(style: DigitStyle, lang: Lang): DigitStyle {
  return lang === "th" ? style : "arabic";
}

/** A number in the charter's digits for the reader's language. */
export function num(value: number | string, style: DigitStyle, lang: Lang): string {
  return inDigits(value, digitsFor(style, lang));
}

/** "ฉบับที่ 2 พ.ศ. 2568" (Thai) or "Edition 2 (2025)" (English). */
export function editionLabel(
  edition: { number: number; yearBe: number },
  lang: Lang,
  style: DigitStyle,
): string {
  const year = lang === "th" ? edition.yearBe : edition.yearBe - 543;
  return msg.t(lang)("edition.label", {
    n: num(edition.number, style, lang),
    year: num(year, style, lang),
  });
}

/** A date (YYYY-MM-DD) in the reader's language, Buddhist era in Thai, in the charter's digits. */
export function dateIn(value: string | Date, lang: Lang, style: DigitStyle): string {
  return inDigits(formatDate(value, lang), digitsFor(style, lang));
}

/** A date and time, as dateIn. */
export function dateTimeIn(value: Date, lang: Lang, style: DigitStyle): string {
  return inDigits(formatDateTime(value, lang), digitsFor(style, lang));
}

/** "ข้อ 5" / "Clause 5" in the charter's digits. */
export function clauseLabel(n: number, lang: Lang, style: DigitStyle): string {
  return msg.t(lang)("edition.clause", { n: num(n, style, lang) });
}

/** "หมวด 2" / "Chapter 2" in the charter's digits. */
export function chapterLabel(n: number, lang: Lang, style: DigitStyle): string {
  return msg.t(lang)("edition.chapter", { n: num(n, style, lang) });
}

/** What a version changed, from its stored note ("editClause:5", "restore:3", "start:"). */
export function versionNote(note: string, lang: Lang, style: DigitStyle): string {
  const [op, arg = ""] = note.split(":", 2) as [string, string?];
  const t = msg.t(lang);
  const n = arg ? num(arg, style, lang) : "";
  if (op === "fromEdition") return t("op.fromEdition", { n: t("edition.short", { n }) });
  const key = `op.${op}` as CharterKey;
  return key in msg.messages ? t(key, { n }).replace(/\s+$/, "") : note;
}
