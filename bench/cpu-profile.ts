// Where a CPU profile's time goes, by area of the code: `npx tsx bench/cpu-profile.ts FILE`
// (a .cpuprofile from `node --cpu-prof` or PROFILE=FILE of bench/pages.bench.ts). Each sample is
// given to the innermost frame that belongs to a named area, so time spent in a library called by
// the renderer counts as rendering, and time in the database driver as the database.
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const AREAS: [string, RegExp][] = [
  ["PGlite (WASM, in process)", /@electric-sql\/pglite/],
  ["postgres driver", /node_modules\/postgres\//],
  ["drizzle (SQL built per request)", /drizzle-orm/],
  ["digits rewrite (pageInDigits)", /core\/digits\.ts/],
  ["CSRF HMAC", /core\/auth\/tokens\.ts/],
  ["compression", /zlib|@fastify\/compress/],
  ["rendering (preact-render-to-string)", /preact-render-to-string|preact\/dist/],
  ["i18n", /core\/i18n\//],
  ["layout and navigation", /core\/views\/layout|core\/nav\.ts|views\/ctx/],
  ["session and actor", /auth\/session\.ts|core\/policy\.ts|core\/roles\.ts/],
  ["page cache", /core\/page-cache\.ts/],
  ["module views", /src\/modules\/.*views|src\/core\/views/],
  ["module queries and routes", /src\/modules\//],
  ["fastify and plugins", /node_modules\/(fastify|@fastify|light-my-request|find-my-way|avvio)/],
  ["tsx loader", /node_modules\/tsx/],
];

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: cpu-profile.ts FILE.cpuprofile\n");
  process.exit(1);
}
const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const areaOf = new Map<number, string>();
function area(id: number): string {
  const known = areaOf.get(id);
  if (known) return known;
  const n = byId.get(id)!;
  const { url, functionName } = n.callFrame;
  let a = AREAS.find(([, re]) => re.test(url))?.[0];
  if (!a && functionName === "(garbage collector)") a = "garbage collection";
  if (!a && functionName === "(idle)") a = "idle (waiting)";
  // The profiler's own stop call, at the end of the recording.
  if (!a && url === "node:inspector") a = "idle (waiting)";
  if (!a && functionName === "(program)") a = "V8 and native (program)";
  if (!a) {
    const up = parent.get(id);
    a = up === undefined ? "other" : area(up);
  }
  areaOf.set(id, a);
  return a;
}
const total = new Map<string, number>();
let all = 0;
for (let i = 0; i < p.samples.length; i++) {
  const dt = p.timeDeltas[i] ?? 0;
  const a = area(p.samples[i]!);
  if (a === "idle (waiting)") continue;
  all += dt;
  total.set(a, (total.get(a) ?? 0) + dt);
}
for (const [a, us] of [...total].sort((x, y) => y[1] - x[1]))
  process.stdout.write(`| ${a} | ${((us / all) * 100).toFixed(1)} % |\n`);
// --frames: the functions that spend the most time themselves, with where they are.
if (process.argv.includes("--frames")) {
  const self = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const n = byId.get(p.samples[i]!)!;
    if (area(n.id) === "idle (waiting)") continue;
    const where = n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^.*\/src\//, "src/");
    const k = `${n.callFrame.functionName || "(anonymous)"} ${where}:${n.callFrame.lineNumber + 1} [${area(n.id)}]`;
    self.set(k, (self.get(k) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  process.stdout.write("\n");
  for (const [k, us] of [...self].sort((x, y) => y[1] - x[1]).slice(0, 40))
    process.stdout.write(`${((us / all) * 100).toFixed(1).padStart(5)} % ${k}\n`);
}
