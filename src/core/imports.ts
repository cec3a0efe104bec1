import { randomBytes } from "node:crypto";
import { CsvQuoteError, parseCsv, widthError } from "./csv.ts";
import type { Dictionary, Lang, Msg } from "./i18n/index.ts";
import type { CoreKey } from "./i18n/messages.ts";
import { fail, ok, translateErrors, type FieldError, type Result, type Vars } from "./result.ts";
import { MAX_COLUMNS, findSheet, readWorkbook } from "./xlsx.ts";

/**
 * The import kit: a CSV or XLSX file becomes a table (`readImportFile`); its columns are matched
 * to the importer's fields (`autoMap`, then the person's choice, `parseMapping`); every row is
 * checked and every bad row reported with its row number (`runImport` as a dry run); then all
 * rows are written in one transaction or none (`runImport` with `apply`). Each row has a key, so
 * running the same file again updates what changed and duplicates nothing.
 */

// ------------------------------------------------------------------ the file as a table

/** A data row of the file, with its row number as the spreadsheet shows it (from 1). */
export interface TableRow {
  line: number;
  cells: string[];
}

/** A file read for import: its header cells and its data rows (empty rows left out). */
export interface ImportTable {
  /** The file's name, shown back to the person. */
  filename: string;
  /** The sheet read, for a workbook. */
  sheet?: string;
  headers: string[];
  rows: TableRow[];
}

/** Limits of a file taken for import. */
export interface ImportLimits {
  /** Most data rows (default 10,000). */
  maxRows?: number;
  /** Most bytes of a CSV file or of a workbook unpacked (default 20 MB). */
  maxBytes?: number;
  /** The form field errors are reported next to (default "file"). */
  field?: string;
}

const MB = 1024 * 1024;

/** Message keys of the import kit and of the files it reads (all in core's dictionary). */
export type ImportKey =
  | "xlsx.notWorkbook"
  | "xlsx.tooLarge"
  | "xlsx.tooManyRows"
  | "xlsx.tooManyColumns"
  | "xlsx.nulCell"
  | "import.empty"
  | "import.noRows"
  | "import.oldExcel"
  | "import.notText"
  | "import.brokenText"
  | "import.openQuote"
  | "import.extraCells"
  | "import.sheetMissing"
  | "import.tooManyRows"
  | "import.required"
  | "import.columnTwice"
  | "import.duplicateRow"
  | "err.choice";

/**
 * True when bytes that are not valid UTF-8 still hold more UTF-8 characters than broken ones: a
 * UTF-8 file damaged or cut short, which read as windows-874 would turn every Thai letter into
 * two or three wrong ones. (Thai windows-874 text read as UTF-8 is mostly broken sequences.)
 */
export function damagedUtf8(data: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  for (const ch of new TextDecoder("utf-8").decode(data)) {
    if (ch === "\uFFFD") bad++;
    else if (ch.charCodeAt(0) >= 0x80) good++;
  }
  return good > bad;
}

/**
 * Text of a CSV file: UTF-8, or the Thai Windows code page (what older Excel saves as CSV); null
 * for bytes that are neither (a damaged UTF-8 file among them).
 */
export function decodeText(data: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    if (damagedUtf8(data)) return null;
    // Thai text saved by Excel as "CSV" on Windows is in windows-874 (TIS-620 and more). The
    // bytes it leaves undefined come out as private-use characters, which no Thai text has.
    const text = new TextDecoder("windows-874").decode(data);
    return /[\uE000-\uF8FF\uFFFD]/.test(text) ? null : text;
  }
}

/** Rows to a table: the first row with something in it is the header; empty rows are left out. */
function toTable(filename: string, rows: string[][], sheet?: string): ImportTable {
  const trimmed = rows.map((r) => r.map((c) => c.trim()));
  const head = trimmed.findIndex((r) => r.some((c) => c !== ""));
  if (head < 0) return { filename, sheet, headers: [], rows: [] };
  const headers = trimmed[head]!;
  while (headers.length && headers[headers.length - 1] === "") headers.pop();
  const data: TableRow[] = [];
  for (let i = head + 1; i < trimmed.length; i++) {
    const cells = trimmed[i]!;
    if (cells.some((c) => c !== "")) data.push({ line: i + 1, cells });
  }
  return { filename, sheet, headers, rows: data };
}

/**
 * Reads an uploaded CSV or XLSX file (told apart by its bytes, never its name) into a table.
 * For a workbook, the sheet named `sheet`, or else the first sheet with something in it.
 * Anything else (an old .xls, a picture, an empty file, a header without rows, too many rows) is
 * a field error.
 */
export async function readImportFile(
  file: { filename: string; data: Uint8Array },
  opts: ImportLimits & { sheet?: string } = {},
): Promise<Result<ImportTable, ImportKey>> {
  const field = opts.field ?? "file";
  const maxRows = opts.maxRows ?? 10_000;
  const maxBytes = opts.maxBytes ?? 20 * MB;
  const { data, filename } = file;
  if (!data.length) return fail(field, "import.empty");
  let table: ImportTable;
  if (data[0] === 0x50 && data[1] === 0x4b) {
    const book = await readWorkbook(data, { maxRows: maxRows + 1, maxBytes, field });
    if (!book.ok) return book;
    const wanted = opts.sheet?.trim();
    const sheet = wanted
      ? findSheet(book.value, wanted)
      : book.value.find((s) => s.rows.some((r) => r.some((c) => c.trim() !== "")));
    if (!sheet && wanted) return fail(field, "import.sheetMissing", { name: wanted });
    table = sheet ? toTable(filename, sheet.rows, sheet.name) : toTable(filename, []);
  } else if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
    return fail(field, "import.oldExcel");
  } else {
    if (data.length > maxBytes)
      return fail(field, "xlsx.tooLarge", { mb: Math.round(maxBytes / MB) });
    const text = decodeText(data);
    if (text === null && damagedUtf8(data)) return fail(field, "import.brokenText");
    if (text === null || text.includes("\u0000")) return fail(field, "import.notText");
    try {
      table = toTable(filename, parseCsv(text));
    } catch (err) {
      if (!(err instanceof CsvQuoteError)) throw err;
      return fail(field, "import.openQuote", { line: err.line });
    }
    // As many columns as a workbook may have: each is a choice of every field's select.
    if (table.headers.length > MAX_COLUMNS)
      return fail(field, "xlsx.tooManyColumns", { max: MAX_COLUMNS });
    const wide = widthError(table.rows, table.headers.length);
    if (wide) return fail(field, "import.extraCells", { line: wide.line, columns: wide.columns });
  }
  if (!table.headers.length) return fail(field, "import.empty");
  // A header row alone is no import of nothing: the person chose the wrong file or sheet.
  if (!table.rows.length) return fail(field, "import.noRows");
  if (table.rows.length > maxRows) return fail(field, "import.tooManyRows", { max: maxRows });
  return ok(table);
}

// ------------------------------------------------------------------ columns to fields

/** A field an importer takes: its name, its label in both languages, other header names. */
export interface ImportField {
  name: string;
  label: Msg;
  /** Further header names matched to this field (other spellings, abbreviations). */
  aliases?: readonly string[];
  required?: boolean;
}

/** Which column of the file each field is read from (its index in `headers`), or none. */
export type Mapping = Record<string, number | null>;

/** A header as compared: lower case, without marks like "*" or ":", spaces collapsed. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFC")
    .toLowerCase()
    .replace(/[*:："'`]/g, "")
    .replace(/[\s_\-.]+/g, " ")
    .trim();
}

/** A header without a part in brackets at its end ("ค่า (ร้อยละ)" → "ค่า"). */
const withoutBrackets = (h: string) => h.replace(/\s*[([{].*[)\]}]\s*$/, "").trim();

/**
 * Matches the file's headers to the fields by name, Thai label, English label or alias (case,
 * spacing and a trailing bracket ignored); each column goes to one field at most.
 */
export function autoMap(headers: readonly string[], fields: readonly ImportField[]): Mapping {
  const mapping: Mapping = {};
  const used = new Set<number>();
  const names = (f: ImportField) =>
    [f.name, f.label.th, f.label.en, ...(f.aliases ?? [])].map(normaliseHeader);
  const norm = headers.map(normaliseHeader);
  for (const pass of [(h: string) => h, withoutBrackets]) {
    for (const f of fields) {
      if (mapping[f.name] !== undefined && mapping[f.name] !== null) continue;
      const want = new Set(names(f).map(pass));
      const col = norm.findIndex((h, i) => !used.has(i) && h !== "" && want.has(pass(h)));
      mapping[f.name] = col >= 0 ? col : null;
      if (col >= 0) used.add(col);
    }
  }
  return mapping;
}

/** The form field that chooses a field's column. */
export const mappingField = (name: string) => `col_${name}`;

/** A mapping as form values (for the mapping form's selects). */
export function mappingValues(mapping: Mapping): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mapping).map(([k, v]) => [mappingField(k), v === null ? "" : String(v)]),
  );
}

/**
 * The mapping a person chose in the mapping form: every required field has a column, no column
 * feeds two fields, and every choice is a column of the file.
 */
export function parseMapping(
  body: Readonly<Record<string, string>>,
  headers: readonly string[],
  fields: readonly ImportField[],
): Result<Mapping, ImportKey> {
  const mapping: Mapping = {};
  const errors: Record<string, FieldError<ImportKey>> = {};
  const taken = new Map<number, string>();
  for (const f of fields) {
    const raw = (body[mappingField(f.name)] ?? "").trim();
    if (raw === "") {
      mapping[f.name] = null;
      if (f.required) errors[mappingField(f.name)] = { key: "import.required" };
      continue;
    }
    const col = /^\d{1,4}$/.test(raw) ? Number(raw) : -1;
    if (col < 0 || col >= headers.length) {
      errors[mappingField(f.name)] = { key: "err.choice" };
      continue;
    }
    const other = taken.get(col);
    if (other !== undefined) {
      errors[mappingField(f.name)] = {
        key: "import.columnTwice",
        vars: { column: headers[col] || String(col + 1) },
      };
      continue;
    }
    taken.set(col, f.name);
    mapping[f.name] = col;
  }
  return Object.keys(errors).length ? { ok: false, errors } : ok(mapping);
}

// ------------------------------------------------------------------ checking and applying

/** A bad row: its row number in the file, the field and column, and why (a message key). */
export interface RowError<K extends string = ImportKey> {
  line: number;
  field: string;
  /** The file's header of the column, when the field was read from one. */
  column?: string;
  key: K | ImportKey;
  vars?: Vars;
}

/** A row to write: new (`current` absent) or replacing what is stored under its key. */
export interface ImportChange<Row, Current> {
  line: number;
  row: Row;
  current?: Current;
}

/** How many rows are new, would change what is stored, or are the same as stored. */
export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
}

/**
 * What a module provides to import one kind of record. `parse` checks one row's cells (by
 * field name) and gives the row or errors per field; `key` names the record a row is about
 * (unique within the file; a re-run meets the same key). Everything stored is read and written
 * inside `transaction`, so a write that fails half-way leaves nothing behind.
 */
export interface Importer<Row, K extends string, Tx, Current> {
  fields: readonly ImportField[];
  parse(cells: Readonly<Record<string, string>>, line: number): Result<Row, K | CoreKey>;
  key(row: Row): string;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** What is stored now under the rows' keys. */
  current(tx: Tx, rows: readonly Row[]): Promise<ReadonlyMap<string, Current>>;
  /**
   * The row as it will be compared and stored when a record is stored under its key: fields
   * whose column was left unmatched (not in `matched`) keep what is stored, so an import of a
   * few columns never blanks the others. Without it, a row replaces what is stored whole.
   */
  keep?(row: Row, current: Current, matched: ReadonlySet<string>): Row;
  /** True when the stored record already says what the row says (the row is skipped). */
  same(current: Current, row: Row): boolean;
  /** Writes the new and changed rows (and the audit row) in the import's transaction. */
  write(
    tx: Tx,
    changes: readonly ImportChange<Row, Current>[],
    counts: ImportCounts,
  ): Promise<void>;
  /** Runs once at the end of an import that wrote something (the import's audit row). */
  finish?(tx: Tx, counts: ImportCounts): Promise<void>;
  /**
   * Set-based writing for very large files (`runStreamingImport`): rows go in large batches into
   * a staging table and are compared with what is stored and written by a few statements, with
   * the same rules as `current`, `keep`, `same` and `write`.
   */
  bulk?(tx: Tx): BulkWriter<Row>;
}

/** Writes a large import in bulk inside its transaction (see `Importer.bulk`). */
export interface BulkWriter<Row> {
  /** Takes a batch of good rows, in file order. */
  add(rows: readonly { line: number; row: Row }[]): Promise<void>;
  /**
   * Rows whose key an earlier row of the file already has (kept out of memory for a large file):
   * how many, and the first `limit` of them with the line of the first row of their key.
   */
  duplicates(limit: number): Promise<{ count: number; rows: { line: number; first: number }[] }>;
  /**
   * Compares every row taken with what is stored (unmatched fields keep what is stored) and, with
   * `apply`, writes the new and changed ones; gives the counts either way.
   */
  end(matched: ReadonlySet<string>, apply: boolean): Promise<ImportCounts>;
}

/** The outcome of a dry run or an import. */
export interface ImportReport<K extends string = ImportKey> extends ImportCounts {
  /** Data rows in the file. */
  rows: number;
  /** Every bad row, in file order. */
  errors: RowError<K>[];
  /** True when the rows were written (never when any row is bad). */
  applied: boolean;
}

/** The fields a column was matched to: only these may change what is stored. */
export function matchedFields(mapping: Mapping): Set<string> {
  return new Set(Object.keys(mapping).filter((name) => mapping[name] != null));
}

/**
 * Sorts rows against what is stored: new, the same as stored (skipped), or changed. A row about
 * a stored record first takes what is stored for its unmatched fields (`Importer.keep`).
 */
export function compareRows<Row, K extends string, Tx, Current>(
  importer: Importer<Row, K, Tx, Current>,
  good: readonly { line: number; row: Row }[],
  stored: ReadonlyMap<string, Current>,
  matched: ReadonlySet<string>,
): { changes: ImportChange<Row, Current>[]; counts: ImportCounts } {
  const changes: ImportChange<Row, Current>[] = [];
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0 };
  for (const g of good) {
    const current = stored.get(importer.key(g.row));
    if (current === undefined) {
      counts.create++;
      changes.push({ line: g.line, row: g.row });
      continue;
    }
    const row = importer.keep ? importer.keep(g.row, current, matched) : g.row;
    if (importer.same(current, row)) counts.unchanged++;
    else {
      counts.update++;
      changes.push({ line: g.line, row, current });
    }
  }
  return { changes, counts };
}

/** The cells of a row by field name, through the mapping. */
export function mappedCells(row: TableRow, mapping: Mapping): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [name, col] of Object.entries(mapping))
    cells[name] = col === null ? "" : (row.cells[col] ?? "").trim();
  return cells;
}

/**
 * Checks every row (required cells, the importer's own rules, a key met twice in the file) and
 * compares the good rows with what is stored. With `apply`, and only when no row is bad, the new
 * and changed rows are written in one transaction; with any bad row nothing is written and every
 * bad row is in the report.
 */
export async function runImport<Row, K extends string, Tx, Current>(
  table: ImportTable,
  mapping: Mapping,
  importer: Importer<Row, K, Tx, Current>,
  opts: { apply: boolean },
): Promise<ImportReport<K | CoreKey>> {
  const errors: RowError<K | CoreKey>[] = [];
  const good: { line: number; row: Row }[] = [];
  const seen = new Map<string, number>();
  const columnOf = (field: string) => {
    const col = mapping[field];
    return col === null || col === undefined ? undefined : table.headers[col] || undefined;
  };
  for (const tr of table.rows) {
    const cells = mappedCells(tr, mapping);
    const missing = importer.fields.filter((f) => f.required && !cells[f.name]);
    if (missing.length) {
      for (const f of missing)
        errors.push({
          line: tr.line,
          field: f.name,
          column: columnOf(f.name),
          key: "import.required",
        });
      continue;
    }
    const parsed = importer.parse(cells, tr.line);
    if (!parsed.ok) {
      for (const [field, e] of Object.entries(parsed.errors))
        errors.push({ line: tr.line, field, column: columnOf(field), key: e.key, vars: e.vars });
      continue;
    }
    const key = importer.key(parsed.value);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        line: tr.line,
        field: "_row",
        key: "import.duplicateRow",
        vars: { line: first },
      });
      continue;
    }
    seen.set(key, tr.line);
    good.push({ line: tr.line, row: parsed.value });
  }
  const apply = opts.apply && errors.length === 0;
  const matched = matchedFields(mapping);
  const counts = await importer.transaction(async (tx) => {
    const stored = await importer.current(
      tx,
      good.map((g) => g.row),
    );
    const { changes, counts: c } = compareRows(importer, good, stored, matched);
    if (apply && changes.length) {
      await importer.write(tx, changes, c);
      await importer.finish?.(tx, c);
    }
    return c;
  });
  return { rows: table.rows.length, errors, applied: apply, ...counts };
}

/** An importer ready to run on a table, whatever its row types (what the import routes take). */
export interface ImportJob {
  fields: readonly ImportField[];
  run(table: ImportTable, mapping: Mapping, apply: boolean): Promise<ImportReport<string>>;
}

/** An importer as an `ImportJob`. */
export function importJob<Row, K extends string, Tx, Current>(
  importer: Importer<Row, K, Tx, Current>,
): ImportJob {
  return {
    fields: importer.fields,
    run: (table, mapping, apply) => runImport(table, mapping, importer, { apply }),
  };
}

/** A row error in the person's language (the module's dictionary first, then core's). */
export function rowErrorText<K extends string, D extends string = never>(
  e: RowError<K>,
  lang: Lang,
  dictionary?: Dictionary<D>,
): string {
  return translateErrors({ e: { key: e.key, vars: e.vars } }, lang, dictionary).e!;
}

// ------------------------------------------------------------------ a file between two steps

/** Who a kept file belongs to: only the same person in the same tambon reads it back. */
interface Owner {
  tambonId: number;
  userId: number;
}

const KEEP_MS = 60 * 60 * 1000;
const KEEP_MAX = 100;
const kept = new Map<string, { owner: Owner; table: ImportTable; until: number }>();

/**
 * Keeps an uploaded table for the mapping and dry-run steps (an hour, in memory; the oldest go
 * first beyond a hundred), so the person need not send the file again; gives its token.
 */
export function keepImport(owner: Owner, table: ImportTable, now = Date.now()): string {
  for (const [token, k] of kept) if (k.until < now) kept.delete(token);
  while (kept.size >= KEEP_MAX) kept.delete(kept.keys().next().value!);
  const token = randomBytes(16).toString("hex");
  kept.set(token, { owner, table, until: now + KEEP_MS });
  return token;
}

/** The table kept under a token for this person and tambon, or null (expired, or another's). */
export function keptImport(token: string, owner: Owner, now = Date.now()): ImportTable | null {
  const k = /^[0-9a-f]{32}$/.test(token) ? kept.get(token) : undefined;
  if (!k || k.until < now) return null;
  if (k.owner.tambonId !== owner.tambonId || k.owner.userId !== owner.userId) return null;
  return k.table;
}

/** Forgets a kept table (after it was imported). */
export function dropImport(token: string): void {
  kept.delete(token);
}
