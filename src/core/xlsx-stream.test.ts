import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbook, writeWorkbook } from "./xlsx.ts";
import { NulCellError, xlsxRows, xlsxSource, WorkbookError } from "./xlsx-stream.ts";

const dir = mkdtempSync(path.join(tmpdir(), "xlsx-stream-"));

test("a workbook streamed row by row reads as readWorkbook reads it", async () => {
  const rows = [
    ["หมู่ที่", "บ้านเลขที่", "ชื่อ-สกุล", "หมายเหตุ"],
    ["1", "0102", "นาย ก & <ข>", 'say "hi"'],
    [2, "9/1", "สมหญิง", null],
    [null, null, null, null],
    [3.5, "", "ท้าย", "last"],
  ];
  const file = path.join(dir, "a.xlsx");
  const body = await writeWorkbook([
    { name: "คน", rows },
    { name: "other", rows: [["x"]] },
  ]);
  writeFileSync(file, body);
  const whole = await readWorkbook(body);
  assert.ok(whole.ok);
  const expected = whole.value[0]!.rows.filter((r) => r.some((c) => c !== ""));
  const got: string[][] = [];
  for await (const r of xlsxRows(file)) if (r.cells.some((c) => c !== "")) got.push(r.cells);
  const pad = (r: string[]) => {
    const out = [...r];
    while (out.length && out[out.length - 1] === "") out.pop();
    return out;
  };
  assert.deepEqual(got.map(pad), expected.map(pad));

  const src = await xlsxSource(file);
  assert.deepEqual(src.headers, ["หมู่ที่", "บ้านเลขที่", "ชื่อ-สกุล", "หมายเหตุ"]);
  const lines: number[] = [];
  for await (const b of src.batches(2)) lines.push(...b.map((r) => r.line));
  assert.deepEqual(lines, [2, 3, 5], "row numbers as the sheet shows them, empty rows left out");
});

test("shared strings after the sheet, dates by their format, booleans and inline text", async () => {
  const file = path.join(dir, "b.xlsx");
  const sheet = `<?xml version="1.0"?><worksheet><sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
    <row r="3"><c r="A3" s="1"><v>32246</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="inlineStr"><is><t>ใน&amp;เซลล์</t></is></c></row>
    </sheetData></worksheet>`;
  const zip = zipSync({
    "xl/workbook.xml": strToU8(
      `<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
    "xl/styles.xml": strToU8(
      `<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
    ),
    "xl/sharedStrings.xml": strToU8(
      `<sst><si><t>วันเกิด</t></si><si><r><t>ชื่อ</t></r><r><t xml:space="preserve"> สกุล</t></r></si></sst>`,
    ),
  });
  writeFileSync(file, zip);
  const got = [];
  for await (const r of xlsxRows(file)) got.push(r);
  assert.deepEqual(got, [
    { line: 1, cells: ["วันเกิด", "", "ชื่อ สกุล"] },
    { line: 3, cells: ["1988-04-13", "TRUE", "ใน&เซลล์"] },
  ]);
});

test("a file that is not a workbook is refused", async () => {
  const file = path.join(dir, "c.xlsx");
  writeFileSync(file, "PK not really a zip");
  await assert.rejects(async () => {
    for await (const _ of xlsxRows(file)) void _;
  }, WorkbookError);
});

/** A one-sheet workbook (sheet "ข้อมูล &amp; ตัวเลข") whose cell B2 holds `b2`, written as XML. */
function bookWith(b2: string): Uint8Array {
  return zipSync({
    "xl/workbook.xml": strToU8(
      `<workbook><sheets><sheet name="ข้อมูล &amp; ตัวเลข" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(`<?xml version="1.0"?><worksheet><sheetData>
      <row r="1"><c r="A1" t="inlineStr"><is><t>ชื่อ</t></is></c></row>
      <row r="2"><c r="A2" t="inlineStr"><is><t>ก</t></is></c><c r="B2" t="inlineStr"><is><t>${b2}</t></is></c></row>
      </sheetData></worksheet>`),
  });
}

test("a cell holding a NUL character is refused naming its sheet and cell", async () => {
  const file = path.join(dir, "nul.xlsx");
  writeFileSync(file, bookWith("x&#0;y"));
  const read: unknown[] = [];
  await assert.rejects(
    async () => {
      for await (const r of xlsxRows(file)) read.push(r);
    },
    (e: unknown) => e instanceof NulCellError && e.sheet === "ข้อมูล & ตัวเลข" && e.cell === "B2",
  );
  assert.deepEqual(read, [{ line: 1, cells: ["ชื่อ"] }], "the rows before it were read");
  writeFileSync(file, bookWith("x&#65;y"));
  const fine = [];
  for await (const r of xlsxRows(file)) fine.push(r);
  assert.deepEqual(fine[1], { line: 2, cells: ["ก", "xAy"] });
});

test("a character reference beyond Unicode is refused as no workbook, not thrown raw", async () => {
  const file = path.join(dir, "beyond.xlsx");
  writeFileSync(file, bookWith("x&#1114112;y"));
  await assert.rejects(async () => {
    for await (const _ of xlsxRows(file)) void _;
  }, WorkbookError);
});

test("a date cell beyond any date or negative reads as ######## and damaged packing is no workbook", async () => {
  const sheet = `<?xml version="1.0"?><worksheet><sheetData>
    <row r="1"><c r="A1" s="1"><v>24000</v></c><c r="B1" s="1"><v>99999999999</v></c><c r="C1" s="1"><v>-5</v></c></row>
    </sheetData></worksheet>`;
  const parts = {
    "xl/workbook.xml": strToU8(
      `<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
    "xl/styles.xml": strToU8(
      `<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
    ),
  };
  const file = path.join(dir, "far-date.xlsx");
  writeFileSync(file, zipSync(parts));
  const got = [];
  for await (const r of xlsxRows(file)) got.push(r.cells);
  assert.deepEqual(got, [["1965-09-15", "########", "########"]]);

  // The sheet's compressed bytes damaged in the middle: fflate's "invalid distance" and the like
  // become WorkbookError, which the command line reports as no workbook.
  const book = Buffer.from(
    zipSync({ ...parts, "xl/worksheets/sheet1.xml": strToU8(sheet.repeat(50)) }),
  );
  const at = book.indexOf("xl/worksheets/sheet1.xml") + 60;
  for (let i = at; i < at + 40; i++) book[i] = book[i]! ^ 0x5a;
  const damaged = path.join(dir, "damaged.xlsx");
  writeFileSync(damaged, book);
  await assert.rejects(async () => {
    for await (const _ of xlsxRows(damaged)) void _;
  }, WorkbookError);
});

test("a zip whose directory is said to lie beyond the file is refused before it is read", async () => {
  const book = Buffer.from(bookWith("x"));
  const eocd = book.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  book.writeUInt32LE(0xfffffff0, eocd + 12);
  const file = path.join(dir, "far-directory.xlsx");
  writeFileSync(file, book);
  await assert.rejects(xlsxSource(file), /central directory beyond the file/);
});

test("a workbook counting dates from 1904 streams the days readWorkbook reads", async () => {
  const book = await writeWorkbook([{ name: "s", rows: [["วันเกิด"], ["D"]] }]);
  const parts = unzipSync(new Uint8Array(book));
  let date = 0;
  parts["xl/styles.xml"] = strToU8(
    strFromU8(parts["xl/styles.xml"]!).replace(
      /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/,
      (_m, n: string, xfs: string) => {
        date = Number(n);
        return `<cellXfs count="${date + 1}">${xfs}<xf numFmtId="14" applyNumberFormat="1"/></cellXfs>`;
      },
    ),
  );
  const sheet = "xl/worksheets/sheet1.xml";
  parts[sheet] = strToU8(
    strFromU8(parts[sheet]!).replace(
      /<c r="A2"[^>]*>[\s\S]*?<\/c>/,
      `<c r="A2" s="${date}"><v>30784</v></c>`,
    ),
  );
  parts["xl/workbook.xml"] = strToU8(
    strFromU8(parts["xl/workbook.xml"]!).replace(
      /<workbook\b[^>]*>/,
      (open) => `${open}<workbookPr date1904="1"/>`,
    ),
  );
  const data = zipSync(parts);
  const whole = await readWorkbook(data);
  assert.ok(whole.ok);
  assert.deepEqual(whole.value[0]!.rows[1], ["1988-04-13"]);
  const file = path.join(dir, "1904.xlsx");
  writeFileSync(file, data);
  const got = [];
  for await (const r of xlsxRows(file)) got.push(r.cells);
  assert.deepEqual(got[1], ["1988-04-13"]);
});

test("a cell naming a shared string the workbook does not hold is no workbook, not an empty cell", async () => {
  const book = await writeWorkbook([
    {
      name: "s",
      rows: [
        ["ชื่อ", "เลขประจำตัว"],
        ["ก", "MARK"],
      ],
    },
  ]);
  const parts = unzipSync(new Uint8Array(book));
  const sheet = "xl/worksheets/sheet1.xml";
  parts[sheet] = strToU8(
    strFromU8(parts[sheet]!).replace(/(<c r="B2"[^>]*t="s"[^>]*>)<v>\d+<\/v>/, "$1<v>999</v>"),
  );
  const data = zipSync(parts);
  assert.equal((await readWorkbook(data)).ok, false);
  const file = path.join(dir, "missing-string.xlsx");
  writeFileSync(file, data);
  await assert.rejects(async () => {
    for await (const _ of xlsxRows(file)) void _;
  }, WorkbookError);
});

test("a sheet ending in broken XML is no workbook, as readWorkbook finds it, not rows cut short", async () => {
  const book = await writeWorkbook([
    {
      name: "s",
      rows: [
        ["ชื่อ", "หมู่ที่"],
        ["ก", "1"],
        ["ข", "2"],
      ],
    },
  ]);
  const parts = unzipSync(new Uint8Array(book));
  const sheet = "xl/worksheets/sheet1.xml";
  const xml = strFromU8(parts[sheet]!);
  const broken = {
    "cut after a row": xml.slice(0, xml.lastIndexOf("</row>") + 6),
    "cut inside a row": xml.slice(0, xml.lastIndexOf("</row>") - 10),
    "a row never closed": xml.replace(
      "</sheetData>",
      '<row r="4"><c r="A4"><v>1</v></c></sheetData>',
    ),
    "a broken tag at the end": `${xml}<<`,
    "an element never closed": xml.replace("</sheetData>", "</sheetData><extLst>"),
    "no end of the worksheet": xml.replace(/<\/worksheet>\s*$/, ""),
  };
  for (const [what, bad] of Object.entries(broken)) {
    const data = zipSync({ ...parts, [sheet]: strToU8(bad) });
    assert.equal((await readWorkbook(data)).ok, false, `${what}: readWorkbook refuses it`);
    const file = path.join(dir, "broken-end.xlsx");
    writeFileSync(file, data);
    await assert.rejects(
      async () => {
        for await (const _ of xlsxRows(file)) void _;
      },
      WorkbookError,
      what,
    );
    const source = await xlsxSource(file);
    await assert.rejects(
      async () => {
        for await (const _ of source.batches(100)) void _;
      },
      WorkbookError,
      what,
    );
  }
  // A comment holding "<" and text after the root are well formed enough, for both readers.
  const fine = zipSync({
    ...parts,
    [sheet]: strToU8(xml.replace("</sheetData>", "</sheetData><!-- a < b -->")),
  });
  assert.equal((await readWorkbook(fine)).ok, true);
  const file = path.join(dir, "comment.xlsx");
  writeFileSync(file, fine);
  let rows = 0;
  for await (const _ of xlsxRows(file)) rows++;
  assert.equal(rows, 3);
});
