import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { modules } from "../../src/modules/index.ts";

// Every module is optional: a build without it starts, its pages are gone (404, not 500), its menu
// entry is gone, and the other modules' pages work without it (sections it added to their pages and
// data it offered them simply are not there). Each build runs in a process of its own, since what
// a module's manifest declares is installed once per process.
const run = promisify(execFile);
// This file and the script run from the same place: the sources through tsx, or the compiled copy
// scripts/run-tests.mjs runs (scripts/test-build.mjs) as plain JavaScript.
const compiled = import.meta.filename.endsWith(".js");
const script = path.resolve(
  import.meta.dirname,
  `../helpers/app-without-module.${compiled ? "js" : "ts"}`,
);

/** The pages of the walk that belong to each module. */
const OWN: Record<string, string[]> = {
  site: ["/news"],
  areas: ["/areas", "/areas/:id"],
  groups: ["/process", "/meetings"],
  network: ["/network"],
  charter: ["/charter"],
  decisions: ["/decisions"],
  plans: ["/plans"],
  community: ["/community"],
};

test("the list of module pages covers every module of the build", () => {
  assert.deepEqual(Object.keys(OWN).sort(), modules.map((m) => m.id).sort());
});

for (const mod of modules) {
  test(`the app works with the ${mod.id} module left out`, async () => {
    const loader = compiled ? [] : ["--import", "tsx"];
    const { stdout } = await run(process.execPath, [...loader, script, mod.id], {
      env: process.env,
      maxBuffer: 64 * 1024 * 1024,
    });
    const out = JSON.parse(stdout.trim().split("\n").at(-1)!) as {
      statuses: Record<string, number>;
      menuLinks: string[];
    };
    const own = new Set(OWN[mod.id]);
    for (const [page, status] of Object.entries(out.statuses)) {
      const key = page.replace(/^\/areas\/\d+$/, "/areas/:id");
      assert.equal(status, own.has(key) ? 404 : 200, `${page} without ${mod.id}`);
    }
    for (const nav of mod.nav ?? [])
      assert.ok(!out.menuLinks.includes(nav.path), `no menu entry ${nav.path} without ${mod.id}`);
  });
}
