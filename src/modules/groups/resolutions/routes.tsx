import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { msg } from "../messages.ts";
import { getMeeting } from "../meetings/queries.ts";
import { getGroup } from "../groups/queries.ts";
import { getResolutionRow, votesOf } from "../resolutions/queries.ts";
import { villagesOf } from "../shared/queries.ts";
import { getResolution } from "../public.ts";
import { groupName } from "../groups/views.tsx";
import { ResolutionPage, type LinkView } from "../resolutions/views.tsx";
import { meetingTitle } from "../shared/views.tsx";
import { assertVisible, isOrganiser, tambonFor } from "../shared/helpers.ts";

import { membershipsWithGroups } from "./queries.ts";
/** A resolution's page, once the minutes are confirmed (organisers see drafts). */
export async function resolutionRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  app.get<{ Params: { id: string } }>("/resolutions/:id", async (req, reply) => {
    const tambon = tambonFor(req, "tambon.read");
    const row = await getResolutionRow(db, tambon.id, requireId(req.params.id));
    if (!row) throw notFound();
    const meeting = assertVisible(req, await getMeeting(db, tambon.id, row.meetingId));
    const organiser = isOrganiser(req, tambon.id);
    if (!meeting.minutesConfirmedAt && !organiser) throw notFound();
    const r = (await getResolution(db, tambon.id, row.id))!;
    const t = msg.t(req.lang);
    const [villages, votes] = await Promise.all([
      villagesOf(db, tambon.id),
      votesOf(db, tambon.id, row.id),
    ]);
    const moo = new Map(villages.map((v) => [v.id, v.moo]));
    const links: LinkView[] = [];
    const membershipIds = r.links
      .filter((l) => l.targetType === "group_membership")
      .map((l) => l.targetId);
    const members = membershipIds.length
      ? await membershipsWithGroups(db, tambon.id, membershipIds)
      : [];
    for (const l of r.links) {
      if (l.targetType === "group_membership") {
        const x = members.find((mm) => mm.m.id === l.targetId);
        if (x)
          links.push({
            href: `/t/${tambon.slug}/groups/${x.g.id}`,
            label: t("res.link.group_membership", {
              name: x.m.name,
              position: t(`pos.${x.m.position}`),
              group: groupName(x.g, req.lang),
            }),
          });
      } else if (l.targetType === "work_group") {
        const g = await getGroup(db, tambon.id, l.targetId);
        if (g)
          links.push({
            href: `/t/${tambon.slug}/groups/${g.id}`,
            label: t("res.link.work_group", { group: groupName(g, req.lang) }),
          });
      } else {
        links.push({
          href: null,
          label: t("res.link.other", { type: l.targetType, id: l.targetId }),
        });
      }
    }
    return reply.page(
      t("res.title", { n: r.number }),
      <ResolutionPage
        r={r}
        meetingTitle={meetingTitle(meeting, req.lang)}
        villages={villages}
        links={links}
        votes={
          organiser
            ? votes.map((v) => ({
                name: v.name,
                choice: v.choice,
                moo: v.villageId ? (moo.get(v.villageId) ?? null) : null,
              }))
            : null
        }
        correctionReason={row.correctionReason}
        canCorrect={
          !!meeting.minutesConfirmedAt &&
          can(req.actor, "resolution.record", { tambonId: tambon.id })
        }
      />,
    );
  });
}
