import assert from "node:assert/strict";
import { test } from "node:test";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const SRC = path.resolve(import.meta.dirname, "../..");
// A browser's own date and time inputs show mm/dd/yyyy in ค.ศ. (or the phone's locale): every
// date people enter goes through core's DateField or DateInput (day, month name, พ.ศ. year).
const NATIVE = /type(?:="|:\s*")(date|datetime-local|time|month|week)"/g;

function* tsxFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* tsxFiles(full);
    else if (entry.name.endsWith(".tsx") && !entry.name.includes(".test.")) yield full;
  }
}

test("no page renders a browser's own date or time input", () => {
  const found: string[] = [];
  for (const file of tsxFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(NATIVE)) {
      const line = text.slice(0, m.index).split("\n").length;
      found.push(`${path.relative(SRC, file)}:${line} ${m[0]}`);
    }
  }
  assert.deepEqual(found, [], "use DateField or DateInput from core/views/form.tsx instead");
});

test("the guard recognises the native inputs it forbids", () => {
  const sample = '<input type="date" /> { type: "datetime-local" } <input type="time">';
  assert.equal([...sample.matchAll(NATIVE)].length, 3);
  assert.equal([...'<input type="search">'.matchAll(NATIVE)].length, 0);
});
