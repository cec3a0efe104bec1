import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BUILD_STAMP, buildProblem } from "../scripts/build-state.mjs";

function touch(file: string, secondsAgo: number) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, "");
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, when, when);
}

test("dist/ counts as built until a file under src/ or the build script is newer than the build", () => {
  const root = mkdtempSync(path.join(tmpdir(), "tambon-build-"));
  touch(path.join(root, "src/core/app.ts"), 300);
  touch(path.join(root, "src/modules/site/site.css"), 300);
  touch(path.join(root, "scripts/build.mjs"), 300);
  utimesSync(path.join(root, "src/core"), new Date(), new Date(Date.now() - 300_000));
  utimesSync(path.join(root, "src/modules/site"), new Date(), new Date(Date.now() - 300_000));
  utimesSync(path.join(root, "src/modules"), new Date(), new Date(Date.now() - 300_000));
  utimesSync(path.join(root, "src"), new Date(), new Date(Date.now() - 300_000));
  assert.equal(buildProblem(root), "missing");
  touch(path.join(root, "dist", BUILD_STAMP), 200);
  assert.equal(buildProblem(root), null);
  touch(path.join(root, "src/modules/site/site.css"), 100);
  assert.equal(buildProblem(root), "stale", "a changed style sheet");
  touch(path.join(root, "dist", BUILD_STAMP), 50);
  assert.equal(buildProblem(root), null);
  rmSync(path.join(root, "src/core/app.ts"));
  assert.equal(buildProblem(root), "stale", "a deleted source (its folder changed)");
  touch(path.join(root, "dist", BUILD_STAMP), 0);
  touch(path.join(root, "scripts/build.mjs"), -5);
  assert.equal(buildProblem(root), "stale", "a changed build script");
  rmSync(path.join(root, "src"), { recursive: true });
  assert.equal(buildProblem(root), null, "a copy shipped without src/ runs its dist/");
});
