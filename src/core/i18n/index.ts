/** The languages of the UI: Thai first, English second. */
export type Lang = "th" | "en";
export const LANGS: readonly Lang[] = ["th", "en"];

/** One UI string in both languages. */
export interface Msg {
  th: string;
  en: string;
}

/** A translate function: key plus optional {placeholders}. */
export type Translate<K extends string> = (
  key: K,
  vars?: Record<string, string | number>,
) => string;

/** A typed dictionary of UI strings with a translator per language. */
export interface Dictionary<K extends string> {
  name: string;
  messages: Record<K, Msg>;
  t(lang: Lang): Translate<K>;
}

const registry: Dictionary<string>[] = [];

/** Every dictionary defined so far (the completeness test walks them). */
export function allDictionaries(): readonly Dictionary<string>[] {
  return registry;
}

/** Replaces {name} placeholders with values. */
export function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return fill(template(text), vars);
}

/**
 * A text cut at its {name} placeholders: literal parts at even indexes, names at odd ones (a text
 * without placeholders is one part). Dictionary texts are cut once and kept.
 */
type Template = readonly string[];

function template(text: string): Template {
  if (!text.includes("{")) return [text];
  return text.split(/\{(\w+)\}/);
}

function fill(parts: Template, vars?: Record<string, string | number>): string {
  if (parts.length === 1) return parts[0]!;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    out += (vars && k in vars ? String(vars[k]) : `{${k}}`) + parts[i + 1]!;
  }
  return out;
}

const warned = new Set<string>();

/**
 * A key no dictionary defines (a stored value the code does not know, such as a status added by
 * hand) shows as itself rather than breaking the page; the first lookup of each key is reported
 * as a process warning, and the completeness test catches keys used in code.
 */
function warnMissing(dictionary: string, key: string): void {
  const id = `${dictionary}:${key}`;
  if (warned.has(id)) return;
  warned.add(id);
  process.emitWarning(`no translation for "${key}" in the ${dictionary} dictionary`, {
    code: "TAMBON_MISSING_TRANSLATION",
  });
}

/** Defines a dictionary; both languages are required for every key (checked by the compiler and a test). */
export function defineMessages<K extends string>(
  name: string,
  messages: Record<K, Msg>,
): Dictionary<K> {
  const cache = new Map<Lang, Translate<K>>();
  const dict: Dictionary<K> = {
    name,
    messages,
    t(lang) {
      let fn = cache.get(lang);
      if (!fn) {
        // Each text cut at its placeholders on first use (the messages never change).
        const templates = new Map<string, Template>();
        fn = (key, vars) => {
          let parts = templates.get(key);
          if (!parts) {
            const msg = Object.hasOwn(messages, key) ? messages[key] : undefined;
            if (!msg) {
              warnMissing(name, key);
              return key;
            }
            parts = template(msg[lang] || msg.th);
            templates.set(key, parts);
          }
          return fill(parts, vars);
        };
        cache.set(lang, fn);
      }
      return fn;
    },
  };
  registry.push(dict as unknown as Dictionary<string>);
  return dict;
}

/** Picks the language from a cookie value; Thai unless English was chosen. */
export function pickLang(value: string | undefined): Lang {
  return value === "en" ? "en" : "th";
}
