// The libraries are loaded when a workbook is first written or read, not with the app: every
// process that loads the app (each test file, each command) would otherwise pay for them.
import type { Cell as LibCell, Sheet as LibSheet } from "write-excel-file/node";
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from "fflate";
import { fail, ok, type Result } from "./result.ts";

/**
 * Every XLSX of the platform is written and read here: `write-excel-file` and `read-excel-file`
 * (one author, one maintained pair; see docs/architecture.md). Cells the platform writes as text
 * stay text ("0102", not 102); a workbook read back is sheets of rows of strings.
 */

// ------------------------------------------------------------------ writing

/** A cell with its look: bold, spanning cells to its right or below, wrapped, aligned. */
export interface CellSpec {
  value: string | number | null;
  bold?: boolean;
  /** This cell and the next `colSpan - 1` to its right become one (give those as null). */
  colSpan?: number;
  /** This cell and the `rowSpan - 1` below it become one (give those as null). */
  rowSpan?: number;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  /** A light grey background, for header rows. */
  shaded?: boolean;
  /** A number format such as "#,##0.00" (numbers only). */
  format?: string;
}

/** A cell: text (always stored as text), a number, empty, or a cell with its look. */
export type Cell = string | number | null | undefined | CellSpec;

/** One sheet of a workbook to write. */
export interface SheetSpec {
  /** The tab's name (cut to 31 characters; characters Excel refuses are replaced). */
  name: string;
  rows: Cell[][];
  /** Column widths, in characters, from the first column. */
  widths?: number[];
  /** Printed on A4 landscape (A4 portrait otherwise). */
  landscape?: boolean;
  /** This many rows at the top stay in view while scrolling. */
  frozenRows?: number;
}

/** Excel's rules for a sheet's name: 1–31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(name: string, taken: ReadonlySet<string> = new Set()): string {
  const base = (name.replace(/[[\]:*?/\\]/g, "-").trim() || "Sheet").slice(0, 31);
  let out = base;
  for (let n = 2; taken.has(out.toLowerCase()); n++)
    out = `${base.slice(0, 31 - String(n).length - 1)}-${n}`;
  return out;
}

function libCell(cell: Cell): LibCell {
  if (cell === null || cell === undefined || cell === "") return null;
  const spec: CellSpec = typeof cell === "object" ? cell : { value: cell };
  const out: Record<string, unknown> = {};
  if (typeof spec.value === "number" && Number.isFinite(spec.value)) {
    out.type = Number;
    out.value = spec.value;
    if (spec.format) out.format = spec.format;
  } else if (spec.value !== null && spec.value !== undefined && spec.value !== "") {
    // Text: "@" tells the spreadsheet it is text, so a code like 0102 is never read as 102.
    out.type = String;
    out.value = String(spec.value);
    out.format = "@";
  }
  if (spec.bold) out.fontWeight = "bold";
  if (spec.colSpan && spec.colSpan > 1) out.columnSpan = spec.colSpan;
  if (spec.rowSpan && spec.rowSpan > 1) out.rowSpan = spec.rowSpan;
  if (spec.wrap) {
    out.wrap = true;
    out.alignVertical = "top";
  }
  if (spec.align) out.align = spec.align;
  if (spec.shaded) out.backgroundColor = "#E8E8E8";
  return out as LibCell;
}

/**
 * Writes a workbook of one or more sheets (A4 print setup on each) and gives its bytes. Text
 * cells are typed as text; numbers stay numbers.
 */
export async function writeWorkbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const taken = new Set<string>();
  const lib: LibSheet<never>[] = (sheets.length ? sheets : [{ name: "Sheet", rows: [] }]).map(
    (s) => {
      const name = sheetName(s.name, taken);
      taken.add(name.toLowerCase());
      const data = s.rows.length ? s.rows.map((r) => r.map(libCell)) : [[null]];
      return {
        sheet: name,
        data,
        ...(s.widths ? { columns: s.widths.map((width) => ({ width })) } : {}),
        // The writer's print setup is A4 (paper size 9) whenever an orientation is given.
        ...(s.landscape ? { orientation: "landscape" as const } : {}),
        ...(s.frozenRows ? { stickyRowsCount: s.frozenRows } : {}),
      };
    },
  );
  const { default: writeXlsxFile } = await import("write-excel-file/node");
  return writeXlsxFile(lib, { fontFamily: "Tahoma", fontSize: 11 }).toBuffer();
}

// ------------------------------------------------------------------ reading

/** One sheet read from a workbook: its name and its rows of text cells ("" when empty). */
export interface ReadSheet {
  name: string;
  rows: string[][];
}

/** Limits of a workbook read from an upload; over them it is refused, never half-read. */
export interface ReadLimits {
  /** Most rows of any sheet, the header included (default 10,000). */
  maxRows?: number;
  /** Most columns of any sheet (default MAX_COLUMNS, 200). */
  maxColumns?: number;
  /** Most bytes of the workbook's unpacked content (default 50 MB). */
  maxBytes?: number;
  /** The form field the errors are reported next to (default "file"). */
  field?: string;
}

/** Most columns of a sheet (or of a CSV file) taken for import. */
export const MAX_COLUMNS = 200;

/** Why a workbook was refused (core message keys). */
export type XlsxErrorKey =
  | "xlsx.notWorkbook"
  | "xlsx.tooLarge"
  | "xlsx.tooManyRows"
  | "xlsx.tooManyColumns"
  | "xlsx.nulCell";

const MB = 1024 * 1024;
const MAX_ENTRIES = 2_000;

/** The XML parts the reader needs; pictures and other parts of the package are left packed. */
const isXmlPart = (name: string) => name.endsWith(".xml") || name.endsWith(".rels");

/** Column letters (A, Z, AA …) as a number from 1. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const ROW_RE = /<(?:[\w-]+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w-]+:)?row>)/g;
const CELL_RE = /<(?:[\w-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w-]+:)?c>)/g;
const REF_RE = /\br="([A-Za-z]{1,4})?(\d{1,8})?"/;

/**
 * A worksheet's XML with its empty rows and cells taken out, and the extent of the cells that
 * hold something (the reader makes a full grid of that extent, so a single far-away cell in a
 * small file must be refused before it is read).
 */
function compactSheet(xml: string): { xml: string; rows: number; columns: number } {
  let lastRow = 0;
  let rows = 0;
  let columns = 0;
  const out = xml.replace(ROW_RE, (_whole, rowAttrs: string, body: string | undefined) => {
    const rm = REF_RE.exec(rowAttrs);
    const rowNo = rm?.[2] ? Number(rm[2]) : lastRow + 1;
    lastRow = rowNo;
    if (!body) return "";
    let lastCol = 0;
    let filled = false;
    const cells = body.replace(CELL_RE, (cell, cellAttrs: string, inner: string | undefined) => {
      const cm = REF_RE.exec(cellAttrs);
      const col = cm?.[1] ? columnNumber(cm[1]) : lastCol + 1;
      lastCol = col;
      if (!inner || !/<(?:[\w-]+:)?(?:v|is)\b/.test(inner)) return "";
      filled = true;
      columns = Math.max(columns, col);
      return cell;
    });
    if (!filled) return "";
    rows = Math.max(rows, rowNo);
    return `<row${rowAttrs}>${cells}</row>`;
  });
  return { xml: out, rows, columns };
}

/** What a date cell shows when its serial is beyond any date (as Excel shows it). */
export const NO_DATE = "########";

/** The day of date serial 0 (Excel's 1900 system): a date cell before it had a negative serial. */
const SERIAL_ZERO = Date.UTC(1899, 11, 30);

/**
 * A cell as text: numbers as written in the file, dates as YYYY-MM-DD, booleans TRUE/FALSE. A
 * date cell whose serial is no date (1e11, or below zero) is `NO_DATE`, which no importer reads
 * as a day.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()) || value.getTime() < SERIAL_ZERO) return NO_DATE;
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value as string | number);
}

/**
 * Reads every sheet of a workbook as rows of text cells, within limits: bytes that are not a
 * workbook, a package that unpacks beyond `maxBytes` (a zip bomb), a sheet beyond `maxRows` or
 * `maxColumns`, or a cell holding a NUL character answer a failed result next to the file's field,
 * never an exception. Empty rows at the end of a sheet are left out.
 */
export async function readWorkbook(
  buf: Uint8Array,
  limits: ReadLimits = {},
): Promise<Result<ReadSheet[], XlsxErrorKey>> {
  const field = limits.field ?? "file";
  const maxBytes = limits.maxBytes ?? 50 * MB;
  const maxRows = limits.maxRows ?? 10_000;
  const maxColumns = limits.maxColumns ?? MAX_COLUMNS;
  // A workbook is a zip package: it starts with a local file header.
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b || buf[2] !== 0x03 || buf[3] !== 0x04)
    return fail(field, "xlsx.notWorkbook");
  let parts: Unzipped;
  let unpacked = 0;
  let entries = 0;
  let oversize = false;
  try {
    // Sizes are those the package declares; the unpacker never writes past them, so a part that
    // lies about its size is cut short (and then fails to parse) instead of filling memory.
    parts = unzipSync(buf, {
      filter: (f) => {
        entries++;
        if (!isXmlPart(f.name)) return false;
        unpacked += f.originalSize;
        if (unpacked > maxBytes || entries > MAX_ENTRIES) oversize = true;
        return !oversize;
      },
    });
  } catch {
    return fail(field, "xlsx.notWorkbook");
  }
  if (oversize) return fail(field, "xlsx.tooLarge", { mb: Math.round(maxBytes / MB) });
  if (!parts["xl/workbook.xml"]) return fail(field, "xlsx.notWorkbook");
  for (const [name, data] of Object.entries(parts)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const sheet = compactSheet(strFromU8(data));
    if (sheet.rows > maxRows) return fail(field, "xlsx.tooManyRows", { max: maxRows });
    if (sheet.columns > maxColumns) return fail(field, "xlsx.tooManyColumns", { max: maxColumns });
    parts[name] = strToU8(sheet.xml);
  }
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    // Repacked without compression: the reader sees exactly the parts checked above.
    const checked = Buffer.from(zipSync(parts, { level: 0 }));
    const { default: readXlsxFile } = await import("read-excel-file/node");
    sheets = await readXlsxFile(checked, { parseNumber: (s: string) => s });
  } catch {
    return fail(field, "xlsx.notWorkbook");
  }
  const read = sheets.map((s) => {
    const rows = s.data.map((r) => r.map(cellText));
    while (rows.length && rows[rows.length - 1]!.every((c) => c === "")) rows.pop();
    return { name: s.sheet, rows };
  });
  // A NUL character (written `&#0;` or `_x0000_`) is no text a database column keeps: the
  // person is told which cell holds it.
  for (const sheet of read)
    for (const [r, row] of sheet.rows.entries()) {
      const c = row.findIndex((cell) => cell.includes("\u0000"));
      if (c >= 0) return fail(field, "xlsx.nulCell", { sheet: sheet.name, cell: cellName(r, c) });
    }
  return ok(read);
}

/** A cell's name as Excel shows it (row and column from 0): "A1", "AB12". */
export function cellName(row: number, column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** The sheet of that name (case and surrounding spaces ignored), or undefined. */
export function findSheet(sheets: readonly ReadSheet[], name: string): ReadSheet | undefined {
  const want = name.trim().toLowerCase();
  return sheets.find((s) => s.name.trim().toLowerCase() === want);
}
