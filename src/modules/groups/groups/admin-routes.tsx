import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon, formBody } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { todayIso } from "../../../core/dates.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { listAreas } from "../../areas/public.ts";
import { msg } from "../messages.ts";
import {
  getGroup,
  getMembership,
  groupHistory,
  listGroups,
  type GroupRow,
} from "../groups/queries.ts";
import { villagesOf } from "../shared/queries.ts";
import { addMember, endMembership, saveGroup } from "../groups/commands.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { GroupAdminList, GroupAdminPage } from "./admin-views.tsx";
import { groupName } from "./views.tsx";
import { pillarChoices, tambonFor, recordPost } from "../shared/helpers.ts";
import { pick } from "../../../core/pick.ts";

const groupValues = (g: GroupRow): Record<string, string> => ({
  ...pick(g, "kind", "nameTh", "nameEn", "purposeTh", "purposeEn"),
  areaId: g.areaId ? String(g.areaId) : "",
  formedOn: g.formedOn,
  dissolvedOn: g.dissolvedOn ?? "",
});

/** Administration of groups and of their members. */
export async function adminGroupRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  async function listPage(req: FastifyRequest, form: FormState) {
    const tambon = currentTambon(req);
    const [groups, areas] = await Promise.all([
      listGroups(db, tambon.id, todayIso()),
      listAreas(db, tambon.id),
    ]);
    const hasCentral = groups.some((g) => g.kind === "central" && !g.dissolvedOn);
    return <GroupAdminList groups={groups} areas={areas} form={form} hasCentral={hasCentral} />;
  }

  app.get("/admin/groups", async (req, reply) => {
    const tambon = tambonFor(req, "group.manage");
    const groups = await listGroups(db, tambon.id, todayIso());
    const hasCentral = groups.some((g) => g.kind === "central" && !g.dissolvedOn);
    const t = msg.t(req.lang);
    const values: Record<string, string> = hasCentral
      ? { kind: "issue_team", formedOn: todayIso() }
      : { kind: "central", nameTh: t("kind.central"), formedOn: todayIso() };
    return reply.page(t("admin.groups"), await listPage(req, emptyForm(values)));
  });

  app.post("/admin/groups", async (req, reply) => {
    const tambon = tambonFor(req, "group.manage");
    const body = formBody(req);
    const result = await saveGroup(db, req.actor, tambon.id, body, todayIso());
    const t = msg.t(req.lang);
    if (result.ok)
      return reply.seeOther(`/t/${tambon.slug}/admin/groups/${result.value.id}`, t("groups.saved"));
    return reply.page(
      t("admin.groups"),
      await listPage(req, failedForm(body, result.errors, req.lang, msg)),
      {
        status: 422,
      },
    );
  });

  async function groupPage(
    req: FastifyRequest,
    group: GroupRow,
    forms: { groupForm?: FormState; memberForm?: FormState },
  ) {
    const tambon = currentTambon(req);
    const [areas, history, villages, pillars] = await Promise.all([
      listAreas(db, tambon.id),
      groupHistory(db, tambon.id, group.id),
      villagesOf(db, tambon.id),
      pillarChoices(db, tambon.id),
    ]);
    const today = todayIso();
    return (
      <GroupAdminPage
        group={group}
        areas={areas}
        history={history}
        today={today}
        villages={villages}
        pillars={pillars}
        groupForm={forms.groupForm ?? emptyForm(groupValues(group))}
        memberForm={forms.memberForm ?? emptyForm({ startOn: today, position: "member" })}
      />
    );
  }

  async function loadGroup(req: FastifyRequest<{ Params: { id: string } }>) {
    const tambon = tambonFor(req, "group.manage");
    const group = await getGroup(db, tambon.id, requireId(req.params.id));
    if (!group) throw notFound();
    return { tambon, group };
  }

  app.get<{ Params: { id: string } }>("/admin/groups/:id", async (req, reply) => {
    const { group } = await loadGroup(req);
    return reply.page(groupName(group, req.lang), await groupPage(req, group, {}));
  });

  app.post<{ Params: { id: string } }>("/admin/groups/:id", async (req, reply) => {
    const { tambon, group } = await loadGroup(req);
    const body = formBody(req);
    const result = throwIfDenied(
      await saveGroup(db, req.actor, tambon.id, body, todayIso(), group.id),
    );
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/groups/${group.id}`,
        msg.t(req.lang)("groups.saved"),
      );
    const groupForm = failedForm(body, result.errors, req.lang, msg);
    return reply.page(groupName(group, req.lang), await groupPage(req, group, { groupForm }), {
      status: 422,
    });
  });

  app.post<{ Params: { id: string } }>("/admin/groups/:id/members", async (req, reply) => {
    const { tambon, group } = await loadGroup(req);
    const body = formBody(req);
    const result = throwIfDenied(
      await addMember(db, req.actor, tambon.id, group.id, body, todayIso()),
    );
    if (result.ok)
      return reply.seeOther(
        `/t/${tambon.slug}/admin/groups/${group.id}#h-members`,
        msg.t(req.lang)("groups.memberAdded", { name: result.value.name }),
      );
    const memberForm = failedForm(body, result.errors, req.lang, msg);
    return reply.page(groupName(group, req.lang), await groupPage(req, group, { memberForm }), {
      status: 422,
    });
  });

  recordPost(app, db, "/admin/memberships/:id/end", {
    action: "group.manage",
    get: getMembership,
    run: (req, tambonId, m) =>
      endMembership(db, req.actor, tambonId, m.id, formBody(req), todayIso()),
    back: (m) => `/admin/groups/${m.groupId}#h-members`,
    done: "groups.memberEnded",
    vars: (m) => ({ name: m.name }),
  });
}
