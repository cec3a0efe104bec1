/**
 * XLSForm workbooks (ODK / KoboToolbox) to and from a FormDefinition: the subset the platform
 * keeps (see definition.ts). Anything outside it is refused with the row it is on; metadata rows
 * (start, end, deviceid …) are left out, as the phone records those itself.
 */
import {
  findSheet,
  readWorkbook,
  writeWorkbook,
  type Cell,
  type ReadSheet,
} from "../../../core/xlsx.ts";
import type {
  Choice,
  FormDefinition,
  FormItem,
  Group,
  Label,
  Question,
  Repeat,
} from "./definition.ts";
import { checkDefinition, parseExpression, walkItems } from "./logic.ts";
import { formatLogicError } from "./logic-messages.ts";
import catalog from "./xlsform-messages.json" with { type: "json" };

/** A problem in a workbook: its sheet and row (as the spreadsheet numbers it, header = 1). */
export interface XlsFormError {
  sheet: string;
  row: number;
  key: string;
  vars: Record<string, string | number>;
}

export type XlsFormResult =
  { ok: true; value: FormDefinition } | { ok: false; errors: XlsFormError[] };

/** The words of a workbook's errors in Thai and English (merged into the dictionary as "form.xls."). */
export const XLSFORM_MESSAGES = catalog;

type Lang = "th" | "en";

/** An error as a sentence: "แถว 12 ชีต survey: ชนิด 'rank' ไม่รองรับ". */
export function formatXlsFormError(e: XlsFormError, lang: Lang): string {
  const fill = (s: string, vars: Record<string, string | number>) =>
    s.replace(/\{(\w+)\}/g, (all, k: string) => (k in vars ? String(vars[k]) : all));
  const own = (XLSFORM_MESSAGES as Record<string, { th: string; en: string }>)[e.key];
  const text = own
    ? fill(own[lang], e.vars)
    : formatLogicError({ path: "", key: e.key, vars: e.vars }, lang);
  return e.row > 0
    ? fill(XLSFORM_MESSAGES["xls.row"][lang], { row: e.row, sheet: e.sheet, text })
    : text;
}

const META = new Set(
  "start end today deviceid phonenumber username simserial subscriberid audit email instanceid".split(
    " ",
  ),
);
const SIMPLE = new Set(["text", "integer", "decimal", "date", "geopoint", "image", "note"]);
const UNSUPPORTED_COLUMNS = ["choice_filter", "repeat_count", "calculation", "trigger"];
const NUM = "(-?\\d+(?:\\.\\d+)?)";
const RANGE = new RegExp(
  `^\\.\\s*>=\\s*${NUM}(?:\\s+and\\s+\\.\\s*<=\\s*${NUM})?(?:\\s+and\\s+\\((.*)\\))?$`,
);
const MAX_ONLY = new RegExp(`^\\.\\s*<=\\s*${NUM}(?:\\s+and\\s+\\((.*)\\))?$`);

/** Which language a `label::…` column is: Thai, English or another (ignored). */
function langOf(suffix: string): Lang | null {
  const s = suffix.trim().toLowerCase();
  if (s === "th" || s.startsWith("thai") || s.includes("(th)")) return "th";
  if (s === "en" || s.startsWith("english") || s.includes("(en)")) return "en";
  return null;
}

type Row = (column: string) => string;
type LabelOf = (base: string) => Label | undefined;

function sheetReader(sheet: ReadSheet): {
  rows: { no: number; get: Row; label: LabelOf }[];
  columns: string[];
} {
  const header = (sheet.rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const rows = sheet.rows.slice(1).map((cells, i) => {
    const get: Row = (column) => {
      const at = header.indexOf(column);
      return at < 0 ? "" : (cells[at] ?? "").trim();
    };
    const label: LabelOf = (base) => {
      const out: { th?: string; en?: string } = {};
      header.forEach((h, at) => {
        const v = (cells[at] ?? "").trim();
        if (!v) return;
        if (h === base) out.th ??= v;
        else if (h.startsWith(`${base}::`)) {
          const lang = langOf(h.slice(base.length + 2));
          if (lang) out[lang] = v;
        }
      });
      if (out.th === undefined && out.en !== undefined) out.th = out.en;
      if (out.th === undefined) return undefined;
      return out.en !== undefined && out.en !== out.th
        ? { th: out.th, en: out.en }
        : { th: out.th };
    };
    return { no: i + 2, get, label };
  });
  return { rows, columns: header };
}

function readChoices(
  sheet: ReadSheet | undefined,
  errors: XlsFormError[],
): Record<string, Choice[]> {
  const choices: Record<string, Choice[]> = {};
  if (!sheet) return choices;
  for (const r of sheetReader(sheet).rows) {
    const list = r.get("list_name") || r.get("list name");
    const name = r.get("name");
    if (!list && !name) continue;
    if (!list || !name) {
      errors.push({ sheet: "choices", row: r.no, key: "xls.choice", vars: {} });
      continue;
    }
    (choices[list] ??= []).push({ name, label: r.label("label") ?? { th: name } });
  }
  return choices;
}

const isYesNo = (list: Choice[] | undefined): boolean =>
  !!list &&
  list.length === 2 &&
  list.some((c) => c.name === "yes") &&
  list.some((c) => c.name === "no");

/** Reads an XLSForm's sheets into a definition, or lists every row at fault. */
export function parseXlsForm(sheets: readonly ReadSheet[]): XlsFormResult {
  const errors: XlsFormError[] = [];
  const surveySheet = findSheet(sheets, "survey");
  if (!surveySheet)
    return { ok: false, errors: [{ sheet: "survey", row: 0, key: "xls.noSurvey", vars: {} }] };
  const survey = sheetReader(surveySheet);
  if (!survey.columns.includes("type"))
    return { ok: false, errors: [{ sheet: "survey", row: 1, key: "xls.noType", vars: {} }] };
  const choices = readChoices(findSheet(sheets, "choices"), errors);
  const err = (row: number, key: string, vars: XlsFormError["vars"] = {}) =>
    errors.push({ sheet: "survey", row, key, vars });

  const root: FormItem[] = [];
  const stack: { item: Group | Repeat; row: number }[] = [];
  const rowOf = new Map<string, number>();
  const used = new Set<string>();
  const into = (): FormItem[] => stack.at(-1)?.item.items ?? root;

  for (const r of survey.rows) {
    const type = r.get("type").replace(/\s+/g, " ").toLowerCase();
    const name = r.get("name");
    if (!type && !name) continue;
    if (META.has(type)) continue;
    for (const column of UNSUPPORTED_COLUMNS)
      if (r.get(column)) err(r.no, "xls.column", { column });
    const relevant = r.get("relevant") || undefined;
    const exprs: [string, string | undefined][] = [["relevant", relevant]];
    const m = /^(begin|end)[ _](group|repeat)$/.exec(type);
    if (m) {
      const kind = m[2] as "group" | "repeat";
      if (m[1] === "end") {
        if (stack.at(-1)?.item.kind !== kind) err(r.no, "xls.unopened", { kind: `end ${kind}` });
        else stack.pop();
        continue;
      }
      const label = r.label("label") ?? { th: name };
      const item: Group | Repeat =
        kind === "group" ? { kind, name, label, items: [] } : { kind, name, label, items: [] };
      if (relevant) item.relevant = relevant;
      const max = r.get("max_count");
      if (item.kind === "repeat" && max) {
        if (!/^\d+$/.test(max)) err(r.no, "xls.number", { value: max });
        else item.maxCount = Number(max);
      }
      checkExprs(r.no, exprs, err);
      into().push(item);
      stack.push({ item, row: r.no });
      rowOf.set(name, r.no);
      continue;
    }
    const sel = /^(select_one|select_multiple) (\S+)$/.exec(type);
    if (!sel && !SIMPLE.has(type)) {
      err(r.no, "xls.type", { type: r.get("type") || "(ว่าง)" });
      continue;
    }
    const label = r.label("label");
    if (!label) err(r.no, "xls.label", { name });
    const q: Question = {
      kind: "question",
      type: (sel?.[1] ?? type) as Question["type"],
      name,
      label: label ?? { th: name },
    };
    if (sel) {
      const list = sel[2]!;
      if (!choices[list]) err(r.no, "xls.unknownList", { list });
      else if (q.type === "select_one" && isYesNo(choices[list])) q.type = "yesno";
      else {
        q.list = list;
        used.add(list); // a yes/no list is implied by the type yesno and written back on export
      }
    }
    const hint = r.label("hint");
    if (hint) q.hint = hint;
    const req = r.get("required").toLowerCase();
    if (["yes", "true", "true()", "1"].includes(req)) q.required = true;
    else if (!["", "no", "false", "false()", "0"].includes(req))
      err(r.no, "xls.required", { value: r.get("required") });
    const reqMsg = r.label("required_message");
    if (reqMsg) q.requiredMessage = reqMsg;
    if (relevant) q.relevant = relevant;
    let constraint = r.get("constraint") || undefined;
    if (constraint && (q.type === "integer" || q.type === "decimal")) {
      const lo = RANGE.exec(constraint);
      const hi = lo ? null : MAX_ONLY.exec(constraint);
      if (lo) {
        q.min = Number(lo[1]);
        if (lo[2] !== undefined) q.max = Number(lo[2]);
        constraint = lo[3];
      } else if (hi) {
        q.max = Number(hi[1]);
        constraint = hi[2];
      }
    }
    if (constraint) q.constraint = constraint;
    exprs.push(["constraint", constraint]);
    const conMsg = r.label("constraint_message");
    if (conMsg) q.constraintMessage = conMsg;
    checkExprs(r.no, exprs, err);
    into().push(q);
    rowOf.set(name, r.no);
  }
  for (const open of stack)
    err(open.row, "xls.unclosed", { kind: open.item.kind, name: open.item.name });

  const settings = findSheet(sheets, "settings");
  const s = settings ? sheetReader(settings).rows[0] : undefined;
  const formId = s?.get("form_id") || "form";
  const title = s?.label("form_title") ?? { th: formId };
  const kept: Record<string, Choice[]> = {};
  for (const [list, cs] of Object.entries(choices)) if (used.has(list)) kept[list] = cs;
  const def: FormDefinition = { title, formId, items: root, choices: kept };
  if (errors.length === 0) {
    // Names, duplicates and references across rows, told at the row of the item at fault.
    for (const e of checkDefinition(def))
      if (!e.key.startsWith("expr."))
        errors.push({
          sheet: e.key === "def.badChoice" ? "choices" : "survey",
          row: rowOf.get(e.path) ?? 0,
          key: e.key,
          vars: e.vars,
        });
  }
  return errors.length
    ? { ok: false, errors: errors.sort((a, b) => a.row - b.row) }
    : { ok: true, value: def };
}

function checkExprs(
  row: number,
  exprs: [string, string | undefined][],
  err: (row: number, key: string, vars?: XlsFormError["vars"]) => void,
): void {
  for (const [field, src] of exprs) {
    if (!src) continue;
    const r = parseExpression(src);
    if (!r.ok) err(row, r.error.key, { ...r.error.vars, field });
  }
}

/** Reads an uploaded XLSForm workbook. */
export async function readXlsForm(buf: Uint8Array): Promise<XlsFormResult> {
  const sheets = await readWorkbook(buf, { maxRows: 5_000 });
  if (!sheets.ok) {
    const why = Object.values(sheets.errors)[0];
    return {
      ok: false,
      errors: [
        why?.key === "xlsx.nulCell"
          ? { sheet: "", row: 0, key: "xls.nul", vars: why.vars ?? {} }
          : { sheet: "", row: 0, key: "xls.workbook", vars: {} },
      ],
    };
  }
  return parseXlsForm(sheets.value);
}

const TH = "Thai (th)";
const EN = "English (en)";

/** The workbook's sheets for a definition (survey, choices, settings). */
export function xlsFormSheets(def: FormDefinition): { name: string; rows: Cell[][] }[] {
  const choices: Record<string, Choice[]> = { ...def.choices };
  let yesNo = Object.keys(choices).find((l) => isYesNo(choices[l]));
  let needsYesNo = false;
  walkItems(def.items, (i) => {
    if (i.kind === "question" && i.type === "yesno") needsYesNo = true;
  });
  if (needsYesNo && !yesNo) {
    yesNo = "yes_no";
    choices[yesNo] = [
      { name: "yes", label: { th: "ใช่", en: "Yes" } },
      { name: "no", label: { th: "ไม่ใช่", en: "No" } },
    ];
  }
  const header = [
    "type",
    "name",
    `label::${TH}`,
    `label::${EN}`,
    `hint::${TH}`,
    `hint::${EN}`,
    "required",
    `required_message::${TH}`,
    `required_message::${EN}`,
    "relevant",
    "constraint",
    `constraint_message::${TH}`,
    `constraint_message::${EN}`,
    "max_count",
  ];
  const survey: Cell[][] = [header];
  const l = (x: Label | undefined): [string, string] => [x?.th ?? "", x?.en ?? ""];
  const emit = (items: FormItem[]): void => {
    for (const item of items) {
      if (item.kind !== "question") {
        survey.push([
          `begin ${item.kind}`,
          item.name,
          ...l(item.label),
          "",
          "",
          "",
          "",
          "",
          item.relevant ?? "",
          "",
          "",
          "",
          item.kind === "repeat" && item.maxCount !== undefined ? String(item.maxCount) : "",
        ]);
        emit(item.items);
        survey.push([`end ${item.kind}`, "", "", "", "", "", "", "", "", "", "", "", "", ""]);
        continue;
      }
      const type =
        item.type === "yesno"
          ? `select_one ${yesNo}`
          : item.list
            ? `${item.type} ${item.list}`
            : item.type;
      const range = [
        item.min !== undefined ? `. >= ${item.min}` : "",
        item.max !== undefined ? `. <= ${item.max}` : "",
      ]
        .filter(Boolean)
        .join(" and ");
      const constraint =
        range && item.constraint
          ? `${range} and (${item.constraint})`
          : range || (item.constraint ?? "");
      survey.push([
        type,
        item.name,
        ...l(item.label),
        ...l(item.hint),
        item.required ? "yes" : "",
        ...l(item.requiredMessage),
        item.relevant ?? "",
        constraint,
        ...l(item.constraintMessage),
        "",
      ]);
    }
  };
  emit(def.items);
  const choiceRows: Cell[][] = [["list_name", "name", `label::${TH}`, `label::${EN}`]];
  for (const [list, cs] of Object.entries(choices))
    for (const c of cs) choiceRows.push([list, c.name, ...l(c.label)]);
  return [
    { name: "survey", rows: survey },
    { name: "choices", rows: choiceRows },
    {
      name: "settings",
      rows: [
        ["form_title", `form_title::${EN}`, "form_id", "default_language"],
        [def.title.th, def.title.en ?? "", def.formId, TH],
      ],
    },
  ];
}

/** A definition as an XLSForm workbook. */
export function writeXlsForm(def: FormDefinition): Promise<Buffer> {
  return writeWorkbook(xlsFormSheets(def));
}
