// A node:test reporter for scripts/run-tests.mjs: one JSON line per test file with its wall time
// (the runner's file-level result, from the start of the file's process to its end; for files
// run in the runner's own process, the sum of their top-level tests), then the run's totals.
import path from "node:path";

export default async function* testTimes(source) {
  const totals = {};
  // Files run in the runner's own process (no isolation) have no file-level result: their
  // time is the sum of their top-level tests'.
  const inProcess = new Map();
  // On Node 20 a file run in its own process reports its top-level tests at nesting 0 too:
  // a file with a file-level result is counted once, by that result.
  const ownProcess = new Set();
  for await (const event of source) {
    const { type, data } = event;
    if (type === "test:complete" && data.nesting === 0 && data.file) {
      if (path.resolve(data.name) === data.file) {
        ownProcess.add(data.file);
        yield (
          JSON.stringify({
            file: path.relative(process.cwd(), data.file),
            ms: Math.round(data.details.duration_ms),
            passed: data.details.passed,
          }) + "\n"
        );
      } else {
        const seen = inProcess.get(data.file) ?? { ms: 0, passed: true };
        seen.ms += data.details.duration_ms;
        seen.passed &&= data.details.passed;
        inProcess.set(data.file, seen);
      }
    } else if (type === "test:diagnostic" && data.nesting === 0 && !data.file) {
      const m = /^(tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$/.exec(data.message);
      if (m) totals[m[1]] = Number(m[2]);
    }
  }
  for (const [file, { ms, passed }] of inProcess)
    if (!ownProcess.has(file))
      yield (
        JSON.stringify({ file: path.relative(process.cwd(), file), ms: Math.round(ms), passed }) +
        "\n"
      );
  yield JSON.stringify({ totals }) + "\n";
}
