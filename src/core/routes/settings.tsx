import type { FastifyInstance, FastifyRequest } from "fastify";
import type { JSX } from "preact";
import type { ModuleDeps } from "../modules.ts";
import { core } from "../i18n/messages.ts";
import { authorize, currentTambon, formBody, allowedTambon } from "../http.ts";
import { notFound } from "../errors.ts";
import { throwIfDenied } from "../result.ts";
import { requireId } from "../params.ts";
import { saveVillage, updateTambonSettings, type Village } from "../commands/tambons.ts";
import { getVillage, listVillages } from "../queries/villages.ts";
import { readUploads, uploadError, uploadRoute } from "../uploads.ts";
import {
  LOGO_MAX_PIXELS,
  LOGO_NAME,
  LOGO_UPLOAD,
  discardLogo,
  logoName,
  logoUrl,
  storeLogo,
} from "../files.ts";
import { getFileByKey, serveFile } from "../file-store.ts";
import { emptyForm, failedForm, type FormState } from "../views/form.tsx";
import { SettingsPage, settingsValues } from "../views/admin/settings.tsx";
import { VillagesAdmin, villageValues } from "../views/admin/villages.tsx";

/** A tambon's settings and logo. */
export function settingsRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  app.get("/admin/settings", async (req, reply) => {
    const tambon = allowedTambon(req, "tambon.manage");
    return reply.page(
      core.t(req.lang)("admin.settings"),
      <SettingsPage form={emptyForm(settingsValues(tambon))} />,
    );
  });

  app.post("/admin/settings", uploadRoute(LOGO_UPLOAD), async (req, reply) => {
    const tambon = allowedTambon(req, "tambon.manage");
    const t = core.t(req.lang);
    const body = formBody(req);
    const got = readUploads(req, "logo");
    const [file] = got.files;
    let logoPath: string | undefined;
    let logoError = uploadError(req, got);
    if (file && !logoError) {
      const stored = await storeLogo(db, tambon.id, file.data, file.filename);
      if (stored.ok) logoPath = logoUrl(tambon.slug, stored.name);
      else if (stored.reason === "tooManyPixels")
        logoError = {
          key: "upload.tooManyPixels",
          vars: { name: file.filename, mp: LOGO_MAX_PIXELS / 1_000_000 },
        };
      else logoError = { key: "err.image" };
    }
    if (logoError) {
      const form = failedForm(body, { logo: logoError }, req.lang);
      return reply.page(t("admin.settings"), <SettingsPage form={form} />, { status: 422 });
    }
    const result = await updateTambonSettings(db, req.actor, tambon, body, logoPath).catch(
      async (err: unknown) => {
        await discardLogo(db, tambon.id, logoName(logoPath));
        throw err;
      },
    );
    // The new logo is kept only with the settings that name it; the one it replaces goes.
    if (logoPath)
      await discardLogo(db, tambon.id, logoName(result.ok ? tambon.logoPath : logoPath));
    throwIfDenied(result);
    if (!result.ok) {
      const form = failedForm(body, result.errors, req.lang);
      return reply.page(t("admin.settings"), <SettingsPage form={form} />, { status: 422 });
    }
    await deps.tambons.reload();
    return reply.seeOther(`/t/${result.value.slug}/admin/settings`, t("form.saved"));
  });

  app.get<{ Params: { name: string } }>("/uploads/:name", async (req, reply) => {
    const tambon = currentTambon(req);
    const name = req.params.name;
    // Logos are always pixels (an SVG one is drawn into a WebP); no SVG is served from uploads.
    if (!LOGO_NAME.test(name)) throw notFound();
    const file = await getFileByKey(db, tambon.id, name);
    if (!file) throw notFound();
    return serveFile(reply, req, file, { visibility: "public", name });
  });
}

/** A tambon's villages: the list, adding one, editing one. */
export function villageRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  const villagesPage = async (req: FastifyRequest, form: FormState, editing: Village | null) => (
    <VillagesAdmin
      rows={await listVillages(db, currentTambon(req).id)}
      form={form}
      editing={editing}
    />
  );

  async function findVillage(tambonId: number, id: string) {
    const village = await getVillage(db, tambonId, requireId(id));
    if (!village) throw notFound();
    return village;
  }

  app.get("/admin/villages", async (req, reply) => {
    allowedTambon(req, "tambon.manage");
    return reply.page(
      core.t(req.lang)("admin.villages"),
      await villagesPage(req, emptyForm(), null),
    );
  });

  app.get<{ Params: { id: string } }>("/admin/villages/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "tambon.manage");
    const village = await findVillage(tambon.id, req.params.id);
    return reply.page(
      core.t(req.lang)("village.edit"),
      await villagesPage(req, emptyForm(villageValues(village)), village),
    );
  });

  type Saved = { redirect: string; flash: string } | { title: string; page: JSX.Element };
  const save = async (req: FastifyRequest, editing: Village | null): Promise<Saved> => {
    const tambon = currentTambon(req);
    const t = core.t(req.lang);
    const body = formBody(req);
    const result = throwIfDenied(await saveVillage(db, req.actor, tambon, body, editing?.id));
    if (result.ok) return { redirect: `/t/${tambon.slug}/admin/villages`, flash: t("form.saved") };
    const title = editing ? t("village.edit") : t("admin.villages");
    const form = failedForm(body, result.errors, req.lang);
    return { title, page: await villagesPage(req, form, editing) };
  };

  app.post("/admin/villages", async (req, reply) => {
    authorize(req, "tambon.manage", { tambonId: currentTambon(req).id });
    const r = await save(req, null);
    if ("redirect" in r) return reply.seeOther(r.redirect, r.flash);
    return reply.page(r.title, r.page, { status: 422 });
  });

  app.post<{ Params: { id: string } }>("/admin/villages/:id", async (req, reply) => {
    const tambon = allowedTambon(req, "tambon.manage");
    const r = await save(req, await findVillage(tambon.id, req.params.id));
    if ("redirect" in r) return reply.seeOther(r.redirect, r.flash);
    return reply.page(r.title, r.page, { status: 422 });
  });
}
