import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { ModuleDeps, TambonModule } from "../modules.ts";
import { core } from "../i18n/messages.ts";
import { forbidden } from "../errors.ts";
import { formBody, requireUser } from "../http.ts";
import { createTambon, grantFirstAdmin, lookupSubdistrict, slugify } from "../commands/tambons.ts";
import { findUserByIdentifier } from "../commands/accounts.ts";
import {
  addPastedVillages,
  contactOf,
  inviteFirstAdmin,
  parseVillageLines,
} from "../commands/invitations.ts";
import { mailerFor } from "../mail.ts";
import { publicUrl } from "../http.ts";
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
      // Someone without an account yet is invited by phone or e-mail once the tambon exists.
      let invite: string | null = null;
      if (body.firstAdmin?.trim()) {
        const user = await findUserByIdentifier(db, body.firstAdmin);
        if (user) adminId = user.id;
        else if (contactOf(body.firstAdmin)) invite = body.firstAdmin.trim();
        else errors.firstAdmin = t("networkAdmin.noSuchUser");
      }
      // The villages are read before anything is created, so a bad line changes nothing.
      const villageText = body.villages ?? "";
      const lines = parseVillageLines(villageText);
      if (!lines.ok) errors.villages = t("err.villageLines", { lines: lines.lines.join(", ") });
      else if (new Set(lines.villages.map((v) => v.moo)).size < lines.villages.length)
        errors.villages = t("err.mooTaken");
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
      const tambon = result.value;
      const name = tambonTitle(tambon, req.lang);
      if (adminId) await grantFirstAdmin(db, req.actor, tambon.id, adminId);
      if (villageText.trim()) await addPastedVillages(db, req.actor, tambon, villageText);
      const invited = invite
        ? await inviteFirstAdmin(db, req.actor, tambon, {
            contact: invite,
            name: body.firstAdminName ?? "",
          })
        : null;
      await deps.tambons.reload();
      if (!invited?.ok)
        return reply.seeOther(
          `/t/${tambon.slug}/admin`,
          [
            t("networkAdmin.created", { name }),
            invited && !invited.ok ? translateErrors(invited.errors, req.lang).firstAdmin : "",
          ]
            .filter(Boolean)
            .join(" — "),
        );
      // The invitation link: shown here (to pass on by phone or chat) and sent by e-mail when
      // e-mail is configured and the invitation went to an address.
      const url = publicUrl(deps.config, `/reset/${invited.value.token}`, tambon);
      const { contact } = invited.value;
      let mailed = false;
      const mailer = contact.email ? await mailerFor(deps.config) : null;
      if (mailer && contact.email) {
        try {
          await mailer.sendMail({
            to: contact.email,
            subject: t("networkAdmin.inviteSubject", { name }),
            text: t("networkAdmin.inviteText", { name, url }),
          });
          mailed = true;
        } catch (err) {
          req.log.warn({ err }, "invitation e-mail not sent");
        }
      }
      const opts = await placeOptions(req.lang);
      return reply.page(
        t("networkAdmin.title"),
        <PlatformPage
          tambons={deps.tambons.all()}
          form={{ values: { kind: "sao" }, errors: {} }}
          invited={{ name, contact: contact.email ?? contact.phone!, url, mailed }}
          {...opts}
        />,
      );
    });
  };
}
