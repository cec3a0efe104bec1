import { appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchColdStart, benchHomePage } from "./http.bench.ts";
import { benchTally } from "./tally.bench.ts";
import { benchCli } from "./cli.ts";
import { benchLighthouse, benchSite } from "./site.bench.ts";
import { benchClosing } from "./decisions.bench.ts";
import { benchCharter } from "./charter.bench.ts";
import { benchGroups } from "./groups.bench.ts";
import { benchNetwork } from "./network.bench.ts";
import { benchUploads } from "./uploads.bench.ts";
import { benchPlans } from "./plans.bench.ts";
import { benchCommunity } from "./community.bench.ts";
import { benchCommunityImport } from "./community-import.bench.ts";
import { benchProvince } from "./province.bench.ts";

type Figures = Record<string, string | number>;

const sections: { title: string; target: string; run: () => Promise<Figures> }[] = [
  {
    title: "Cold start",
    target: "first page under 3 s (installed, database created)",
    run: benchColdStart,
  },
  {
    title: "Home page on PGlite",
    target: "≥ 3,000 req/s, p99 < 50 ms, 50 connections",
    run: () => benchHomePage("pglite"),
  },
  {
    title: "Home page on PostgreSQL",
    target: "≥ 3,000 req/s, p99 < 50 ms, 50 connections",
    run: () => benchHomePage("postgres"),
  },
  {
    title: "Public site on PGlite",
    target:
      "200 news, 20 pages, 10 albums of 17 photos; 50 connections: home and news ≥ 8,000 req/s, p99 < 30 ms (cached); search ≥ 500 req/s, p99 < 100 ms; home HTML + CSS + JS ≤ 30 KB",
    run: () => benchSite("pglite"),
  },
  {
    title: "Public site on PostgreSQL",
    target:
      "200 news, 20 pages, 10 albums of 17 photos; 50 connections: home and news ≥ 8,000 req/s, p99 < 30 ms (cached); search ≥ 500 req/s, p99 < 100 ms; home HTML + CSS + JS ≤ 30 KB",
    run: () => benchSite("postgres"),
  },
  {
    title: "Lighthouse (mobile)",
    target:
      "home and a news page: performance ≥ 95, accessibility 100, best practices ≥ 95, SEO ≥ 95",
    run: benchLighthouse,
  },
  {
    title: "Fluid-democracy tally",
    target: "1M members ≤ 1 s and ≤ 1 GB; CLI on a 1M-member file ≤ 10 s",
    run: benchTally,
  },
  {
    title: "Command line",
    target:
      "tambon --help ≤ 0.3 s; tambon tally on a 10-member file ≤ 0.5 s and ≤ 100 MB max RSS (node -e 0 measured beside them)",
    run: benchCli,
  },
  {
    title: "Groups and meetings: attendance and coverage",
    target:
      "an attendance row < 20 ms server time; coverage of 75 villages / 2,000 representatives < 100 ms",
    run: async () => ({ ...(await benchGroups("pglite")), ...(await benchGroups("postgres")) }),
  },
  {
    title: "Partner network on PGlite",
    target: "directory of 2,000 partners and network page of 300 tambons < 100 ms server time",
    run: () => benchNetwork("pglite"),
  },
  {
    title: "Partner network on PostgreSQL",
    target: "directory of 2,000 partners and network page of 300 tambons < 100 ms server time",
    run: () => benchNetwork("postgres"),
  },
  {
    title: "Health charter of 200 clauses on PGlite",
    target: "page renders < 50 ms server time; diff of two 200-clause versions < 200 ms",
    run: benchCharter,
  },
  {
    title: "Upload memory",
    target:
      "a request over a form's limit (20 × 15 MB to the corner, which keeps 4) holds no more memory than the form's limit (4 × 15 MB): refused before reading when its length is declared",
    run: benchUploads,
  },
  {
    title: "Development plans on a province, PostgreSQL",
    target:
      "150 tambons, 2,000 villages, 20,000 projects, 500,000 measurements: the distribution view, an indicator dashboard and the duplicate check of a new title each < 300 ms server time; the ผ.02 XLSX of a 300-project plan < 2 s",
    run: () => benchPlans("postgres"),
  },
  {
    title: "Development plans on a province, PGlite",
    target: "the same figures on the embedded database",
    run: () => benchPlans("pglite"),
  },
  {
    title: "Community data: a million people, PostgreSQL",
    target:
      "1,000,000 person rows imported from CSV ≤ 60 s with ≤ 500 MB; the village page over them < 200 ms server time",
    run: () => benchCommunity("postgres"),
  },
  {
    title: "Community data: a million people, PGlite",
    target: "the import ≤ 180 s with ≤ 500 MB; the village page < 200 ms server time",
    run: () => benchCommunity("pglite"),
  },
  {
    title: "tambon import people: a million rows, PostgreSQL",
    target: "1,000,000 rows from CSV by the CLI ≤ 60 s, peak RSS ≤ 500 MB",
    run: () => benchCommunityImport("postgres"),
  },
  {
    title: "tambon import people: a million rows, PGlite",
    target: "1,000,000 rows from CSV by the CLI ≤ 180 s, peak RSS ≤ 500 MB",
    run: () => benchCommunityImport("pglite"),
  },
  {
    title: "A province under load, PostgreSQL",
    target:
      "150 tambons × (2,000 news, 200 pages, 500 members, 50 questions, 100 meetings); signed-in members of 20 tambons: p99 < 200 ms for every page kind at the rate the machine sustains",
    run: () => benchProvince(),
  },
  {
    title: "Closing a question on PostgreSQL",
    target: "50,000 members: read, count, store results and chains ≤ 5 s",
    run: () => benchClosing(),
  },
];

const only = process.argv.slice(2);
const out: string[] = [];
for (const s of sections) {
  if (only.length && !only.some((o) => s.title.toLowerCase().includes(o.toLowerCase()))) continue;
  process.stdout.write(`\n## ${s.title} (target: ${s.target})\n`);
  const figures = await s.run();
  const lines = Object.entries(figures).map(
    ([k, v]) => `| ${k} | ${typeof v === "number" ? v.toLocaleString("en") : v} |`,
  );
  for (const l of lines) process.stdout.write(l + "\n");
  out.push(
    `## ${s.title}\n\nTarget: ${s.target}\n\n| measure | value |\n|---|---|\n${lines.join("\n")}\n`,
  );
}

if (!only.length) {
  // The whole run is added as a dated section: the sections of earlier runs and of single
  // benches (measured on other days and machines) stay as they were.
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const file = path.join(import.meta.dirname, "RESULTS.md");
  const section = `\n## npm run bench, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC\n\n${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}. Load generated by autocannon in the same machine (it takes one of the cores).\n\n${out.map((o) => o.replace(/^## /gm, "### ")).join("\n")}`;
  appendFileSync(file, section);
  process.stdout.write("\nadded to bench/RESULTS.md\n");
}
