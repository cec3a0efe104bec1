import { test } from "node:test";
import assert from "node:assert/strict";
import { newTrackingCode, normaliseCode } from "./tracking.ts";

test("tracking codes are unambiguous and read back however they are typed", () => {
  const codes = new Set(Array.from({ length: 500 }, newTrackingCode));
  assert.equal(codes.size, 500);
  for (const c of codes) {
    assert.match(c, /^RT-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    assert.equal(normaliseCode(c.toLowerCase().replace(/-/g, " ")), c);
  }
  assert.equal(normaliseCode("RT-12"), null);
  assert.equal(normaliseCode("x'; drop table"), null);
});
