import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { CliError, type CommandArgs } from "../../../core/cli.ts";
import { loadConfig } from "../../../core/config.ts";
import { parseId } from "../../../core/params.ts";
import { withDatabase } from "../../../core/db/migrated.ts";
import { tambons } from "../../../core/db/schema.ts";
import { afterImport } from "../indicators/compute.ts";
import {
  autoMap,
  readImportFile,
  rowErrorText,
  type ImportField,
  type ImportKey,
  type Importer,
  type Mapping,
  type RowError,
} from "../../../core/imports.ts";
import {
  BrokenTextError,
  csvSource,
  NotTextError,
  runStreamingImport,
  tableSource,
  type CsvSource,
} from "../../../core/import-stream.ts";
import { NulCellError, WorkbookError, xlsxSource } from "../../../core/xlsx-stream.ts";
import { CsvQuoteError, CsvWidthError } from "../../../core/csv.ts";
import { msg } from "../messages.ts";
import { peopleImporter } from "../imports/people.ts";
import { figureImporter } from "../imports/figures.ts";
import { submissionImporter, type RepeatSheet } from "../imports/submissions.ts";
import type { Db, Tx } from "../../../core/db/index.ts";
import { progressBar } from "./progress.ts";
import { databaseUpkeep } from "../../../core/db/upkeep.ts";
import { pick } from "../../../core/pick.ts";

const KINDS = ["people", "submissions", "figures"] as const;

/** Most rows of a submissions workbook (read whole, for its repeat-group sheets). */
const MAX_ROWS = 1_000_000;
const MAX_BYTES = 400 * 1024 * 1024;
/** Most bytes a streamed sheet or its shared strings may unpack to. */
const MAX_UNPACKED = 4 * 1024 ** 3;

/** The columns every required field is read from, or a one-line error naming those missing. */
function mappingOf(headers: string[], fields: readonly ImportField[]): Mapping {
  const mapping = autoMap(headers, fields);
  const missing = fields.filter((f) => f.required && mapping[f.name] === null);
  if (missing.length)
    throw new CliError(
      `import: ไม่พบคอลัมน์ ${missing.map((f) => `“${f.label.th}”`).join(", ")} / missing columns ${missing
        .map((f) => f.name)
        .join(", ")}`,
    );
  return mapping;
}

/** `tambon import KIND FILE --tambon SLUG [--form ID --round ID] [--dry-run]`. */
export async function run({ values, positionals }: CommandArgs): Promise<number> {
  const [kind, file] = positionals as [string, string];
  if (!(KINDS as readonly string[]).includes(kind))
    throw new CliError(
      `import: KIND is people, submissions or figures / ชนิดต้องเป็น people, submissions หรือ figures`,
      2,
    );
  const slug = values.tambon;
  if (typeof slug !== "string" || !slug)
    throw new CliError("import: give the tambon with --tambon SLUG / ต้องระบุ --tambon", 2);
  const id = (name: "form" | "round") => {
    // An id is at most MAX_ID: a larger number is no record (and no integer the database takes).
    const v = parseId(values[name]);
    if (v === null)
      throw new CliError(`import submissions: give --${name} ID / ต้องระบุ --${name} เป็นตัวเลข`, 2);
    return v;
  };
  const formId = kind === "submissions" ? id("form") : 0;
  const roundId = kind === "submissions" ? id("round") : 0;
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error("not a file");
    size = stat.size;
  } catch {
    throw new CliError(`import: cannot read ${file} / อ่านไฟล์ไม่ได้`);
  }
  const dryRun = !!values["dry-run"];
  const filename = path.basename(file);
  return await withDatabase(loadConfig(), async (database) => {
    const db = database.db;
    const [tb] = await db.select().from(tambons).where(eq(tambons.slug, slug));
    if (!tb) throw new CliError(`import: no tambon "${slug}" / ไม่มีตำบลนี้`);
    const head = Buffer.alloc(4);
    const { openSync, readSync, closeSync } = await import("node:fs");
    const fd = openSync(file, "r");
    readSync(fd, head, 0, 4, 0);
    closeSync(fd);
    const workbook = head[0] === 0x50 && head[1] === 0x4b;
    if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
      throw fileError("import.oldExcel");
    let source: CsvSource;
    let sheets: { name: string; headers: string[]; rows: { line: number; cells: string[] }[] }[] =
      [];
    // CSV (UTF-8 or windows-874) and the first sheet of a workbook are read as they stream; only
    // a submissions workbook, whose repeat groups are other sheets, is read whole.
    if (!workbook) source = await csvSource(file, size).catch(streamError);
    else if (kind !== "submissions")
      source = await xlsxSource(file, { maxBytes: MAX_UNPACKED }).catch(streamError);
    else {
      const data = readFileSync(file);
      const read = await readImportFile(
        { filename, data },
        { maxRows: MAX_ROWS, maxBytes: MAX_BYTES },
      );
      if (!read.ok) {
        const e = Object.values(read.errors)[0]!;
        throw fileError(e.key, e.vars);
      }
      source = tableSource(read.value.headers, read.value.rows);
      if (workbook && kind === "submissions") {
        const { readWorkbook } = await import("../../../core/xlsx.ts");
        const book = await readWorkbook(data, { maxRows: MAX_ROWS, maxBytes: MAX_BYTES });
        if (book.ok)
          sheets = book.value.slice(1).map((s) => {
            const rows = s.rows.map((r) => r.map((c) => c.trim()));
            return {
              name: s.name,
              headers: rows[0] ?? [],
              rows: rows.slice(1).map((cells, i) => ({ line: i + 2, cells })),
            };
          });
      }
    }
    // An empty file, or a header row alone, is refused as the web import refuses it: a report of
    // nothing imported would read as a success.
    if (!source.headers.length) throw fileError("import.empty");
    if (!(await hasRows(source).catch(streamError))) throw fileError("import.noRows");
    const go = async <R, C>(importer: Importer<R, string, Tx, C>) => {
      const mapping = mappingOf(source.headers, importer.fields);
      return runStreamingImport(source, mapping, importer, {
        apply: !dryRun,
        batch: 5000,
        onProgress: (p) => bar.update(p),
      }).catch(streamError);
    };
    const bar = progressBar();
    const report =
      kind === "people"
        ? await go(await peopleImporter(db, tb.id, null, filename, database.kind === "postgres"))
        : kind === "figures"
          ? await go(await figureImporter(db, tb.id, null, filename))
          : await go(
              await submissions(db, tb.id, filename, {
                formId,
                roundId,
                repeatSheets: sheets,
                headers: source.headers,
              }),
            );
    bar.done();
    // Indicators computed from answers follow what was imported (as a web import does).
    if (report.applied && report.badRows === 0 && report.create + report.update > 0) {
      await afterImport(db, tb.id, null);
      // The planner's statistics of the tables the import filled (PGlite has no autovacuum).
      await databaseUpkeep(database, { postgres: true });
    }
    for (const e of report.errors) {
      const where = e.column ?? e.field;
      process.stderr.write(
        `แถว ${e.line} คอลัมน์ ${where}: ${rowErrorText(e, "th", msg)} / row ${e.line} column ${where}: ${rowErrorText(e, "en", msg)}\n`,
      );
    }
    if (report.badRows > report.errors.length)
      process.stderr.write(`… ${report.badRows} แถวผิดทั้งหมด / bad rows in all\n`);
    process.stdout.write(
      JSON.stringify({
        kind,
        tambon: slug,
        ...pick(report, "rows", "badRows", "create", "update", "unchanged"),
        applied: report.applied && report.badRows === 0,
        dryRun,
      }) + "\n",
    );
    return report.badRows ? 1 : 0;
  });
}

/** Whether a source holds a row of data (read up to the first one). */
async function hasRows(source: CsvSource): Promise<boolean> {
  for await (const part of source.batches(1)) return part.length > 0;
  return false;
}

/** A file refused as a whole, as the command's one line in Thai and English. */
function fileError(key: ImportKey, vars?: RowError["vars"]): CliError {
  const text = (lang: "th" | "en") => rowErrorText({ line: 0, field: "file", key, vars }, lang);
  return new CliError(`import: ${text("th")} / ${text("en")}`);
}

/** A file found not to be text or not a workbook while it streams, as a one-line error. */
function streamError(err: unknown): never {
  if (err instanceof BrokenTextError) throw fileError("import.brokenText");
  if (err instanceof NotTextError) throw fileError("import.notText");
  if (err instanceof CsvQuoteError) throw fileError("import.openQuote", { line: err.line });
  if (err instanceof CsvWidthError)
    throw fileError("import.extraCells", { line: err.line, columns: err.columns });
  if (err instanceof NulCellError)
    throw fileError("xlsx.nulCell", { sheet: err.sheet, cell: err.cell });
  if (err instanceof WorkbookError) throw fileError("xlsx.notWorkbook");
  throw err;
}

async function submissions(
  db: Db,
  tambonId: number,
  filename: string,
  opts: { formId: number; roundId: number; headers: string[]; repeatSheets: RepeatSheet[] },
) {
  const made = await submissionImporter(db, tambonId, null, filename, opts);
  if (!made.ok) {
    const e = Object.values(made.errors)[0]!;
    throw new CliError(`import: ${msg.t("th")(e.key)} / ${msg.t("en")(e.key)}`);
  }
  return made.value;
}
