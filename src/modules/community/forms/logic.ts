/**
 * A form's logic, shared by the server and the phone's browser script (pure TypeScript):
 * which questions are relevant, which answers are kept, what is wrong with answers, and what is
 * wrong with a definition. Expressions are parsed and evaluated in `expr.ts`.
 */
import type {
  AnswerValue,
  Answers,
  FormDefinition,
  FormItem,
  Label,
  Question,
} from "./definition.ts";
import { PERSON_ANSWER_KEY } from "../shared/kinds.ts";
import { evaluate, localToday, parseExpression, references, toBool, type Expr } from "./expr.ts";

export { evaluate, parseExpression, references, localToday } from "./expr.ts";
export type { Expr, ExprError, ParseResult, Value, EvalContext } from "./expr.ts";

/** A problem with an answer (`path` like `members[2].age`) or with a definition (`path` = name). */
export interface LogicError {
  path: string;
  key: string;
  vars: Record<string, string | number>;
  /** The form's own message (constraint_message / required_message), when it has one. */
  message?: Label;
}

export interface LogicOptions {
  /** YYYY-MM-DD; defaults to the device's date. */
  today?: string;
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const DEFAULT_MAX_COUNT = 30;

const parsed = new Map<string, Expr | null>();
function compiled(src: string): Expr | null {
  let e = parsed.get(src);
  if (e === undefined) {
    const r = parseExpression(src);
    e = r.ok ? r.value : null;
    if (parsed.size > 2000) parsed.clear();
    parsed.set(src, e);
  }
  return e;
}

/** Answers in scope, innermost repeat entry first, then the top level. */
type Scope = Answers[];

function lookupIn(scope: Scope, name: string): unknown {
  for (const s of scope) if (Object.prototype.hasOwnProperty.call(s, name)) return s[name];
  return undefined;
}

/** Whether an expression holds; an expression that does not parse counts as true (never hides). */
export function holds(
  src: string | undefined,
  scope: Scope,
  today: string,
  dot?: unknown,
): boolean {
  if (!src) return true;
  const e = compiled(src);
  if (!e) return true;
  return toBool(evaluate(e, { lookup: (n) => lookupIn(scope, n), dot, today }));
}

function cleanOnce(
  items: FormItem[],
  src: Answers,
  out: Answers,
  scope: Scope,
  today: string,
): void {
  for (const item of items) {
    if (!holds(item.relevant, scope, today)) continue;
    if (item.kind === "group") cleanOnce(item.items, src, out, scope, today);
    else if (item.kind === "repeat") {
      const v = src[item.name];
      if (!Array.isArray(v)) {
        if (v !== undefined) out[item.name] = v; // kept, so that validation reports it
        continue;
      }
      out[item.name] = v.map((entry) => {
        const e = isEntry(entry) ? entry : {};
        const kept: Answers = {};
        cleanOnce(item.items, e, kept, [e, ...scope], today);
        // The registry's person an entry is about (a household's members) stays with it.
        const pid = e[PERSON_ANSWER_KEY];
        if ((typeof pid === "number" || typeof pid === "string") && /^[1-9]\d{0,9}$/.test(`${pid}`))
          kept[PERSON_ANSWER_KEY] = Number(pid);
        return kept;
      });
    } else if (item.type !== "note" && src[item.name] !== undefined)
      out[item.name] = src[item.name]!;
  }
}

const isEntry = (v: unknown): v is Answers =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The answers kept: those to relevant questions of the form (irrelevant ones and unknown names are
 * dropped). Repeats until nothing more drops, so chains of skip logic settle.
 */
export function cleanAnswers(
  def: FormDefinition,
  answers: Answers,
  opts: LogicOptions = {},
): Answers {
  const today = opts.today ?? localToday();
  let current = answers;
  for (let i = 0; i < 50; i++) {
    const next: Answers = {};
    cleanOnce(def.items, current, next, [current], today);
    if (JSON.stringify(next) === JSON.stringify(current)) return next;
    current = next;
  }
  return current;
}

function typeError(q: Question, v: AnswerValue, def: FormDefinition): LogicError["key"] | null {
  switch (q.type) {
    case "text":
      return typeof v === "string" ? null : "answer.text";
    case "integer":
      return typeof v === "number" && Number.isInteger(v) ? null : "answer.integer";
    case "decimal":
      return typeof v === "number" && Number.isFinite(v) ? null : "answer.decimal";
    case "yesno":
      return v === "yes" || v === "no" ? null : "answer.choice";
    case "select_one":
      return typeof v === "string" && (def.choices[q.list ?? ""] ?? []).some((c) => c.name === v)
        ? null
        : "answer.choice";
    case "select_multiple": {
      const names = new Set((def.choices[q.list ?? ""] ?? []).map((c) => c.name));
      return Array.isArray(v) &&
        v.every((x) => typeof x === "string" && names.has(x)) &&
        new Set(v as string[]).size === v.length
        ? null
        : "answer.choice";
    }
    case "date": {
      const m = typeof v === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
      if (!m) return "answer.date";
      const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
      return d.toISOString().slice(0, 10) === v ? null : "answer.date";
    }
    case "geopoint":
      return typeof v === "string" && geopointOf(v) ? null : "answer.geopoint";
    case "image":
      return (typeof v === "number" && Number.isInteger(v)) || (typeof v === "string" && v !== "")
        ? null
        : "answer.image";
    case "note":
      return null;
  }
}

function validateItems(
  def: FormDefinition,
  items: FormItem[],
  answers: Answers,
  scope: Scope,
  prefix: string,
  today: string,
  out: LogicError[],
): void {
  for (const item of items) {
    if (!holds(item.relevant, scope, today)) continue;
    if (item.kind === "group") {
      validateItems(def, item.items, answers, scope, prefix, today, out);
      continue;
    }
    const path = prefix + item.name;
    const v = answers[item.name];
    if (item.kind === "repeat") {
      if (v === undefined) continue;
      if (!Array.isArray(v) || !v.every(isEntry)) {
        out.push({ path, key: "answer.repeat", vars: {} });
        continue;
      }
      const max = item.maxCount ?? DEFAULT_MAX_COUNT;
      if (v.length > max) out.push({ path, key: "answer.tooMany", vars: { max } });
      v.forEach((entry, i) =>
        validateItems(def, item.items, entry, [entry, ...scope], `${path}[${i + 1}].`, today, out),
      );
      continue;
    }
    if (item.type === "note") continue;
    const empty = v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (item.required)
        out.push({ path, key: "answer.required", vars: {}, message: item.requiredMessage });
      continue;
    }
    const bad = typeError(item, v, def);
    if (bad) {
      out.push({ path, key: bad, vars: { list: item.list ?? "" } });
      continue;
    }
    if (typeof v === "number") {
      if (item.min !== undefined && v < item.min)
        out.push({ path, key: "answer.min", vars: { min: item.min } });
      if (item.max !== undefined && v > item.max)
        out.push({ path, key: "answer.max", vars: { max: item.max } });
    }
    if (item.constraint && !holds(item.constraint, scope, today, v))
      out.push({ path, key: "answer.constraint", vars: {}, message: item.constraintMessage });
  }
}

/** What is wrong with answers given to a form (only the relevant questions are checked). */
export function validateAnswers(
  def: FormDefinition,
  answers: Answers,
  opts: LogicOptions = {},
): LogicError[] {
  const today = opts.today ?? localToday();
  const kept = cleanAnswers(def, answers, { today });
  const out: LogicError[] = [];
  validateItems(def, def.items, kept, [kept], "", today, out);
  return out;
}

/** Every item of a form, depth first, with the repeat it sits in (if any). */
export function walkItems(
  items: FormItem[],
  visit: (item: FormItem, repeat: string | null) => void,
  repeat: string | null = null,
): void {
  for (const item of items) {
    visit(item, repeat);
    if (item.kind === "group") walkItems(item.items, visit, repeat);
    if (item.kind === "repeat") walkItems(item.items, visit, item.name);
  }
}

/** What is wrong with a definition: names, lists, labels, ranges and expressions. */
export function checkDefinition(def: FormDefinition): LogicError[] {
  const out: LogicError[] = [];
  if (!def.title.th.trim()) out.push({ path: "", key: "def.title", vars: {} });
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(def.formId))
    out.push({ path: "", key: "def.formId", vars: { name: def.formId } });
  const names = new Set<string>();
  walkItems(def.items, (item) => {
    if (!NAME.test(item.name))
      out.push({ path: item.name, key: "def.badName", vars: { name: item.name } });
    else if (names.has(item.name))
      out.push({ path: item.name, key: "def.duplicate", vars: { name: item.name } });
    names.add(item.name);
  });
  for (const [list, choices] of Object.entries(def.choices)) {
    const seen = new Set<string>();
    for (const c of choices) {
      if (!/^\S+$/.test(c.name) || seen.has(c.name))
        out.push({ path: list, key: "def.badChoice", vars: { list, name: c.name } });
      seen.add(c.name);
    }
  }
  walkItems(def.items, (item) => {
    const path = item.name;
    if (!item.label.th.trim()) out.push({ path, key: "def.label", vars: { name: path } });
    if (item.kind !== "question" && item.items.length === 0)
      out.push({ path, key: "def.emptyGroup", vars: { name: path } });
    const exprs: [string, string | undefined][] = [["relevant", item.relevant]];
    if (item.kind === "question") {
      exprs.push(["constraint", item.constraint]);
      if (item.type === "select_one" || item.type === "select_multiple") {
        if (!item.list || !def.choices[item.list]?.length)
          out.push({ path, key: "def.unknownList", vars: { name: path, list: item.list ?? "" } });
      }
      if (item.min !== undefined && item.max !== undefined && item.min > item.max)
        out.push({ path, key: "def.range", vars: { name: path } });
    }
    for (const [field, src] of exprs) {
      if (!src) continue;
      const r = parseExpression(src);
      if (!r.ok) {
        out.push({ path, key: r.error.key, vars: { ...r.error.vars, item: path, field } });
        continue;
      }
      for (const ref of references(r.value))
        if (!names.has(ref))
          out.push({ path, key: "def.unknownRef", vars: { name: path, field, ref } });
    }
  });
  return out;
}

/** The questions of a form, depth first (groups and repeats opened). */
export function questionsOf(def: FormDefinition): Question[] {
  const out: Question[] = [];
  walkItems(def.items, (item) => {
    if (item.kind === "question") out.push(item);
  });
  return out;
}

/**
 * The latitude and longitude of a geopoint answer ("lat lng", then altitude and accuracy when
 * given), or null when it is not a point on the earth.
 */
export function geopointOf(text: string): [number, number] | null {
  const parts = text.trim().split(/\s+/).map(Number);
  const [lat, lng] = parts;
  return parts.length >= 2 &&
    parts.length <= 4 &&
    parts.every(Number.isFinite) &&
    Math.abs(lat!) <= 90 &&
    Math.abs(lng!) <= 180
    ? [lat!, lng!]
    : null;
}
