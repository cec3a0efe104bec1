import ita2566 from "../../../../seed/ita-oit-2566.json" with { type: "json" };
import ita2568 from "../../../../seed/ita-oit-2568.json" with { type: "json" };
import type { Lang } from "../../../core/i18n/index.ts";
import { parseItaList, type ItaList } from "./commands.ts";

/**
 * The ITA/OIT lists the platform ships (seed/ita-oit-<year>.json), which a tambon loads by
 * choosing the fiscal year. A list may say, per item, its English title, what satisfies it and how
 * the platform checks it (`check`: "link" — staff link it; "qa" — an answered public question
 * meets it; "news-category" — published news of the category of that name meets it).
 */
interface ItemDetail {
  titleEn?: string;
  groupTitleEn?: string;
  satisfiedBy?: { th: string; en: string };
  check?: string;
}

const SHIPPED: Record<number, { list: ItaList; details: Map<string, ItemDetail> }> = {};
for (const raw of [ita2566, ita2568] as unknown[]) {
  const list = parseItaList(raw)!;
  const items = (raw as { items: (ItemDetail & { item: string })[] }).items;
  SHIPPED[list.fiscalYearBE] = { list, details: new Map(items.map((i) => [i.item, i])) };
}

/** The fiscal years whose list the platform ships, latest first. */
export const SHIPPED_YEARS = Object.keys(SHIPPED)
  .map(Number)
  .sort((a, b) => b - a);

/** The shipped list of a fiscal year, or undefined. */
export function shippedList(year: number): ItaList | undefined {
  return SHIPPED[year]?.list;
}

/** What the shipped list of that year says of an item, in the reader's language. */
export function itemDetail(year: number, code: string, lang: Lang) {
  const d = SHIPPED[year]?.details.get(code);
  if (!d) return null;
  return {
    title: lang === "en" ? d.titleEn : undefined,
    groupTitle: lang === "en" ? d.groupTitleEn : undefined,
    satisfiedBy: d.satisfiedBy?.[lang],
    check: d.check ?? "link",
  };
}
