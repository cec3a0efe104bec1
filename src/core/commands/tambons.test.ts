import { test } from "node:test";
import assert from "node:assert/strict";
import { lookupSubdistrict, slugify } from "./tambons.ts";

test("subdistricts come from the national list with district and province", async () => {
  const langu = await lookupSubdistrict("910502");
  assert.deepEqual(
    langu && [langu.nameTh, langu.nameEn, langu.districtTh, langu.provinceTh, langu.provinceEn],
    ["ละงู", "La-ngu", "ละงู", "สตูล", "Satun"],
  );
  const lomRaet = await lookupSubdistrict("520801");
  assert.equal(lomRaet?.nameTh, "ล้อมแรด");
  assert.equal(lomRaet?.districtTh, "เถิน");
  assert.equal(lomRaet?.provinceTh, "ลำปาง");
  assert.equal(await lookupSubdistrict("999999"), null);
  assert.equal(await lookupSubdistrict("91050"), null);
});

test("slugs are made from English names", () => {
  assert.equal(slugify("La-ngu"), "la-ngu");
  assert.equal(slugify("Lom Raet"), "lom-raet");
  assert.equal(slugify("  Ko   Kha "), "ko-kha");
});
