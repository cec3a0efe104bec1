// The embedded database (PGlite) may be open in one process only: two processes writing the same
// data folder corrupt it. So the process that opens it (`tambon serve`, or any command) first
// writes a lock file beside it with its pid; another process finds the lock, sees that its
// process is alive and refuses with one line naming it. A lock left by a process that is gone
// (killed) is taken over. The lock is removed when the database is closed or the process exits.
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CliError } from "../cli.ts";
import { makeDir } from "../make-dir.ts";

/** The lock's file in a data folder (TAMBON_DATA_DIR), beside the `pglite` folder it guards. */
export const LOCK_FILE = "pglite.lock";

interface LockOwner {
  pid: number;
  /** When the process started (Linux: its start time in clock ticks), so a reused pid is not taken for the owner. */
  started: string | null;
  command: string;
}

/** The start time of a process as /proc gives it, or null where there is no /proc. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The fields after the command name (in parentheses, which may hold spaces): the 22nd is
    // the start time.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote a lock is still running. */
function alive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const now = startTime(owner.pid);
  return owner.started === null || now === null || now === owner.started;
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(file, "utf8")) as Partial<LockOwner>;
    return Number.isInteger(owner.pid) && owner.pid! > 0
      ? { pid: owner.pid!, started: owner.started ?? null, command: owner.command ?? "" }
      : null;
  } catch {
    return null; // gone, or half written by a process that died while writing it
  }
}

/** How many times this process holds each lock file (a command may open its database twice). */
const holds = new Map<string, number>();

/** A lock this process holds; `release` removes it (once) when no other hold of it is left. */
export interface DataDirLock {
  file: string;
  release(): void;
}

/**
 * Takes the lock of the embedded database in `dataDir` for this process, or throws a CliError
 * naming the live process that holds it. `command` is what the lock says about its holder.
 */
export function lockDataDir(
  dataDir: string,
  command = process.argv.slice(2, 3).join(" "),
): DataDirLock {
  const file = path.resolve(dataDir, LOCK_FILE);
  makeDir(dataDir);
  const me: LockOwner = { pid: process.pid, started: startTime(process.pid), command };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me) + "\n", { flag: "wx" });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 5) throw err;
    }
    const owner = readOwner(file);
    if (owner?.pid === process.pid && holds.has(file)) break; // this process holds it already
    if (owner && alive(owner))
      throw new CliError(
        `the embedded database in ${dataDir} is in use by process ${owner.pid}` +
          `${owner.command ? ` (tambon ${owner.command})` : ""}; stop it first` +
          ` / ฐานข้อมูลใน ${dataDir} กำลังถูกใช้โดยโปรเซส ${owner.pid} ให้หยุดโปรเซสนั้นก่อน`,
      );
    // An unreadable lock may be one another process is writing this moment: look again shortly.
    if (!owner && attempt < 2) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      continue;
    }
    // Left by a process that is gone (or still unreadable, torn by a crash): take it over.
    try {
      unlinkSync(file);
    } catch {
      // another process took it over first; try again
    }
  }
  holds.set(file, (holds.get(file) ?? 0) + 1);
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off("exit", release);
    const left = (holds.get(file) ?? 1) - 1;
    if (left > 0) return void holds.set(file, left);
    holds.delete(file);
    if (readOwner(file)?.pid === process.pid) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  };
  process.on("exit", release);
  return { file, release };
}
