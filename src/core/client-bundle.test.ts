import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundleClientScript, clientEntryPath, prebuiltBundlePath } from "./client-bundle.ts";

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-bundle-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

test("a browser entry and what it imports become one ES2019 script that runs", () => {
  const dir = folder({
    "greet.ts": "export const greet = (name: string): string => `สวัสดี ${name ?? 'x'}`;\n",
    "app.client.ts":
      "import { greet } from './greet.ts';\n" +
      "const o: { a?: { b?: string } } = {};\n" +
      "(globalThis as unknown as { out: string }).out = greet(o.a?.b ?? 'อสม.');\n",
  });
  try {
    const code = bundleClientScript(pathToFileURL(path.join(dir, "app.client.ts"))).toString();
    assert.doesNotMatch(code, /\bimport\b|\bexport\b/, "one script, no modules left");
    assert.doesNotMatch(code, /\?\.|\?\?/, "optional chaining and ?? are lowered for ES2019");
    const scope: { out?: string } = {};
    new Function("globalThis", code)(scope);
    assert.equal(scope.out, "สวัสดี อสม.");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an entry named .ts is found as the .js the build made (and the other way round)", () => {
  const dir = folder({ "app.client.js": "globalThis.built = 1;\n" });
  try {
    const ts = pathToFileURL(path.join(dir, "app.client.ts"));
    assert.equal(clientEntryPath(ts), path.join(dir, "app.client.js"));
    assert.ok(bundleClientScript(ts).length > 0);
    assert.throws(() => clientEntryPath(pathToFileURL(path.join(dir, "none.ts"))), /not found/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a script that reaches for Node's modules is refused", () => {
  const dir = folder({
    "bad.client.ts": "import { readFileSync } from 'node:fs';\nreadFileSync('x');\n",
  });
  try {
    assert.throws(() => bundleClientScript(pathToFileURL(path.join(dir, "bad.client.ts"))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a bundle is made once and made again when a file it was made from changes", () => {
  const dir = folder({
    "word.ts": "export const word = 'หนึ่ง';\n",
    "app.client.ts": "import { word } from './word.ts';\n(globalThis as any).out = word;\n",
  });
  const cacheDir = path.join(dir, "cache");
  const run = (code: Buffer) => {
    const scope: { out?: string } = {};
    new Function("globalThis", code.toString())(scope);
    return scope.out;
  };
  try {
    const entry = pathToFileURL(path.join(dir, "app.client.ts"));
    assert.equal(run(bundleClientScript(entry, { cacheDir })), "หนึ่ง");
    assert.equal(readdirSync(cacheDir).length, 2, "the bundle and the hashes of its inputs");
    // The cached bundle is what is served while the sources are unchanged: a bundle edited in
    // the cache (its hash then differs) is not served, nor one whose imported file changed.
    assert.equal(run(bundleClientScript(entry, { cacheDir })), "หนึ่ง");
    writeFileSync(path.join(dir, "word.ts"), "export const word = 'สอง';\n");
    assert.equal(run(bundleClientScript(entry, { cacheDir })), "สอง");
    const js = readdirSync(cacheDir).find((f) => f.endsWith(".js"))!;
    writeFileSync(path.join(cacheDir, js), "globalThis.out = 'edited';");
    assert.equal(run(bundleClientScript(entry, { cacheDir })), "สอง");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("from a build, the bundle the build wrote beside the compiled entry is served", () => {
  const dir = folder({
    "app.client.js": "globalThis.out = 'not bundled';\n",
    "app.client.bundle.js": "globalThis.out='bundled by the build';",
  });
  try {
    const entry = pathToFileURL(path.join(dir, "app.client.ts"));
    assert.equal(
      prebuiltBundlePath(path.join(dir, "app.client.js")),
      path.join(dir, "app.client.bundle.js"),
    );
    assert.equal(bundleClientScript(entry).toString(), "globalThis.out='bundled by the build';");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
