import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { writePgliteDataDir } from "../helpers/db.ts";
import { writeWorkbook } from "../../src/core/xlsx.ts";

const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "bin/tambon.js");

function tambon(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
}

const summary = (stdout: string) =>
  JSON.parse(stdout.trim().split("\n").pop()!) as {
    rows: number;
    badRows: number;
    create: number;
    update: number;
    unchanged: number;
    applied: boolean;
  };

test("an operator imports people from CSV: re-running changes nothing; a bad row stores nothing", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-import-"));
  await writePgliteDataDir(path.join(dir, "pglite"), { demo: true });
  const env = { TAMBON_DATA_DIR: dir };
  const good = path.join(dir, "people.csv");
  writeFileSync(
    good,
    [
      "หมู่ที่,บ้านเลขที่,ชื่อ-สกุล,เลขประจำตัวประชาชน,วันเกิด,เพศ,ความสัมพันธ์",
      "1,901/1,นายทดสอบ นำเข้า,1101700230708,13/04/2510,ชาย,หัวหน้า",
      "1,901/1,นางทดสอบ นำเข้า,,02/02/2515,หญิง,คู่สมรส",
      '2,"902",เด็กหญิงทดสอบ นำเข้า,,2010-05-01,ญ,บุตร',
    ].join("\n"),
  );

  const first = tambon(["import", "people", good, "--tambon", "la-ngu"], env);
  assert.equal(first.status, 0, first.stderr);
  assert.deepEqual(
    { ...summary(first.stdout) },
    {
      ...summary(first.stdout),
      rows: 3,
      badRows: 0,
      create: 3,
      update: 0,
      unchanged: 0,
      applied: true,
    },
  );
  assert.equal(first.stderr, "", "no progress lines on a standard error that is no terminal");

  const again = tambon(["import", "people", good, "--tambon", "la-ngu"], env);
  assert.equal(again.status, 0, again.stderr);
  const s2 = summary(again.stdout);
  assert.equal(s2.create, 0);
  assert.equal(s2.update, 0);
  assert.equal(s2.unchanged, 3);

  const bad = path.join(dir, "bad.csv");
  writeFileSync(
    bad,
    [
      "moo,house_no,name,thai_id,birth_date,sex",
      "1,903,คนใหม่ หนึ่ง,,01/01/2520,ชาย",
      "1,903,คนใหม่ สอง,1234567890123,01/01/2521,หญิง",
      "1,903,คนใหม่ สาม,,31/02/2521,หญิง",
    ].join("\n"),
  );
  const failed = tambon(["import", "people", bad, "--tambon", "la-ngu"], env);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /แถว 3 คอลัมน์ thai_id: เลขประจำตัวประชาชนไม่ถูกต้อง/);
  assert.match(failed.stderr, /row 4 column birth_date/);
  assert.equal(summary(failed.stdout).applied, false);

  // Nothing of the bad file was stored: its good row is still new.
  const goodOnly = path.join(dir, "good-only.csv");
  writeFileSync(goodOnly, "moo,house_no,name\n1,903,คนใหม่ หนึ่ง\n");
  const check = tambon(["import", "people", goodOnly, "--tambon", "la-ngu", "--dry-run"], env);
  assert.equal(check.status, 0, check.stderr);
  assert.equal(summary(check.stdout).create, 1);
  assert.equal(summary(check.stdout).applied, false);

  const wrong = tambon(["import", "animals", good, "--tambon", "la-ngu"], env);
  assert.equal(wrong.status, 2);
  assert.equal(wrong.stderr.trim().split("\n").length, 1, "one-line error");

  // A quote never closed would read the rest of the file as one cell: refused in one line,
  // and none of its rows is stored.
  const cut = path.join(dir, "cut.csv");
  writeFileSync(cut, 'moo,house_no,name\n1,903,"คนใหม่ หนึ่ง\n1,904,คนใหม่ สอง\n');
  const open = tambon(["import", "people", cut, "--tambon", "la-ngu"], env);
  assert.equal(open.status, 1);
  assert.equal(open.stderr.trim().split("\n").length, 1, open.stderr);
  assert.match(open.stderr, /row 2 is never closed/);
  const after = tambon(["import", "people", goodOnly, "--tambon", "la-ngu", "--dry-run"], env);
  assert.equal(summary(after.stdout).create, 1);
  // A directory, or an id no database integer holds: one line, no SQL.
  for (const args of [
    ["import", "people", dir, "--tambon", "la-ngu"],
    ["import", "submissions", good, "--tambon", "la-ngu", "--form", "9999999999", "--round", "1"],
  ]) {
    const r = tambon(args, env);
    assert.notEqual(r.status, 0, args.join(" "));
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /select|EISDIR/, r.stderr);
  }

  // A file with a header row and no data (CSV or workbook) is refused, never a 0-row success.
  const headerOnly = path.join(dir, "header-only.csv");
  writeFileSync(headerOnly, "หมู่ที่,บ้านเลขที่,ชื่อ-สกุล\n\n");
  const headerBook = path.join(dir, "header-only.xlsx");
  writeFileSync(
    headerBook,
    await writeWorkbook([{ name: "คน", rows: [["หมู่ที่", "บ้านเลขที่", "ชื่อ-สกุล"]] }]),
  );
  for (const file of [headerOnly, headerBook]) {
    const r = tambon(["import", "people", file, "--tambon", "la-ngu"], env);
    assert.equal(r.status, 1, `${file}: ${r.stdout}`);
    assert.equal(r.stdout, "", "no report of an import");
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /ไม่มีข้อมูลให้นำเข้า.* \/ The file has a header row but no rows of data/);
  }

  // A workbook with a NUL character in a cell: one line naming the cell, in both languages.
  const book = await writeWorkbook([
    {
      name: "คน",
      rows: [
        ["หมู่ที่", "บ้านเลขที่", "ชื่อ-สกุล"],
        [1, "904", "MARK"],
      ],
    },
  ]);
  const parts = unzipSync(new Uint8Array(book));
  for (const [name, data] of Object.entries(parts)) {
    const xml = strFromU8(data);
    if (xml.includes("MARK")) parts[name] = strToU8(xml.replace("MARK", "คน&#0;ใหม่"));
  }
  const nul = path.join(dir, "nul.xlsx");
  writeFileSync(nul, zipSync(parts));
  const refused = tambon(["import", "people", nul, "--tambon", "la-ngu"], env);
  assert.notEqual(refused.status, 0);
  const lines = refused.stderr
    .trim()
    .split("\n")
    .filter((l) => !/rows\/s/.test(l));
  assert.equal(lines.length, 1, refused.stderr);
  assert.match(lines[0]!, /เซลล์ C2 ของแผ่นงาน “คน”/);
  assert.match(lines[0]!, /Cell C2 of sheet “คน” holds a NUL control character/);
});
