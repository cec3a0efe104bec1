import assert from "node:assert/strict";
import { test } from "node:test";
import { defineMessages, interpolate } from "./index.ts";

test("placeholders are filled; unknown ones and stray braces stay as written", () => {
  assert.equal(interpolate("a {x} b {y}", { x: 1, y: "z" }), "a 1 b z");
  assert.equal(interpolate("{x}{x}", { x: 0 }), "00");
  assert.equal(interpolate("{missing} here", { x: 1 }), "{missing} here");
  assert.equal(interpolate("a {x", { x: 1 }), "a {x");
  assert.equal(interpolate("{} {x-y}", { x: 1 }), "{} {x-y}");
  assert.equal(interpolate("{x}", undefined), "{x}");
});

test("a dictionary's kept texts answer each language and each call's own values", () => {
  const d = defineMessages("test:interpolate", {
    hello: { th: "สวัสดี {name}", en: "Hello {name}" },
    plain: { th: "ไม่มี", en: "" },
  });
  const th = d.t("th");
  assert.equal(th("hello", { name: "สมชาย" }), "สวัสดี สมชาย");
  assert.equal(th("hello", { name: "สมศรี" }), "สวัสดี สมศรี");
  assert.equal(d.t("en")("hello", { name: "Somchai" }), "Hello Somchai");
  // An empty English text falls back to the Thai one.
  assert.equal(d.t("en")("plain"), "ไม่มี");
  assert.equal(th("hello"), "สวัสดี {name}");
});
