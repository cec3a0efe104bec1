#!/usr/bin/env node
// Runs every *.test.ts / *.test.tsx under src/ and test/ (or those under the paths given) with
// node's test runner through tsx, one file at a time. Node 20 has no glob support in --test.
import { readdirSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ["src", "test"];
const files = [];
const walk = (p) => {
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) if (name !== "node_modules") walk(path.join(p, name));
  } else if (/\.test\.tsx?$/.test(p)) files.push(p);
};
for (const r of roots) walk(r);
if (!files.length) {
  process.stderr.write(`no test files under ${roots.join(", ")}\n`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=1", ...files],
  {
    stdio: "inherit",
    env: { ...process.env, TAMBON_PASSWORD_COST: process.env.TAMBON_PASSWORD_COST ?? "14" },
  },
);
process.exit(result.status ?? 1);
