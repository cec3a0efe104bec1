// Benchmark of the `tambon` command's start: `tambon --help` and `tambon tally` on a 10-member
// file, each beside `node -e 0` measured in the same run, as the operator runs them (a new Node
// process for bin/tambon.js, running the build in dist/).
//
//   npx tsx bench/cli.ts
//
// Wall time is measured around each process from the parent, median of RUNS after two warm-up
// runs. Peak memory (max RSS) and CPU time (user + system, less sensitive than wall time to a
// machine busy with other work) are read in separate runs by a preloaded hook that writes
// process.resourceUsage() when the process exits, so that the hook is not in the timings.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildProblem } from "../scripts/build-state.mjs";

type Figures = Record<string, string | number>;

const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "bin/tambon.js");
const RUNS = 15;

/** A vote of 10 members in 2 villages: delegations with a chain, 4 ballots, 3 alternatives. */
const TEN_MEMBERS = {
  members: Array.from({ length: 10 }, (_, i) => ({
    id: i + 1,
    village: i < 5 ? "91050201" : "91050202",
  })),
  delegations: [
    { truster: 1, trustee: 2, scope: "tambon" },
    { truster: 2, trustee: 3, scope: "tambon" },
    { truster: 6, trustee: 7, scope: "tambon" },
  ],
  question: { area: "health", alternatives: [10, 11, 12] },
  ballots: [
    { member: 3, grades: { "10": 2, "11": 0, "12": -1 } },
    { member: 4, grades: { "10": -1, "11": 1, "12": 0 } },
    { member: 7, grades: { "10": 1, "11": 1, "12": 3 } },
    { member: 9, grades: { "10": 0, "11": -2, "12": 1 } },
  ],
};

function run(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { env, encoding: "utf8" });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall time (ms), CPU time (ms) and peak RSS (MB) of `node ARGS`. */
function measure(args: string[], dir: string) {
  for (let i = 0; i < 2; i++) run(args);
  const times = Array.from({ length: RUNS }, () => run(args));
  const usageFile = path.join(dir, "usage.json");
  const hook = `data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(${JSON.stringify(usageFile)},JSON.stringify(process.resourceUsage())))`;
  const rss: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    run([`--import=${hook}`, ...args]);
    const usage = JSON.parse(readFileSync(usageFile, "utf8")) as NodeJS.ResourceUsage;
    rss.push(usage.maxRSS / 1024);
    cpu.push((usage.userCPUTime + usage.systemCPUTime) / 1000);
  }
  return {
    ms: Math.round(median(times)),
    minMs: Math.round(Math.min(...times)),
    cpuMs: Math.round(median(cpu)),
    rssMb: Math.round(Math.max(...rss)),
  };
}

export async function benchCli(): Promise<Figures> {
  if (buildProblem(root)) {
    const { build } = await import("../scripts/build.mjs");
    await build();
  }
  const dir = mkdtempSync(path.join(tmpdir(), "tambon-bench-cli-"));
  try {
    const file = path.join(dir, "ten.json");
    writeFileSync(file, JSON.stringify(TEN_MEMBERS));
    const figures: Figures = {};
    for (const [name, args] of [
      ["node -e 0", ["-e", "0"]],
      ["tambon --help", [bin, "--help"]],
      ["tambon tally (10 members)", [bin, "tally", file]],
      ["tambon tally --help", [bin, "tally", "--help"]],
    ] as const) {
      const m = measure([...args], dir);
      figures[`${name}: wall time, median of ${RUNS} (ms)`] = m.ms;
      figures[`${name}: wall time, fastest (ms)`] = m.minMs;
      figures[`${name}: CPU time, median (ms)`] = m.cpuMs;
      figures[`${name}: max RSS (MB)`] = m.rssMb;
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchCli();
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`| ${k} | ${v} |\n`);
}
