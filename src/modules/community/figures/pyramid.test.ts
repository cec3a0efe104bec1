import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ageOn,
  bandLabel,
  bandOf,
  BAND_COUNT,
  pyramidOf,
  pyramidSvg,
  villagePyramids,
  type Pyramid,
  type VillageBandCount,
} from "./pyramid.ts";

test("ages fall in five-year bands, 80 and over in the last", () => {
  assert.equal(bandOf(0), 0);
  assert.equal(bandOf(4), 0);
  assert.equal(bandOf(5), 1);
  assert.equal(bandOf(79), 15);
  assert.equal(bandOf(80), 16);
  assert.equal(bandOf(104), 16);
  assert.equal(bandLabel(0), "0–4");
  assert.equal(bandLabel(16), "80+");
});

test("age counts whole years: the birthday itself is the first day of the new age", () => {
  assert.equal(ageOn("2000-06-15", "2025-06-14"), 24);
  assert.equal(ageOn("2000-06-15", "2025-06-15"), 25);
  assert.equal(ageOn("2000-02-29", "2025-02-28"), 24);
});

test("the pyramid sums by sex and band and hides small bars with a complement", () => {
  const p = pyramidOf([
    { band: 0, sex: "male", n: 10 },
    { band: 1, sex: "male", n: 2 },
    { band: 2, sex: "male", n: 30 },
    { band: 0, sex: "female", n: 12 },
    { band: 0, sex: "unspecified", n: 3 },
    { band: 20, sex: "female", n: 7 },
  ]);
  assert.equal(p.counted, 61);
  assert.equal(p.male[0], null, "the complement of the hidden 2 is the next-smallest, 10");
  assert.equal(p.male[1], null);
  assert.equal(p.male[2], 30);
  assert.equal(p.female[0], 12);
  assert.equal(p.female[16], 7, "beyond the last band counts in 80+");
  const svg = pyramidSvg(p, { title: "ปิรามิด <x>", male: "ชาย", female: "หญิง", hidden: "<5" });
  assert.match(svg, /^<svg /);
  assert.ok(svg.includes("&lt;5"));
  assert.ok(!svg.includes("<x>"), "words are escaped");
});

/**
 * The differencing attack: for each cell a village hides, take the tambon's published cell and
 * subtract what every other village publishes; also a village's own sex total (its row) less its
 * published cells. Returns the hidden cells recovered that way (none may be).
 */
function attack(tambon: Pyramid, villages: Map<number, Pyramid>): string[] {
  const found: string[] = [];
  for (const sex of ["male", "female"] as const)
    for (let b = 0; b < BAND_COUNT; b++) {
      const hiddenHere = [...villages].filter(([, p]) => p[sex][b] === null);
      if (hiddenHere.length === 1 && tambon[sex][b] !== null)
        found.push(`${sex} ${b} of village ${hiddenHere[0]![0]} (from the tambon)`);
    }
  for (const [id, p] of villages)
    for (const sex of ["male", "female"] as const)
      if (p[sex].filter((x) => x === null).length === 1)
        found.push(`${sex} of village ${id} (from its total)`);
  return found;
}

test("a village's hidden pyramid cell cannot be recovered from the tambon's and the others'", () => {
  // Village 1 has 3 men aged 20–24; villages 2 and 3 have 10 and 12: the tambon's 25 is shown.
  const rows: VillageBandCount[] = [];
  const put = (villageId: number, band: number, sex: string, n: number) =>
    rows.push({ villageId, band, sex, n });
  for (const v of [1, 2, 3])
    for (let b = 0; b < BAND_COUNT; b++) {
      put(v, b, "male", 20 + b);
      put(v, b, "female", 30 + b);
    }
  rows.find((r) => r.villageId === 1 && r.band === 4 && r.sex === "male")!.n = 3;
  rows.find((r) => r.villageId === 2 && r.band === 4 && r.sex === "male")!.n = 10;
  rows.find((r) => r.villageId === 3 && r.band === 4 && r.sex === "male")!.n = 12;
  const { tambon, villages } = villagePyramids(rows, [1, 2, 3]);
  assert.equal(villages.get(1)!.male[4], null);
  assert.equal(tambon.male[4], 25, "the tambon's cell is not small");
  assert.deepEqual(attack(tambon, villages), []);
  // Per village alone (the old way) the attack works: village 2 and 3 publish 10 and 12.
  const alone = new Map(
    [1, 2, 3].map((v) => [v, pyramidOf(rows.filter((r) => r.villageId === v))]),
  );
  assert.ok(attack(tambon, alone).some((s) => s.startsWith("male 4 of village 1")));
  // Nothing else is hidden than needed: a village's other cells stay published.
  assert.equal(villages.get(1)!.male[5], 25);
  assert.equal(villages.get(3)!.female[0], 30);
});

test("small cells spread over many villages: every hidden cell has a hidden partner", () => {
  const rows: VillageBandCount[] = [];
  let seed = 7;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const ids = [11, 12, 13, 14, 15, 16];
  for (const v of ids)
    for (let b = 0; b < BAND_COUNT; b++)
      for (const sex of ["male", "female"])
        rows.push({ villageId: v, band: b, sex, n: Math.floor(rnd() * 12) });
  const { tambon, villages } = villagePyramids(rows, ids);
  assert.deepEqual(attack(tambon, villages), []);
  for (const [id, p] of villages)
    for (const sex of ["male", "female"] as const)
      p[sex].forEach((n, b) => {
        const real = rows.find((r) => r.villageId === id && r.band === b && r.sex === sex)!.n;
        if (n !== null) assert.equal(n, real);
        if (real > 0 && real < 5) assert.equal(n, null, `${sex} ${b} of ${id} is small`);
      });
});
