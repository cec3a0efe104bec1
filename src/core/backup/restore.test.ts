import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { writeArchive } from "./archive.ts";
import { FORMAT, FORMAT_VERSION, type Manifest } from "./backup.ts";
import { checkArchive, RestoreRefused } from "./restore.ts";

const dir = () => mkdtempSync(path.join(tmpdir(), "tambon-restore-"));
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

const ROWS = '{"id":1}\n';
const SECRET = "s".repeat(64) + "\n";

function manifest(bytes = Buffer.byteLength(ROWS)): Manifest {
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt: "2026-12-06T00:00:00Z",
    tambon: "0.0.0",
    database: "pglite",
    migrations: { count: 1, last: null },
    tables: [
      { name: "users", file: "tables/users.jsonl", rows: 1, bytes, sha256: sha(ROWS), columns: [] },
    ] as unknown as Manifest["tables"],
    sequences: [],
    files: { count: 0, bytes: 0 },
    secret: { file: "secret.key", bytes: Buffer.byteLength(SECRET), sha256: sha(SECRET) },
  };
}

async function archiveOf(m: Manifest): Promise<string> {
  const d = dir();
  writeFileSync(path.join(d, "m"), JSON.stringify(m));
  writeFileSync(path.join(d, "r"), ROWS);
  writeFileSync(path.join(d, "s"), SECRET);
  const file = path.join(d, "a.tar.gz");
  await writeArchive(file, [
    { name: "manifest.json", file: path.join(d, "m") },
    { name: "secret.key", file: path.join(d, "s") },
    { name: "tables/users.jsonl", file: path.join(d, "r") },
  ]);
  return file;
}

/** A ustar header for `name` declaring `size` bytes. */
function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0);
  h.write("0000600\0", 100);
  h.write(size.toString(8).padStart(11, "0") + "\0", 124);
  h.write("        ", 148);
  h.write("0", 156);
  h.write("ustar\0" + "00", 257);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148);
  return h;
}

async function refusal(file: string, work: string): Promise<string> {
  const err = await checkArchive(file, work).then(
    () => null,
    (e: unknown) => e,
  );
  assert.ok(err instanceof RestoreRefused, `refused: ${String(err)}`);
  assert.deepEqual(readdirSync(work), [], "nothing is left behind");
  return err.message;
}

test("an archive whose parts are larger than their manifest or the free disk is refused at the header", async () => {
  const work = dir();
  // The well-formed archive is accepted.
  const good = await checkArchive(await archiveOf(manifest()), work);
  assert.equal(good.secret, SECRET.trim());
  await good.dispose();

  // A part of the declared size with other bytes.
  const m0 = manifest();
  m0.tables[0]!.sha256 = sha('{"id":2}\n');
  assert.match(
    await refusal(await archiveOf(m0), work),
    /damaged: tables\/users\.jsonl does not match its SHA-256/,
  );

  // A manifest that declares more than the disk holds: refused before the parts are written.
  const huge = await refusal(await archiveOf(manifest(2 ** 52)), work);
  assert.match(
    huge,
    /a\.tar\.gz needs 4,503,599,627,370,561 bytes, only [\d,]+ are free in .* พื้นที่ว่างบนดิสก์ไม่พอ$/,
  );
  assert.doesNotMatch(huge, /\n/);

  // An entry whose header declares a gigabyte (a gzip bomb would carry them): refused at its
  // header, not once a gigabyte has been written (nor as a merely cut-short archive).
  const m = manifest();
  const json = Buffer.from(JSON.stringify(m));
  const tar = Buffer.concat([
    header("manifest.json", json.length),
    json,
    Buffer.alloc((512 - (json.length % 512)) % 512),
    header("secret.key", 2 ** 30),
    Buffer.alloc(4096),
  ]);
  const bomb = path.join(dir(), "bomb.tar.gz");
  writeFileSync(bomb, gzipSync(tar));
  assert.match(await refusal(bomb, work), /secret\.key declares 1073741824 bytes, its manifest 65/);

  // A part the manifest does not name, and a manifest that does not come first.
  const stray = Buffer.concat([header("tables/other.jsonl", 0), Buffer.alloc(1024)]);
  const strayFile = path.join(dir(), "stray.tar.gz");
  writeFileSync(
    strayFile,
    gzipSync(
      Buffer.concat([
        tar.subarray(0, 512 + json.length + ((512 - (json.length % 512)) % 512)),
        stray,
      ]),
    ),
  );
  assert.match(await refusal(strayFile, work), /an unexpected part tables\/other\.jsonl/);
  const first = path.join(dir(), "first.tar.gz");
  writeFileSync(first, gzipSync(stray));
  assert.match(await refusal(first, work), /manifest\.json is missing/);
});
