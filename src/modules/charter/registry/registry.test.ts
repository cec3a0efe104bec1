import { test } from "node:test";
import assert from "node:assert/strict";
import { registryCsv, registryEntry, type RegistrySource } from "./registry.ts";

const source = (over: Partial<RegistrySource> = {}): RegistrySource => ({
  tambon: {
    provinceTh: "สตูล",
    provinceEn: "Satun",
    districtTh: "ละงู",
    districtEn: "La-ngu",
    nameTh: "ละงู",
    nameEn: "La-ngu",
    dopaCode: "910502",
    slug: "la-ngu",
  },
  charter: {
    nameTh: "ธรรมนูญสุขภาพตำบลละงู",
    nameEn: "",
    scope: "tambon",
    scopeName: "",
    contactName: "คณะทำงานกลาง",
    contactPhone: "074000000",
    contactEmail: "",
  },
  inForce: { number: 2, yearBe: 2568, adoptedOn: "2025-08-20", reviewYears: 5 },
  open: null,
  progress: { not_started: 3, in_progress: 2, done: 4, needs_revision: 1 },
  links: { project: 2, partner: 1 },
  ...over,
});

test("an adopted charter is listed with its adoption date, review date and post-adoption actions", () => {
  const e = registryEntry(source(), "th", "https://tambon.example");
  assert.equal(e.province, "สตูล");
  assert.equal(e.status, "adopted");
  assert.equal(e.statusLabel, "ประกาศใช้แล้ว");
  assert.equal(e.edition, 2);
  assert.equal(e.adoptedOn, "2025-08-20");
  assert.equal(e.adoptedOnDisplay, "20 สิงหาคม 2568");
  assert.equal(e.reviewDue, "2030-08-20");
  assert.equal(e.postAdoptionActions.clauses, 10);
  assert.equal(e.postAdoptionActions.projects, 2);
  assert.equal(e.postAdoptionActions.indicators, 0);
  assert.match(e.postAdoptionActions.summary, /ดำเนินการแล้ว 4 ข้อ .* จากทั้งหมด 10 ข้อ/);
  assert.equal(e.url, "https://tambon.example/t/la-ngu/charter");
});

test("the status follows the editions: drafting, hearing, or adopted and under revision", () => {
  const none = { inForce: null };
  assert.equal(
    registryEntry(source({ ...none, open: { number: 1, status: "draft" } }), "en", "").status,
    "drafting",
  );
  assert.equal(
    registryEntry(source({ ...none, open: { number: 1, status: "hearing" } }), "en", "").status,
    "hearing",
  );
  const revising = registryEntry(source({ open: { number: 3, status: "draft" } }), "en", "");
  assert.equal(revising.status, "revising");
  assert.equal(revising.statusLabel, "Adopted, under revision");
  assert.equal(revising.province, "Satun");
  assert.equal(
    registryEntry(source({ ...none, open: { number: 1, status: "draft" } }), "th", "")
      .postAdoptionActions.summary,
    "",
  );
});

test("the CSV starts with a byte-order mark and Thai headers, and quotes fields with commas", () => {
  const csv = registryCsv(
    [
      registryEntry(
        source({ charter: { ...source().charter, nameTh: "ธรรมนูญ, ฉบับทดลอง" } }),
        "th",
        "",
      ),
    ],
    "th",
  );
  assert.ok(csv.startsWith("\uFEFFจังหวัด,อำเภอ,ตำบล,DOPA,ชื่อธรรมนูญ,ระดับพื้นที่,ฉบับที่,วันที่รับรอง,สถานะ"));
  assert.match(csv, /,"ธรรมนูญ, ฉบับทดลอง",ทั้งตำบล,2,2025-08-20,ประกาศใช้แล้ว,/);
  assert.equal(csv.split("\r\n").length, 3);
});

test("cells a spreadsheet would run as formulas are written as text", () => {
  const csv = registryCsv(
    [
      registryEntry(
        source({
          charter: {
            ...source().charter,
            nameTh: '=HYPERLINK("http://evil.example","ธรรมนูญ")',
            contactName: "@SUM(1+1)",
            contactPhone: "+66 74 000 000",
            contactEmail: "-2+3",
          },
        }),
        "th",
        "",
      ),
    ],
    "th",
  );
  const row = csv.split("\r\n")[1]!;
  assert.match(row, /,"'=HYPERLINK\(""http:\/\/evil\.example"",""ธรรมนูญ""\)",/);
  assert.match(row, /,'@SUM\(1\+1\),'\+66 74 000 000,'-2\+3,/);
  assert.doesNotMatch(row, /(^|,)"?[=+\-@]/);
});
