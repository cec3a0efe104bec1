/** How numbers are written: Arabic (0–9) or Thai (๐–๙) digits. */
export type DigitStyle = "arabic" | "thai";

/** Every digit style, in the order a form offers them. */
export const DIGIT_STYLES = ["arabic", "thai"] as const satisfies readonly DigitStyle[];

const THAI = "๐๑๒๓๔๕๖๗๘๙";

/** Type guard for a digit style from a form or the database. */
export function isDigitStyle(value: unknown): value is DigitStyle {
  return value === "arabic" || value === "thai";
}

/** Writes every Arabic digit of a text as a Thai digit (๒๕๖๘); other characters stay. */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => THAI[Number(d)]!);
}

/** Writes every Thai digit of a text as an Arabic digit (2568); other characters stay. */
export function toArabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(THAI.indexOf(d)));
}

/** A number or text with its digits in the given style. */
export function inDigits(value: string | number, style: DigitStyle): string {
  const text = String(value);
  return style === "thai" ? toThaiDigits(text) : toArabicDigits(text);
}
