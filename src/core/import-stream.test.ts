import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseCsv } from "./csv.ts";
import { CsvChunks, csvSource } from "./import-stream.ts";

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
