import type { PageSection, TambonModule } from "../../core/modules.ts";
import { allow, can } from "../../core/policy.ts";
import { msg } from "./messages.ts";
import { decisionRoutes } from "./routes.tsx";
import { seedDefaultPolicies } from "./commands/policies.ts";
import { seedDecisionsDemo } from "./demo.ts";
import { alternatives, decisionPolicies, delegations, questions, suggestions } from "./schema.ts";
import { questionsOfArea } from "./public.ts";
import { readFileSync } from "node:fs";
import { registerAsset } from "../../core/views/assets.ts";

registerAsset(
  "ballot",
  "js",
  "text/javascript; charset=utf-8",
  readFileSync(new URL("./ballot.client.js", import.meta.url)),
);

allow("question.open", [
  "member",
  "working_group",
  "admin",
  "editor",
  "facilitator",
  "village_rep",
  "health_volunteer",
]);
allow("question.participate", [
  "member",
  "working_group",
  "admin",
  "editor",
  "facilitator",
  "village_rep",
  "health_volunteer",
]);
allow("question.quickPoll", ["admin"]);
allow("question.manage", ["admin"]);
allow("ballot.record", ["facilitator", "admin"]);
allow("decisionPolicy.manage", ["admin"]);

const areaSection1: PageSection<number> = {
  id: "decisions",
  title: (lang) => msg.t(lang)("list.title"),
  load: (db, tambonId, lang, areaId) => questionsOfArea(db, tambonId, areaId, lang),
};

/** Decisions: questions with phases, fluid democracy (delegation), Schulze ballots, verifiable results. */
export const decisionsModule: TambonModule = {
  id: "decisions",
  tambonRoutes: decisionRoutes,
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
      label: (lang) => msg.t(lang)("admin.policies"),
      visible: (actor, tambon) => can(actor, "decisionPolicy.manage", { tambonId: tambon.id }),
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
    await seedDefaultPolicies(tx, tambon.id, null);
  },
  seedDemo: seedDecisionsDemo,
  jobs: [
    {
      id: "decisions.tick",
      everyMs: 30_000,
      run: async (deps) =>
        void (await (
          await import("./commands/tick.ts")
        ).tick(deps.database.db, new Date(), await mailerFor(deps.config.smtpUrl))),
    },
  ],
  sections: [{ on: "areas.area", section: areaSection1 }],
};

let mailer: import("./commands/notify.ts").Mailer | null | undefined;
async function mailerFor(url: string | null) {
  if (mailer !== undefined) return mailer;
  if (!url) return (mailer = null);
  const nodemailer = await import("nodemailer");
  const transport = nodemailer.createTransport(url);
  return (mailer = {
    sendMail: (m) =>
      transport.sendMail({ from: process.env.SMTP_FROM ?? "tambon@localhost", ...m }),
  });
}
