// What `tambon tambons add` and `tambon users import` share: the command line (`runSetupFile`),
// the CSV read through the import kit, the network administrator the commands act as, every row run in one transaction that is kept
// only when no row failed (and never on a dry run), and the report: one line per bad row on
// standard error, one line of JSON on standard output.
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { CliError, type CommandArgs } from "../../core/cli.ts";
import { loadConfig, type Config } from "../../core/config.ts";
import type { Database, Db, Tx } from "../../core/db/index.ts";
import { withDatabase } from "../../core/db/migrated.ts";
import { users } from "../../core/db/schema.ts";
import {
  autoMap,
  mappedCells,
  readImportFile,
  rowErrorText,
  type ImportField,
  type Mapping,
} from "../../core/imports.ts";
import { translateErrors, type FieldError } from "../../core/result.ts";
import type { Actor } from "../../core/roles.ts";
import { pick } from "../../core/pick.ts";

/** A row's cells by field name, with its line in the file (the header is line 1). */
export interface SetupRow {
  line: number;
  cells: Record<string, string>;
}

/** Why a row cannot be applied: Thai and English, one line each. */
export interface RowProblem {
  line: number;
  th: string;
  en: string;
}

/** A problem from a message in both languages. */
export const problem = (line: number, th: string, en: string): RowProblem => ({ line, th, en });

/** A problem from a command's field errors (core's dictionary), the first of them. */
export function resultProblem(line: number, errors: Record<string, FieldError>): RowProblem {
  const th = translateErrors(errors, "th");
  const en = translateErrors(errors, "en");
  const field = Object.keys(errors)[0] ?? "_form";
  return { line, th: th[field] ?? "", en: en[field] ?? "" };
}

/** How a setup file is applied: checked only (`--dry-run`), and as which network administrator. */
export interface SetupOptions {
  dryRun: boolean;
  as?: string;
}

/**
 * The command line of a setup file (`tambon tambons add FILE`, `tambon users import FILE`): the
 * one verb the command knows (else exit 2), the file read by field name, `--dry-run` and `--as`,
 * then `apply` on the migrated database, and its report; returns the exit code.
 */
export async function runSetupFile(
  { values, positionals }: CommandArgs,
  command: { name: string; verb: string; fields: readonly ImportField[] },
  apply: (
    database: Database,
    config: Config,
    rows: SetupRow[],
    options: SetupOptions,
  ) => Promise<SetupResult>,
): Promise<number> {
  const { name, verb } = command;
  const [given, file] = positionals as [string, string];
  if (given !== verb)
    throw new CliError(
      `${name}: unknown action "${given}", use ${name} ${verb} FILE / ใช้ ${name} ${verb} FILE; see tambon ${name} --help`,
      2,
    );
  // `--as ""` names nobody: never read as "the only network administrator".
  if (typeof values.as === "string" && !values.as.trim())
    throw new CliError(
      `${name} ${verb}: --as needs a USERNAME / ต้องระบุชื่อผู้ใช้หลัง --as; see tambon ${name} --help`,
      2,
    );
  const rows = await readSetupFile(`${name} ${verb}`, file, command.fields);
  const options: SetupOptions = {
    dryRun: !!values["dry-run"],
    as: typeof values.as === "string" ? values.as : undefined,
  };
  const config = loadConfig();
  return await withDatabase(config, async (database) => {
    const result = await apply(database, config, rows, options);
    return report(`${name} ${verb}`, rows.length, result, options.dryRun);
  });
}

/** Reads a CSV or XLSX file into rows by field name; a missing column or bad file is a CliError. */
export async function readSetupFile(
  command: string,
  file: string,
  fields: readonly ImportField[],
): Promise<SetupRow[]> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    throw new CliError(`${command}: cannot read ${file} / อ่านไฟล์ไม่ได้`);
  }
  const read = await readImportFile({ filename: path.basename(file), data }, { maxRows: 5000 });
  if (!read.ok) {
    const e = Object.values(read.errors)[0]!;
    const text = (lang: "th" | "en") =>
      rowErrorText({ line: 0, field: "file", key: e.key, vars: e.vars }, lang);
    throw new CliError(`${command}: ${text("th")} / ${text("en")}`);
  }
  const table = read.value;
  const mapping: Mapping = autoMap(table.headers, fields);
  const missing = fields.filter((f) => f.required && mapping[f.name] === null);
  if (missing.length)
    throw new CliError(
      `${command}: ไม่พบคอลัมน์ ${missing.map((f) => f.label.th).join(", ")} / missing columns ${missing
        .map((f) => f.name)
        .join(", ")}`,
    );
  return table.rows.map((r) => ({ line: r.line, cells: mappedCells(r, mapping) }));
}

/**
 * The network administrator the command acts as (audited as them): the account `--as` names, or
 * the only network administrator there is.
 */
export async function networkAdmin(
  db: Db,
  command: string,
  as: string | undefined,
): Promise<Actor> {
  const admins = await db
    .select({ ...pick(users, "id", "name", "username") })
    .from(users)
    .where(and(eq(users.isNetworkAdmin, true), eq(users.disabled, false)))
    .orderBy(asc(users.id));
  const chosen = as ? admins.filter((a) => a.username === as.trim().toLowerCase()) : admins;
  if (chosen.length !== 1)
    throw new CliError(
      as
        ? `${command}: "${as}" is not a network administrator / ไม่ใช่ผู้ดูแลเครือข่าย`
        : admins.length
          ? `${command}: several network administrators; choose one with --as USERNAME / มีผู้ดูแลเครือข่ายหลายคน ระบุด้วย --as`
          : `${command}: no network administrator yet; run tambon create-admin first / ยังไม่มีผู้ดูแลเครือข่าย`,
      2,
    );
  const admin = chosen[0]!;
  return {
    user: { id: admin.id, name: admin.name, isNetworkAdmin: true, lang: "th" },
    roles: new Map(),
    memberOf: new Set(),
  };
}

class Rollback extends Error {}

/** How many rows were created, changed or already as the file says. */
export interface SetupCounts {
  create: number;
  update: number;
  unchanged: number;
}

/**
 * Runs `work` on every row inside one transaction: kept when no row has a problem and this is not
 * a dry run, else rolled back (a dry run runs the very same commands, so it finds what a real run
 * would). Returns the counts and the problems.
 */
export async function allOrNothing(
  db: Db,
  dryRun: boolean,
  work: (tx: Db, counts: SetupCounts, problems: RowProblem[]) => Promise<void>,
): Promise<{ counts: SetupCounts; problems: RowProblem[]; applied: boolean }> {
  const counts: SetupCounts = { create: 0, update: 0, unchanged: 0 };
  const problems: RowProblem[] = [];
  let applied = false;
  try {
    await db.transaction(async (tx: Tx) => {
      // The commands take a database handle; inside, their own transactions become savepoints.
      await work(tx as unknown as Db, counts, problems);
      if (problems.length || dryRun) throw new Rollback();
    });
    applied = true;
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return { counts, problems, applied };
}

/** What applying a setup file did: the counts, the rows that could not be applied, whether kept. */
export interface SetupResult {
  counts: SetupCounts;
  problems: RowProblem[];
  applied: boolean;
}

/** Prints the problems (stderr) and the summary (stdout); returns the exit code. */
export function report(
  command: string,
  rows: number,
  result: SetupResult,
  dryRun: boolean,
): number {
  for (const p of [...result.problems].sort((a, b) => a.line - b.line))
    process.stderr.write(`แถว ${p.line}: ${p.th} / row ${p.line}: ${p.en}\n`);
  const badRows = new Set(result.problems.map((p) => p.line)).size;
  process.stdout.write(
    JSON.stringify({ command, rows, badRows, ...result.counts, applied: result.applied, dryRun }) +
      "\n",
  );
  return badRows ? 1 : 0;
}
