import { test } from "node:test";
import assert from "node:assert/strict";
import { CsvQuoteError, csvCell, parseCsv, toCsv } from "./csv.ts";

test("CSV cells are quoted when needed and formulas are defused", () => {
  assert.equal(csvCell("กลุ่ม อสม."), "กลุ่ม อสม.");
  assert.equal(csvCell('ชมรม "รักษ์ละงู", หมู่ 2'), '"ชมรม ""รักษ์ละงู"", หมู่ 2"');
  assert.equal(csvCell("บรรทัด\nใหม่"), '"บรรทัด\nใหม่"');
  assert.equal(csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvCell("-1"), "'-1");
  assert.equal(csvCell(-1), "-1");
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(true), "true");
});

test("a CSV document starts with a BOM and ends lines with CRLF", () => {
  const csv = toCsv(["a", "b"], [[1, "สอง"]]);
  assert.equal(csv, "\uFEFFa,b\r\n1,สอง\r\n");
});

test("CSV text parses back into rows: quotes, line breaks, BOM, defused cells", () => {
  const csv = toCsv(
    ["หมู่ที่", "ชื่อ"],
    [
      ["0102", 'ชมรม "รักษ์ละงู", หมู่ 2'],
      ["-1", "บรรทัด\nใหม่"],
      ["=SUM(A1)", ""],
    ],
  );
  assert.deepEqual(parseCsv(csv), [
    ["หมู่ที่", "ชื่อ"],
    ["0102", 'ชมรม "รักษ์ละงู", หมู่ 2'],
    ["-1", "บรรทัด\nใหม่"],
    ["=SUM(A1)", ""],
  ]);
  assert.deepEqual(parseCsv("a;b\n1;2"), [
    ["a", "b"],
    ["1", "2"],
  ]);
  assert.deepEqual(parseCsv("a\tb\r\n1\t2\r\n"), [
    ["a", "b"],
    ["1", "2"],
  ]);
  assert.deepEqual(parseCsv('a,"",c'), [["a", "", "c"]]);
  assert.deepEqual(parseCsv(""), []);
});

test("a quoted cell never closed is refused with its row, never read as the rest of the file", () => {
  assert.throws(
    () => parseCsv('village,name\n1,"สมศรี\n2,มานี\n3,มานะ\n'),
    (err: unknown) => err instanceof CsvQuoteError && err.line === 2,
  );
  assert.throws(() => parseCsv('a,b\n1,2\n3,"'), CsvQuoteError);
  assert.deepEqual(parseCsv('a,"b\nc"'), [["a", "b\nc"]]);
});
