// Compiles the project's TypeScript, tests included, to JavaScript for scripts/run-tests.mjs, so that
// every test process loads plain JavaScript instead of compiling through tsx's loader (whose hooks
// answer every import through a worker thread): about a second less of CPU time per test process.
//
// The compiled tree is a copy of the project's root in node_modules/.cache/tambon-tests/js-*/:
// src/ and test/ compiled file for file with scripts/build.mjs's settings (a relative `.ts`/`.tsx`
// import becomes `.js`), the other files of src/ and test/ copied beside them, drizzle/, seed/ and
// bin/ copied whole, dist/ a link to the compiled src/ (with the browser bundles and the build
// stamp that dist/ has), and every other entry of the root (package.json, node_modules/…) linked.
// So a path a file resolves from its own place (`../../drizzle`, `./charter.css`) reaches the same
// content as from the sources, and the module type comes from the same package.json; a test that
// writes into the migrations or the seed data writes into the copy, never into the project's
// files; and the `tambon` command a test runs (the copy's bin/tambon.js) runs the copy's code, not
// the project's dist/, which an edit of src/ during the run would rebuild under it.
//
// Each build is kept in a folder named by the newest modification time of the sources, so a run
// that starts after an edit builds its own while runs already under way keep theirs; folders no
// run has used for a day are removed.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { COMPILE, bundleClientScripts } from "./build.mjs";
import { BUILD_STAMP } from "./build-state.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Where the compiled copies live (ignored by git, linters and formatters with node_modules/). */
const CACHE = path.join(root, "node_modules/.cache/tambon-tests");
/** In a finished build: its mtime is when a run last used it. */
const USED = ".test-build-used";
const DAY = 24 * 3600 * 1000;
const COMPILED = ["src", "test"];
/** Root folders copied as they are (small; read by tests through paths a test might write, and
 * bin/, whose `tambon` finds its dist/ beside itself). */
const COPIED = ["drizzle", "seed", "bin"];
/** Root entries not linked into the copy: the compiled and copied folders, dist/ (the copy's own)
 * and what only git and builds use. */
const NOT_LINKED = new Set([...COMPILED, ...COPIED, "dist", ".git", ".tmp"]);

const isSource = (file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts");

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .filter((f) => !f.split(path.sep).includes("node_modules"));
}

/** Newest modification time (ms) of the compiled and copied folders, their subfolders and files. */
function newestSource() {
  let latest = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  for (const dir of [...COMPILED, ...COPIED]) {
    if (!existsSync(path.join(root, dir))) continue;
    const top = path.join(root, dir);
    latest = Math.max(latest, statSync(top).mtimeMs);
    for (const e of readdirSync(top, { recursive: true, withFileTypes: true })) {
      const p = path.join(e.parentPath ?? e.path, e.name);
      const mtime = statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (mtime > latest) latest = mtime;
    }
  }
  return latest;
}

/** The compiled path, in the build `dir`, of a source file (absolute or relative to the root). */
export function compiledPath(dir, source) {
  const rel = path.relative(root, path.resolve(root, source));
  return path.join(dir, rel.replace(/\.tsx?$/, ".js"));
}

/** The source file (relative to the root) of a path in the build `dir`, for reports. */
export function sourceOf(dir, compiled, sources) {
  const rel = path.relative(dir, path.resolve(root, compiled));
  if (rel.startsWith("..")) return compiled;
  const base = rel.replace(/\.js$/, "");
  return sources.find((s) => s === `${base}.ts` || s === `${base}.tsx`) ?? rel;
}

/**
 * The folder of a compiled copy of the current sources: an existing one, or one built now.
 * Written to a fresh folder and moved into place, so a test process never sees half a build.
 */
export async function buildTests() {
  const dir = path.join(CACHE, `js-${Math.floor(newestSource())}`);
  const now = new Date();
  if (existsSync(path.join(dir, USED))) {
    utimesSync(path.join(dir, USED), now, now);
    return { dir, built: false };
  }
  const { build, stop } = await import("esbuild");
  const out = `${dir}.${process.pid}-${Date.now()}`;
  mkdirSync(out, { recursive: true });
  try {
    const files = COMPILED.flatMap((d) => listFiles(path.join(root, d)));
    await build({
      entryPoints: files.filter(isSource),
      outdir: out,
      outbase: root,
      ...COMPILE,
    });
    for (const file of files.filter((f) => !isSource(f))) {
      const to = path.join(out, path.relative(root, file));
      mkdirSync(path.dirname(to), { recursive: true });
      cpSync(file, to);
    }
    for (const name of COPIED)
      if (existsSync(path.join(root, name)))
        cpSync(path.join(root, name), path.join(out, name), { recursive: true });
    // dist/ as `npm run build` makes it: the compiled src/ with its browser bundles, stamped
    // after everything in it so that bin/tambon.js finds it current.
    const sources = files.filter(
      (f) => isSource(f) && f.startsWith(path.join(root, "src") + path.sep),
    );
    await bundleClientScripts(path.join(out, "src"), sources);
    symlinkSync("src", path.join(out, "dist"));
    const stamp = path.join(out, "src", BUILD_STAMP);
    writeFileSync(stamp, JSON.stringify({ builtAt: now.toISOString(), tests: true }) + "\n");
    for (const name of readdirSync(root))
      if (!NOT_LINKED.has(name)) symlinkSync(path.join(root, name), path.join(out, name));
    writeFileSync(path.join(out, USED), "");
    try {
      renameSync(out, dir);
    } catch (err) {
      // Another run built the same sources at the same time: use its build.
      if (!["ENOTEMPTY", "EEXIST"].includes(err.code)) throw err;
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
    // esbuild's service process ends here, so its time counts as the build's.
    await stop();
  }
  for (const name of readdirSync(CACHE)) {
    const other = path.join(CACHE, name);
    if (!name.startsWith("js-") || other === dir) continue;
    const used = statSync(path.join(other, USED), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (now.getTime() - used > DAY) rmSync(other, { recursive: true, force: true });
  }
  return { dir, built: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const { dir, built } = await buildTests();
  process.stdout.write(
    built
      ? `compiled the tests into ${dir} in ${Date.now() - started} ms\n`
      : `${dir} is current\n`,
  );
}
