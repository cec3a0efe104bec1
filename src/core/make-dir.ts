// Folders the platform creates for itself (TAMBON_DATA_DIR and what is inside it). Node's own
// `mkdirSync(dir, { recursive: true })` loops for ever (Node 20) when the kernel answers ENOENT
// for a folder whose parent exists, as under /proc; the folders are made one at a time here, and a
// refusal is one line naming the folder.
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { CliError } from "./cli.ts";

const isFolder = (p: string) => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

/**
 * Creates `dir` and the folders above it that are missing, or throws a CliError naming `dir`
 * and why it cannot be made (a path under /proc, a read-only disk, a file in the way).
 */
export function makeDir(dir: string): void {
  const full = path.resolve(dir);
  const missing: string[] = [];
  for (let at = full; !isFolder(at);) {
    missing.unshift(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (err) {
      // Made by another process in the meantime: as good.
      if ((err as NodeJS.ErrnoException).code === "EEXIST" && isFolder(folder)) continue;
      const reason = ((err as Error).message || String(err)).split(",")[0];
      throw new CliError(`cannot create the folder ${dir}: ${reason} / สร้างโฟลเดอร์ ${dir} ไม่ได้`);
    }
  }
}
