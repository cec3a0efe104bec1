// Builds the app with one module left out (its id is the first argument) on a copy of the run's
// demo database, asks for a set of pages anonymously, and prints their statuses as JSON. A child
// process of its own, because what modules install (access rules, sections, lookups) is installed
// once per process. The copy is a PostgreSQL one (a template copy, where opening an embedded
// database costs seconds of CPU per process): what is tested is the module set, not the engine.
import { and, eq } from "drizzle-orm";
import { buildApp } from "../../src/core/app.ts";
import { tambons } from "../../src/core/db/schema.ts";
import { issueAreas } from "../../src/modules/areas/public.ts";
import { modules } from "../../src/modules/index.ts";
import { testConfig } from "./app.ts";
import { openTestDatabase } from "./db.ts";

const leftOut = process.argv[2] ?? "";
const database = await openTestDatabase("postgres", { demo: true });
const [tambon] = await database.db.select().from(tambons).where(eq(tambons.slug, "la-ngu"));
const [area] = await database.db
  .select({ id: issueAreas.id })
  .from(issueAreas)
  .where(and(eq(issueAreas.tambonId, tambon!.id)))
  .limit(1);
const app = await buildApp({
  config: testConfig(),
  database,
  modules: modules.filter((m) => m.id !== leftOut),
});
await app.ready();
const paths = [
  "",
  "/news",
  "/areas",
  `/areas/${area!.id}`,
  "/process",
  "/meetings",
  "/network",
  "/charter",
  "/decisions",
  "/plans",
  "/community",
];
const statuses: Record<string, number> = {};
const bodies: Record<string, string> = {};
for (const p of paths) {
  const res = await app.inject({ url: `/t/la-ngu${p}` });
  statuses[p || "/"] = res.statusCode;
  bodies[p || "/"] = res.body;
}
const menu = /<nav[^>]*class="[^"]*main-nav[\s\S]*?<\/nav>/.exec(bodies["/"] ?? "")?.[0] ?? "";
process.stdout.write(
  JSON.stringify({
    statuses,
    menuLinks: [...menu.matchAll(/href="\/t\/la-ngu(\/[a-z-]+)/g)].map((m) => m[1]),
    areaPage: bodies[`/areas/${area!.id}`] ?? "",
  }) + "\n",
);
await app.close();
await database.drop();
