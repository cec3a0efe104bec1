import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CsvQuoteError, CsvWidthError, parseCsv } from "./csv.ts";
import { BrokenTextError, CsvChunks, NotTextError, csvSource } from "./import-stream.ts";

const SAMPLE =
  '\uFEFFname,note\r\n"สมชาย ใจดี","มี ""คำพูด"", และ\nบรรทัดใหม่"\r\n\r\nสมหญิง,\'=1+1\nlast,row';

test("CSV read in pieces of any size gives the rows parseCsv gives", () => {
  const whole = parseCsv(SAMPLE).filter((r) => r.some((c) => c !== ""));
  for (const size of [1, 2, 3, 7, 1000]) {
    const p = new CsvChunks();
    for (let i = 0; i < SAMPLE.length; i += size) p.push(SAMPLE.slice(i, i + size));
    p.end();
    const rows = p
      .take()
      .filter((r) => r.cells.some((c) => c !== ""))
      .map((r) => r.cells);
    assert.deepEqual(rows, whole, `pieces of ${size}`);
  }
});

test("a CSV file's rows come with their line numbers, header first, in batches", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "csv-"));
  const file = path.join(dir, "a.csv");
  writeFileSync(file, "a;b\n1;2\n\n3;4\n5;6\n");
  const src = await csvSource(file, 20);
  assert.deepEqual(src.headers, ["a", "b"]);
  const batches: number[][] = [];
  for await (const b of src.batches(2)) batches.push(b.map((r) => r.line));
  assert.deepEqual(batches, [[2, 4], [5]]);
});

test("a CSV file in windows-874 (TIS-620) streams as Thai; bytes that are not text are refused", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "csv-874-"));
  const file = path.join(dir, "thai.csv");
  // "หมู่,ชื่อ\n1,สมชาย\n" in TIS-620: Thai letters are one byte each (U+0E01 → 0xA1).
  const tis = (s: string) =>
    Buffer.from(
      [...s].map((ch) => {
        const c = ch.codePointAt(0)!;
        return c >= 0x0e01 && c <= 0x0e5b ? c - 0x0e01 + 0xa1 : c;
      }),
    );
  writeFileSync(file, tis("หมู่,ชื่อ\n1,สมชาย\n2,สมหญิง ใจดี\n"));
  const src = await csvSource(file, 100);
  assert.deepEqual(src.headers, ["หมู่", "ชื่อ"]);
  const rows: string[][] = [];
  for await (const b of src.batches(10)) rows.push(...b.map((r) => r.cells));
  assert.deepEqual(rows, [
    ["1", "สมชาย"],
    ["2", "สมหญิง ใจดี"],
  ]);
  const binary = path.join(dir, "picture.csv");
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
  await assert.rejects(csvSource(binary, 8), NotTextError);
});

test("a UTF-8 CSV file with a broken character is refused, never read as windows-874", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "csv-broken-"));
  const file = path.join(dir, "broken.csv");
  writeFileSync(file, Buffer.concat([Buffer.from("หมู่,ชื่อ\n1,สมชาย\n"), Buffer.from([0xe0, 0xb8])]));
  const stray = path.join(dir, "stray.csv");
  writeFileSync(stray, Buffer.from([...Buffer.from("หมู่,ชื่อ\n1,สม"), 0xff, 0x0a]));
  await assert.rejects(csvSource(stray, 30), BrokenTextError);
  // Cut short in its last character, and broken beyond the first megabyte.
  const late = path.join(dir, "late.csv");
  const rows = "1,สมชาย ใจดี\n".repeat(70_000);
  writeFileSync(late, Buffer.concat([Buffer.from(`หมู่,ชื่อ\n${rows}`), Buffer.from([0xff, 0x0a])]));
  for (const name of [file, late]) {
    const src = await csvSource(name, 0);
    await assert.rejects(async () => {
      for await (const batch of src.batches(100_000)) void batch;
    }, BrokenTextError);
  }
});

test("a CSV file whose quoted cell is never closed stops the import with that cell's row", async () => {
  const text = 'a,b\n1,2\n3,"cut short\n5,6\n7,8\n';
  for (const size of [1, 4, 1000]) {
    const p = new CsvChunks();
    for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
    assert.throws(
      () => p.end(),
      (err: unknown) => err instanceof CsvQuoteError && err.line === 3,
      `pieces of ${size}`,
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), "csv-quote-"));
  const file = path.join(dir, "cut.csv");
  writeFileSync(file, text);
  const src = await csvSource(file, text.length);
  await assert.rejects(async () => {
    for await (const batch of src.batches(10)) void batch;
  }, CsvQuoteError);
});

test("a CSV row with values beyond the header stops the import with its row", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "csv-wide-"));
  const file = path.join(dir, "wide.csv");
  writeFileSync(file, "หมู่,ชื่อ\n1,สมชาย,\n2,สมหญิง, ใจดี\n");
  const src = await csvSource(file, 0);
  await assert.rejects(
    async () => {
      for await (const batch of src.batches(10)) void batch;
    },
    (err: unknown) => err instanceof CsvWidthError && err.line === 3 && err.columns === 2,
  );
});
