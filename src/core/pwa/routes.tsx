import type { FastifyInstance } from "fastify";
import { currentTambon } from "../http.ts";
import { notFound } from "../errors.ts";
import type { Database } from "../db/index.ts";
import { tambonTitle } from "../views/layout.tsx";
import { useCtx } from "../views/ctx.ts";
import type { Tambon } from "../tenancy.ts";
import { pwaMsg } from "./messages.ts";
import { pwaIcon, themeColour, type IconKind } from "./icons.ts";
import { REGISTER_SCRIPT, iconPaths, sitePath, siteWorker } from "./worker.ts";

/** The name on a phone's home screen: short enough to fit under the icon. */
const shortName = (tambon: Tambon) =>
  tambon.kind === "sao" ? `อบต.${tambon.nameTh}` : `ทต.${tambon.nameTh}`;

/** The web app manifest of a tambon's site. */
export async function siteManifest(db: Database["db"], tambon: Tambon) {
  const icons = iconPaths(tambon.slug);
  return {
    name: tambonTitle(tambon, "th"),
    short_name: shortName(tambon),
    description: `${tambonTitle(tambon, "th")} อำเภอ${tambon.districtTh} จังหวัด${tambon.provinceTh}`,
    lang: "th",
    id: sitePath(tambon.slug),
    start_url: sitePath(tambon.slug),
    scope: sitePath(tambon.slug),
    display: "standalone",
    background_color: "#ffffff",
    theme_color: await themeColour(db, tambon),
    icons: [
      { src: icons.any192, sizes: "192x192", type: "image/png", purpose: "any" },
      { src: icons.any512, sizes: "512x512", type: "image/png", purpose: "any" },
      { src: icons.maskable512, sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}

function OfflinePage() {
  const { lang, tambon } = useCtx();
  const t = pwaMsg.t(lang);
  return (
    <section class="offline">
      <h1>{t("offline.title")}</h1>
      <p>{t("offline.body")}</p>
      <p class="muted" lang={lang === "th" ? "en" : "th"}>
        {pwaMsg.t(lang === "th" ? "en" : "th")("offline.body")}
      </p>
      <p class="actions">
        <a class="button" href="">
          {t("offline.retry")}
        </a>
        <a class="button secondary" href={sitePath(tambon!.slug)}>
          {t("offline.home")}
        </a>
      </p>
    </section>
  );
}

const ICONS: Record<string, [number, IconKind]> = {
  "icon-192.png": [192, "any"],
  "icon-512.png": [512, "any"],
  "maskable-512.png": [512, "maskable"],
};

/**
 * The installable site of a tambon, mounted under /t/:tambon: its manifest, icons drawn from its
 * logo, the service worker, the script that registers it, and the offline page.
 */
export function pwaRoutes(database: Database) {
  const db = database.db;
  return async (app: FastifyInstance) => {
    app.get("/manifest.webmanifest", async (req, reply) => {
      const tambon = currentTambon(req);
      return reply
        .header("content-type", "application/manifest+json; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .send(JSON.stringify(await siteManifest(db, tambon)));
    });

    for (const [file, [size, kind]] of Object.entries(ICONS))
      app.get(`/icons/${file}`, async (req, reply) => {
        const icon = await pwaIcon(db, currentTambon(req), size, kind);
        if (!icon) throw notFound();
        return reply
          .header("content-type", "image/png")
          .header("cache-control", "public, max-age=86400")
          .send(icon);
      });

    app.get("/sw.js", async (req, reply) => {
      const tambon = currentTambon(req);
      return reply
        .header("content-type", "text/javascript; charset=utf-8")
        .header("cache-control", "no-cache")
        .header("service-worker-allowed", sitePath(tambon.slug))
        .send(siteWorker(tambon.slug));
    });

    app.get("/pwa.js", async (_req, reply) =>
      reply
        .header("content-type", "text/javascript; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .send(REGISTER_SCRIPT),
    );

    app.get("/offline", async (req, reply) => {
      currentTambon(req);
      return reply.page(pwaMsg.t(req.lang)("offline.title"), <OfflinePage />);
    });
  };
}
