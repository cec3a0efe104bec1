import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { ModuleDeps, TambonModule } from "../modules.ts";
import { core } from "../i18n/messages.ts";
import { forbidden } from "../errors.ts";
import { formBody, requireUser } from "../http.ts";
import { createTambon, grantFirstAdmin, lookupSubdistrict, slugify } from "../commands/tambons.ts";
import { findUserByIdentifier } from "../commands/accounts.ts";
import { translateErrors } from "../result.ts";
import { placeOptions } from "../queries/places.ts";
import { tambonTitle } from "../views/layout.tsx";
import { PlatformPage } from "../views/admin/network.tsx";
import { sendAuditPage } from "./audit.tsx";

/** The signed-in network administrator (ผู้ดูแลเครือข่าย), or a 403. */
function requirePlatformAdmin(req: FastifyRequest) {
  const user = requireUser(req);
  if (!user.isNetworkAdmin) throw forbidden(true);
  return user;
}

/** The network administration: tambons of the deployment, added from the national list. */
export function networkAdminRoutes(deps: ModuleDeps, modules: TambonModule[]): FastifyPluginAsync {
  const db = deps.database.db;
  return async (app) => {
    app.get<{ Querystring: { province?: string; district?: string } }>(
      "/admin",
      async (req, reply) => {
        requirePlatformAdmin(req);
        const { province, district } = req.query;
        const opts = await placeOptions(req.lang, province, district);
        const form = {
          values: { province: province ?? "", district: district ?? "", kind: "sao" },
          errors: {},
        };
        return reply.page(
          core.t(req.lang)("networkAdmin.title"),
          <PlatformPage tambons={deps.tambons.all()} form={form} {...opts} />,
        );
      },
    );

    app.get("/admin/audit", async (req, reply) => {
      requirePlatformAdmin(req);
      return sendAuditPage(db, req, reply, {
        tambonId: null,
        base: "/admin/audit",
        title: core.t(req.lang)("networkAdmin.audit"),
      });
    });

    app.post("/admin/tambons", async (req, reply) => {
      requirePlatformAdmin(req);
      const t = core.t(req.lang);
      const body = formBody(req);
      const code = body.dopaCode ?? "";
      const errors: Record<string, string> = {};
      let adminId: number | null = null;
      if (body.firstAdmin?.trim()) {
        const user = await findUserByIdentifier(db, body.firstAdmin);
        if (!user) errors.firstAdmin = t("networkAdmin.noSuchUser");
        else adminId = user.id;
      }
      const place = await lookupSubdistrict(code);
      let result: Awaited<ReturnType<typeof createTambon>> | null = null;
      if (!Object.keys(errors).length) {
        result = await createTambon(
          db,
          req.actor,
          {
            dopaCode: code,
            slug: body.slug || (place ? slugify(place.nameEn) : ""),
            kind: body.kind === "municipality" ? "municipality" : "sao",
          },
          modules,
        );
        if (!result.ok) Object.assign(errors, translateErrors(result.errors, req.lang));
      }
      if (!result?.ok) {
        const opts = await placeOptions(req.lang, code.slice(0, 2), code.slice(0, 4));
        const form = {
          values: { ...body, province: code.slice(0, 2), district: code.slice(0, 4) },
          errors,
        };
        return reply.page(
          t("networkAdmin.title"),
          <PlatformPage tambons={deps.tambons.all()} form={form} {...opts} />,
          { status: 422 },
        );
      }
      if (adminId) await grantFirstAdmin(db, req.actor, result.value.id, adminId);
      await deps.tambons.reload();
      return reply.seeOther(
        `/t/${result.value.slug}/admin`,
        t("networkAdmin.created", { name: tambonTitle(result.value, req.lang) }),
      );
    });
  };
}
