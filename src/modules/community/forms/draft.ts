/**
 * Edits of a form's draft as the builder's plain HTML forms send them: an item read from the
 * form's fields (with errors per field), put in place, removed or moved. Every edit returns a new
 * definition; the stored draft changes only when the whole edit is valid.
 */
import type { FieldError } from "../../../core/result.ts";
import type {
  Choice,
  FormDefinition,
  FormItem,
  Group,
  Label,
  Question,
  Repeat,
} from "./definition.ts";
import { QUESTION_TYPES } from "./definition.ts";
import { parseExpression, references, walkItems } from "./logic.ts";

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
export type DraftErrors = Record<string, FieldError<string>>;
type Found = { item: FormItem; siblings: FormItem[]; index: number; parent: string };

/** Where an item sits (its siblings and the name of its group or repeat, "" at the top). */
export function findItem(def: FormDefinition, name: string): Found | undefined {
  const look = (items: FormItem[], parent: string): Found | undefined => {
    for (let index = 0; index < items.length; index++) {
      const item = items[index]!;
      if (item.name === name) return { item, siblings: items, index, parent };
      if (item.kind !== "question") {
        const inner = look(item.items, item.name);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return look(def.items, "");
}

/** The groups and repeats a question can be put in. */
export function containersOf(def: FormDefinition): (Group | Repeat)[] {
  const out: (Group | Repeat)[] = [];
  walkItems(def.items, (i) => {
    if (i.kind !== "question") out.push(i);
  });
  return out;
}

const clone = (def: FormDefinition): FormDefinition => structuredClone(def);

function label(body: Record<string, string>, base: string): Label | undefined {
  const th = (body[`${base}_th`] ?? "").trim();
  const en = (body[`${base}_en`] ?? "").trim();
  if (!th) return undefined;
  return en ? { th, en } : { th };
}

function parseNumber(raw: string | undefined): number | undefined | null {
  const s = (raw ?? "").trim().replace(/,/g, "");
  if (s === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

/** Choices typed one per line as `name = ข้อความไทย | English`. */
export function parseChoices(text: string): Choice[] | null {
  const out: Choice[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const m = /^\s*(\S+)\s*=\s*([^|]+?)\s*(?:\|\s*(.+?)\s*)?$/.exec(line);
    if (!m || out.some((c) => c.name === m[1])) return null;
    out.push({ name: m[1]!, label: m[3] ? { th: m[2]!, en: m[3] } : { th: m[2]! } });
  }
  return out;
}

/** A list's choices as the builder's text box shows them. */
export const choicesText = (cs: Choice[] = []): string =>
  cs.map((c) => `${c.name} = ${c.label.th}${c.label.en ? ` | ${c.label.en}` : ""}`).join("\n");

function checkExpr(
  field: string,
  src: string | undefined,
  names: Set<string>,
  errors: DraftErrors,
): void {
  if (!src) return;
  const r = parseExpression(src);
  if (!r.ok) {
    errors[field] = { key: `form.logic.${r.error.key}`, vars: r.error.vars };
    return;
  }
  for (const ref of references(r.value))
    if (!names.has(ref)) {
      errors[field] = { key: "form.logic.def.unknownRef", vars: { name: "", field, ref } };
      return;
    }
}

/**
 * Puts the item the builder's fields describe into a copy of the draft: a new one (at the end of
 * its group) or, with `editing`, in place of that item. Errors are per field, nothing applied.
 */
export function putItem(
  def: FormDefinition,
  body: Record<string, string>,
  editing?: string,
): { ok: true; value: FormDefinition } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const old = editing ? findItem(def, editing) : undefined;
  const kind = old?.item.kind ?? body.kind ?? "question";
  const name = (body.name ?? "").trim();
  const parent = (body.parent ?? old?.parent ?? "").trim();
  if (!NAME.test(name)) errors.name = { key: "form.logic.def.badName", vars: { name } };
  const names = new Set<string>();
  walkItems(def.items, (i) => names.add(i.name));
  if (name !== editing && names.has(name))
    errors.name = { key: "form.logic.def.duplicate", vars: { name } };
  names.delete(editing ?? "");
  names.add(name);
  const lbl = label(body, "label");
  if (!lbl) errors.label_th = { key: "err.required" };
  const relevant = (body.relevant ?? "").trim() || undefined;
  checkExpr("relevant", relevant, names, errors);
  const target = parent ? findItem(def, parent) : undefined;
  if (parent && (!target || target.item.kind === "question" || parent === editing))
    errors.parent = { key: "err.choice" };
  if (old && old.item.kind !== "question" && parent) {
    let inside = false;
    walkItems(old.item.items, (i) => (inside ||= i.name === parent));
    if (inside) errors.parent = { key: "err.choice" };
  }
  let item: FormItem;
  let list: Choice[] | undefined;
  if (kind === "group" || kind === "repeat") {
    const items = old && old.item.kind !== "question" ? old.item.items : [];
    item = { kind, name, label: lbl ?? { th: name }, items } as Group | Repeat;
    if (relevant) item.relevant = relevant;
    const max = parseNumber(body.max_count);
    if (max === null || (max !== undefined && (max < 1 || !Number.isInteger(max))))
      errors.max_count = { key: "err.number" };
    else if (kind === "repeat" && max !== undefined) (item as Repeat).maxCount = max;
  } else {
    const type = body.type as Question["type"];
    if (!(QUESTION_TYPES as readonly string[]).includes(type)) errors.type = { key: "err.choice" };
    const q: Question = { kind: "question", type, name, label: lbl ?? { th: name } };
    const hint = label(body, "hint");
    if (hint) q.hint = hint;
    if (body.required === "yes") q.required = true;
    if (relevant) q.relevant = relevant;
    const constraint = (body.constraint ?? "").trim() || undefined;
    checkExpr("constraint", constraint, names, errors);
    if (constraint) q.constraint = constraint;
    const cm = label(body, "constraint_msg");
    if (cm) q.constraintMessage = cm;
    if (type === "integer" || type === "decimal") {
      const min = parseNumber(body.min);
      const max = parseNumber(body.max);
      if (min === null) errors.min = { key: "err.number" };
      if (max === null) errors.max = { key: "err.number" };
      if (typeof min === "number" && typeof max === "number" && min > max)
        errors.max = { key: "form.logic.def.range", vars: { name } };
      if (typeof min === "number") q.min = min;
      if (typeof max === "number") q.max = max;
    }
    if (type === "select_one" || type === "select_multiple") {
      const cs = parseChoices(body.choices ?? "");
      if (!cs || cs.length === 0) errors.choices = { key: "form.choicesInvalid" };
      else list = cs;
      q.list = old?.item.kind === "question" && old.item.list ? old.item.list : name;
    }
    item = q;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  // A renamed item: the expressions that name it follow the new name.
  const next = editing && name !== editing ? renameInExpressions(def, editing, name) : clone(def);
  if (list && item.kind === "question") next.choices[item.list!] = list;
  if (editing) {
    const at = findItem(next, editing)!;
    if (at.parent === parent) {
      at.siblings[at.index] = item;
      return { ok: true, value: next };
    }
    at.siblings.splice(at.index, 1);
  }
  const into = parent ? (findItem(next, parent)!.item as Group | Repeat).items : next.items;
  into.push(item);
  return { ok: true, value: next };
}

/**
 * An expression with every `${from}` written `${to}` (text in quotes left as it is): a renamed
 * question keeps the skip logic and constraints that name it.
 */
export function renameRef(src: string, from: string, to: string): string {
  const ref = `\${${from}}`;
  let out = "";
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "'" || c === '"') {
      const j = src.indexOf(c, i + 1);
      const end = j < 0 ? src.length : j + 1;
      out += src.slice(i, end);
      i = end;
    } else if (src.startsWith(ref, i)) {
      out += `\${${to}}`;
      i += ref.length;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The draft with a question renamed in every expression that names it (a copy). */
export function renameInExpressions(def: FormDefinition, from: string, to: string): FormDefinition {
  const next = clone(def);
  walkItems(next.items, (i) => {
    for (const field of ["relevant", "constraint"] as const) {
      const q = i as Question;
      if (q[field]) q[field] = renameRef(q[field], from, to);
    }
  });
  return next;
}

/** The draft without an item (and its questions, for a group or repeat). */
export function removeItem(def: FormDefinition, name: string): FormDefinition | undefined {
  const next = clone(def);
  const at = findItem(next, name);
  if (!at) return undefined;
  at.siblings.splice(at.index, 1);
  return next;
}

/** The draft with an item moved one place up or down among its siblings. */
export function moveItem(
  def: FormDefinition,
  name: string,
  up: boolean,
): FormDefinition | undefined {
  const next = clone(def);
  const at = findItem(next, name);
  if (!at) return undefined;
  const to = at.index + (up ? -1 : 1);
  if (to < 0 || to >= at.siblings.length) return next;
  [at.siblings[at.index], at.siblings[to]] = [at.siblings[to]!, at.siblings[at.index]!];
  return next;
}

/** The builder's fields for an existing item. */
export function itemValues(
  def: FormDefinition,
  item: FormItem,
  parent: string,
): Record<string, string> {
  const v: Record<string, string> = {
    kind: item.kind,
    name: item.name,
    label_th: item.label.th,
    label_en: item.label.en ?? "",
    relevant: item.relevant ?? "",
    parent,
  };
  if (item.kind === "repeat")
    v.max_count = item.maxCount !== undefined ? String(item.maxCount) : "";
  if (item.kind === "question") {
    Object.assign(v, {
      type: item.type,
      hint_th: item.hint?.th ?? "",
      hint_en: item.hint?.en ?? "",
      required: item.required ? "yes" : "",
      constraint: item.constraint ?? "",
      constraint_msg_th: item.constraintMessage?.th ?? "",
      constraint_msg_en: item.constraintMessage?.en ?? "",
      min: item.min !== undefined ? String(item.min) : "",
      max: item.max !== undefined ? String(item.max) : "",
      choices: choicesText(def.choices[item.list ?? ""]),
    });
  }
  return v;
}
