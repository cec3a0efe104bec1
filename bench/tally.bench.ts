// Benchmark of the vote count (src/modules/decisions/tally.ts) on generated tambons.
//
//   npx tsx bench/tally.bench.ts                  1,000,000 members: count, tally(), CLI end-to-end
//   TALLY_BENCH_10M=0 npx tsx bench/tally.bench.ts   without the count of 10,000,000 members
//
// Each phase runs in its own Node process so that its peak RSS is its own. A scenario of n members
// (seeded PRNG, same scenario every run): ids spread over 0..2^31-1, 20 villages, 60% delegate
// (tambon-wide to a random member, to one of a few popular members or, 1%, to a non-member; some
// also per area or question, some of those blocking with a null trustee; random delegation graphs
// give chains and loops, and short loops are planted), 20% vote plus 5% of the delegators vote
// themselves, 4 alternatives graded -2..3, and a few ballots of non-members.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable, Writable } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  SCOPE_AREA,
  SCOPE_QUESTION,
  SCOPE_TAMBON,
  type TallyColumns,
  type TallyInput,
} from "../src/modules/decisions/tally-types.ts";
import { countTally } from "../src/modules/decisions/tally-count.ts";
import { normalizePolicy } from "../src/modules/decisions/tally-input.ts";
import { renderTallyJsonChunks, tally } from "../src/modules/decisions/tally.ts";
import { runTallyCommand } from "../src/modules/decisions/tally-cli.ts";

type Figures = Record<string, string | number>;

const ALTERNATIVES = [101, 102, 103, 104];
const VILLAGES = Array.from({ length: 20 }, (_, i) => `910502${String(i + 1).padStart(2, "0")}`);

/** mulberry32: a small seeded PRNG giving floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates the columns of a scenario with n members. */
export function generateColumns(n: number, seed = 20240601): TallyColumns {
  const rand = prng(seed);
  const pick = (k: number): number => Math.floor(rand() * k);
  const memberIds = new Float64Array(n);
  const memberVillages = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    memberIds[p] = (Math.imul(p + 1, 0x9e3779b1) >>> 0) & 0x7fffffff; // distinct for n < 2^31
    memberVillages[p] = pick(VILLAGES.length);
  }
  const popular = Math.max(1, Math.floor(n / 1000));
  const truster: number[] = [];
  const trustee: number[] = [];
  const scope: number[] = [];
  const voter = new Uint8Array(n);
  const delegate = (from: number, to: number, s: number): void => {
    truster.push(memberIds[from]!);
    trustee.push(to);
    scope.push(s);
  };
  const randomTrustee = (): number => {
    const r = rand();
    if (r < 0.01) return 2 ** 31 + pick(n); // not a member
    if (r < 0.45) return memberIds[pick(popular)]!;
    return memberIds[pick(n)]!;
  };
  for (let p = 0; p < n; p++) {
    const r = rand();
    if (r < 0.6) {
      if (p + 2 < n && rand() < 0.02) {
        // a planted loop of three
        delegate(p, memberIds[p + 1]!, SCOPE_TAMBON);
        delegate(p + 1, memberIds[p + 2]!, SCOPE_TAMBON);
        delegate(p + 2, memberIds[p]!, SCOPE_TAMBON);
        p += 2;
        continue;
      }
      delegate(p, randomTrustee(), SCOPE_TAMBON);
      if (rand() < 0.15) delegate(p, rand() < 0.1 ? -1 : randomTrustee(), SCOPE_AREA);
      if (rand() < 0.05) delegate(p, rand() < 0.1 ? -1 : randomTrustee(), SCOPE_QUESTION);
      if (rand() < 0.05) voter[p] = 1;
    } else if (r < 0.8) {
      voter[p] = 1;
    }
  }
  const ballotMembers: number[] = [];
  for (let p = 0; p < n; p++) if (voter[p]) ballotMembers.push(memberIds[p]!);
  for (let i = 0; i < n / 1000; i++) ballotMembers.push(2 ** 31 + 7 + i);
  const k = ALTERNATIVES.length;
  const ballotGrades = new Float64Array(ballotMembers.length * k);
  for (let i = 0; i < ballotGrades.length; i++) ballotGrades[i] = pick(6) - 2;
  return {
    memberIds,
    memberVillages,
    villageNames: VILLAGES,
    delegationTruster: Float64Array.from(truster),
    delegationTrustee: Float64Array.from(trustee),
    delegationScope: Uint8Array.from(scope),
    alternatives: Float64Array.from(ALTERNATIVES),
    ballotMember: Float64Array.from(ballotMembers),
    ballotGrades,
    policy: normalizePolicy({ quorum: 0.1, villageQuorum: { minPerVillage: 10 } }),
  };
}

const SCOPE_NAMES = new Map([
  [SCOPE_TAMBON, "tambon"],
  [SCOPE_AREA, "area"],
  [SCOPE_QUESTION, "question"],
] as const);

/** The scenario as the JSON-level input object. */
export function toInput(c: TallyColumns): TallyInput {
  const k = c.alternatives.length;
  return {
    members: Array.from(c.memberIds, (id, p) => ({
      id,
      village: c.villageNames[c.memberVillages[p]!]!,
    })),
    delegations: Array.from(c.delegationTruster, (truster, r) => {
      const to = c.delegationTrustee[r]!;
      return {
        truster,
        trustee: to < 0 ? null : to,
        scope: SCOPE_NAMES.get(c.delegationScope[r] as 1 | 2 | 4) ?? "tambon",
      };
    }),
    question: { area: "health", alternatives: Array.from(c.alternatives) },
    ballots: Array.from(c.ballotMember, (member, r) => {
      const grades: Record<string, number> = {};
      for (let x = 0; x < k; x++) {
        const grade = c.ballotGrades[r * k + x]!;
        if (grade !== 0) grades[String(c.alternatives[x])] = grade;
      }
      return { member, grades };
    }),
    policy: {
      majority: c.policy.majority,
      quorum: c.policy.quorum,
      villageQuorum: c.policy.villageQuorum,
    },
  };
}

/** The scenario as JSON text pieces (one array element per record, to stay under string limits). */
export function toJsonPieces(c: TallyColumns): string[] {
  const input = toInput(c);
  const pieces: string[] = [];
  const list = (key: string, items: unknown[], last = false): void => {
    pieces.push(`"${key}":[\n`);
    for (let i = 0; i < items.length; i++) {
      pieces.push(`${JSON.stringify(items[i])}${i + 1 < items.length ? "," : ""}\n`);
    }
    pieces.push(last ? "]" : "],");
  };
  pieces.push("{");
  list("members", input.members);
  list("delegations", input.delegations ?? []);
  pieces.push(`"question":${JSON.stringify(input.question)},`);
  list("ballots", input.ballots ?? [], true);
  pieces.push(`,"policy":${JSON.stringify(input.policy)}}\n`);
  return pieces;
}

const ms = (t0: number): number => Math.round((performance.now() - t0) * 10) / 10;
const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const rssMb = (): number => Math.round(process.memoryUsage.rss() / 1048576);

/** A writable that only counts bytes. */
function sink(): { stream: Writable; bytes: () => number } {
  let total = 0;
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      total += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
      done();
    },
  });
  return { stream, bytes: () => total };
}

function describeScenario(c: TallyColumns, prefix: string, f: Figures): void {
  f[`${prefix} members`] = c.memberIds.length;
  f[`${prefix} delegations`] = c.delegationTruster.length;
  f[`${prefix} ballots`] = c.ballotMember.length;
}

async function phaseCount(n: number, label: string): Promise<Figures> {
  const f: Figures = {};
  const c = generateColumns(n);
  describeScenario(c, label, f);
  f[`${label} RSS before count (MB)`] = rssMb();
  let t0 = performance.now();
  const count = countTally(c);
  f[`${label} count, first run (ms)`] = ms(t0);
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    t0 = performance.now();
    countTally(c);
    best = Math.min(best, performance.now() - t0);
  }
  f[`${label} count, best of 3 (ms)`] = Math.round(best * 10) / 10;
  f[`${label} peak RSS after count (MB)`] = peakMb();
  f[`${label} voters`] = count.voters;
  f[`${label} weightCounted`] = count.weightCounted;
  f[`${label} weightLost`] = count.weightLost;
  f[`${label} winner`] = String(count.winner);
  const out = sink();
  t0 = performance.now();
  for (const chunk of renderTallyJsonChunks(count)) out.stream.write(chunk);
  f[`${label} render full JSON (ms)`] = ms(t0);
  f[`${label} full JSON output (MB)`] = Math.round(out.bytes() / 1048576);
  f[`${label} peak RSS after render (MB)`] = peakMb();
  return f;
}

async function phaseObjects(n: number): Promise<Figures> {
  const f: Figures = {};
  const input = toInput(generateColumns(n));
  f["1M RSS with input objects (MB)"] = rssMb();
  let t0 = performance.now();
  tally(input, { summary: true });
  f["1M tally(input) --summary (ms)"] = ms(t0);
  t0 = performance.now();
  const result = tally(input);
  f["1M tally(input) with weights and chains (ms)"] = ms(t0);
  f["1M chains"] = Object.keys(result.chains ?? {}).length;
  f["1M peak RSS tally(input) (MB)"] = peakMb();
  return f;
}

/** Writes the JSON input of a scenario with n members to a file. */
async function phaseWriteJson(n: number, file: string): Promise<Figures> {
  await writeFile(file, toJsonPieces(generateColumns(n)).join(""));
  return { "1M input JSON (MB)": Math.round((await stat(file)).size / 1048576) };
}

/** `tambon tally [--summary] FILE` in this (fresh) process, output to a file next to it. */
async function phaseCli(file: string, summary: boolean): Promise<Figures> {
  const outFile = `${file}.${summary ? "summary" : "out"}.json`;
  const stdout = createWriteStream(outFile);
  const chunks: string[] = [];
  const args = summary ? ["--summary", file] : [file];
  const t0 = performance.now();
  const code = await runTallyCommand(args, {
    stdin: Readable.from([]),
    stdout,
    stderr: new Writable({
      write(chunk: Buffer | string, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
  });
  await new Promise<void>((resolve) => stdout.end(resolve));
  const elapsed = ms(t0);
  if (code !== 0) throw new Error(`tambon tally exited with ${code}: ${chunks.join("")}`);
  const label = summary ? "1M tambon tally --summary FILE" : "1M tambon tally FILE";
  const f: Figures = { [`${label} (ms)`]: elapsed, [`${label} peak RSS (MB)`]: peakMb() };
  if (!summary) f["1M tambon tally output (MB)"] = Math.round((await stat(outFile)).size / 1048576);
  return f;
}

async function runPhase(phase: string, args: string[]): Promise<Figures> {
  switch (phase) {
    case "count-1m":
      return phaseCount(1_000_000, "1M");
    case "objects-1m":
      return phaseObjects(1_000_000);
    case "write-json-1m":
      return phaseWriteJson(1_000_000, args[0] ?? "");
    case "cli":
      return phaseCli(args[0] ?? "", args[1] === "--summary");
    case "count-10m":
      return phaseCount(10_000_000, "10M");
    default:
      throw new Error(`unknown phase ${phase}`);
  }
}

const benchFile = fileURLToPath(import.meta.url);

function runChild(phase: string, ...args: string[]): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const argv = ["--import", "tsx", benchFile, "--phase", phase, ...args];
    const child = spawn(process.execPath, argv, {
      cwd: dirname(dirname(benchFile)),
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (s: string) => (out += s));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`bench phase ${phase} exited with ${code}`));
      resolve(JSON.parse(out.trim().split("\n").pop() ?? "{}") as Figures);
    });
  });
}

/** Runs every phase (10M unless TALLY_BENCH_10M=0), each in a child process; returns figures. */
export async function benchTally(): Promise<Record<string, string | number>> {
  const figures: Figures = {};
  Object.assign(figures, await runChild("count-1m"));
  Object.assign(figures, await runChild("objects-1m"));
  const dir = await mkdtemp(join(tmpdir(), "tally-bench-"));
  try {
    const file = join(dir, "input.json");
    Object.assign(figures, await runChild("write-json-1m", file));
    Object.assign(figures, await runChild("cli", file));
    Object.assign(figures, await runChild("cli", file, "--summary"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (process.env.TALLY_BENCH_10M !== "0") Object.assign(figures, await runChild("count-10m"));
  return figures;
}

const invoked =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
async function main(): Promise<void> {
  const at = process.argv.indexOf("--phase");
  if (at >= 0) {
    const figures = await runPhase(process.argv[at + 1] ?? "", process.argv.slice(at + 2));
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const figures = await benchTally();
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [key, value] of Object.entries(figures)) {
    process.stdout.write(`${key.padEnd(width)}  ${value}\n`);
  }
}

if (invoked) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
