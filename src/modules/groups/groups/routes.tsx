import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { notFound } from "../../../core/errors.ts";
import { parseDay, queryOf, requireId } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { todayIso } from "../../../core/dates.ts";
import { getArea, listAreas } from "../../areas/public.ts";
import { msg } from "../messages.ts";
import { getGroup, groupHistory, listGroups } from "../groups/queries.ts";
import { GroupList, GroupPage, groupName } from "../groups/views.tsx";
import { isOrganiser, tambonFor } from "../shared/helpers.ts";
import { tableRoutes } from "../../../core/table-export.ts";

import { meetingsOfGroup } from "./queries.ts";
/** The public pages of groups: the list, one group on a day, its members as CSV. */
export async function groupRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  app.get("/groups", async (req, reply) => {
    const tambon = tambonFor(req, "tambon.read");
    const [groups, areas] = await Promise.all([
      listGroups(db, tambon.id, todayIso()),
      listAreas(db, tambon.id),
    ]);
    return reply.page(
      msg.t(req.lang)("groups.title"),
      <GroupList
        groups={groups}
        areas={areas}
        canManage={can(req.actor, "group.manage", { tambonId: tambon.id })}
      />,
    );
  });

  app.get<{ Params: { id: string } }>("/groups/:id", async (req, reply) => {
    const tambon = tambonFor(req, "tambon.read");
    const group = await getGroup(db, tambon.id, requireId(req.params.id));
    if (!group) throw notFound();
    const today = todayIso();
    const on = parseDay(queryOf(req).on) ?? today;
    const organiser = isOrganiser(req, tambon.id);
    const [history, held, area] = await Promise.all([
      groupHistory(db, tambon.id, group.id),
      meetingsOfGroup(db, tambon.id, group.id, organiser),
      group.areaId ? getArea(db, tambon.id, group.areaId) : Promise.resolve(undefined),
    ]);
    return reply.page(
      groupName(group, req.lang),
      <GroupPage
        group={group}
        area={area ?? null}
        history={history}
        day={on}
        today={today}
        meetings={held}
        canManage={can(req.actor, "group.manage", { tambonId: tambon.id })}
      />,
    );
  });

  tableRoutes<{ Params: { id: string } }>(app, "/groups/:id/members", async (req) => {
    const tambon = tambonFor(req, "tambon.read");
    const group = await getGroup(db, tambon.id, requireId(req.params.id));
    if (!group) throw notFound();
    const t = msg.t(req.lang);
    const history = await groupHistory(db, tambon.id, group.id);
    return {
      file: `group-${group.id}-members`,
      columns: [
        "name",
        "position",
        "pillar",
        "moo",
        "task",
        "start_on",
        "end_on",
        "join_reason",
        "leave_reason",
        "resolution_id",
      ],
      rows: history.map((m) => [
        m.name,
        t(`pos.${m.position}`),
        m.pillar,
        m.moo,
        m.task,
        m.startOn,
        m.endOn,
        m.joinReason,
        m.leaveReason,
        m.resolutionId,
      ]),
    };
  });
}
