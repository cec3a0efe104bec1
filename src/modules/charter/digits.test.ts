import { test } from "node:test";
import assert from "node:assert/strict";
import { inDigits, isDigitStyle, toArabicDigits, toThaiDigits } from "./digits.ts";

test("Arabic digits become Thai digits and back, other characters untouched", () => {
  assert.equal(toThaiDigits("ฉบับที่ 2 พ.ศ. 2568"), "ฉบับที่ ๒ พ.ศ. ๒๕๖๘");
  assert.equal(toThaiDigits("0123456789"), "๐๑๒๓๔๕๖๗๘๙");
  assert.equal(toArabicDigits("ข้อ ๑๐ หมู่ที่ ๑๘"), "ข้อ 10 หมู่ที่ 18");
  assert.equal(toArabicDigits(toThaiDigits("a1b2c3 ก")), "a1b2c3 ก");
});

test("a number is written in the chosen style", () => {
  assert.equal(inDigits(2568, "thai"), "๒๕๖๘");
  assert.equal(inDigits(2568, "arabic"), "2568");
  assert.equal(inDigits("ข้อ ๕", "arabic"), "ข้อ 5");
  assert.equal(inDigits(-1.5, "thai"), "-๑.๕");
});

test("only the two styles are accepted", () => {
  assert.ok(isDigitStyle("thai"));
  assert.ok(isDigitStyle("arabic"));
  assert.ok(!isDigitStyle("roman"));
  assert.ok(!isDigitStyle(undefined));
});
