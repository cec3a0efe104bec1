#!/usr/bin/env node
// Entry point of the `tambon` command: runs the compiled CLI in dist/, building it first when it
// is missing or older than src/ (a checkout that was pulled or edited since the last build).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildProblem } from "../scripts/build-state.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const problem = buildProblem(root);
if (problem) {
  if (process.stderr.isTTY)
    process.stderr.write(
      problem === "missing"
        ? "tambon: กำลังคอมไพล์ / building dist/…\n"
        : "tambon: src/ เปลี่ยน กำลังคอมไพล์ใหม่ / src/ changed, rebuilding dist/…\n",
    );
  try {
    const { build } = await import("../scripts/build.mjs");
    await build();
  } catch (err) {
    const reason = String(err?.message ?? err).split("\n")[0];
    if (problem === "missing") {
      process.stderr.write(
        `tambon: dist/ is missing and could not be built (${reason}); run \`npm install\` or \`npm run build\` in ${root}\n`,
      );
      process.exit(1);
    }
    process.stderr.write(
      `tambon: dist/ is older than src/ and could not be rebuilt (${reason}); running the older build — run \`npm run build\` in ${root}\n`,
    );
  }
}
await import("../dist/cli/main.js");
