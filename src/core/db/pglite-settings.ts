// The settings an embedded database (PGlite) starts with. PGlite runs PostgreSQL inside a
// WebAssembly memory that grows and never gives pages back, so every buffer PostgreSQL fills
// stays resident for the life of the process: with PGlite's defaults (128 MB of shared buffers,
// 64 MB for an index build) a command importing a million people peaked above 500 MB. A tambon's
// database fits smaller buffers; PostgreSQL proper (a URL) keeps its own configuration.
import { PGlite } from "@electric-sql/pglite";

/** PostgreSQL settings for every PGlite this process opens. */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: "16MB",
  maintenance_work_mem: "16MB",
  // Statements kept prepared (pglite-statements.ts) are planned for each run's values, as on
  // PostgreSQL proper (db/index.ts): one plan for every tambon would read a large one as small.
  plan_cache_mode: "force_custom_plan",
  // `TAMBON_PGLITE_SETTINGS="name=value,name=value"` overrides them (for measuring).
  ...Object.fromEntries(
    (process.env.TAMBON_PGLITE_SETTINGS ?? "")
      .split(",")
      .map((s) => s.trim().split("="))
      .filter((kv): kv is [string, string] => kv.length === 2 && /^[a-z_]+$/.test(kv[0]!)),
  ),
};

/** PGlite's start parameters with the settings above. */
export function pgliteStartParams(): string[] {
  return [
    ...PGlite.defaultStartParams,
    ...Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
  ];
}
