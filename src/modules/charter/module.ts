import { readFileSync } from "node:fs";
import { charterAuditActions } from "./audit-actions.ts";

import type { PageSection, TambonModule } from "../../core/modules.ts";
import { can } from "../../core/policy.ts";
import { msg, type CharterKey } from "./messages.ts";
import { charterFiles } from "./shared/files.ts";
import { seedCharterDemo } from "./demo.ts";
import { sendReviewReminders } from "./charters/review.ts";
import { editionLabel } from "./present.ts";
import { charterHome } from "./charters/home.tsx";
import {
  charterClauseLinks,
  charterComments,
  charterEditions,
  charterPhotos,
  charterSignatories,
  charters,
} from "./schema.ts";
import { adoptionAdminRoutes } from "./adoption/admin-routes.tsx";
import { adoptDecidedVotes } from "./adoption/commands.ts";
import { charterAdminRoutes } from "./charters/admin-routes.tsx";
import { charterPrintRoutes } from "./charters/print-routes.tsx";
import { listCharters, currentEdition, type EditionRow } from "./charters/queries.ts";
import { charterRoutes } from "./charters/routes.tsx";
import { commentRoutes } from "./comments/routes.tsx";
import { draftingAdminRoutes } from "./drafting/admin-routes.tsx";
import { draftingRoutes } from "./drafting/routes.tsx";
import { followUpRoutes } from "./follow-up/routes.tsx";
import { hearingAdminRoutes } from "./hearing/admin-routes.tsx";
import { hearingRoutes } from "./hearing/routes.tsx";
import { registryRoutes, networkRegistryRoutes } from "./registry/routes.tsx";
import { signingAdminRoutes } from "./signing/admin-routes.tsx";
import { signingRoutes } from "./signing/routes.tsx";
import { charterSearch } from "./search.ts";
import { HEARING_NOTICE } from "./hearing/notices.ts";
import { tambonRows } from "../../core/db/tambon-row.ts";

const areaSection1: PageSection<number> = {
  id: "charter",
  title: (lang) => msg.t(lang)("nav.charter"),
  async load(db, { id: tambonId, slug }, lang, areaId) {
    const rows = await tambonRows(db, charters, tambonId, { areaId });
    return rows.map((c) => ({
      href: `/t/${slug}/charters/${c.id}`,
      title: lang === "en" && c.nameEn ? c.nameEn : c.nameTh,
    }));
  },
};

/**
 * A section of the three-step process page: the editions `shown` picks of each charter of the
 * tambon, each linked to its page `page` (with its status when `withStatus`).
 */
function editionsStep(
  id: string,
  slot: number,
  title: CharterKey,
  shown: (editions: EditionRow[]) => EditionRow[],
  page: string,
  withStatus: boolean,
): PageSection<null> {
  return {
    id,
    slot,
    title: (lang) => msg.t(lang)(title),
    async load(db, { id: tambonId, slug }, lang) {
      const out = [];
      for (const { charter, editions } of await listCharters(db, tambonId))
        for (const e of shown(editions))
          out.push({
            href: `/t/${slug}/charter-editions/${e.id}${page}`,
            title: `${charter.nameTh} ${editionLabel(e, lang, charter.digits)}`,
            ...(withStatus ? { meta: msg.t(lang)(`status.${e.status}`) } : {}),
          });
      return out;
    },
  };
}

/** Step 2: every edition past its draft. */
const stepSection2 = editionsStep(
  "charter.drafts",
  2,
  "nav.charter",
  (editions) => editions.filter((x) => x.status !== "draft"),
  "",
  true,
);

/** Step 3: the follow-up of the edition in force. */
const stepSection3 = editionsStep(
  "charter.follow-up",
  3,
  "action.followUp",
  (editions) => {
    const inForce = currentEdition(editions);
    return inForce ? [inForce] : [];
  },
  "/follow-up",
  false,
);

/** Each resource's routes, mounted under /t/:tambon. */
const resourceRoutes = [
  charterRoutes,
  charterPrintRoutes,
  charterAdminRoutes,
  draftingRoutes,
  draftingAdminRoutes,
  commentRoutes,
  hearingRoutes,
  hearingAdminRoutes,
  adoptionAdminRoutes,
  signingRoutes,
  signingAdminRoutes,
  followUpRoutes,
  registryRoutes,
];

/** Health charter (ธรรมนูญสุขภาพ): editions, drafting with diffs, hearing, adoption, signing, print, follow-up. */
export const charterModule: TambonModule = {
  id: "charter",
  auditActions: charterAuditActions,
  notices: [HEARING_NOTICE],
  files: charterFiles,
  search: charterSearch,
  tambonRoutes: async (app, deps) => {
    for (const routes of resourceRoutes) await routes(app, deps);
  },
  nav: [{ path: "/charter", label: (lang) => msg.t(lang)("nav.charter") }],
  adminNav: [
    {
      path: "/admin/charters",
      label: (lang) => msg.t(lang)("nav.manage"),
      visible: (actor, tambon) => can(actor, "charter.manage", { tambonId: tambon.id }),
    },
  ],
  resources: {
    charters,
    "charter-editions": charterEditions,
    "charter-comments": charterComments,
    "charter-signatories": charterSignatories,
    "charter-photos": charterPhotos,
    "charter-links": charterClauseLinks,
  },
  seedDemo: seedCharterDemo,
  homeSections: charterHome,
  setup: (app, deps) => {
    networkRegistryRoutes(app, deps);
  },
  jobs: [
    {
      id: "charter.adopt-decided-votes",
      everyMs: 60_000,
      run: async (deps) => void (await adoptDecidedVotes(deps.database.db)),
    },
    {
      id: "charter.review-reminders",
      everyMs: 6 * 60 * 60_000,
      run: async (deps) => void (await sendReviewReminders(deps.database.db)),
    },
  ],
  access: [
    // Reading adopted editions and editions in hearing is public; drafts are for the tambon's members.
    { action: "charter.read", allow: "public" },
    { action: "charter.readDraft", allow: () => true },
    // Members (any role, or an active membership) comment on drafts and rate suggestions.
    { action: "charter.comment", allow: () => true },
    { action: "charter.manage", allow: ["admin", "working_group"] },
    { action: "charter.draft", allow: ["admin", "working_group"] },
    { action: "charter.decide", allow: ["admin", "working_group"] },
    { action: "charter.hearing", allow: ["admin", "facilitator", "working_group"] },
    { action: "charter.sign", allow: ["admin", "working_group", "facilitator", "editor"] },
    { action: "charter.followUp", allow: ["admin", "working_group"] },
    { action: "charter.admin", allow: ["admin", "working_group", "facilitator", "editor"] },
  ],
  styles: [readFileSync(new URL("./charter.css", import.meta.url), "utf8")],
  sections: [
    { on: "areas.area", section: areaSection1 },
    { on: "groups.process", section: stepSection2 },
    { on: "groups.process", section: stepSection3 },
  ],
};
