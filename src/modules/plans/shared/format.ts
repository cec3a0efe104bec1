import type { Lang } from "../../../core/i18n/index.ts";

/** An amount in baht as the plan's tables print it: grouped digits, no decimals unless there are satang. */
export function baht(amount: number, lang: Lang): string {
  const whole = Math.round(amount * 100) % 100 === 0;
  return amount.toLocaleString(lang === "th" ? "th-TH" : "en-GB", {
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  });
}
