import type { AnswerValue, Answers, FormDefinition, FormItem } from "../forms/definition.ts";

/** A submission as the analysts' export shows it. */
export interface ExportedSubmission {
  clientId: string;
  moo: number;
  houseNo: string | null;
  status: string;
  collectedAt: Date | null;
  receivedAt: Date;
  round: string | null;
  answers: Answers;
}

/** A table of the export: its name (the form's id, or a repeat's name), header and rows. */
export interface OdkTable {
  name: string;
  headers: string[];
  rows: (string | number)[][];
}

interface Column {
  name: string;
  path: string;
}

/** The columns of a level (top or a repeat's entries) and the repeats directly inside it. */
function levelOf(
  items: readonly FormItem[],
  prefix = "",
): { cols: Column[]; repeats: { name: string; path: string; items: FormItem[] }[] } {
  const cols: Column[] = [];
  const repeats: { name: string; path: string; items: FormItem[] }[] = [];
  for (const it of items) {
    const path = prefix ? `${prefix}/${it.name}` : it.name;
    if (it.kind === "question") {
      if (it.type !== "note") cols.push({ name: it.name, path });
    } else if (it.kind === "group") {
      const inner = levelOf(it.items, path);
      cols.push(...inner.cols);
      repeats.push(...inner.repeats);
    } else repeats.push({ name: it.name, path, items: it.items });
  }
  return { cols, repeats };
}

const cell = (v: AnswerValue | undefined): string | number => {
  if (v === undefined) return "";
  if (Array.isArray(v))
    return v.every((x) => typeof x === "string") ? (v as string[]).join(" ") : "";
  return v as string | number;
};

/**
 * Submissions in the shape ODK Central and KoboToolbox export them: one table for the form (a
 * column per question, named by its group path, select_multiple as space-separated names) with
 * `_index`, `_uuid` and `_submission_time`, and one table per repeat group whose rows point to
 * their parent by `_parent_index` (and `_parent_table_name`), as Kobo does. The tambon's own
 * columns `_village` and `_household` let `tambon import submissions` read the file back.
 */
export function odkTables(def: FormDefinition, list: readonly ExportedSubmission[]): OdkTable[] {
  const top = levelOf(def.items);
  const main: OdkTable = {
    name: def.formId || "survey",
    headers: [
      ...top.cols.map((c) => c.path),
      "_index",
      "_uuid",
      "meta/instanceID",
      "_submission_time",
      "_round",
      "_village",
      "_household",
      "_status",
    ],
    rows: [],
  };
  const tables: OdkTable[] = [main];
  const repeatTables = new Map<string, { table: OdkTable; counter: { n: number } }>();
  const walkRepeats = (
    repeats: ReturnType<typeof levelOf>["repeats"],
    answers: Answers,
    parentIndex: number,
    parentTable: string,
  ) => {
    for (const r of repeats) {
      const level = levelOf(r.items, r.path);
      let entry = repeatTables.get(r.name);
      if (!entry) {
        entry = {
          table: {
            name: r.name,
            headers: [
              ...level.cols.map((c) => c.path),
              "_index",
              "_parent_table_name",
              "_parent_index",
              "_submission__uuid",
            ],
            rows: [],
          },
          counter: { n: 0 },
        };
        repeatTables.set(r.name, entry);
        tables.push(entry.table);
      }
      const value = answers[r.name];
      const entries = Array.isArray(value)
        ? (value as unknown[]).filter(
            (x): x is Answers => !!x && typeof x === "object" && !Array.isArray(x),
          )
        : [];
      for (const e of entries) {
        const index = ++entry.counter.n;
        entry.table.rows.push([
          ...level.cols.map((c) => cell(e[c.name])),
          index,
          parentTable,
          parentIndex,
          "",
        ]);
        walkRepeats(level.repeats, e, index, r.name);
      }
    }
  };
  list.forEach((s, i) => {
    const index = i + 1;
    main.rows.push([
      ...top.cols.map((c) => cell(s.answers[c.name])),
      index,
      s.clientId,
      `uuid:${s.clientId}`,
      (s.collectedAt ?? s.receivedAt).toISOString(),
      s.round ?? "",
      s.moo,
      s.houseNo === null ? "" : `${s.moo}/${s.houseNo}`,
      s.status,
    ]);
    const before = new Map([...repeatTables].map(([k, v]) => [k, v.table.rows.length]));
    walkRepeats(top.repeats, s.answers, index, main.name);
    // The submission's uuid on its repeat rows (Kobo's _submission__uuid).
    for (const [k, v] of repeatTables)
      for (let r = before.get(k) ?? 0; r < v.table.rows.length; r++) {
        const row = v.table.rows[r]!;
        row[row.length - 1] = s.clientId;
      }
  });
  return tables;
}
