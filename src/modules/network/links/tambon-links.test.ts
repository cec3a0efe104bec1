import { test } from "node:test";
import assert from "node:assert/strict";
import type { Tambon } from "../../../core/tenancy.ts";
import { linksOfTambon, reciprocal, type LinkRow } from "./tambon-links.ts";

const tambon = (id: number, dopaCode: string, nameTh: string) =>
  ({
    id,
    dopaCode,
    nameTh,
    nameEn: nameTh,
    provinceTh: "จ",
    provinceEn: "P",
    slug: `t${id}`,
  }) as Tambon;
const langu = tambon(1, "910502", "ละงู");
const lomraet = tambon(2, "520801", "ล้อมแรด");
const all = [langu, lomraet];
const byCode = (c: string) => all.find((t) => t.dopaCode === c);
const byId = (id: number) => all.find((t) => t.id === id);

let next = 1;
const row = (
  owner: Tambon,
  relation: LinkRow["relation"],
  code: string,
  name: string,
): LinkRow => ({
  id: next++,
  tambonId: owner.id,
  relation,
  otherDopaCode: code,
  otherNameTh: name,
  otherNameEn: name,
  otherDistrictTh: "",
  otherDistrictEn: "",
  otherProvinceTh: "จ",
  otherProvinceEn: "P",
  since: null,
  note: "",
  createdAt: new Date(),
});

test("each side sees the link from its own side; both declarations make it confirmed", () => {
  const rows = [
    row(langu, "mentor_of", "520801", "ล้อมแรด"),
    row(lomraet, "member_of", "910502", "ละงู"),
    row(langu, "mentor_of", "910501", "กำแพง"),
  ];
  const fromLangu = linksOfTambon(langu, rows, byCode, byId);
  assert.deepEqual(
    fromLangu.map((l) => [l.nameTh, l.relation, !!l.ours, !!l.theirs, l.tambon?.id ?? null]),
    [
      ["กำแพง", "mentor_of", true, false, null],
      ["ล้อมแรด", "mentor_of", true, true, 2],
    ],
  );
  const fromLomRaet = linksOfTambon(lomraet, rows, byCode, byId);
  assert.deepEqual(
    fromLomRaet.map((l) => [l.nameTh, l.relation, !!l.ours, !!l.theirs]),
    [["ละงู", "member_of", true, true]],
  );
});

test("reciprocal relations", () => {
  assert.equal(reciprocal("mentor_of"), "member_of");
  assert.equal(reciprocal("member_of"), "mentor_of");
  assert.equal(reciprocal("peer"), "peer");
});
