// Whether dist/ holds a build of the current src/: read by bin/tambon.js on every run, so it only
// looks at modification times (a few hundred stat calls) and imports nothing else.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** File in dist/ whose modification time is when its build started. */
export const BUILD_STAMP = ".build-stamp.json";

/** Newest modification time (ms) of a folder, its subfolders (a deletion changes those) and files. */
function newest(dir) {
  let latest = statSync(dir).mtimeMs;
  for (const name of readdirSync(dir, { recursive: true })) {
    const mtime = statSync(`${dir}/${name}`, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (mtime > latest) latest = mtime;
  }
  return latest;
}

/**
 * Null when dist/ is built from the current sources; "missing" when there is no build;
 * "stale" when a file under src/ (or the build script) changed after the build started.
 * A copy without src/ (dist/ shipped on its own) counts as built.
 */
export function buildProblem(root) {
  const stamp = statSync(path.join(root, "dist", BUILD_STAMP), { throwIfNoEntry: false });
  if (!stamp) return "missing";
  const src = path.join(root, "src");
  if (!statSync(src, { throwIfNoEntry: false })) return null;
  const sources = Math.max(
    newest(src),
    statSync(path.join(root, "scripts", "build.mjs"), { throwIfNoEntry: false })?.mtimeMs ?? 0,
  );
  return sources > stamp.mtimeMs ? "stale" : null;
}
