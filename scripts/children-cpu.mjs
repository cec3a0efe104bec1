import { readFileSync } from "node:fs";

/**
 * CPU time (ms, user + system) of this process's children that have ended and been reaped, and
 * of what they reaped in turn (Linux: fields cutime and cstime of /proc/self/stat, in ticks of
 * 10 ms); null where there is no /proc.
 */
export function childrenCpu() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}
