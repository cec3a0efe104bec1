import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { registerStyles } from "../../core/views/assets.ts";
import type { PageSection, TambonModule } from "../../core/modules.ts";
import { allow, can } from "../../core/policy.ts";
import { formatDate } from "../../core/dates.ts";
import { msg } from "./messages.ts";
import { groupRoutes } from "./routes.tsx";
import { seedGroupsDemo } from "./commands/seed-demo.ts";
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
import { bangkokDay } from "./meeting.ts";
import { tambons } from "../../core/db/schema.ts";
import type { DbOrTx } from "../../core/db/index.ts";

/** The slug of a tambon, for links built outside a request. */
async function tambonSlug(db: DbOrTx, id: number): Promise<string> {
  const [row] = await db.select({ slug: tambons.slug }).from(tambons).where(eq(tambons.id, id));
  return row?.slug ?? "";
}

registerStyles(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "groups.css"), "utf8"),
);

// Who may do what (every rule runs after the core's check that the actor belongs to the tambon).
allow("meeting.manage", ["admin", "facilitator", "working_group"]);
allow("meeting.readPrivate", ["admin", "facilitator", "working_group"]);
allow("attendance.record", ["admin", "facilitator"]);
allow("attendance.self", () => true);
allow("resolution.record", ["admin", "facilitator"]);
allow("minutes.confirm", ["admin", "facilitator"]);
allow("nomination.manage", ["admin", "facilitator"]);
allow("group.manage", ["admin", "working_group"]);
allow("rep.manage", ["admin", "facilitator"]);

const areaSection1: PageSection<number> = {
  id: "groups.teams",
  title: (lang) => msg.t(lang)("kind.issue_team"),
  async load(db, tambonId, lang, areaId) {
    const rows = await db
      .select()
      .from(workGroups)
      .where(
        and(
          eq(workGroups.tambonId, tambonId),
          eq(workGroups.areaId, areaId),
          isNull(workGroups.dissolvedOn),
        ),
      )
      .orderBy(asc(workGroups.nameTh));
    const slug = await tambonSlug(db, tambonId);
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
  async load(db, tambonId, lang, areaId) {
    const rows = await db
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.tambonId, tambonId),
          eq(meetings.areaId, areaId),
          eq(meetings.isPublic, true),
        ),
      )
      .orderBy(desc(meetings.startsAt))
      .limit(20);
    const slug = await tambonSlug(db, tambonId);
    return rows.map((m) => ({
      href: `/t/${slug}/meetings/${m.id}`,
      title: lang === "en" && m.titleEn ? m.titleEn : m.titleTh,
      meta: `${formatDate(bangkokDay(m.startsAt), lang)} · ${msg.t(lang)(`mkind.${m.kind}`)}`,
    }));
  },
};

/** Groups and meetings: working groups, issue teams, representatives, meetings, quorum, minutes, resolutions. */
export const groupsModule: TambonModule = {
  id: "groups",
  tambonRoutes: groupRoutes,
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
  sections: [
    { on: "areas.area", section: areaSection1 },
    { on: "areas.area", section: areaSection2 },
  ],
};
