import type { FastifyInstance, FastifyReply, FastifyRequest, RouteGenericInterface } from "fastify";
import { toCsv } from "./csv.ts";
import { sendDownload } from "./download.ts";
import { writeWorkbook, type Cell } from "./xlsx.ts";

/**
 * A table the platform offers for download, declared once and sent as CSV or as XLSX. In the
 * XLSX every text cell is typed as text, so a phone number (074000000), a village number (07) or
 * an ID number keeps its leading zeros, and a text such as "-5" or "=SUM" is plain text without
 * the apostrophe the CSV puts before it (a spreadsheet would run it as a formula there).
 */

/** One value of an exported table: text stays text, a number stays a number. */
export type TableValue = string | number | boolean | null | undefined;

/** The formats every table is offered in. */
export const TABLE_FORMATS = ["csv", "xlsx"] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export interface ExportTable {
  /** The file's name without its extension. */
  file: string;
  /** The XLSX sheet's name (the file's name when not given). */
  sheet?: string;
  columns: readonly string[];
  rows: readonly (readonly TableValue[])[];
  /** XLSX column widths in characters; by default from the longest value, within 8–50. */
  widths?: number[];
  /** The XLSX prints on A4 landscape. */
  landscape?: boolean;
}

/** A value as the CSV shows it: booleans as true/false, numbers as written. */
function text(value: TableValue): string {
  return value === null || value === undefined ? "" : String(value);
}

function xlsxCell(value: TableValue): Cell {
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "boolean") return String(value);
  return value ?? null;
}

function autoWidths(table: ExportTable): number[] {
  return table.columns.map((c, i) => {
    let longest = c.length;
    for (const r of table.rows.slice(0, 500)) longest = Math.max(longest, text(r[i]).length);
    return Math.min(50, Math.max(8, longest + 2));
  });
}

/** The table as a CSV document (UTF-8 with BOM, formulas defused). */
export function tableCsv(table: ExportTable): string {
  return toCsv(
    [...table.columns],
    table.rows.map((r) => [...r]),
  );
}

/** The table as a one-sheet workbook: a bold header row that stays in view, text cells as text. */
export function tableXlsx(table: ExportTable): Promise<Buffer> {
  return writeWorkbook([
    {
      name: table.sheet ?? table.file,
      rows: [
        table.columns.map((h) => ({ value: h, bold: true, shaded: true })),
        ...table.rows.map((r) => r.map(xlsxCell)),
      ],
      widths: table.widths ?? autoWidths(table),
      frozenRows: 1,
      ...(table.landscape ? { landscape: true } : {}),
    },
  ]);
}

/** Sends the table as a download in the format asked. */
export async function sendTable(
  reply: FastifyReply,
  table: ExportTable,
  format: TableFormat,
): Promise<FastifyReply> {
  return sendDownload(reply, {
    type: format,
    name: `${table.file}.${format}`,
    body: format === "csv" ? tableCsv(table) : await tableXlsx(table),
  });
}

/**
 * Registers a table's downloads at `<path>.csv` and `<path>.xlsx`: the route declares the table
 * once (`load`, which also checks access) and gets both formats. `load` is told the format for
 * its audit or read log.
 */
export function tableRoutes<R extends RouteGenericInterface = RouteGenericInterface>(
  app: FastifyInstance,
  path: string,
  load: (req: FastifyRequest<R>, format: TableFormat) => Promise<ExportTable>,
): void {
  for (const format of TABLE_FORMATS) {
    app.get(`${path}.${format}`, async (req, reply) =>
      sendTable(reply, await load(req as FastifyRequest<R>, format), format),
    );
  }
}
