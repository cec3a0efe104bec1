// A node:test reporter for scripts/run-tests.mjs: one JSON line per test file with its wall time,
// then the run's totals. Files run by scripts/test-batch.mjs are the suites at the top named by
// their file; files run in the runner's own process (`--experimental-test-isolation=none`) have no
// such suite, so their time is the sum of their top-level tests'.
import path from "node:path";

const BATCH = path.join(import.meta.dirname, "test-batch.mjs");
const isTestFile = (name) => /\.test\.tsx?$/.test(name);

export default async function* testTimes(source) {
  const totals = {};
  const inProcess = new Map();
  for await (const event of source) {
    const { type, data } = event;
    if (type === "test:complete" && data.nesting === 0) {
      if (data.file === BATCH && isTestFile(data.name)) {
        yield (
          JSON.stringify({
            file: data.name,
            ms: Math.round(data.details.duration_ms),
            passed: data.details.passed,
          }) + "\n"
        );
      } else if (data.file) {
        const seen = inProcess.get(data.file) ?? { ms: 0, passed: true };
        seen.ms += data.details.duration_ms;
        seen.passed &&= data.details.passed;
        inProcess.set(data.file, seen);
      }
    } else if (
      type === "test:diagnostic" &&
      data.nesting === 0 &&
      (!data.file || data.file === BATCH)
    ) {
      const m = /^(tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$/.exec(data.message);
      if (m) totals[m[1]] = Number(m[2]);
    }
  }
  for (const [file, { ms, passed }] of inProcess)
    yield (
      JSON.stringify({ file: path.relative(process.cwd(), file), ms: Math.round(ms), passed }) +
      "\n"
    );
  yield JSON.stringify({ totals }) + "\n";
}
