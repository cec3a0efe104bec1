import type { Lang } from "./i18n/index.ts";

/** The digits a tambon's pages show: Arabic (0–9) or Thai (๐–๙). */
export type DigitStyle = "arabic" | "thai";

/** The digit styles a tambon may choose, in the settings form's order. */
export const DIGIT_STYLES: readonly DigitStyle[] = ["arabic", "thai"];

/** Thai digits (๐–๙) as Arabic ones. */
export function arabicDigits(s: string): string {
  return s.replace(/[๐-๙]/g, (c) => String(c.charCodeAt(0) - 0x0e50));
}

/** Arabic digits (0–9) as Thai ones. */
export function thaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(0x0e50 + c.charCodeAt(0) - 48));
}

/** A text in one digit style: every digit of the other style is rewritten. */
export function inDigits(s: string, style: DigitStyle): string {
  return style === "thai" ? thaiDigits(s) : arabicDigits(s);
}

/**
 * The digit style a page is shown in: the tambon's choice on its Thai pages; English pages (and
 * pages of no tambon) always use Arabic digits.
 */
export function pageDigitStyle(lang: Lang, tambonStyle: DigitStyle | null | undefined): DigitStyle {
  return lang === "th" && tambonStyle === "thai" ? "thai" : "arabic";
}

// Text between tags; scripts, styles, preformatted text, code and text areas are left as they
// are (they hold data, code or what a person typed into a field). Character references
// (&#39;) are markup, not text.
// A tag's attribute values may hold ">" (Preact does not escape it there), so quotes are followed.
const TOKEN =
  /(<!--[\s\S]*?-->|<(script|style|textarea|pre|code)\b[\s\S]*?<\/\2\s*>|<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>|&#?[0-9a-z]+;)/gi;

/**
 * A rendered page with every digit of its text in one style, so a page never mixes ๕ and 5:
 * numbers and dates from the formatters and digits people wrote alike. Attributes (links, form
 * values, ids), scripts, styles, code and text areas keep their digits.
 */
export function pageInDigits(html: string, style: DigitStyle): string {
  const other = style === "thai" ? /[0-9]/ : /[๐-๙]/;
  if (!other.test(html)) return html;
  // One pass: markup is kept as it is (it starts with "<" or "&"), runs of the other digits in
  // text are rewritten. The same expression as a replace, walked by hand: a page has hundreds
  // of tags and few digits in its text, and only the digits cost a string.
  const re = style === "thai" ? MARKUP_OR_ARABIC : MARKUP_OR_THAI;
  re.lastIndex = 0;
  let out = "";
  let from = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const c = m[0].charCodeAt(0);
    if (c === 60 /* < */ || c === 38 /* & */) continue;
    out += html.slice(from, m.index) + inDigits(m[0], style);
    from = re.lastIndex;
  }
  return from === 0 ? html : out + html.slice(from);
}

const MARKUP_OR_ARABIC = new RegExp(`${TOKEN.source}|[0-9]+`, "gi");
const MARKUP_OR_THAI = new RegExp(`${TOKEN.source}|[๐-๙]+`, "gi");

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the page shows it: grouped, in the language's and the tambon's digits. */
export function formatNumber(
  n: number,
  lang: Lang,
  digits: DigitStyle = "arabic",
  opts: Intl.NumberFormatOptions = {},
): string {
  const key = `${lang}|${digits}|${JSON.stringify(opts)}`;
  let fmt = numberFormats.get(key);
  if (!fmt) {
    const locale = lang === "th" ? (digits === "thai" ? "th-TH-u-nu-thai" : "th-TH") : "en-GB";
    fmt = new Intl.NumberFormat(locale, opts);
    numberFormats.set(key, fmt);
  }
  return fmt.format(n);
}
