/**
 * A survey form as the platform keeps it (one JSON value per form version), shaped after XLSForm
 * so that it goes to and from ODK/Kobo workbooks: the `survey` sheet's rows are `items` (groups and
 * repeats nest their rows), the `choices` sheet is `choices`, the `settings` sheet is the rest.
 *
 * Answers follow the same names: `{ [question name]: value }`, a repeat is an array of such
 * objects, a group adds no level (as in ODK's flat names). Values:
 *   text, select_one, yesno ("yes" | "no")   → string
 *   integer, decimal                          → number
 *   select_multiple                           → string[] (choice names)
 *   date                                      → "YYYY-MM-DD" (Gregorian; shown in พ.ศ.)
 *   geopoint                                  → "lat lng" (decimal degrees, as ODK writes it)
 *   image                                     → the stored file's id (number) once received
 * An unanswered question has no key (never null or "").
 *
 * Expressions (`relevant`, `constraint`, `calculation`) are the XPath subset in `logic.ts`.
 */

export const QUESTION_TYPES = [
  "text",
  "integer",
  "decimal",
  "select_one",
  "select_multiple",
  "date",
  "yesno",
  "image",
  "geopoint",
  "note",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A text in Thai and, when given, English (XLSForm `label::Thai (th)` / `label::English (en)`). */
export interface Label {
  th: string;
  en?: string;
}

export interface Question {
  kind: "question";
  type: QuestionType;
  /** The answer's key: letters, digits and `_`, starting with a letter; unique in the form. */
  name: string;
  label: Label;
  hint?: Label;
  required?: boolean;
  requiredMessage?: Label;
  /** Shown (and kept) only when this expression is true. */
  relevant?: string;
  /** The answer (`.`) must make this true. */
  constraint?: string;
  constraintMessage?: Label;
  /** For select_one / select_multiple: the name of a list in `choices`. */
  list?: string;
  /** For integer / decimal: the range the builder offers (exported as a constraint). */
  min?: number;
  max?: number;
}

export interface Group {
  kind: "group";
  name: string;
  label: Label;
  relevant?: string;
  items: FormItem[];
}

/** A repeat group (e.g. the members of a household): its questions are asked once per entry. */
export interface Repeat {
  kind: "repeat";
  name: string;
  label: Label;
  relevant?: string;
  items: FormItem[];
  /** Most entries a phone lets a volunteer add (default 30). */
  maxCount?: number;
}

export type FormItem = Question | Group | Repeat;

export interface Choice {
  name: string;
  label: Label;
}

export interface FormDefinition {
  /** settings: form_title */
  title: Label;
  /** settings: form_id (letters, digits, `_`, `-`). */
  formId: string;
  items: FormItem[];
  /** List name → its choices, in order. */
  choices: Record<string, Choice[]>;
}

/** One answer value (see the header). */
export type AnswerValue = string | number | string[] | Answers[];
export interface Answers {
  [name: string]: AnswerValue;
}

/**
 * Every photo answer of the answers (in repeats too), with a setter for its stored id: the name
 * of a file part as a phone sends it, or the stored file's id once kept.
 */
export function photoSlots(items: FormItem[], answers: Answers, out: [Answers, string][] = []) {
  for (const item of items) {
    if (item.kind === "group") photoSlots(item.items, answers, out);
    else if (item.kind === "repeat") {
      const entries = answers[item.name];
      if (Array.isArray(entries))
        for (const e of entries) if (e && typeof e === "object") photoSlots(item.items, e, out);
    } else if (item.type === "image" && answers[item.name] !== undefined)
      out.push([answers, item.name]);
  }
  return out;
}
