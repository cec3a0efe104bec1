/**
 * The words of a form's logic errors in Thai and English. Pure data, so the phone's script formats
 * the same messages as the server; the module's dictionary merges them under "forms.logic.".
 */
import type { LogicError } from "./logic.ts";
import catalog from "./logic-messages.json" with { type: "json" };

export const LOGIC_MESSAGES = catalog;

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
