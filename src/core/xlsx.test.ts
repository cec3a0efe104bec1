import { test } from "node:test";
import assert from "node:assert/strict";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { cellName, findSheet, readWorkbook, sheetName, writeWorkbook } from "./xlsx.ts";

test("a workbook written with several sheets reads back with text cells kept as text", async () => {
  const buf = await writeWorkbook([
    {
      name: "ผ.02",
      landscape: true,
      widths: [8, 40, 12],
      frozenRows: 1,
      rows: [
        [{ value: "บัญชีโครงการ", bold: true, colSpan: 3 }, null, null],
        ["หมู่ที่", "ชื่อโครงการ", "งบประมาณ"],
        ["0102", "ถนนคอนกรีตเสริมเหล็ก หมู่ 2", 150000],
        ["03", "=1+1", { value: 2500.5, format: "#,##0.00" }],
      ],
    },
    {
      name: "survey",
      rows: [
        ["type", "name"],
        ["integer", "age"],
      ],
    },
    {
      name: "choices",
      rows: [
        ["list_name", "name", "label"],
        ["yn", "1", "ใช่"],
      ],
    },
  ]);
  const read = await readWorkbook(buf);
  assert.ok(read.ok);
  assert.deepEqual(
    read.value.map((s) => s.name),
    ["ผ.02", "survey", "choices"],
  );
  const [p02] = read.value;
  assert.deepEqual(p02!.rows[0], ["บัญชีโครงการ", "", ""]);
  assert.deepEqual(p02!.rows[2], ["0102", "ถนนคอนกรีตเสริมเหล็ก หมู่ 2", "150000"]);
  // A text that looks like a formula stays text; numbers come back as written.
  assert.deepEqual(p02!.rows[3], ["03", "=1+1", "2500.5"]);
  assert.deepEqual(findSheet(read.value, " Choices ")?.rows[1], ["yn", "1", "ใช่"]);
  assert.equal(findSheet(read.value, "settings"), undefined);

  // The package itself: codes are typed text (format "@"), the header is merged and bold, and
  // the sheet prints on A4 landscape.
  const parts = unzipSync(buf);
  const sheet1 = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
  assert.match(sheet1, /<mergeCell ref="A1:C1"\/>/);
  assert.match(sheet1, /<pageSetup paperSize="9" orientation="landscape"\/>/);
  assert.match(sheet1, /<col min="2" max="2" width="40"/);
  assert.match(sheet1, /<c r="A3" s="\d+" t="s">/);
  const styles = strFromU8(parts["xl/styles.xml"]!);
  assert.match(styles, /numFmtId="49"|formatCode="@"/);
  assert.match(styles, /<b\/>/);
});

test("sheet names follow Excel's rules and stay unique", () => {
  assert.equal(sheetName("a/b:c"), "a-b-c");
  assert.equal(sheetName("x".repeat(40)).length, 31);
  assert.equal(sheetName("Data", new Set(["data"])), "Data-2");
  assert.equal(sheetName("  "), "Sheet");
});

test("row numbers survive empty rows in the middle of a sheet", async () => {
  const buf = await writeWorkbook([{ name: "s", rows: [["a"], [], ["", ""], ["b", "c"]] }]);
  const read = await readWorkbook(buf);
  assert.ok(read.ok);
  assert.equal(read.value[0]!.rows.length, 4);
  assert.deepEqual(read.value[0]!.rows[3], ["b", "c"]);
  assert.equal(read.value[0]!.rows[1]!.join(""), "");
});

test("bytes that are not a workbook are refused next to the field", async () => {
  const junk = await readWorkbook(Buffer.from("ชื่อ,หมู่\nสมชาย,1\n"), { field: "upload" });
  assert.deepEqual(junk, { ok: false, errors: { upload: { key: "xlsx.notWorkbook" } } });
  // A zip file that is not a workbook.
  const zip = Buffer.from(zipSync({ "readme.txt": strToU8("hello") }));
  assert.deepEqual(await readWorkbook(zip), {
    ok: false,
    errors: { file: { key: "xlsx.notWorkbook" } },
  });
  // A zip header followed by garbage.
  const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
  assert.equal((await readWorkbook(broken)).ok, false);
  assert.equal((await readWorkbook(new Uint8Array())).ok, false);
});

test("a workbook that unpacks beyond the byte budget is refused before it is read", async () => {
  const buf = await writeWorkbook([{ name: "s", rows: [["a"]] }]);
  const parts = unzipSync(buf);
  // 12 MB of spaces inside the sheet's XML packs into a few kilobytes.
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
  parts["xl/worksheets/sheet1.xml"] = strToU8(
    sheet.replace("<sheetData>", " ".repeat(12e6) + "<sheetData>"),
  );
  const bomb = Buffer.from(zipSync(parts, { level: 9 }));
  assert.ok(bomb.length < 200_000);
  const read = await readWorkbook(bomb, { maxBytes: 5 * 1024 * 1024 });
  assert.deepEqual(read, {
    ok: false,
    errors: { file: { key: "xlsx.tooLarge", vars: { mb: 5 } } },
  });
});

test("a single far-away cell is refused by its row and column, not read into a huge grid", async () => {
  const buf = await writeWorkbook([{ name: "s", rows: [["a"]] }]);
  const parts = unzipSync(buf);
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
  const far = (ref: string, row: number) =>
    strToU8(
      sheet.replace("</sheetData>", `<row r="${row}"><c r="${ref}"><v>1</v></c></row></sheetData>`),
    );
  parts["xl/worksheets/sheet1.xml"] = far("B200000", 200000);
  let read = await readWorkbook(Buffer.from(zipSync(parts)), { maxRows: 1000 });
  assert.deepEqual(read, {
    ok: false,
    errors: { file: { key: "xlsx.tooManyRows", vars: { max: 1000 } } },
  });
  parts["xl/worksheets/sheet1.xml"] = far("ZZZ2", 2);
  read = await readWorkbook(Buffer.from(zipSync(parts)));
  assert.deepEqual(read, {
    ok: false,
    errors: { file: { key: "xlsx.tooManyColumns", vars: { max: 200 } } },
  });
  // Empty formatted rows far down (as spreadsheets keep them) do not count.
  parts["xl/worksheets/sheet1.xml"] = strToU8(
    sheet.replace(
      "</sheetData>",
      `<row r="900000" s="1" customFormat="1"><c r="A900000" s="1"/></row></sheetData>`,
    ),
  );
  read = await readWorkbook(Buffer.from(zipSync(parts)), { maxRows: 1000 });
  assert.ok(read.ok);
  assert.deepEqual(read.value[0]!.rows, [["a"]]);
});

test("a workbook whose cells hold a NUL character is refused next to the field, naming the cell", async () => {
  const book = await writeWorkbook([
    { name: "ok", rows: [["a"]] },
    {
      name: "ข้อมูล",
      rows: [
        ["a", "b"],
        ["c", "MARK"],
      ],
    },
  ]);
  for (const raw of ["x&#0;y", "x_x0000_y"]) {
    const parts = unzipSync(new Uint8Array(book));
    for (const [name, data] of Object.entries(parts)) {
      const xml = strFromU8(data);
      if (xml.includes("MARK")) parts[name] = strToU8(xml.replace("MARK", raw));
    }
    const read = await readWorkbook(Buffer.from(zipSync(parts)), { field: "upload" });
    assert.deepEqual(
      read,
      {
        ok: false,
        errors: { upload: { key: "xlsx.nulCell", vars: { sheet: "ข้อมูล", cell: "B2" } } },
      },
      raw,
    );
  }
});

test("cells are named as Excel names them", () => {
  assert.deepEqual(
    [
      cellName(0, 0),
      cellName(1, 1),
      cellName(9, 25),
      cellName(0, 26),
      cellName(0, 27),
      cellName(99, 701),
      cellName(0, 702),
    ],
    ["A1", "B2", "Z10", "AA1", "AB1", "ZZ100", "AAA1"],
  );
});

test("a date cell whose serial is no date (beyond any, or negative) reads as ########, never throws", async () => {
  const book = await writeWorkbook([{ name: "s", rows: [["วันเกิด"], ["D1"], ["D2"], ["D3"]] }]);
  const parts = unzipSync(new Uint8Array(book));
  // A date style added after the writer's own: its index is their count.
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
  const serials: Record<string, string> = { A2: "24000", A3: "99999999999", A4: "-5" };
  const sheet = "xl/worksheets/sheet1.xml";
  parts[sheet] = strToU8(
    strFromU8(parts[sheet]!).replace(
      /<c r="(A2|A3|A4)"[^>]*>[\s\S]*?<\/c>/g,
      (_m, ref: string) => `<c r="${ref}" s="${date}"><v>${serials[ref]}</v></c>`,
    ),
  );
  const read = await readWorkbook(Buffer.from(zipSync(parts)));
  assert.ok(read.ok);
  assert.deepEqual(read.value[0]!.rows, [["วันเกิด"], ["1965-09-15"], ["########"], ["########"]]);
});
