import type { PageSection, TambonModule } from "../../core/modules.ts";
import { decisionsAuditActions } from "./audit-actions.ts";
import type { Config } from "../../core/config.ts";
import { mailerFor, type Mailer } from "../../core/mail.ts";
import { can } from "../../core/policy.ts";
import type { Role } from "../../core/roles.ts";
import { msg } from "./messages.ts";
import { questionRoutes } from "./questions/routes.tsx";
import { ballotRoutes } from "./ballots/routes.tsx";
import { resultRoutes } from "./results/routes.tsx";
import { delegationRoutes } from "./delegation/routes.tsx";
import { notificationRoutes } from "./notifications/routes.tsx";
import { votingRulesAdminRoutes } from "./voting-rules/admin-routes.tsx";
import { seedDefaultVotingRules } from "./voting-rules/commands.ts";
import { seedDecisionsDemo } from "./demo.ts";
import { alternatives, decisionPolicies, delegations, questions, suggestions } from "./schema.ts";
import { questionsOfArea } from "./public.ts";
import { decisionsCommands } from "./cli/commands.ts";
import { readFileSync } from "node:fs";
import { decisionsSearch } from "./search.ts";
import { DECISION_NOTICES } from "./notifications/kinds.ts";

/** Everyone who takes part in the tambon's life may open questions and take part in them. */
const participants: Role[] = [
  "member",
  "working_group",
  "admin",
  "editor",
  "facilitator",
  "village_rep",
  "health_volunteer",
];

const areaQuestions: PageSection<number> = {
  id: "decisions",
  title: (lang) => msg.t(lang)("list.title"),
  load: (db, tambon, lang, areaId) => questionsOfArea(db, tambon, areaId, lang),
};

/** Decisions: questions with phases, fluid democracy (delegation), Schulze ballots, verifiable results. */
export const decisionsModule: TambonModule = {
  id: "decisions",
  auditActions: decisionsAuditActions,
  notices: DECISION_NOTICES,
  search: decisionsSearch,
  tambonRoutes: async (app, deps) => {
    for (const routes of [
      questionRoutes,
      ballotRoutes,
      resultRoutes,
      delegationRoutes,
      notificationRoutes,
      votingRulesAdminRoutes,
    ])
      await routes(app, deps);
  },
  nav: [
    { path: "/decisions", label: (lang) => msg.t(lang)("nav.decisions") },
    {
      path: "/notifications",
      label: (lang) => msg.t(lang)("nav.notifications"),
      visible: (actor, tambon) =>
        !!actor.user && (actor.memberOf.has(tambon.id) || actor.roles.has(tambon.id)),
    },
  ],
  adminNav: [
    {
      path: "/admin/decision-policies",
      label: (lang) => msg.t(lang)("admin.votingRules"),
      visible: (actor, tambon) => can(actor, "votingRules.manage", { tambonId: tambon.id }),
    },
  ],
  resources: {
    decisions: questions,
    alternatives,
    suggestions,
    delegations,
    "decision-policies": decisionPolicies,
  },
  onTambonCreated: async (tx, tambon) => {
    await seedDefaultVotingRules(tx, tambon.id, null);
  },
  seedDemo: seedDecisionsDemo,
  jobs: [
    {
      id: "decisions.tick",
      everyMs: 30_000,
      run: async (deps) =>
        void (await (
          await import("./questions/tick.ts")
        ).tick(deps.database.db, new Date(), await mailerOnce(deps.config))),
    },
  ],
  sections: [{ on: "areas.area", section: areaQuestions }],
  commands: decisionsCommands,
  access: [
    { action: "question.open", allow: participants },
    { action: "question.participate", allow: participants },
    { action: "question.quickPoll", allow: ["admin"] },
    { action: "question.manage", allow: ["admin"] },
    { action: "ballot.record", allow: ["facilitator", "admin"] },
    { action: "votingRules.manage", allow: ["admin"] },
  ],
  assets: [
    {
      name: "ballot",
      ext: "js",
      type: "text/javascript; charset=utf-8",
      body: readFileSync(new URL("./ballot.client.js", import.meta.url)),
    },
  ],
};

let mailer: Promise<Mailer | null> | undefined;
/** The platform's mailer, made once per process (null without SMTP_URL). */
function mailerOnce(config: Config): Promise<Mailer | null> {
  return (mailer ??= mailerFor(config));
}
