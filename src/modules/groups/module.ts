import { readFileSync } from "node:fs";
import { groupsAuditActions } from "./audit-actions.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { asc, desc, isNull } from "drizzle-orm";
import { LIVE_SCRIPT } from "./attendance/live-script.ts";
import type { PageSection, TambonModule, ModuleDeps } from "../../core/modules.ts";
import { can } from "../../core/policy.ts";
import { formatDate } from "../../core/dates.ts";
import { msg } from "./messages.ts";
import { groupsFiles } from "./shared/files.ts";
import type { FastifyInstance } from "fastify";
import { meetingRoutes } from "./meetings/routes.tsx";
import { meetingExportRoutes } from "./meetings/export-routes.tsx";
import { adminMeetingRoutes } from "./meetings/admin-routes.tsx";
import { fileRoutes } from "./files/routes.tsx";
import { adminFileRoutes } from "./files/admin-routes.tsx";
import { attendanceRoutes } from "./attendance/admin-routes.tsx";
import { resolutionRoutes } from "./resolutions/routes.tsx";
import { adminResolutionRoutes } from "./resolutions/admin-routes.tsx";
import { groupRoutes } from "./groups/routes.tsx";
import { adminGroupRoutes } from "./groups/admin-routes.tsx";
import { representativeRoutes } from "./representatives/routes.tsx";
import { adminRepresentativeRoutes } from "./representatives/admin-routes.tsx";
import { processRoutes } from "./process/routes.tsx";
import { seedGroupsDemo } from "./demo.ts";
import {
  agendaItems,
  attendances,
  groupMemberships,
  meetingFiles,
  meetings,
  nominations,
  resolutions,
  villageRepTerms,
  workGroups,
} from "./schema.ts";
import { bangkokDay } from "./meetings/meeting.ts";
import { groupsSearch } from "./search.ts";
import { MEETING_NOTICE } from "./meetings/notices.ts";
import { tambonWhere } from "../../core/db/tambon-row.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

const areaSection1: PageSection<number> = {
  id: "groups.teams",
  title: (lang) => msg.t(lang)("kind.issue_team"),
  async load(db, { id: tambonId, slug }, lang, areaId) {
    const rows = await db
      .select()
      .from(workGroups)
      .where(tambonWhere(workGroups, tambonId, { areaId }, isNull(workGroups.dissolvedOn)))
      .orderBy(asc(workGroups.nameTh));
    return rows.map((g) => ({
      href: `/t/${slug}/groups/${g.id}`,
      title: lang === "en" && g.nameEn ? g.nameEn : g.nameTh,
      meta: msg.t(lang)(`kind.${g.kind}`),
    }));
  },
};

const areaSection2: PageSection<number> = {
  id: "groups.meetings",
  title: (lang) => msg.t(lang)("nav.meetings"),
  async load(db, { id: tambonId, slug }, lang, areaId) {
    const rows = await db
      .select()
      .from(meetings)
      .where(tambonWhere(meetings, tambonId, { areaId, isPublic: true }))
      .orderBy(desc(meetings.startsAt))
      .limit(20);
    return rows.map((m) => ({
      href: `/t/${slug}/meetings/${m.id}`,
      title: lang === "en" && m.titleEn ? m.titleEn : m.titleTh,
      meta: `${formatDate(bangkokDay(m.startsAt), lang)} · ${msg.t(lang)(`mkind.${m.kind}`)}`,
    }));
  },
};

/** Every resource's routes, mounted under /t/:tambon. */
async function tambonRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  for (const routes of [
    meetingRoutes,
    meetingExportRoutes,
    fileRoutes,
    resolutionRoutes,
    groupRoutes,
    representativeRoutes,
    processRoutes,
    adminMeetingRoutes,
    adminFileRoutes,
    attendanceRoutes,
    adminResolutionRoutes,
    adminGroupRoutes,
    adminRepresentativeRoutes,
  ])
    await routes(app, deps);
}

/** Groups and meetings: working groups, issue teams, representatives, meetings, quorum, minutes, resolutions. */
export const groupsModule: TambonModule = {
  id: "groups",
  auditActions: groupsAuditActions,
  notices: [MEETING_NOTICE],
  files: groupsFiles,
  tambonRoutes,
  search: groupsSearch,
  nav: [{ path: "/meetings", label: (lang) => msg.t(lang)("nav.hub") }],
  adminNav: [
    {
      path: "/admin/meetings",
      label: (lang) => msg.t(lang)("admin.meetings"),
      visible: (actor, tambon) => can(actor, "meeting.manage", { tambonId: tambon.id }),
    },
    {
      path: "/admin/groups",
      label: (lang) => msg.t(lang)("admin.groups"),
      visible: (actor, tambon) => can(actor, "group.manage", { tambonId: tambon.id }),
    },
    {
      path: "/admin/representatives",
      label: (lang) => msg.t(lang)("admin.reps"),
      visible: (actor, tambon) => can(actor, "rep.manage", { tambonId: tambon.id }),
    },
  ],
  resources: {
    meetings: meetings,
    groups: workGroups,
    resolutions: resolutions,
    agenda: agendaItems,
    attendance: attendances,
    "meeting-files": meetingFiles,
    memberships: groupMemberships,
    nominations: nominations,
    terms: villageRepTerms,
  },
  seedDemo: seedGroupsDemo,
  // Who may do what (every rule runs after the core's check that the actor belongs to the tambon).
  access: [
    { action: "meeting.manage", allow: ["admin", "facilitator", "working_group"] },
    { action: "meeting.readPrivate", allow: ["admin", "facilitator", "working_group"] },
    { action: "attendance.record", allow: ["admin", "facilitator"] },
    { action: "attendance.self", allow: () => true },
    { action: "resolution.record", allow: ["admin", "facilitator"] },
    { action: "minutes.confirm", allow: ["admin", "facilitator"] },
    { action: "nomination.manage", allow: ["admin", "facilitator"] },
    { action: "group.manage", allow: ["admin", "working_group"] },
    { action: "rep.manage", allow: ["admin", "facilitator"] },
  ],
  styles: [readFileSync(path.join(here, "groups.css"), "utf8")],
  assets: [
    {
      name: LIVE_SCRIPT,
      ext: "js",
      type: "text/javascript; charset=utf-8",
      body: readFileSync(path.join(here, "attendance-live.client.js")),
    },
  ],
  sections: [
    { on: "areas.area", section: areaSection1 },
    { on: "areas.area", section: areaSection2 },
  ],
};
