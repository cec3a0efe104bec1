// `tambon restore`: first reads the whole archive into a folder and checks it (the manifest, every
// part's size, SHA-256 and rows), then, in one transaction, empties every table and loads the
// archive's rows, so the database ends as the archive says or, on any failure, as it was. Foreign
// keys are dropped and added again inside the transaction (which checks them all), the schema's
// own triggers are held off while rows go in (they would count the rows twice), and every sequence
// is set past both the archive's value and the largest id.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rename, rm, stat, statfs, writeFile } from "node:fs/promises";
import { makeDir } from "../make-dir.ts";
import path from "node:path";
import { createInterface } from "node:readline";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../db/index.ts";
import { ArchiveError, readArchive, type EntryCheck } from "./archive.ts";
import { FORMAT, FORMAT_VERSION, ident, migrationsOf, tablesOf, type Manifest } from "./backup.ts";
import { silent, type Progress } from "./progress.ts";
import { pick } from "../pick.ts";

/** Why a restore was refused before anything changed; one line. */
export class RestoreRefused extends Error {}

/** An archive read and checked: its manifest and the folder its parts are in. */
export interface CheckedArchive {
  manifest: Manifest;
  dir: string;
  /** The installation secret it carries. */
  secret: string;
  /** Removes the folder. */
  dispose(): Promise<void>;
}

async function hashAndLines(
  file: string,
): Promise<{ sha256: string; bytes: number; lines: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  let lines = 0;
  for await (const chunk of createReadStream(file)) {
    const data = chunk as Buffer;
    hash.update(data);
    bytes += data.length;
    for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, i + 1)) lines++;
  }
  return { sha256: hash.digest("hex"), bytes, lines };
}

function manifestProblem(m: Partial<Manifest>): string | null {
  if (m.format !== FORMAT) return "it is not a tambon backup (no tambon-backup manifest)";
  if (m.version !== FORMAT_VERSION)
    return `its format ${String(m.version)} is not the one this version reads (${FORMAT_VERSION})`;
  const tableOk = (t: Partial<Manifest["tables"][number]>) =>
    typeof t?.name === "string" &&
    /^[a-z0-9_]+$/.test(t.name) &&
    t.file === `tables/${t.name}.jsonl` &&
    Number.isSafeInteger(t.rows) &&
    Number.isSafeInteger(t.bytes) &&
    typeof t.sha256 === "string" &&
    Array.isArray(t.columns);
  if (!Array.isArray(m.tables) || !m.tables.every(tableOk)) return "its manifest is damaged";
  if (!m.migrations || !Number.isSafeInteger(m.migrations.count)) return "its manifest is damaged";
  if (
    !Array.isArray(m.sequences) ||
    !m.secret ||
    m.secret.file !== "secret.key" ||
    !Number.isSafeInteger(m.secret.bytes)
  )
    return "its manifest is damaged";
  return null;
}

/** The most a manifest may weigh (a few hundred tables' names, columns and hashes). */
const MANIFEST_MAX_BYTES = 16 * 1024 * 1024;

/**
 * The check of every entry at its header, before its bytes are written: the manifest comes first
 * and is small; then, once, the room the manifest declares must be free in `dir`; then each part
 * must be one the manifest names, of the size it names (else an ArchiveError). A crafted archive (an entry declaring
 * terabytes, a gzip bomb) is thus refused before it fills the disk.
 */
function entryCheck(file: string, dir: string): EntryCheck {
  let manifest: Partial<Manifest> | null = null;
  return async (name, size) => {
    if (name === "manifest.json")
      return size > MANIFEST_MAX_BYTES ? `manifest.json is too large (${size} bytes)` : null;
    if (!manifest) {
      try {
        manifest = JSON.parse(
          await readFile(path.join(dir, "manifest.json"), "utf8"),
        ) as Partial<Manifest>;
      } catch {
        return "manifest.json is missing or not JSON before the other parts";
      }
      const problem = manifestProblem(manifest);
      if (problem) return problem;
      const m = manifest as Manifest;
      const needed = m.tables.reduce((s, t) => s + t.bytes, 0) + m.secret.bytes;
      const room = await statfs(dir).then(
        (f) => f.bavail * f.bsize,
        () => Infinity,
      );
      // Not damage: the archive may be whole and the disk too small for it.
      if (!(needed <= room))
        throw new RestoreRefused(
          `${file} needs ${needed.toLocaleString("en")} bytes, only ${room.toLocaleString("en")} are free in ${dir} / พื้นที่ว่างบนดิสก์ไม่พอ`,
        );
    }
    const m = manifest as Manifest;
    const declared =
      name === m.secret.file ? m.secret.bytes : m.tables.find((t) => t.file === name)?.bytes;
    if (declared === undefined) return `an unexpected part ${name}`;
    if (size !== declared)
      return `${name} declares ${size} bytes, its manifest ${String(declared)}`;
    return null;
  };
}

/**
 * Reads the archive `file` into a new folder under `workRoot` and checks every part against the
 * manifest; throws RestoreRefused (and leaves nothing behind) when anything is amiss.
 */
export async function checkArchive(
  file: string,
  workRoot: string,
  progress: Progress = silent,
): Promise<CheckedArchive> {
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : -1),
    () => null,
  );
  if (size === null) throw new RestoreRefused(`${file} does not exist / ไม่พบไฟล์`);
  if (size < 0) throw new RestoreRefused(`${file} is not a file / ไม่ใช่ไฟล์`);
  makeDir(workRoot);
  const dir = await mkdtemp(path.join(workRoot, ".tambon-restore-"));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    let names: string[];
    try {
      names = await readArchive(file, dir, entryCheck(file, dir));
    } catch (err) {
      if (err instanceof ArchiveError)
        throw new RestoreRefused(`${file} is damaged: ${err.message} / ไฟล์สำรองเสียหาย`);
      throw err;
    }
    if (!names.includes("manifest.json"))
      throw new RestoreRefused(`${file} is not a tambon backup (no manifest.json)`);
    let manifest: Manifest;
    try {
      manifest = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")) as Manifest;
    } catch {
      throw new RestoreRefused(`${file} is damaged: manifest.json is not JSON`);
    }
    const problem = manifestProblem(manifest);
    if (problem) throw new RestoreRefused(`${file}: ${problem}`);
    const expected = new Set([
      "manifest.json",
      manifest.secret.file,
      ...manifest.tables.map((t) => t.file),
    ]);
    const extra = names.find((n) => !expected.has(n));
    if (extra) throw new RestoreRefused(`${file} is damaged: an unexpected part ${extra}`);
    const total = manifest.tables.reduce((s, t) => s + t.bytes, 0) + manifest.secret.bytes;
    let checked = 0;
    const parts = [
      {
        ...pick(manifest.secret, "file", "bytes", "sha256"),
        rows: 1,
      },
      ...manifest.tables,
    ];
    for (const part of parts) {
      if (!names.includes(part.file))
        throw new RestoreRefused(`${file} is damaged: ${part.file} is missing`);
      const got = await hashAndLines(path.join(dir, part.file));
      if (got.bytes !== part.bytes || got.sha256 !== part.sha256 || got.lines !== part.rows)
        throw new RestoreRefused(
          `${file} is damaged: ${part.file} does not match its SHA-256 in the manifest / ไฟล์สำรองเสียหาย`,
        );
      checked += got.bytes;
      progress.update("check", checked, total);
    }
    const secret = (await readFile(path.join(dir, manifest.secret.file), "utf8")).trim();
    const rows = manifest.tables.reduce((s, t) => s + t.rows, 0);
    progress.note(
      `ตรวจไฟล์สำรองแล้ว / archive checked: ${manifest.tables.length} tables, ${rows.toLocaleString("en")} rows, ${manifest.files.count} stored files, made ${manifest.createdAt} on ${manifest.database}`,
    );
    return { manifest, dir, secret, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}

/** The tables of the database that hold at least one row. */
async function tablesWithRows(database: Database, tables: string[]): Promise<string[]> {
  if (!tables.length) return [];
  const query = tables
    .map(
      (t) =>
        `select ${`'${t.replaceAll("'", "''")}'`} as name where exists (select 1 from public.${ident(t)})`,
    )
    .join(" union all ");
  return (await rowsOf<{ name: string }>(database.db, sql.raw(query))).map((r) => r.name);
}

/** What a restore did. */
export interface Restored {
  tables: number;
  rows: number;
}

/**
 * Loads a checked archive into `database` in one transaction: refuses (RestoreRefused, nothing
 * changed) when the schemas differ or, unless `force`, when the database holds any row.
 */
export async function restoreInto(
  database: Database,
  archive: CheckedArchive,
  opts: { force?: boolean; progress?: Progress } = {},
): Promise<Restored> {
  const progress = opts.progress ?? silent;
  const { manifest, dir } = archive;
  const mine = await migrationsOf(database.db);
  if (mine.count !== manifest.migrations.count || mine.last !== manifest.migrations.last) {
    const why =
      manifest.migrations.count < mine.count
        ? `it was made by an older version (tambon ${manifest.tambon}, ${manifest.migrations.count} migrations; this database has ${mine.count}): restore it with that version, then upgrade`
        : manifest.migrations.count > mine.count
          ? `it was made by a newer version (tambon ${manifest.tambon}, ${manifest.migrations.count} migrations; this one knows ${mine.count}): upgrade tambon first`
          : `its schema is not this version's (the last migration differs)`;
    throw new RestoreRefused(`cannot restore: ${why} / รุ่นของไฟล์สำรองไม่ตรงกับโปรแกรมนี้`);
  }
  const tables = await tablesOf(database.db);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const archived = new Set(manifest.tables.map((t) => t.name));
  for (const t of manifest.tables) {
    const here = byName.get(t.name);
    if (!here || here.columns.join(",") !== t.columns.join(","))
      throw new RestoreRefused(`cannot restore: table ${t.name} is not the same here`);
  }
  const missing = tables.find((t) => !archived.has(t.name));
  if (missing) throw new RestoreRefused(`cannot restore: the archive has no table ${missing.name}`);
  const full = await tablesWithRows(
    database,
    tables.map((t) => t.name),
  );
  if (full.length && !opts.force)
    throw new RestoreRefused(
      `the database is not empty (${full.slice(0, 3).join(", ")}${full.length > 3 ? ", …" : ""}); ` +
        "restore with --force to replace everything in it / ฐานข้อมูลมีข้อมูลอยู่แล้ว ใช้ --force เพื่อแทนที่ทั้งหมด",
    );

  const total = manifest.tables.reduce((s, t) => s + t.rows, 0);
  let done = 0;
  await database.db
    .transaction(async (tx) => {
      const run = (text: string) => tx.execute(sql.raw(text));
      const foreignKeys = await rowsOf<{ tbl: string; name: string; def: string }>(
        tx,
        sql`select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def
        from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace
        order by conrelid::regclass::text, conname`,
      );
      for (const fk of foreignKeys)
        await run(`alter table ${fk.tbl} drop constraint ${ident(fk.name)}`);
      const all = tables.map((t) => `public.${ident(t.name)}`);
      for (const t of all) await run(`alter table ${t} disable trigger user`);
      if (all.length) await run(`truncate ${all.join(", ")}`);
      for (const part of manifest.tables) {
        const table = byName.get(part.name)!;
        const cols = table.insertable.map(ident).join(", ");
        const insert = (json: string) =>
          tx.execute(
            sql`${sql.raw(`insert into public.${ident(table.name)} (${cols}) overriding system value select ${cols} from json_populate_recordset(null::public.${ident(table.name)}, `)}${json}::json)`,
          );
        const lines = createInterface({
          input: createReadStream(path.join(dir, part.file), { encoding: "utf8" }),
          crlfDelay: Infinity,
        });
        let batch: string[] = [];
        let bytes = 0;
        const flush = async () => {
          if (!batch.length) return;
          await insert(`[${batch.join(",")}]`);
          done += batch.length;
          batch = [];
          bytes = 0;
          progress.update(part.name, done, total);
        };
        for await (const line of lines) {
          if (!line) continue;
          batch.push(line);
          bytes += line.length;
          if (batch.length >= 1000 || bytes >= 8 * 1024 * 1024) await flush();
        }
        await flush();
      }
      for (const fk of foreignKeys)
        await run(`alter table ${fk.tbl} add constraint ${ident(fk.name)} ${fk.def}`);
      for (const t of all) await run(`alter table ${t} enable trigger user`);
      await resetSequences(tx, manifest.sequences);
    })
    .catch((err: unknown) => {
      // The database's own words (a broken foreign key, a bad value), not the statement's text.
      const cause = (err as { cause?: Error }).cause ?? (err as Error);
      throw new Error(`restore failed, nothing changed: ${cause.message.split("\n")[0]}`, {
        cause: err,
      });
    });
  // The planner's statistics (PGlite has no autovacuum to gather them).
  await database.rows(sql`analyze`);
  progress.end();
  return { tables: manifest.tables.length, rows: total };
}

/** Sets every sequence past the archive's value and past the largest id of the column it feeds. */
async function resetSequences(
  tx: Parameters<Parameters<Database["db"]["transaction"]>[0]>[0],
  saved: Manifest["sequences"],
) {
  const owned = await rowsOf<{ seq: string; tbl: string; col: string }>(
    tx,
    sql`select s.relname as seq, t.relname as tbl, a.attname as col
      from pg_class s
      left join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass
        and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
      left join pg_class t on t.oid = d.refobjid
      left join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      where s.relkind = 'S' and s.relnamespace = 'public'::regnamespace`,
  );
  const before = new Map(saved.map((s) => [s.name, s]));
  for (const s of owned) {
    const was = before.get(s.seq);
    const fromArchive = was ? (was.called ? was.value + 1 : was.value) : 1;
    const largest = s.tbl
      ? `(select coalesce(max(${ident(s.col)}), 0) + 1 from public.${ident(s.tbl)})`
      : "1";
    await tx.execute(
      sql.raw(
        `select setval('public.${ident(s.seq).replaceAll("'", "''")}', greatest(${Math.max(1, Math.trunc(fromArchive))}, ${largest}), false)`,
      ),
    );
  }
}

/** Puts the archive's installation secret into the data folder (atomically), as config.ts reads it. */
export async function writeSecret(dataDir: string, secret: string): Promise<void> {
  makeDir(dataDir);
  const file = path.join(dataDir, "secret.key");
  const partial = `${file}.${process.pid}.part`;
  await writeFile(partial, `${secret}\n`, { mode: 0o600 });
  await rename(partial, file);
}
