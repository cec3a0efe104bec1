import { readFileSync } from "node:fs";
import { plansAuditActions } from "./audit-actions.ts";
import type { TambonModule } from "../../core/modules.ts";
import { can } from "../../core/policy.ts";
import { msg } from "./messages.ts";
import { plansFiles } from "./shared/files.ts";
import {
  evaluationRounds,
  indicators,
  planEditions,
  planStrategies,
  plans,
  projectFiles,
  projectMilestones,
  projects,
} from "./schema.ts";
import { planRoutes } from "./plans/routes.tsx";
import { editionRoutes } from "./editions/routes.tsx";
import { proposalRoutes } from "./proposals/routes.tsx";
import { projectRoutes } from "./projects/routes.tsx";
import { projectPartRoutes } from "./projects/part-routes.tsx";
import { duplicateRoutes } from "./duplicates/routes.tsx";
import { seedPlansDemo } from "./demo.ts";
import { seedProjectFilesDemo } from "./projects/demo-files.ts";
import { indicatorRoutes } from "./indicators/routes.tsx";
import { measurementRoutes } from "./measurements/routes.tsx";
import { measurementImportRoutes } from "./imports/routes.tsx";
import { projectImportRoutes } from "./imports/project-routes.tsx";
import { seedIndicatorDemo } from "./indicators/demo.ts";
import { evaluationRoutes } from "./evaluations/routes.tsx";
import { distributionRoutes } from "./distribution/routes.tsx";
import { reportRoutes } from "./reports/routes.tsx";
import { clauseIndicators, clauseProjects, clauseRating } from "./evaluations/clause-sections.ts";
import { seedEvaluationDemo } from "./evaluations/demo.ts";
import { plansSearch } from "./search.ts";

/** Who screens proposals and keeps the plan: the tambon's admin and the central working group. */
const PLANNERS = ["admin", "working_group"] as const;

/** The module's routes, each resource's in turn. */
const ROUTES = [
  planRoutes,
  editionRoutes,
  proposalRoutes,
  projectRoutes,
  projectPartRoutes,
  duplicateRoutes,
  indicatorRoutes,
  measurementRoutes,
  measurementImportRoutes,
  projectImportRoutes,
  evaluationRoutes,
  distributionRoutes,
  reportRoutes,
];

/** The module's style sheets, added in this order to the one stylesheet. */
const STYLES = [
  "./plans.css",
  "./indicators/indicators.css",
  "./evaluations/evaluations.css",
  "./distribution/distribution.css",
  "./reports/reports.css",
];

/**
 * The participatory development plan (แผนพัฒนา): plans and their editions, strategies, projects
 * proposed by residents and screened by the working group, indicators and evaluation rounds.
 */
export const plansModule: TambonModule = {
  id: "plans",
  auditActions: plansAuditActions,
  files: plansFiles,
  access: [
    { action: "plan.read", allow: "public" },
    { action: "plan.manage", allow: [...PLANNERS] },
    {
      action: "project.propose",
      allow: ["member", "village_rep", "health_volunteer", "facilitator", "editor", ...PLANNERS],
    },
    { action: "project.screen", allow: [...PLANNERS] },
    { action: "measurement.record", allow: [...PLANNERS, "health_volunteer", "facilitator"] },
    // Partners' people may rate too: evaluations/commands.ts mayRate asks the network module.
    { action: "evaluation.rate", allow: [...PLANNERS, "village_rep", "facilitator"] },
  ],
  search: plansSearch,
  tambonRoutes: (app, deps) => {
    for (const routes of ROUTES) routes(app, deps);
  },
  styles: STYLES.map((file) => readFileSync(new URL(file, import.meta.url), "utf8")),
  assets: [
    {
      name: "plans-overlaps",
      ext: "js",
      type: "text/javascript; charset=utf-8",
      body: readFileSync(new URL("./proposals/overlaps.client.js", import.meta.url)),
    },
  ],
  sections: [
    { on: "charter.clause", section: clauseProjects },
    { on: "charter.clause", section: clauseIndicators },
    { on: "charter.clause", section: clauseRating },
  ],
  // The plan and its projects first: the indicators' demo links to projects by their titles.
  seedDemo: async (tx, tambon, people) => {
    await seedPlansDemo(tx, tambon, people);
    await seedProjectFilesDemo(tx, tambon.id);
    await seedIndicatorDemo(tx, tambon, people.adminId);
    await seedEvaluationDemo(tx, tambon, people);
  },
  nav: [{ path: "/plans", label: (lang) => msg.t(lang)("nav.plans") }],
  adminNav: [
    {
      path: "/admin/plans",
      label: (lang) => msg.t(lang)("nav.admin"),
      visible: (actor, tambon) => can(actor, "plan.manage", { tambonId: tambon.id }),
    },
  ],
  resources: {
    plans,
    strategies: planStrategies,
    editions: planEditions,
    projects,
    milestones: projectMilestones,
    "project-files": projectFiles,
    indicators,
    evaluations: evaluationRounds,
  },
  routeParams: { "forms/:form": "p02" },
};
