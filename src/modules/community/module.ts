import { readFileSync } from "node:fs";
import { communityAuditActions } from "./audit-actions.ts";
import type { TambonModule } from "../../core/modules.ts";
import { bundleClientScript } from "../../core/client-bundle.ts";
import { can } from "../../core/policy.ts";
import { msg } from "./messages.ts";
import { communityFiles } from "./shared/files.ts";
import { COLLECTORS, STAFF } from "./access.ts";
import { forms, households, people, rounds, submissions, dataRequests } from "./schema.ts";
import { householdRoutes } from "./households/routes.tsx";
import { peopleRoutes } from "./people/routes.tsx";
import { privacyRoutes } from "./privacy/routes.tsx";
import { formRoutes } from "./forms/routes.tsx";
import { roundRoutes } from "./rounds/routes.tsx";
import { collectRoutes } from "./collect/routes.tsx";
import { submissionRoutes } from "./submissions/routes.tsx";
import { importRoutes } from "./imports/routes.tsx";
import { figureRoutes } from "./figures/routes.tsx";
import { exportRoutes } from "./exports/routes.tsx";
import { indicatorRoutes } from "./indicators/routes.tsx";
import { seedRegistryDemo } from "./registry/demo.ts";
import { seedFormsDemo } from "./forms/demo.ts";
import { seedSubmissionsDemo } from "./submissions/demo.ts";
import { communityCommands } from "./cli/commands.ts";
import { POPULATION_LOOKUP } from "../plans/public.ts";
import { villagePopulation } from "./figures/population.ts";

/**
 * Community data (ข้อมูลชุมชน): the households and people of the tambon's villages, the survey
 * forms the community fills itself (offline on phones), imports, the villages' figures, and the
 * personal data in all of it handled as the PDPA asks.
 */
export const communityModule: TambonModule = {
  id: "community",
  auditActions: communityAuditActions,
  files: communityFiles,
  access: [
    { action: "community.figures.read", allow: "public" },
    { action: "community.manage", allow: [...STAFF] },
    { action: "community.collect", allow: [...STAFF, ...COLLECTORS] },
    // Personal data: staff see all; collectors only their village's (access.ts personalScope).
    { action: "community.personal", allow: [...STAFF, ...COLLECTORS] },
    // The read log and the privacy settings: the tambon's admin.
    { action: "community.privacy", allow: ["admin"] },
  ],
  tambonRoutes: (app, deps) => {
    householdRoutes(app, deps);
    peopleRoutes(app, deps);
    privacyRoutes(app, deps);
    formRoutes(app, deps);
    roundRoutes(app, deps);
    collectRoutes(app, deps);
    submissionRoutes(app, deps);
    importRoutes(app, deps);
    figureRoutes(app, deps);
    exportRoutes(app, deps);
    indicatorRoutes(app, deps);
  },
  styles: [
    readFileSync(new URL("./registry/registry.css", import.meta.url), "utf8"),
    readFileSync(new URL("./collect/collect.css", import.meta.url), "utf8"),
    readFileSync(new URL("./forms/forms.css", import.meta.url), "utf8"),
  ],
  assets: [
    {
      name: "community-collect",
      ext: "js",
      type: "text/javascript; charset=utf-8",
      body: bundleClientScript(new URL("./collect/app.client.ts", import.meta.url)),
    },
  ],
  jobs: [
    {
      // Erases the records whose keeping time is over (PDPA); a few times a day is enough.
      id: "community.retention",
      everyMs: 6 * 60 * 60 * 1000,
      run: async (deps) =>
        void (await (await import("./privacy/retention.ts")).runRetention(deps.database.db)),
    },
    {
      // The plans' indicators linked to answers, computed again (also after syncs and imports).
      id: "community.indicators",
      everyMs: 60 * 60 * 1000,
      run: async (deps) =>
        void (await (
          await import("./indicators/compute.ts")
        ).recomputeAllIndicators(deps.database.db)),
    },
  ],
  seedDemo: async (tx, tambon, people) => {
    await seedRegistryDemo(tx, tambon, people);
    await seedFormsDemo(tx, tambon, people);
    await seedSubmissionsDemo(tx, tambon, people);
  },
  nav: [{ path: "/community", label: (lang) => msg.t(lang)("nav.community") }],
  adminNav: [
    {
      path: "/admin/community",
      label: (lang) => msg.t(lang)("nav.admin"),
      visible: (actor, tambon) => can(actor, "community.manage", { tambonId: tambon.id }),
    },
  ],
  resources: {
    households,
    people,
    forms,
    rounds,
    submissions,
    requests: dataRequests,
  },
  // Route parameters that name no record: a village by its number, an import by its kind, a
  // question of the demo survey by its name, a submission's photo by its stored file.
  routeParams: {
    "villages/:moo": "1",
    "imports/:kind": "people",
    "items/:name": "clean_water",
    "photos/:fileId": "1",
  },
  // The public figures read no query parameter: tracking tails share one cached copy.
  cacheQuery: { "/community": [], "/community/villages/:moo": [] },
  commands: communityCommands,
  lookups: { [POPULATION_LOOKUP]: villagePopulation },
};
