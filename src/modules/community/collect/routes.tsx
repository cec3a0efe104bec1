import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { csrfToken, currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { megabytes, readUploads } from "../../../core/uploads.ts";
import { HttpError, notFound } from "../../../core/errors.ts";
import { msg } from "../messages.ts";
import { logPersonalRead } from "../privacy/reads.ts";
import { collectData } from "./queries.ts";
import { personalScope } from "../access.ts";
import { parsePayload, SYNC_PHOTO_BYTES, SYNC_PHOTOS } from "./payload.ts";
import { syncSubmissions } from "./sync.ts";
import { ICON_SIZES, collectPath, iconPng, serviceWorker, webManifest } from "./shell.ts";
import { CollectHead, CollectPage } from "./views.tsx";

/** Offline collection on a phone: the installable app, its data and its sync. */
export function collectRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  async function scopeOf(req: FastifyRequest) {
    const tambon = allowedTambon(req, "community.collect");
    return { tambon, scope: await personalScope(db, req.actor, tambon.id) };
  }

  app.get("/community/collect", async (req, reply) => {
    const { tambon, scope } = await scopeOf(req);
    const t = msg.t(req.lang);
    reply.header("cache-control", "private, no-cache");
    return reply.page(
      t("collect.title"),
      <CollectPage
        slug={tambon.slug}
        csrf={csrfToken(req, reply, deps.config.secret)}
        hasVillage={!!scope}
      />,
      { head: <CollectHead slug={tambon.slug} /> },
    );
  });

  app.get("/community/collect/data.json", async (req, reply) => {
    const { tambon, scope } = await scopeOf(req);
    const data = scope ? await collectData(db, tambon.id, scope) : null;
    if (data)
      await logPersonalRead(db, req, {
        subject: "list",
        detail: `${collectPath(tambon.slug)}/data.json`,
        records: data.households.length,
      });
    return reply.header("cache-control", "private, no-store").send({
      ...(data ?? { forms: [], villages: [], households: [] }),
      csrf: csrfToken(req, reply, deps.config.secret),
    });
  });

  app.get("/community/collect/manifest.webmanifest", async (req, reply) => {
    const tambon = currentTambon(req);
    const t = msg.t("th");
    const name = `${t("collect.appName")} ${tambon.nameTh}`;
    return reply
      .header("content-type", "application/manifest+json; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(JSON.stringify(webManifest(tambon.slug, name, t("collect.title"))));
  });

  app.get<{ Params: { size: string } }>("/community/collect/icon-:size.png", async (req, reply) => {
    const size = Number(req.params.size);
    if (!ICON_SIZES.includes(size as (typeof ICON_SIZES)[number])) throw notFound();
    return reply
      .header("content-type", "image/png")
      .header("cache-control", "public, max-age=86400")
      .send(await iconPng(size));
  });

  app.get("/community/collect/sw.js", async (req, reply) => {
    const tambon = currentTambon(req);
    return reply
      .header("content-type", "text/javascript; charset=utf-8")
      .header("cache-control", "no-cache")
      .header("service-worker-allowed", collectPath(tambon.slug))
      .send(serviceWorker(tambon.slug));
  });

  app.post(
    "/community/collect/sync",
    {
      config: {
        upload: { files: SYNC_PHOTOS, fileBytes: SYNC_PHOTO_BYTES, fields: 4 },
        rateLimit: { max: 60, timeWindow: "1 minute" },
      },
    },
    async (req, reply) => {
      const tambon = allowedTambon(req, "community.collect");
      const items = parsePayload(formBody(req).payload ?? "");
      if (!items) throw new HttpError(400, "error.400");
      const t = msg.t(req.lang);
      // More photos than a sync takes, or one larger: refused whole (413), never stored without
      // them; the phone shows the error and keeps its queue.
      const got = readUploads(req, "photo");
      const big = got.files.find((f) => f.truncated || f.data.length > SYNC_PHOTO_BYTES);
      if (got.tooMany || big)
        return reply
          .code(413)
          .header("cache-control", "no-store")
          .send({
            error: big
              ? t("collect.photoTooBig", { name: big.filename, mb: megabytes(SYNC_PHOTO_BYTES) })
              : t("collect.tooManyPhotos", { max: SYNC_PHOTOS }),
          });
      const photos = new Map<string, Buffer>();
      for (const f of got.files) photos.set(f.filename, f.data);
      const results = await syncSubmissions(db, req.actor, tambon.id, items, photos);
      if (!results) throw new HttpError(403, "error.403");
      return reply.header("cache-control", "no-store").send({
        results: results.map((r) =>
          r.status === "refused" ? { ...r, message: t(`collect.reason.${r.reason}`) } : r,
        ),
      });
    },
  );
}
