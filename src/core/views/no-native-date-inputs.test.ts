import assert from "node:assert/strict";
import { test } from "node:test";
import { readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";

// The sources, also when this test runs from the compiled copy (scripts/test-build.mjs), whose
// package.json is a link to the project's.
const SRC = path.join(
  path.dirname(realpathSync(path.resolve(import.meta.dirname, "../../../package.json"))),
  "src",
);
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
  const files = [...tsxFiles(SRC)];
  assert.ok(files.length > 100, `the guard reads the pages' sources (${files.length} in ${SRC})`);
  for (const file of files) {
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
