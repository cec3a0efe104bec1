import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, like } from "drizzle-orm";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { autoMap, importJob, readImportFile } from "../../src/core/imports.ts";
import { csvSource, runStreamingImport } from "../../src/core/import-stream.ts";
import { NulCellError, xlsxSource } from "../../src/core/xlsx-stream.ts";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { writeWorkbook } from "../../src/core/xlsx.ts";
import { peopleImporter } from "../../src/modules/community/imports/people.ts";
import { figureImporter } from "../../src/modules/community/imports/figures.ts";
import { people, recordChanges, figures } from "../../src/modules/community/schema.ts";

// The people import of a million rows (`tambon import people`) stages rows and writes them with
// a few set-based statements; these tests hold it to the rules of the row-by-row import.

const dir = mkdtempSync(path.join(tmpdir(), "people-bulk-"));
const csv = (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
};
const HEAD = "หมู่ที่,บ้านเลขที่,ชื่อ-สกุล,เลขประจำตัวประชาชน,วันเกิด,เพศ,ความสัมพันธ์";

for (const kind of DB_KINDS) {
  describe(`the people import in bulk (${kind})`, () => {
    let database: TestDatabase;
    let tambonId: number;
    before(async () => {
      database = await openTestDatabase(kind, { demo: true });
      const [t] = await database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
      tambonId = t!.id;
    });
    after(() => database.drop());

    const importFile = async (source: Awaited<ReturnType<typeof csvSource>>, apply = true) => {
      const importer = await peopleImporter(database.db, tambonId, null, "people.csv");
      return runStreamingImport(source, autoMap(source.headers, importer.fields), importer, {
        apply,
        batch: 2,
      });
    };
    const person = async (name: string) => {
      const [p] = await database.db
        .select()
        .from(people)
        .where(and(eq(people.tambonId, tambonId), eq(people.name, name)));
      return p;
    };
    const history = async (id: number) =>
      database.db
        .select()
        .from(recordChanges)
        .where(and(eq(recordChanges.entity, "person"), eq(recordChanges.entityId, id)))
        .orderBy(recordChanges.version);

    test("new people and households are made with their history; a re-run changes nothing", async () => {
      const file = csv("a.csv", [
        HEAD,
        "1,801/1,นายกลุ่ม หนึ่ง,1101700230708,13/04/2510,ชาย,หัวหน้า",
        "1,801/1,นางกลุ่ม สอง,,02/02/2515,หญิง,คู่สมรส",
        "2,802,เด็กกลุ่ม สาม,,2010-05-01,ญ,บุตร",
      ]);
      const dry = await importFile(await csvSource(file, 1), false);
      assert.deepEqual([dry.create, dry.update, dry.unchanged, dry.applied], [3, 0, 0, false]);
      assert.equal(await person("นายกลุ่ม หนึ่ง"), undefined, "a dry run stores nothing");

      const first = await importFile(await csvSource(file, 1));
      assert.deepEqual([first.create, first.update, first.unchanged, first.badRows], [3, 0, 0, 0]);
      const head = (await person("นายกลุ่ม หนึ่ง"))!;
      const spouse = (await person("นางกลุ่ม สอง"))!;
      assert.equal(head.householdId, spouse.householdId, "one household for house 801/1");
      assert.equal(head.birthDate, "1967-04-13");
      assert.equal(head.sex, "male");
      const made = await history(head.id);
      assert.equal(made.length, 1);
      assert.equal(made[0]!.via, "import");
      assert.deepEqual(made[0]!.changes.name, [null, "นายกลุ่ม หนึ่ง"]);
      assert.deepEqual(made[0]!.changes.thaiId, [null, "1101700230708"]);
      assert.equal(made[0]!.changes.birthDate?.[1], "1967-04-13");
      assert.deepEqual(made[0]!.changes, {
        name: [null, "นายกลุ่ม หนึ่ง"],
        thaiId: [null, "1101700230708"],
        birthDate: [null, "1967-04-13"],
        sex: [null, "male"],
        relation: [null, "head"],
        householdId: [null, head.householdId],
        villageId: [null, head.villageId],
      });
      assert.equal("thaiId" in (await history(spouse.id))[0]!.changes, false);
      // The household the rows named was made with its own history row.
      const house = await database.db
        .select()
        .from(recordChanges)
        .where(
          and(eq(recordChanges.entity, "household"), eq(recordChanges.entityId, head.householdId)),
        );
      assert.equal(house.length, 1);
      assert.deepEqual(
        [house[0]!.version, house[0]!.action, house[0]!.via, house[0]!.tambonId],
        [1, "create", "import", tambonId],
      );
      assert.deepEqual(house[0]!.changes, {
        villageId: [null, head.villageId],
        houseNo: [null, "801/1"],
      });

      const again = await importFile(await csvSource(file, 1));
      assert.deepEqual([again.create, again.update, again.unchanged], [0, 0, 3]);
      assert.equal((await history(head.id)).length, 1);
    });

    test("unmatched columns keep what is stored; a change is written with its history", async () => {
      // Only the key columns and the name: birth date, sex and relation stay as stored.
      const file = csv("b.csv", [
        "หมู่ที่,บ้านเลขที่,ชื่อ-สกุล,เลขประจำตัวประชาชน",
        "1,801/1,นายกลุ่ม หนึ่ง (แก้),1101700230708",
        "1,801/1,นางกลุ่ม สอง,",
      ]);
      const r = await importFile(await csvSource(file, 1));
      assert.deepEqual([r.create, r.update, r.unchanged], [0, 1, 1]);
      const head = (await person("นายกลุ่ม หนึ่ง (แก้)"))!;
      assert.equal(head.birthDate, "1967-04-13");
      assert.equal(head.sex, "male");
      assert.equal(head.relation, "head");
      assert.equal(head.version, 2);
      const changes = (await history(head.id))[1]!;
      assert.equal(changes.action, "update");
      assert.deepEqual(changes.changes, { name: ["นายกลุ่ม หนึ่ง", "นายกลุ่ม หนึ่ง (แก้)"] });

      // The web import (row by row) reads the same rule: the same file again changes nothing.
      const read = await readImportFile({
        filename: "b.csv",
        data: Buffer.from("หมู่ที่,บ้านเลขที่,ชื่อ-สกุล\n1,801/1,นางกลุ่ม สอง\n"),
      });
      assert.ok(read.ok);
      const job = importJob(await peopleImporter(database.db, tambonId, null, "b.csv"));
      const web = await job.run(read.value, autoMap(read.value.headers, job.fields), true);
      assert.deepEqual([web.create, web.update, web.unchanged], [0, 0, 1]);
      assert.equal((await person("นางกลุ่ม สอง"))!.sex, "female");
    });

    test("a bad row anywhere stores nothing; errors are kept to the first few", async () => {
      const before = await database.db.$count(people, eq(people.tambonId, tambonId));
      const lines = [HEAD, "3,900,คนดี หนึ่ง,,,ชาย,"];
      for (let i = 0; i < 30; i++) lines.push(`3,901,คนผิด ${i},,31/02/2520,ชาย,`);
      const file = csv("c.csv", lines);
      const importer = await peopleImporter(database.db, tambonId, null, "c.csv");
      const src = await csvSource(file, 1);
      const r = await runStreamingImport(src, autoMap(src.headers, importer.fields), importer, {
        apply: true,
        batch: 4,
        maxErrors: 5,
      });
      assert.equal(r.badRows, 30);
      assert.equal(r.errors.length, 5);
      assert.equal(r.errors[0]!.line, 3);
      assert.equal(r.applied, false);
      assert.equal(await database.db.$count(people, eq(people.tambonId, tambonId)), before);
    });

    test("a key met twice in the file is a bad row naming the first; nothing is stored", async () => {
      const file = csv("dup.csv", [
        HEAD,
        "2,500,คนซ้ำ หนึ่ง,3100000000012,,ชาย,",
        "2,501,คนไม่ซ้ำ,,,ชาย,",
        "2,502,คนซ้ำ สอง,3100000000012,,ชาย,",
        "2,500,คนซ้ำ หนึ่ง,,,ชาย,",
        "2,500,คนซ้ำ หนึ่ง,,,หญิง,",
      ]);
      const r = await importFile(await csvSource(file, 1));
      assert.equal(r.badRows, 2);
      assert.deepEqual(
        r.errors.map((e) => [e.line, e.key, e.vars?.line]),
        [
          [4, "import.duplicateRow", 2],
          [6, "import.duplicateRow", 5],
        ],
      );
      assert.equal(r.applied, false);
      assert.equal(await person("คนไม่ซ้ำ"), undefined);
    });

    test("an XLSX file streams into the same import", async () => {
      const file = path.join(dir, `d-${kind}.xlsx`);
      writeFileSync(
        file,
        await writeWorkbook([
          {
            name: "people",
            rows: [
              ["หมู่ที่", "บ้านเลขที่", "ชื่อ-สกุล", "เพศ"],
              [4, "77", "คนจากเอ็กเซล", "หญิง"],
            ],
          },
        ]),
      );
      const r = await importFile(await xlsxSource(file));
      assert.deepEqual([r.create, r.badRows], [1, 0]);
      assert.equal((await person("คนจากเอ็กเซล"))!.sex, "female");
    });

    test("an XLSX cell holding a NUL character stops the import naming the cell; nothing is stored", async () => {
      const book = await writeWorkbook([
        {
          name: "people",
          rows: [
            ["หมู่ที่", "บ้านเลขที่", "ชื่อ-สกุล", "เพศ"],
            [4, "78", "คนก่อนแถวเสีย", "หญิง"],
            [4, "79", "MARK", "ชาย"],
          ],
        },
      ]);
      const parts = unzipSync(new Uint8Array(book));
      for (const [name, data] of Object.entries(parts)) {
        const xml = strFromU8(data);
        if (xml.includes("MARK")) parts[name] = strToU8(xml.replace("MARK", "ชื่อ&#0;เสีย"));
      }
      const file = path.join(dir, `nul-${kind}.xlsx`);
      writeFileSync(file, zipSync(parts));
      await assert.rejects(
        importFile(await xlsxSource(file)),
        (e: unknown) => e instanceof NulCellError && e.sheet === "people" && e.cell === "C3",
      );
      assert.equal(await person("คนก่อนแถวเสีย"), undefined, "no row of the file was stored");
    });

    test("a figures file without a denominator column keeps the stored denominators", async () => {
      const run = async (text: string) => {
        const read = await readImportFile({ filename: "f.csv", data: Buffer.from(text) });
        assert.ok(read.ok);
        const job = importJob(await figureImporter(database.db, tambonId, null, "f.csv"));
        return job.run(read.value, autoMap(read.value.headers, job.fields), true);
      };
      await run("หมู่ที่,ปี,รหัส,รายการ,จำนวน,ทั้งหมด\n1,2567,T-KEEP,ทดสอบ,5,20\n");
      const r = await run("หมู่ที่,ปี,รหัส,รายการ,จำนวน\n1,2567,T-KEEP,ทดสอบ,6\n");
      assert.deepEqual([r.create, r.update], [0, 1]);
      const [f] = await database.db
        .select()
        .from(figures)
        .where(and(eq(figures.tambonId, tambonId), eq(figures.code, "T-KEEP")));
      assert.equal(Number(f!.numerator), 6);
      assert.equal(Number(f!.denominator), 20);
    });

    test("a figure whose count is more than its total is a bad row; nothing is stored", async () => {
      const read = await readImportFile({
        filename: "f.csv",
        data: Buffer.from(
          "หมู่ที่,ปี,รหัส,รายการ,จำนวน,ทั้งหมด\n1,2567,T-OVER-OK,ทดสอบ,10,10\n1,2567,T-OVER,ทดสอบ,20,10\n",
        ),
      });
      assert.ok(read.ok);
      const job = importJob(await figureImporter(database.db, tambonId, null, "f.csv"));
      const r = await job.run(read.value, autoMap(read.value.headers, job.fields), true);
      assert.deepEqual(
        r.errors.map((e) => [e.line, e.field, e.key]),
        [[3, "numerator", "imp.countOverTotal"]],
      );
      const stored = await database.db
        .select()
        .from(figures)
        .where(and(eq(figures.tambonId, tambonId), like(figures.code, "T-OVER%")));
      assert.equal(stored.length, 0);
    });
  });
}
