import { test } from "node:test";
import assert from "node:assert/strict";
import { idSlug, searchQuery, segmented, slugify, snippet, words } from "./text.ts";
import { parseIdSlug } from "../../../core/params.ts";

test("Thai text is split into words as the index stores them", () => {
  assert.deepEqual(words("ประชุมคณะทำงาน Health Day 2566!"), [
    "ประชุม",
    "คณะ",
    "ทำงาน",
    "health",
    "day",
    "2566",
  ]);
  assert.equal(segmented("ตำบลจัดการสุขภาพ"), "ตำบล จัดการ สุขภาพ");
});

test("a query needs every word, the last as a prefix, and ignores tsquery syntax", () => {
  assert.equal(searchQuery("ตำบลจัดการ"), "ตำบล & จัดการ:*");
  assert.equal(searchQuery("a & b | !c"), "a & b & c:*");
  assert.equal(searchQuery("  ' & | "), null);
});

test("snippets mark the words found, joined when they touch", () => {
  const parts = snippet("วันนี้มีการประชุมคณะทำงานกลางของตำบล", "คณะทำงาน");
  assert.deepEqual(
    parts.filter((p) => p.hit).map((p) => p.text),
    ["คณะทำงาน"],
  );
  assert.equal(parts.map((p) => p.text).join(""), "วันนี้มีการประชุมคณะทำงานกลางของตำบล");
});

test("URLs carry the id and a readable Thai slug", () => {
  assert.equal(slugify("ประชุม ครั้งที่ 1/2566!"), "ประชุม-ครั้งที่-1-2566");
  assert.equal(idSlug(12, "ข่าว"), "12-%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7");
  assert.equal(parseIdSlug(decodeURIComponent(idSlug(12, "ข่าว"))), 12);
  assert.equal(parseIdSlug("12"), 12);
  assert.equal(parseIdSlug("x12"), null);
});
