import { tambonRow } from "../../../core/db/tambon-row.ts";
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { MenuAdmin } from "./views.tsx";
import { listMenu } from "./queries.ts";
import { currentTambon, formBody } from "../../../core/http.ts";
import { base, deleteRoute, edit, idOf, saveRoutes, t } from "../shared/helpers.tsx";
import { siteMenuItems } from "../schema.ts";
import { notFound } from "../../../core/errors.ts";
import { deleteMenuItem, saveMenuItem } from "./commands.ts";
import { throwIfDenied } from "../../../core/result.ts";
import { msg } from "../messages.ts";
import { pick } from "../../../core/pick.ts";

/** Administration of menu, mounted under /t/:tambon. */
export async function menuAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // Menu.
  const menuPage = async (req: FastifyRequest, form: FormState, editing: number | null) => (
    <MenuAdmin items={await listMenu(db, currentTambon(req).id)} form={form} editing={editing} />
  );

  app.get("/admin/site/menu", async (req, reply) => {
    edit(req);
    return reply.page(t(req)("admin.menu"), await menuPage(req, emptyForm(), null));
  });

  app.get<{ Params: { id: string } }>("/admin/site/menu/:id", async (req, reply) => {
    const tambon = edit(req);
    const item = await tambonRow(db, siteMenuItems, tambon.id, idOf(req));
    if (!item) throw notFound();
    const values = {
      ...pick(item, "labelTh", "labelEn", "href"),
      parentId: item.parentId ? String(item.parentId) : "",
      position: String(item.position),
    };
    return reply.page(t(req)("admin.menu"), await menuPage(req, emptyForm(values), item.id));
  });

  const postMenu = async (req: FastifyRequest, reply: FastifyReply, id?: number) => {
    const tambon = edit(req);
    if (id !== undefined) {
      const item = await tambonRow(db, siteMenuItems, tambon.id, id);
      if (!item) throw notFound();
    }
    const body = formBody(req);
    const r = await saveMenuItem(db, req.actor, tambon.id, body, id);
    if (!r.ok) {
      throwIfDenied(r);
      return reply.page(
        t(req)("admin.menu"),
        await menuPage(req, failedForm(body, r.errors, req.lang, msg), id ?? null),
        {
          status: 422,
        },
      );
    }
    return reply.seeOther(`${base(tambon)}/menu`, t(req)("admin.saved"));
  };

  saveRoutes(app, "/admin/site/menu", postMenu);

  deleteRoute(app, db, "/admin/site/menu/:id/delete", deleteMenuItem, "/menu");
}
