// A node:test reporter for scripts/run-tests.mjs: one JSON line per test file with its wall time
// (the runner's file-level result, from the start of the file's process to its end), then the
// run's totals.
import path from "node:path";

export default async function* testTimes(source) {
  const totals = {};
  for await (const event of source) {
    const { type, data } = event;
    if (
      type === "test:complete" &&
      data.nesting === 0 &&
      data.file &&
      path.resolve(data.name) === data.file
    ) {
      yield (
        JSON.stringify({
          file: path.relative(process.cwd(), data.file),
          ms: Math.round(data.details.duration_ms),
          passed: data.details.passed,
        }) + "\n"
      );
    } else if (type === "test:diagnostic" && data.nesting === 0 && !data.file) {
      const m = /^(tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$/.exec(data.message);
      if (m) totals[m[1]] = Number(m[2]);
    }
  }
  yield JSON.stringify({ totals }) + "\n";
}
