import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { openTestDatabase, writePgliteDataDir } from "../helpers/db.ts";
import { openDatabase, type Database } from "../../src/core/db/index.ts";
import { lockDataDir } from "../../src/core/db/data-dir-lock.ts";
import { tablesOf } from "../../src/core/backup/backup.ts";
import { rowsOf } from "../../src/core/db/index.ts";
import { readArchive, writeArchive } from "../../src/core/backup/archive.ts";
import { checkArchive, RestoreRefused, restoreInto } from "../../src/core/backup/restore.ts";
import { dailyBackup } from "../../src/core/backup/schedule.ts";

const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "bin/tambon.js");

function tambon(args: string[], dataDir: string) {
  // V8's baseline compiler only, for PGlite's WebAssembly: a command is too short for the
  // optimising compiler to pay back (see operator-uses-the-cli.test.ts).
  return spawnSync(process.execPath, ["--liftoff-only", bin, ...args], {
    env: { ...process.env, TAMBON_DATA_DIR: dataDir, LOG_LEVEL: "warn", DATABASE_URL: "" },
    encoding: "utf8",
  });
}

/** Every table's rows (as JSON, in UTC, sorted) and every stored file's hash: what must survive. */
async function contents(database: Database) {
  return await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    const tables: Record<string, string[]> = {};
    for (const t of await tablesOf(tx)) {
      const rows = await rowsOf<{ j: string }>(
        tx,
        sql.raw(`select row_to_json(t)::text as j from public."${t.name}" t`),
      );
      tables[t.name] = rows.map((r) => r.j).sort();
    }
    const files = await rowsOf<{ id: number; sha256: string; actual: string }>(
      tx,
      sql`select id, sha256, encode(sha256(data), 'hex') as actual from stored_files order by id`,
    );
    return { tables, files: files.map((f) => ({ ...f })) };
  });
}

test("the demo backs up and restores into a fresh PGlite and a fresh PostgreSQL, row for row, refusing damaged archives", async () => {
  const work = mkdtempSync(path.join(tmpdir(), "tambon-backup-"));
  try {
    await backsUpAndRestores(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

/** The journey of the test above, in the folder `work` that the test removes at its end. */
async function backsUpAndRestores(work: string) {
  const source = path.join(work, "source");
  await writePgliteDataDir(path.join(source, "pglite"), { demo: true });
  writeFileSync(
    path.join(source, "secret.key"),
    "a-secret-of-the-source-installation-0123456789\n",
  );
  const archive = path.join(work, "demo.tar.gz");

  // A server holding the embedded database: the backup refuses in one line and writes nothing.
  const lock = lockDataDir(source, "serve");
  const held = tambon(["backup", archive], source);
  lock.release();
  assert.equal(held.status, 1, held.stderr);
  assert.equal(held.stderr.trim().split("\n").length, 1, held.stderr);
  assert.match(held.stderr, new RegExp(`in use by process ${process.pid} \\(tambon serve\\)`));
  assert.equal(existsSync(archive), false);

  const made = tambon(["backup", archive], source);
  assert.equal(made.status, 0, made.stderr);
  assert.match(
    made.stdout,
    /backed up to .*demo\.tar\.gz: \d+ tables, [\d,]+ rows, \d+ stored files/,
  );
  assert.equal(statSync(archive).mode & 0o077, 0, "only its owner reads the archive");
  const again = tambon(["backup", archive], source);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /exists already/);

  const sourceDb = await openDatabase({ dataDir: path.join(source, "pglite") });
  const expected = await contents(sourceDb);
  await sourceDb.close();
  assert.ok(expected.tables.users!.length > 5 && expected.files.length > 0, "the demo has files");
  for (const f of expected.files) assert.equal(f.actual, f.sha256);

  // Into a fresh data folder (a migrated, empty PGlite) through the command line.
  const target = path.join(work, "target");
  await writePgliteDataDir(path.join(target, "pglite"));
  const restored = tambon(["restore", archive], target);
  assert.equal(restored.status, 0, restored.stderr);
  assert.match(restored.stdout, /restored .*: \d+ tables/);
  assert.equal(
    readFileSync(path.join(target, "secret.key"), "utf8"),
    readFileSync(path.join(source, "secret.key"), "utf8"),
    "the installation secret comes with it",
  );
  const snapshot = async () => {
    const db = await openDatabase({ dataDir: path.join(target, "pglite") });
    try {
      return await contents(db);
    } finally {
      await db.close();
    }
  };
  assert.deepEqual(await snapshot(), expected);

  // A non-empty target is refused without --force, with one line; nothing changes.
  const refused = tambon(["restore", archive], target);
  assert.equal(refused.status, 1);
  assert.equal(refused.stderr.trim().split("\n").length, 1, refused.stderr);
  assert.match(refused.stderr, /not empty.*--force/);

  // Damaged archives are refused before the database is touched, even with --force.
  const cut = path.join(work, "cut.tar.gz");
  copyFileSync(archive, cut);
  truncateSync(cut, Math.floor(statSync(archive).size / 2));
  const flipped = path.join(work, "flipped.tar.gz");
  const bytes = readFileSync(archive);
  bytes[Math.floor(bytes.length / 3)]! ^= 0xff;
  writeFileSync(flipped, bytes);
  // A row changed inside a well-formed archive: only the manifest's SHA-256 tells.
  const parts = mkdtempSync(path.join(work, "parts-"));
  const names = await readArchive(archive, parts);
  const users = path.join(parts, "tables/users.jsonl");
  writeFileSync(users, readFileSync(users, "utf8").replace(/"name":"[^"]*"/, '"name":"ผู้บุกรุก"'));
  const tampered = path.join(work, "tampered.tar.gz");
  await writeArchive(
    tampered,
    names.map((name) => ({ name, file: path.join(parts, name) })),
  );
  for (const [name, why] of [
    [cut, /damaged: .*(cut short|whole tar\.gz)/],
    [flipped, /damaged/],
    [tampered, /damaged: tables\/users\.jsonl declares \d+ bytes, its manifest \d+/],
    [path.join(work, "none.tar.gz"), /does not exist/],
  ] as const) {
    const r = tambon(["restore", "--force", name], target);
    assert.equal(r.status, 1, `${name}: ${r.stdout}`);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, why);
  }
  assert.deepEqual(readdirSync(target).sort(), ["pglite", "secret.key"], "no work folder is left");
  assert.deepEqual(await snapshot(), expected, "the refused restores changed nothing");

  // With --force the same archive replaces what is there.
  const forced = tambon(["restore", "--force", archive], target);
  assert.equal(forced.status, 0, forced.stderr);
  assert.deepEqual(await snapshot(), expected);

  // Into a fresh PostgreSQL database, in process.
  const pg = await openTestDatabase("postgres");
  try {
    const checked = await checkArchive(archive, path.join(work, "pg"));
    try {
      await restoreInto(pg, checked);
    } finally {
      await checked.dispose();
    }
    assert.deepEqual(await contents(pg), expected);
    // Sequences go on past the restored ids.
    const [next] = await pg.rows<{ id: number; most: number }>(
      sql`insert into users (name) values ('คนใหม่') returning id, (select max(id) from users) as most`,
    );
    const [most] = await pg.rows<{ n: number }>(
      sql`select max(id)::int as n from users where name <> 'คนใหม่'`,
    );
    assert.ok(next!.id > most!.n, `a new user's id ${next!.id} follows ${most!.n}`);

    // A well-formed archive whose rows break a foreign key: the transaction fails as a whole.
    const before = await contents(pg);
    const bad = mkdtempSync(path.join(work, "bad-"));
    await readArchive(archive, bad);
    const villages = path.join(bad, "tables/villages.jsonl");
    const text = readFileSync(villages, "utf8").replace(/"tambon_id":\d+/, '"tambon_id":999999');
    writeFileSync(villages, text);
    const manifest = JSON.parse(readFileSync(path.join(bad, "manifest.json"), "utf8"));
    const part = manifest.tables.find((t: { name: string }) => t.name === "villages");
    part.sha256 = createHash("sha256").update(text).digest("hex");
    part.bytes = Buffer.byteLength(text);
    writeFileSync(path.join(bad, "manifest.json"), JSON.stringify(manifest));
    const broken = path.join(work, "broken.tar.gz");
    await writeArchive(
      broken,
      names.map((name) => ({ name, file: path.join(bad, name) })),
    );
    const checkedBad = await checkArchive(broken, path.join(work, "pg"));
    try {
      await assert.rejects(
        restoreInto(pg, checkedBad, { force: true }),
        // The village's own key to its tambon, or its households' key to it and its tambon,
        // whichever the restore checks first.
        /^Error: restore failed, nothing changed: .*violates foreign key constraint "(villages_tambon_id|community_households_village_fk)/,
      );
      await assert.rejects(restoreInto(pg, checkedBad), RestoreRefused, "not empty");
    } finally {
      await checkedBad.dispose();
    }
    assert.deepEqual(await contents(pg), before, "the failed restore left everything as it was");

    // An archive of another schema (one migration fewer) is refused before anything is touched.
    manifest.migrations.count -= 1;
    writeFileSync(path.join(bad, "manifest.json"), JSON.stringify(manifest));
    const older = path.join(work, "older.tar.gz");
    await writeArchive(
      older,
      names.map((name) => ({ name, file: path.join(bad, name) })),
    );
    const checkedOlder = await checkArchive(older, path.join(work, "pg"));
    try {
      await assert.rejects(
        restoreInto(pg, checkedOlder, { force: true }),
        (e: unknown) => e instanceof RestoreRefused && /made by an older version/.test(e.message),
      );
    } finally {
      await checkedOlder.dispose();
    }

    // The daily backup keeps the newest N and writes one a day.
    const dataDir = path.join(work, "daily");
    mkdirSync(path.join(dataDir, "backups"), { recursive: true });
    for (const day of ["2026-11-28", "2026-11-29", "2026-11-30"])
      writeFileSync(path.join(dataDir, "backups", `tambon-${day}.tar.gz`), "old");
    writeFileSync(path.join(dataDir, "backups", "notes.txt"), "not a backup");
    const opts = {
      dataDir,
      secret: "s".repeat(40),
      keep: 2,
      now: new Date("2026-12-01T03:00:00Z"),
    };
    const written = await dailyBackup(pg, opts);
    assert.equal(written, path.join(dataDir, "backups", "tambon-2026-12-01.tar.gz"));
    assert.equal(await dailyBackup(pg, opts), null, "one a day");
    assert.deepEqual(readdirSync(path.join(dataDir, "backups")).sort(), [
      "notes.txt",
      "tambon-2026-11-30.tar.gz",
      "tambon-2026-12-01.tar.gz",
    ]);
    const daily = await checkArchive(written!, path.join(work, "pg"));
    await daily.dispose();
    assert.equal(daily.manifest.database, "postgres");
    assert.equal(daily.secret, "s".repeat(40));
    // And back: the archive made on PostgreSQL restores into a fresh PGlite, row for row.
    const back = await openTestDatabase("pglite");
    try {
      const fromPg = await checkArchive(written!, path.join(work, "pg"));
      try {
        await restoreInto(back, fromPg);
      } finally {
        await fromPg.dispose();
      }
      assert.deepEqual(await contents(back), before);
    } finally {
      await back.drop();
    }
  } finally {
    await pg.drop();
  }
}
