#!/usr/bin/env node
// Compiles src/ (TypeScript and Preact JSX) to JavaScript in dist/, one output file per source
// file, so that dist/ mirrors src/: paths the code resolves from its own file (the migrations in
// drizzle/, seed/*.json) reach the same places from both, and the non-TypeScript files the code
// reads next to itself (styles, browser scripts) are copied beside the output.
//
//   node scripts/build.mjs           build when dist/ is missing or older than src/
//   node scripts/build.mjs --force   build anyway
//
// The build is written to a fresh folder and then moved into place, so a process running from
// dist/ never sees half a build and files deleted from src/ leave nothing behind.
import {
  cpSync,
  utimesSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BUILD_STAMP, buildProblem } from "./build-state.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const src = path.join(root, "src");
const dist = path.join(root, "dist");
/** Where a build is written before it is moved to dist/ (same file system, ignored by git). */
const scratch = path.join(root, ".tmp");

const isTest = (file) => /\.test\.tsx?$/.test(file);
const isSource = (file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts");
/** Files the code reads at run time from beside itself; documentation stays behind. */
const isAsset = (file) => !isSource(file) && !file.endsWith(".md");

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/**
 * Keeps every import as it is written except that a relative `.ts`/`.tsx` path becomes `.js`:
 * each file is compiled on its own and packages are loaded from node_modules at run time.
 */
const keepImports = {
  name: "keep-imports",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point") return undefined;
      return { path: args.path.replace(/^(\.{1,2}\/.*)\.tsx?$/, "$1.js"), external: true };
    });
  },
};

/**
 * How each TypeScript file is compiled, one output file per source: for dist/ here and for the
 * tests' compiled copy (scripts/test-build.mjs), so both run the same JavaScript.
 */
export const COMPILE = {
  bundle: true,
  plugins: [keepImports],
  platform: "node",
  format: "esm",
  target: "node20.19",
  jsx: "automatic",
  jsxImportSource: "preact",
  charset: "utf8",
  sourcemap: "linked",
  sourcesContent: false,
  logLevel: "error",
};

/** Builds src/ into dist/; returns the number of compiled files. */
export async function build() {
  const { build: esbuild, stop } = await import("esbuild");
  const startedAt = new Date();
  const files = listFiles(src);
  const entryPoints = files.filter((f) => isSource(f) && !isTest(f));
  const out = path.join(scratch, `build-${process.pid}-${Date.now()}`);
  mkdirSync(scratch, { recursive: true });
  try {
    await esbuild({
      entryPoints,
      outdir: out,
      outbase: src,
      ...COMPILE,
    });
    await bundleClientScripts(out, entryPoints);
    for (const file of files.filter(isAsset)) {
      const to = path.join(out, path.relative(src, file));
      mkdirSync(path.dirname(to), { recursive: true });
      cpSync(file, to);
    }
    // The stamp carries the time the build started: a source saved during the build is newer.
    writeFileSync(
      path.join(out, BUILD_STAMP),
      JSON.stringify({ builtAt: startedAt.toISOString(), files: entryPoints.length }) + "\n",
    );
    utimesSync(path.join(out, BUILD_STAMP), startedAt, startedAt);
    swapInto(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
    // esbuild's service processes would otherwise live as long as the process that built: a
    // server started by bin/tambon.js kept them, about 280 MB of resident memory, for its life.
    await stop();
  }
  return entryPoints.length;
}

/**
 * Bundles each browser script (`*.client.ts`) of the build with what it imports, beside its
 * compiled file as `*.client.bundle.js`, with the build's own core/client-bundle.js (the same
 * esbuild settings and sources as a bundle made from src/), so that neither the server nor a
 * command bundles it at start.
 */
export async function bundleClientScripts(out, entryPoints) {
  const clients = entryPoints.filter((f) => /\.client\.tsx?$/.test(f));
  if (!clients.length) return;
  const { buildClientBundle, prebuiltBundlePath } = await import(
    pathToFileURL(path.join(out, "core", "client-bundle.js")).href
  );
  for (const file of clients) {
    const compiled = path.join(out, path.relative(src, file)).replace(/\.tsx?$/, ".js");
    writeFileSync(prebuiltBundlePath(compiled), buildClientBundle(file).code);
  }
}

/** Moves a finished build to dist/; when another build got there at the same time, keeps that. */
function swapInto(out) {
  const old = path.join(scratch, `old-${process.pid}-${Date.now()}`);
  try {
    renameSync(dist, old);
  } catch (err) {
    if (err.code !== "ENOENT") throw err;
  }
  try {
    renameSync(out, dist);
  } catch (err) {
    if (!["ENOTEMPTY", "EEXIST"].includes(err.code)) throw err;
  } finally {
    rmSync(old, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes("--force");
  const problem = buildProblem(root);
  if (!force && !problem) {
    process.stdout.write("dist/ is up to date\n");
  } else {
    const started = performance.now();
    const count = await build();
    process.stdout.write(
      `built dist/ (${count} files) in ${Math.round(performance.now() - started)} ms\n`,
    );
  }
  if (!existsSync(dist)) process.exit(1);
}
