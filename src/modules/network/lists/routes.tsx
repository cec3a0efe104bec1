import { queryOf } from "../../../core/params.ts";
import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formBody } from "../../../core/http.ts";
import { orThrow } from "../../../core/result.ts";
import { notFound } from "../../../core/errors.ts";
import { emptyForm, failedForm } from "../../../core/views/form.tsx";
import { msg } from "../messages.ts";
import { listItem, listPillars, listTerms } from "./queries.ts";
import { saveListItem, setListItemArchived, type ListName } from "./commands.ts";
import { ListItemPage, ListsAdmin } from "./views.tsx";
import { param } from "../shared/helpers.ts";
import { ADMIN, adminUrl, allowedTambon, netText, toAdmin } from "../shared/route-kit.ts";
import { confirmFirstWhen } from "../../../core/confirmation.tsx";

export async function listRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get(`${ADMIN}/lists`, async (req, reply) => {
    const tambon = allowedTambon(req, "network.lists");
    const [pillars, roles, kinds] = await Promise.all([
      listPillars(db, tambon.id, true),
      listTerms(db, tambon.id, "role", true),
      listTerms(db, tambon.id, "kind", true),
    ]);
    return reply.page(
      netText(req)("admin.lists"),
      <ListsAdmin pillars={pillars} roles={roles} kinds={kinds} />,
    );
  });

  const listOf = (req: FastifyRequest, fallback: ListName): ListName => {
    const v = formBody(req).list ?? queryOf(req).list;
    return v === "role" || v === "kind" ? v : fallback;
  };

  for (const segment of ["pillars", "lists"] as const) {
    const isPillar = segment === "pillars";
    app.get(`${ADMIN}/${segment}/new`, async (req, reply) => {
      const tambon = allowedTambon(req, "network.lists");
      const list = isPillar ? "pillar" : listOf(req, "role");
      return reply.page(
        netText(req)(
          list === "pillar"
            ? "lists.addPillar"
            : list === "role"
              ? "lists.addRole"
              : "lists.addKind",
        ),
        <ListItemPage
          list={list}
          form={emptyForm()}
          editing={null}
          action={adminUrl(tambon, `/${segment}`)}
        />,
      );
    });

    const findItem = (tambonId: number, id: number) =>
      listItem(db, tambonId, isPillar ? "pillar" : "term", id);

    app.get(`${ADMIN}/${segment}/:id`, async (req, reply) => {
      const tambon = allowedTambon(req, "network.lists");
      const found = await findItem(tambon.id, param(req));
      if (!found) throw notFound();
      const form = emptyForm({
        nameTh: found.item.nameTh,
        nameEn: found.item.nameEn,
        position: String(found.item.position),
        ...found.values,
      });
      return reply.page(
        netText(req)("lists.editTitle", { name: found.item.nameTh }),
        <ListItemPage
          list={found.list}
          form={form}
          editing={found.item}
          action={adminUrl(tambon, `/${segment}/${found.item.id}`)}
        />,
      );
    });

    const save = async (req: FastifyRequest, reply: FastifyReply, id?: number) => {
      const tambon = allowedTambon(req, "network.lists");
      const found = id ? await findItem(tambon.id, id) : undefined;
      if (id && !found) throw notFound();
      const list = found?.list ?? (isPillar ? "pillar" : listOf(req, "role"));
      const body = formBody(req);
      const result = await saveListItem(db, req.actor, tambon.id, list, body, found?.item.id);
      if (result.ok) return toAdmin(reply, req, "/lists", "flash.saved");
      return reply.page(
        netText(req)("lists.editTitle", { name: body.nameTh ?? "" }),
        <ListItemPage
          list={list}
          form={failedForm(body, result.errors, req.lang, msg)}
          editing={found?.item ?? null}
          action={
            found
              ? adminUrl(tambon, `/${segment}/${found.item.id}`)
              : adminUrl(tambon, `/${segment}`)
          }
        />,
        { status: 422 },
      );
    };
    app.post(`${ADMIN}/${segment}`, (req, reply) => save(req, reply));
    app.post(`${ADMIN}/${segment}/:id`, (req, reply) => save(req, reply, param(req)));
    app.post(
      `${ADMIN}/${segment}/:id/archive`,
      confirmFirstWhen((b) => b.archived === "1"),
      async (req, reply) => {
        const tambon = allowedTambon(req, "network.lists");
        const found = await findItem(tambon.id, param(req));
        if (!found) throw notFound();
        const archived = formBody(req).archived === "1";
        orThrow(
          await setListItemArchived(db, req.actor, tambon.id, found.list, found.item.id, archived),
        );
        return reply.seeOther(
          adminUrl(tambon, "/lists"),
          `${found.item.nameTh} · ${netText(req)(archived ? "lists.archived" : "flash.saved")}`,
        );
      },
    );
  }
}
