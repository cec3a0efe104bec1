import { test } from "node:test";
import assert from "node:assert/strict";
import { fail, ok } from "./result.ts";
import { toCsv } from "./csv.ts";
import { writeWorkbook } from "./xlsx.ts";
import {
  autoMap,
  decodeText,
  dropImport,
  keepImport,
  keptImport,
  mappingValues,
  parseMapping,
  readImportFile,
  rowErrorText,
  runImport,
  type ImportField,
  type ImportTable,
  type Importer,
} from "./imports.ts";

const FIELDS: ImportField[] = [
  { name: "moo", label: { th: "หมู่ที่", en: "Village number" }, aliases: ["หมู่"], required: true },
  { name: "year", label: { th: "ปีงบประมาณ", en: "Fiscal year" }, required: true },
  { name: "value", label: { th: "ค่าที่วัดได้", en: "Value" }, required: true },
  { name: "note", label: { th: "หมายเหตุ", en: "Note" } },
];

interface Row {
  moo: number;
  year: number;
  value: number;
  note: string;
}

/** A store in memory whose transaction keeps nothing of a failed write. */
function fakeImporter(store: Map<string, Row>, opts: { failOnWrite?: number } = {}) {
  const writes: number[] = [];
  const importer: Importer<Row, "test.bad", Map<string, Row>, Row> = {
    fields: FIELDS,
    parse(cells) {
      const moo = Number(cells.moo);
      if (!/^\d+$/.test(cells.moo!) || moo < 1 || moo > 18)
        return fail("moo", "err.range", { min: 1, max: 18 });
      if (!/^25\d\d$/.test(cells.year!)) return fail("year", "test.bad");
      if (!/^\d+(\.\d+)?$/.test(cells.value!)) return fail("value", "err.number");
      return ok({ moo, year: Number(cells.year), value: Number(cells.value), note: cells.note! });
    },
    key: (r) => `${r.moo}/${r.year}`,
    async transaction(fn) {
      const copy = new Map(store);
      const out = await fn(copy);
      store.clear();
      for (const [k, v] of copy) store.set(k, v);
      return out;
    },
    async current(tx, rows) {
      const m = new Map<string, Row>();
      for (const r of rows) {
        const got = tx.get(importer.key(r));
        if (got) m.set(importer.key(r), got);
      }
      return m;
    },
    same: (a, b) => a.value === b.value && a.note === b.note,
    async write(tx, changes) {
      for (const c of changes) {
        if (opts.failOnWrite === c.line) throw new Error("disk full");
        tx.set(importer.key(c.row), c.row);
        writes.push(c.line);
      }
    },
  };
  return { importer, writes };
}

const table = (rows: string[][]): ImportTable => ({
  filename: "t.csv",
  headers: ["หมู่", "ปีงบประมาณ", "ค่าที่วัดได้", "หมายเหตุ"],
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});

test("headers are matched to fields by name, Thai or English label, alias, ignoring case and marks", () => {
  assert.deepEqual(autoMap(["หมู่ที่*", "Fiscal  Year", "VALUE (ร้อยละ)", "อื่น ๆ"], FIELDS), {
    moo: 0,
    year: 1,
    value: 2,
    note: null,
  });
  assert.deepEqual(autoMap(["moo", "year", "หมู่"], FIELDS), {
    moo: 0,
    year: 1,
    value: null,
    note: null,
  });
  // A column feeds one field at most.
  assert.deepEqual(autoMap(["หมู่ที่"], [FIELDS[0]!, { ...FIELDS[0]!, name: "moo2" }]), {
    moo: 0,
    moo2: null,
  });
});

test("the chosen mapping needs every required field, once per column, within the file", () => {
  const headers = ["a", "b", "c"];
  const good = parseMapping(
    { col_moo: "0", col_year: "1", col_value: "2", col_note: "" },
    headers,
    FIELDS,
  );
  assert.deepEqual(good, { ok: true, value: { moo: 0, year: 1, value: 2, note: null } });
  const bad = parseMapping(
    { col_moo: "0", col_year: "0", col_value: "7", col_note: "x" },
    headers,
    FIELDS,
  );
  assert.deepEqual(bad, {
    ok: false,
    errors: {
      col_year: { key: "import.columnTwice", vars: { column: "a" } },
      col_value: { key: "err.choice" },
      col_note: { key: "err.choice" },
    },
  });
  assert.deepEqual(parseMapping({}, headers, FIELDS).ok, false);
  assert.deepEqual(mappingValues({ moo: 0, note: null }), { col_moo: "0", col_note: "" });
});

test("a dry run reports every bad row with its row number and column, and writes nothing", async () => {
  const store = new Map<string, Row>();
  const { importer, writes } = fakeImporter(store);
  const t = table([
    ["1", "2566", "12.5", ""],
    ["19", "2566", "3", ""],
    ["2", "66", "3", ""],
    ["3", "2566", "", ""],
    ["1", "2566", "13", "ซ้ำ"],
  ]);
  const report = await runImport(t, autoMap(t.headers, FIELDS), importer, { apply: true });
  assert.equal(report.applied, false);
  assert.equal(store.size, 0);
  assert.deepEqual(writes, []);
  assert.deepEqual(
    report.errors.map((e) => [e.line, e.field, e.column, e.key]),
    [
      [3, "moo", "หมู่", "err.range"],
      [4, "year", "ปีงบประมาณ", "test.bad"],
      [5, "value", "ค่าที่วัดได้", "import.required"],
      [6, "_row", undefined, "import.duplicateRow"],
    ],
  );
  assert.equal(rowErrorText(report.errors[0]!, "th"), "ต้องอยู่ระหว่าง 1 ถึง 18");
  assert.equal(rowErrorText(report.errors[3]!, "en"), "The same record as row 2 of this file");
  assert.deepEqual([report.rows, report.create], [5, 1]);
});

test("an import writes all rows in one transaction, or none when a write fails", async () => {
  const store = new Map<string, Row>([["1/2566", { moo: 1, year: 2566, value: 1, note: "" }]]);
  const t = table([
    ["1", "2566", "5", ""],
    ["2", "2566", "6", ""],
    ["3", "2566", "7", ""],
  ]);
  const failing = fakeImporter(store, { failOnWrite: 4 });
  await assert.rejects(runImport(t, autoMap(t.headers, FIELDS), failing.importer, { apply: true }));
  assert.deepEqual(failing.writes, [2, 3]);
  assert.deepEqual([...store.keys()], ["1/2566"]);
  assert.equal(store.get("1/2566")!.value, 1);

  const { importer } = fakeImporter(store);
  const dry = await runImport(t, autoMap(t.headers, FIELDS), importer, { apply: false });
  assert.deepEqual([dry.applied, dry.create, dry.update, dry.unchanged], [false, 2, 1, 0]);
  assert.equal(store.size, 1);
  const done = await runImport(t, autoMap(t.headers, FIELDS), importer, { apply: true });
  assert.deepEqual([done.applied, done.create, done.update, done.unchanged], [true, 2, 1, 0]);
  assert.equal(store.size, 3);
  assert.equal(store.get("1/2566")!.value, 5);
});

test("running the same file again changes nothing; a changed row is updated, never duplicated", async () => {
  const store = new Map<string, Row>();
  const { importer, writes } = fakeImporter(store);
  const t = table([
    ["1", "2566", "5", ""],
    ["2", "2566", "6", ""],
  ]);
  const mapping = autoMap(t.headers, FIELDS);
  await runImport(t, mapping, importer, { apply: true });
  const again = await runImport(t, mapping, importer, { apply: true });
  assert.deepEqual([again.create, again.update, again.unchanged], [0, 0, 2]);
  assert.deepEqual(writes, [2, 3]);
  const changed = table([
    ["1", "2566", "5", ""],
    ["2", "2566", "8", "แก้ไข"],
  ]);
  const third = await runImport(changed, mapping, importer, { apply: true });
  assert.deepEqual([third.create, third.update, third.unchanged], [0, 1, 1]);
  assert.equal(store.size, 2);
  assert.deepEqual(store.get("2/2566"), { moo: 2, year: 2566, value: 8, note: "แก้ไข" });
});

test("CSV and XLSX files read into the same table, with row numbers as the file shows them", async () => {
  const rows = [
    ["หมู่ที่", "ปีงบประมาณ", "ค่าที่วัดได้"],
    ["01", "2566", "12.5"],
    ["", "", ""],
    ["2", "2567", "-3"],
  ];
  const csv = await readImportFile({
    filename: "a.csv",
    data: Buffer.from(toCsv(rows[0]!, rows.slice(1))),
  });
  const xlsx = await readImportFile({
    filename: "a.xlsx",
    data: await writeWorkbook([
      { name: "อื่น", rows: [] },
      { name: "ข้อมูล", rows: [[], ...rows] },
    ]),
  });
  assert.ok(csv.ok && xlsx.ok);
  assert.deepEqual(csv.value.headers, rows[0]);
  assert.deepEqual(csv.value.rows, [
    { line: 2, cells: ["01", "2566", "12.5"] },
    { line: 4, cells: ["2", "2567", "-3"] },
  ]);
  assert.equal(xlsx.value.sheet, "ข้อมูล");
  assert.deepEqual(xlsx.value.headers, rows[0]);
  assert.deepEqual(
    xlsx.value.rows.map((r) => [r.line, ...r.cells]),
    [
      [3, "01", "2566", "12.5"],
      [5, "2", "2567", "-3"],
    ],
  );
  const named = await readImportFile(
    { filename: "a.xlsx", data: await writeWorkbook([{ name: "s", rows }]) },
    { sheet: "nope" },
  );
  assert.deepEqual(named, {
    ok: false,
    errors: { file: { key: "import.sheetMissing", vars: { name: "nope" } } },
  });
});

test("files that cannot be imported are refused next to the field with a reason", async () => {
  const read = (data: Uint8Array, opts = {}) => readImportFile({ filename: "x", data }, opts);
  assert.deepEqual(await read(new Uint8Array()), {
    ok: false,
    errors: { file: { key: "import.empty" } },
  });
  assert.deepEqual(await read(Buffer.from("\n,,\n")), {
    ok: false,
    errors: { file: { key: "import.empty" } },
  });
  // A header row and nothing under it (but empty rows) is no import of nothing.
  for (const data of [
    Buffer.from("หมู่ที่,ชื่อ\n,\n\n"),
    await writeWorkbook([
      {
        name: "s",
        rows: [
          ["หมู่ที่", "ชื่อ"],
          [null, null],
        ],
      },
    ]),
  ])
    assert.deepEqual(await read(data), { ok: false, errors: { file: { key: "import.noRows" } } });
  const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
  assert.deepEqual(await read(xls), { ok: false, errors: { file: { key: "import.oldExcel" } } });
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x81]);
  assert.deepEqual(await read(png), { ok: false, errors: { file: { key: "import.notText" } } });
  assert.deepEqual(await read(Buffer.from('หมู่ที่,ปีงบประมาณ\n1,"2566\n2,2567\n3,2568\n')), {
    ok: false,
    errors: { file: { key: "import.openQuote", vars: { line: 2 } } },
  });
  // A comma outside quotes splits a value: the end that falls past the header is never dropped.
  assert.deepEqual(await read(Buffer.from("หมู่ที่,ชื่อ\n1,สมชาย\n2,สมหญิง, ใจดี\n3,มานะ,\n")), {
    ok: false,
    errors: { file: { key: "import.extraCells", vars: { line: 3, columns: 2 } } },
  });
  const columns = Array.from({ length: 201 }, (_, i) => `c${i}`).join(",");
  assert.deepEqual(await read(Buffer.from(`${columns}\n1\n`)), {
    ok: false,
    errors: { file: { key: "xlsx.tooManyColumns", vars: { max: 200 } } },
  });
  const many = "a\n" + "1\n".repeat(11);
  assert.deepEqual(await read(Buffer.from(many), { maxRows: 10 }), {
    ok: false,
    errors: { file: { key: "import.tooManyRows", vars: { max: 10 } } },
  });
});

test("a CSV saved by older Thai Excel (windows-874) reads as Thai", () => {
  // "หมู่" in TIS-620.
  assert.equal(decodeText(Buffer.from([0xcb, 0xc1, 0xd9, 0xe8])), "หมู่");
  assert.equal(decodeText(Buffer.from("หมู่", "utf8")), "หมู่");
});

test("a UTF-8 CSV damaged or cut short in a character is refused, never read as windows-874", async () => {
  const utf8 = Buffer.from("หมู่ที่,ปีงบประมาณ,ค่าที่วัดได้\n1,2566,สมชาย\n", "utf8");
  const cut = utf8.subarray(0, utf8.length - 2);
  const stray = Buffer.concat([utf8, Buffer.from([0xff, 0x0a])]);
  for (const data of [cut, stray]) {
    assert.equal(decodeText(data), null);
    assert.deepEqual(await readImportFile({ filename: "x.csv", data }), {
      ok: false,
      errors: { file: { key: "import.brokenText" } },
    });
  }
  // Bytes windows-874 leaves undefined (0xDB–0xDE, 0xFC–0xFF) are no Thai text either.
  assert.equal(decodeText(Buffer.from([0xcb, 0xc1, 0xd9, 0xe8, 0xfc, 0xff])), null);
});

test("a kept file is read back only by the same person in the same tambon, until it expires", () => {
  const t = table([["1", "2566", "5", ""]]);
  const token = keepImport({ tambonId: 1, userId: 7 }, t, 1000);
  assert.equal(keptImport(token, { tambonId: 1, userId: 7 }, 2000), t);
  assert.equal(keptImport(token, { tambonId: 2, userId: 7 }, 2000), null);
  assert.equal(keptImport(token, { tambonId: 1, userId: 8 }, 2000), null);
  assert.equal(keptImport(token, { tambonId: 1, userId: 7 }, 1000 + 61 * 60 * 1000), null);
  assert.equal(keptImport("../etc", { tambonId: 1, userId: 7 }, 2000), null);
  dropImport(token);
  assert.equal(keptImport(token, { tambonId: 1, userId: 7 }, 2000), null);
});

test("fields whose column is unmatched keep what is stored; the importer is told which matched", async () => {
  const store = new Map<string, Row>();
  const { importer, writes } = fakeImporter(store);
  const seen: string[][] = [];
  importer.keep = (row, cur, matched) => {
    seen.push([...matched].sort());
    return matched.has("note") ? row : { ...row, note: cur.note };
  };
  const full = table([["1", "2566", "5", "ตรวจแล้ว"]]);
  await runImport(full, autoMap(full.headers, FIELDS), importer, { apply: true });
  // The same values without a note column: nothing changes, the note stays.
  const noNote: ImportTable = {
    filename: "t.csv",
    headers: ["หมู่", "ปีงบประมาณ", "ค่าที่วัดได้"],
    rows: [{ line: 2, cells: ["1", "2566", "5"] }],
  };
  const mapping = autoMap(noNote.headers, FIELDS);
  const same = await runImport(noNote, mapping, importer, { apply: true });
  assert.deepEqual([same.create, same.update, same.unchanged], [0, 0, 1]);
  assert.deepEqual(seen.at(-1), ["moo", "value", "year"]);
  // A changed value without a note column: the value changes, the note is kept.
  noNote.rows[0]!.cells[2] = "7";
  const changed = await runImport(noNote, mapping, importer, { apply: true });
  assert.deepEqual([changed.create, changed.update, changed.unchanged], [0, 1, 0]);
  assert.deepEqual(store.get("1/2566"), { moo: 1, year: 2566, value: 7, note: "ตรวจแล้ว" });
  assert.deepEqual(writes, [2, 2]);
  // With the note column matched and empty, the note is blanked as the file says.
  const blank = table([["1", "2566", "7", ""]]);
  await runImport(blank, autoMap(blank.headers, FIELDS), importer, { apply: true });
  assert.equal(store.get("1/2566")!.note, "");
});
