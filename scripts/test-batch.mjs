// Runs several test files in one process, for scripts/run-tests.mjs: each file's tests in a suite
// of their own, named by the file, one file after the other. A test process spends about two
// seconds of CPU time on starting (Node, the project's modules, PGlite's WebAssembly) before its
// first test; files run in a batch pay for that once.
//
// TAMBON_TEST_BATCH is a JSON list of [name, path] pairs: the name the file's suite is reported
// under (its path in the project) and the file to import (its compiled copy, or the source under
// tsx). When TAMBON_TEST_BATCH_TIMES names a file, one JSON line per test file is appended to it
// with the file's wall time and CPU time (this process's, and that of the processes it started and
// waited for while the file ran: `tambon` commands, Chromium), from its first test to its last.
import { after, before, describe } from "node:test";
import { appendFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { childrenCpu } from "./children-cpu.mjs";

const batch = JSON.parse(process.env.TAMBON_TEST_BATCH ?? "[]");
if (!Array.isArray(batch) || batch.length === 0) {
  process.stderr.write("TAMBON_TEST_BATCH names no test file\n");
  process.exit(2);
}
const timesFile = process.env.TAMBON_TEST_BATCH_TIMES || null;

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000 + (childrenCpu() ?? 0);
};

for (const [name, file] of batch) {
  describe(name, async () => {
    let wall = 0;
    let cpu = 0;
    before(() => {
      wall = performance.now();
      cpu = cpuNow();
    });
    after(() => {
      if (timesFile)
        appendFileSync(
          timesFile,
          JSON.stringify({
            file: name,
            ms: Math.round(performance.now() - wall),
            cpu: Math.round(cpuNow() - cpu),
          }) + "\n",
        );
    });
    await import(pathToFileURL(file).href);
  });
}
