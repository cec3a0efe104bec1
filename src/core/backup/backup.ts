// `tambon backup`: one archive of everything an installation needs — every table of the database
// as JSON lines (one row_to_json per row, the same on PGlite and PostgreSQL, so an archive made on
// one restores on the other), the stored files among them (stored_files), and the installation
// secret — with a manifest that names the schema's migrations, each table's rows and each part's
// SHA-256. The rows are read through a cursor in one read-only snapshot, a batch at a time, and
// written to disk before they are archived: the database is never held in memory.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, open, rename, rm, stat, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { rowsOf, type Database, type DbOrTx } from "../db/index.ts";
import { writeArchive } from "./archive.ts";
import { silent, type Progress } from "./progress.ts";

/** The archive's kind and the version of its layout (a restore refuses another). */
export const FORMAT = "tambon-backup";
export const FORMAT_VERSION = 1;

/** One table's part of an archive. */
export interface TablePart {
  name: string;
  /** Its file in the archive: `tables/<name>.jsonl`. */
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
  /** Every column, in order (generated ones too). */
  columns: string[];
}

/** `manifest.json`: what the archive holds and how to check it. */
export interface Manifest {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  createdAt: string;
  /** The version of tambon that made it. */
  tambon: string;
  /** The engine it was made from. */
  database: "pglite" | "postgres";
  /** The schema: how many migrations were applied and the last one's hash. */
  migrations: { count: number; last: string | null };
  tables: TablePart[];
  /** Each sequence's state, so that ids of deleted rows are not given out again. */
  sequences: { name: string; value: number; called: boolean }[];
  /** The stored files (rows of stored_files), for the record. */
  files: { count: number; bytes: number };
  secret: { file: string; bytes: number; sha256: string };
}

/** A quoted identifier. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The migrations the database has had: their number and the last one's hash. */
export async function migrationsOf(db: DbOrTx): Promise<Manifest["migrations"]> {
  const rows = await rowsOf<{ hash: string }>(
    db,
    sql`select hash from drizzle.__drizzle_migrations order by id`,
  );
  return { count: rows.length, last: rows.at(-1)?.hash ?? null };
}

/** The tables of the schema with their columns, in name order. */
export async function tablesOf(
  db: DbOrTx,
): Promise<{ name: string; columns: string[]; insertable: string[]; binary: boolean }[]> {
  const rows = await rowsOf<{
    table_name: string;
    column_name: string;
    is_generated: string;
    data_type: string;
  }>(
    db,
    sql`select c.table_name, c.column_name, c.is_generated, c.data_type
      from information_schema.columns c
      join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`,
  );
  const tables = new Map<
    string,
    { name: string; columns: string[]; insertable: string[]; binary: boolean }
  >();
  for (const r of rows) {
    let t = tables.get(r.table_name);
    if (!t) {
      t = { name: r.table_name, columns: [], insertable: [], binary: false };
      tables.set(r.table_name, t);
    }
    t.columns.push(r.column_name);
    if (r.is_generated === "NEVER") t.insertable.push(r.column_name);
    if (r.data_type === "bytea") t.binary = true;
  }
  return [...tables.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The schema's sequences and their state. */
export async function sequencesOf(db: DbOrTx): Promise<Manifest["sequences"]> {
  const names = await rowsOf<{ name: string }>(
    db,
    sql`select relname as name from pg_class
      where relkind = 'S' and relnamespace = 'public'::regnamespace order by relname`,
  );
  const out: Manifest["sequences"] = [];
  for (const { name } of names) {
    const [row] = await rowsOf<{ last_value: string | number; is_called: boolean }>(
      db,
      sql.raw(`select last_value, is_called from public.${ident(name)}`),
    );
    out.push({ name, value: Number(row!.last_value), called: !!row!.is_called });
  }
  return out;
}

function tambonVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(new URL("../../../package.json", import.meta.url), "utf8"),
    ) as { version: string };
    return pkg.version;
  } catch {
    return "unknown";
  }
}

/** Writes `text` to a part file, returning its size and hash. */
async function writePart(file: string, text: string) {
  await writeFile(file, text, { mode: 0o600 });
  const data = Buffer.from(text);
  return { bytes: data.length, sha256: createHash("sha256").update(data).digest("hex") };
}

/**
 * Writes the backup archive of `database` (with the installation `secret`) to `out`, which must
 * not exist; the archive appears there only once it is whole. Returns its manifest.
 */
export async function writeBackup(
  database: Database,
  out: string,
  secret: string,
  progress: Progress = silent,
): Promise<Manifest> {
  const target = path.resolve(out);
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (exists) throw new Error(`${out} exists already; choose another name`);
  const work = await mkdtemp(path.join(path.dirname(target), ".tambon-backup-"));
  const partial = path.join(work, "archive.tar.gz");
  try {
    const parts = path.join(work, "parts");
    await mkdir(path.join(parts, "tables"), { recursive: true });
    const manifest = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      const tables = await tablesOf(tx);
      const counts = new Map<string, number>();
      let total = 0;
      for (const t of tables) {
        const [row] = await rowsOf<{ n: number | string }>(
          tx,
          sql.raw(`select count(*) as n from public.${ident(t.name)}`),
        );
        counts.set(t.name, Number(row!.n));
        total += Number(row!.n);
      }
      let done = 0;
      const written: TablePart[] = [];
      for (const t of tables) {
        const file = `tables/${t.name}.jsonl`;
        const fh = await open(path.join(parts, file), "wx", 0o600);
        const hash = createHash("sha256");
        let rows = 0;
        let bytes = 0;
        try {
          await tx.execute(
            sql.raw(
              `declare tambon_backup no scroll cursor for select row_to_json(t)::text as j from public.${ident(t.name)} t`,
            ),
          );
          // Rows with files in them are fetched a few at a time, to bound the memory a batch takes.
          const batch = t.binary ? 8 : 1000;
          for (;;) {
            const got = await rowsOf<{ j: string }>(
              tx,
              sql.raw(`fetch forward ${batch} from tambon_backup`),
            );
            if (!got.length) break;
            const data = Buffer.from(got.map((r) => r.j + "\n").join(""));
            hash.update(data);
            await fh.write(data);
            rows += got.length;
            bytes += data.length;
            done += got.length;
            progress.update(`${t.name}`, done, total);
            if (got.length < batch) break;
          }
          await tx.execute(sql.raw(`close tambon_backup`));
        } finally {
          await fh.close();
        }
        written.push({
          name: t.name,
          file,
          rows,
          bytes,
          sha256: hash.digest("hex"),
          columns: t.columns,
        });
        if (rows !== counts.get(t.name))
          throw new Error(`${t.name}: read ${rows} rows of ${counts.get(t.name)}`);
      }
      const [files] = await rowsOf<{ n: number | string; bytes: number | string | null }>(
        tx,
        sql`select count(*) as n, sum(byte_size) as bytes from stored_files`,
      );
      const secretPart = await writePart(path.join(parts, "secret.key"), `${secret}\n`);
      return {
        format: FORMAT,
        version: FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        tambon: tambonVersion(),
        database: database.kind,
        migrations: await migrationsOf(tx),
        tables: written,
        sequences: await sequencesOf(tx),
        files: { count: Number(files?.n ?? 0), bytes: Number(files?.bytes ?? 0) },
        secret: { file: "secret.key", ...secretPart },
      } satisfies Manifest;
    });
    const rowCount = manifest.tables.reduce((s, t) => s + t.rows, 0);
    progress.note(
      `อ่านแล้ว ${manifest.tables.length} ตาราง ${rowCount.toLocaleString("en")} แถว / read ${manifest.tables.length} tables, ${rowCount.toLocaleString("en")} rows (${manifest.files.count} stored files)`,
    );
    await writeFile(path.join(parts, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n", {
      mode: 0o600,
    });
    const entries = [
      { name: "manifest.json", file: path.join(parts, "manifest.json") },
      { name: "secret.key", file: path.join(parts, "secret.key") },
      ...manifest.tables.map((t) => ({ name: t.file, file: path.join(parts, t.file) })),
    ];
    const totalBytes = manifest.tables.reduce((s, t) => s + t.bytes, 0);
    await writeArchive(partial, entries, (n) => progress.update("archive", n, totalBytes));
    await rename(partial, target);
    progress.end();
    return manifest;
  } finally {
    progress.end();
    await rm(work, { recursive: true, force: true });
  }
}
