import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/**
 * The file an entry URL names, from src (the `.ts` file, run under tsx) or from dist (the build
 * compiles every source one-to-one to `.js` beside where the `.ts` was).
 */
export function clientEntryPath(entryUrl: URL): string {
  const file = fileURLToPath(entryUrl);
  if (existsSync(file)) return file;
  const other = /\.tsx?$/.test(file)
    ? file.replace(/\.tsx?$/, ".js")
    : file.replace(/\.js$/, ".ts");
  if (other !== file && existsSync(other)) return other;
  throw new Error(`client script not found: ${file}`);
}

/** Where the build (scripts/build.mjs) writes an entry's bundle: beside its compiled `.js`. */
export const prebuiltBundlePath = (entry: string) =>
  entry.replace(/\.(tsx?|js)$/, "") + ".bundle.js";

/** The project's folder (this file is in its src/core or dist/core). */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Bundles made from src/ are kept here, each with the hashes of the files it was made from. */
const CACHE_DIR = path.join(ROOT, "node_modules/.cache/tambon-client-bundles");

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

interface CacheEntry {
  /** Each file the bundle was made from (absolute path) and the sha-256 of its bytes. */
  inputs: Record<string, string>;
  /** The sha-256 of the bundle, so a torn or edited bundle file is not served. */
  bundle: string;
}

/** Bundles one entry with esbuild; returns the script and the files it was made from. */
export function buildClientBundle(entry: string): { code: Buffer; inputs: string[] } {
  // esbuild is loaded only when a bundle is made: a server run from a build never needs it.
  const { buildSync } = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
  const workingDir = path.dirname(entry);
  const result = buildSync({
    entryPoints: [entry],
    absWorkingDir: workingDir,
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2019",
    charset: "utf8",
    legalComments: "none",
    logLevel: "silent",
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`client script not bundled: ${entry}`);
  return {
    code: Buffer.from(out.contents),
    inputs: Object.keys(result.metafile.inputs).map((p) => path.resolve(workingDir, p)),
  };
}

/** The cached bundle of an entry when every file it was made from is unchanged, else null. */
function fromCache(cacheDir: string, entry: string): Buffer | null {
  const key = path.join(cacheDir, sha256(entry));
  try {
    const meta = JSON.parse(readFileSync(`${key}.json`, "utf8")) as CacheEntry;
    for (const [file, hash] of Object.entries(meta.inputs))
      if (sha256(readFileSync(file)) !== hash) return null;
    const code = readFileSync(`${key}.js`);
    return sha256(code) === meta.bundle ? code : null;
  } catch {
    return null; // not cached yet, or an input is gone
  }
}

/** Keeps a bundle for the next process; a cache that cannot be written only costs time. */
function toCache(cacheDir: string, entry: string, code: Buffer, inputs: string[]) {
  const key = path.join(cacheDir, sha256(entry));
  const meta: CacheEntry = {
    inputs: Object.fromEntries(inputs.map((f) => [f, sha256(readFileSync(f))])),
    bundle: sha256(code),
  };
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed, so a process reading at the same time sees old or new, whole.
    const partial = `.${process.pid}.${Date.now()}`;
    writeFileSync(`${key}.js${partial}`, code);
    renameSync(`${key}.js${partial}`, `${key}.js`);
    writeFileSync(`${key}.json${partial}`, JSON.stringify(meta));
    renameSync(`${key}.json${partial}`, `${key}.json`);
  } catch {
    // read-only install: bundle again next time
  }
}

/**
 * A browser script and everything it imports as one minified IIFE for the browsers of old
 * Android phones (ES2019), to be served as a module's hashed asset. The script must not use
 * Node's APIs: the bundle is built for the browser and fails on them.
 *
 * Bundling takes esbuild a few hundred milliseconds, which every process that builds the app
 * would pay, so it is done once: the build (scripts/build.mjs) writes the bundle beside the
 * compiled entry in dist/, and from src/ the bundle is kept in node_modules/.cache, keyed by the
 * entry and checked against the hashes of the files it was made from. Entries outside the
 * project are cached only in a `cacheDir` given.
 */
export function bundleClientScript(entryUrl: URL, opts: { cacheDir?: string } = {}): Buffer {
  const entry = clientEntryPath(entryUrl);
  const prebuilt = prebuiltBundlePath(entry);
  if (entry.endsWith(".js") && existsSync(prebuilt)) return readFileSync(prebuilt);
  const cacheDir =
    opts.cacheDir ?? (path.relative(ROOT, entry).startsWith("..") ? null : CACHE_DIR);
  const cached = cacheDir ? fromCache(cacheDir, entry) : null;
  if (cached) return cached;
  const { code, inputs } = buildClientBundle(entry);
  if (cacheDir) toCache(cacheDir, entry, code, inputs);
  return code;
}
