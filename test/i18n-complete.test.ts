import { test } from "node:test";
import assert from "node:assert/strict";
import { allDictionaries, defineMessages } from "../src/core/i18n/index.ts";
import "../src/core/i18n/messages.ts";
import "../src/modules/index.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Finds every key lacking a translation or whose placeholders differ between languages. */
function problems(): string[] {
  const out: string[] = [];
  for (const dict of allDictionaries()) {
    for (const [key, msg] of Object.entries(dict.messages)) {
      if (!msg.th?.trim()) out.push(`${dict.name}:${key} has no Thai`);
      if (!msg.en?.trim()) out.push(`${dict.name}:${key} has no English`);
      if (msg.th && msg.en && placeholders(msg.th).join() !== placeholders(msg.en).join()) {
        out.push(`${dict.name}:${key} placeholders differ`);
      }
    }
  }
  return out;
}

test("every UI string of the core and of every module has Thai and English", () => {
  const names = allDictionaries().map((d) => d.name);
  assert.ok(names.includes("core") && names.includes("areas"), `dictionaries: ${names}`);
  assert.deepEqual(problems(), []);
});

test("the completeness check catches a missing translation and mismatched placeholders", () => {
  defineMessages("broken-for-test", {
    a: { th: "มี", en: "" },
    b: { th: "สวัสดี {name}", en: "Hello {nmae}" },
  });
  const found = problems().filter((p) => p.startsWith("broken-for-test"));
  assert.deepEqual(found, [
    "broken-for-test:a has no English",
    "broken-for-test:b placeholders differ",
  ]);
});
