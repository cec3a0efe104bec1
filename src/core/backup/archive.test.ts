import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ArchiveError, readArchive, writeArchive } from "./archive.ts";

const dir = () => mkdtempSync(path.join(tmpdir(), "tambon-archive-"));

async function sample() {
  const d = dir();
  writeFileSync(path.join(d, "a"), "ละงู\n".repeat(300));
  writeFileSync(path.join(d, "b"), Buffer.alloc(512, 7));
  writeFileSync(path.join(d, "c"), "");
  const file = path.join(d, "x.tar.gz");
  await writeArchive(file, [
    { name: "manifest.json", file: path.join(d, "a") },
    { name: "tables/b.jsonl", file: path.join(d, "b") },
    { name: "empty", file: path.join(d, "c") },
  ]);
  return { d, file };
}

test("an archive reads back into the same files, readable by its owner only", async () => {
  const { d, file } = await sample();
  assert.equal(statSync(file).mode & 0o077, 0);
  const out = dir();
  assert.deepEqual(await readArchive(file, out), ["manifest.json", "tables/b.jsonl", "empty"]);
  assert.deepEqual(readFileSync(path.join(out, "manifest.json")), readFileSync(path.join(d, "a")));
  assert.deepEqual(readFileSync(path.join(out, "tables/b.jsonl")), Buffer.alloc(512, 7));
  assert.equal(readFileSync(path.join(out, "empty"), "utf8"), "");
  await assert.rejects(writeArchive(file, []), /EEXIST/, "never over an existing file");
});

test("a truncated, corrupted or foreign archive is refused with an ArchiveError", async () => {
  const { d, file } = await sample();
  const bytes = readFileSync(file);
  const cases: [string, Buffer][] = [
    ["cut", bytes.subarray(0, Math.floor(bytes.length / 2))],
    ["flipped", Buffer.from(bytes.map((b, i) => (i === 40 ? b ^ 0xff : b)))],
    ["empty", Buffer.alloc(0)],
    ["not gzip", Buffer.from("hello")],
    // a whole gzip stream of a tar without its end marker
    ["no end", gzipSync(Buffer.alloc(0))],
  ];
  // a tar entry that would escape the folder
  const evil = Buffer.alloc(1536);
  evil.write("../escape", 0);
  evil.write("0000644\0", 100);
  evil.write("00000000000\0", 124);
  evil.write("        ", 148);
  evil.write("0", 156);
  let sum = 0;
  for (const b of evil.subarray(0, 512)) sum += b;
  evil.write(sum.toString(8).padStart(6, "0") + "\0 ", 148);
  cases.push(["escape", gzipSync(evil)]);
  for (const [name, data] of cases) {
    const f = path.join(d, `${name.replace(/ /g, "-")}.tar.gz`);
    writeFileSync(f, data);
    const out = dir();
    await assert.rejects(readArchive(f, out), ArchiveError, name);
    assert.ok(!readdirSync(path.dirname(out)).includes("escape"), name);
  }
});
