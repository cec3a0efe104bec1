import { test } from "node:test";
import assert from "node:assert/strict";
import { ageOn, bandLabel, bandOf, pyramidOf, pyramidSvg } from "./pyramid.ts";

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
