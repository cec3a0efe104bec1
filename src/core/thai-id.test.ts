import { test } from "node:test";
import assert from "node:assert/strict";
import { formatThaiId, isThaiId, normaliseThaiId, thaiIdCheckDigit } from "./thai-id.ts";

/** A valid ID made by the algorithm: twelve digits and their check digit. */
function made(first12: string): string {
  return first12 + String(thaiIdCheckDigit(first12));
}

test("the specimen card's number checks out, computed by hand", () => {
  // 1 1 0 3 7 0 2 0 7 1 8 1 weighted 13..2:
  // 13 + 12 + 0 + 30 + 63 + 0 + 14 + 0 + 35 + 4 + 24 + 2 = 197; 197 mod 11 = 10; (11 − 10) mod 10 = 1.
  assert.equal(thaiIdCheckDigit("110370207181"), 1);
  assert.equal(normaliseThaiId("1 1037 02071 81 1"), "1103702071811");
  assert.equal(normaliseThaiId("1-1037-02071-81-1"), "1103702071811");
  assert.equal(normaliseThaiId("๑๑๐๓๗๐๒๐๗๑๘๑๑"), "1103702071811");
  assert.equal(formatThaiId("1103702071811"), "1-1037-02071-81-1");
});

test("IDs made by the algorithm are valid; a changed digit or length is not", () => {
  for (const first of ["310050039990", "123456789012", "500000000000", "899999999999"]) {
    const id = made(first);
    assert.ok(isThaiId(id), id);
    const wrongCheck = id.slice(0, 12) + String((Number(id[12]) + 1) % 10);
    assert.equal(isThaiId(wrongCheck), false, wrongCheck);
  }
  // The specimen with its fourth digit changed (3 → 4): the sum is 207, the check digit 2.
  assert.equal(isThaiId("1104702071811"), false);
  assert.equal(isThaiId("110370207181"), false);
  assert.equal(isThaiId("11037020718111"), false);
  assert.equal(isThaiId("1103702O71811"), false);
  assert.equal(isThaiId(""), false);
  assert.equal(normaliseThaiId("1103702071812"), null);
});

test("a check of 10 or 11 wraps to 0 and 1", () => {
  // sum mod 11 = 1 → 10 → 0; sum mod 11 = 0 → 11 → 1.
  const withRemainder = (r: number) => {
    for (let n = 0; n < 1000; n++) {
      const first = String(100000000000 + n * 7919);
      let sum = 0;
      for (let i = 0; i < 12; i++) sum += Number(first[i]) * (13 - i);
      if (sum % 11 === r) return first;
    }
    throw new Error("none found");
  };
  assert.equal(thaiIdCheckDigit(withRemainder(1)), 0);
  assert.equal(thaiIdCheckDigit(withRemainder(0)), 1);
});
