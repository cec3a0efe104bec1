import { type FastifyInstance } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { absolute, read, sendGenerated, url, xml } from "../shared/helpers.tsx";
import { listNews } from "../news/queries.ts";
import { newsPath } from "../news/commands.ts";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { pagePath } from "../pages/commands.ts";
import { newsUpdates, sitemapRows } from "./queries.ts";
import { robotsTxt } from "./root-routes.ts";

/** The front pages of the other modules listed in a tambon's sitemap. */
const SECTION_PAGES = ["/decisions", "/charter", "/meetings", "/partners", "/centres", "/plans"];

/** Public pages of feeds, mounted under /t/:tambon. */
export async function feedsRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // Feeds and sharing.
  app.get("/feed.xml", async (req, reply) => {
    const tambon = read(req);
    return sendGenerated(
      req,
      reply,
      tambon,
      "feed",
      "application/atom+xml; charset=utf-8",
      async () => {
        const { items } = await listNews(db, tambon.id, { limit: 20 });
        const full = await newsUpdates(db, tambon.id);
        const site = absolute(req, url(tambon, ""));
        const updated = items[0]?.publishAt ?? new Date(0);
        const entries = items
          .map((n) => {
            const link = absolute(req, url(tambon, newsPath(n)));
            const up = full.find((f) => f.id === n.id)?.updatedAt ?? n.publishAt!;
            return `<entry><title>${xml(n.title)}</title><link href="${xml(link)}"/><id>${xml(link)}</id><published>${n.publishAt!.toISOString()}</published><updated>${new Date(Math.max(up.getTime(), n.publishAt!.getTime())).toISOString()}</updated><summary>${xml(n.summary)}</summary>${n.coverFile ? `<link rel="enclosure" type="image/webp" href="${xml(absolute(req, url(tambon, `/uploads/site/${n.coverFile}-l.webp`)))}"/>` : ""}</entry>`;
          })
          .join("");
        return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="th"><title>${xml(tambonTitle(tambon, req.lang))}</title><link href="${xml(site)}"/><link rel="self" href="${xml(absolute(req, url(tambon, "/feed.xml")))}"/><id>${xml(site)}</id><updated>${updated.toISOString()}</updated>${entries}</feed>`;
      },
    );
  });

  app.get("/sitemap.xml", async (req, reply) => {
    const tambon = read(req);
    return sendGenerated(
      req,
      reply,
      tambon,
      "sitemap",
      "application/xml; charset=utf-8",
      async () => {
        const now = new Date();
        const { pages, news, albums, jobs, others } = await sitemapRows(db, tambon.id, now);
        const loc = (path: string, mod?: Date) =>
          `<url><loc>${xml(absolute(req, url(tambon, path)))}</loc>${mod ? `<lastmod>${mod.toISOString().slice(0, 10)}</lastmod>` : ""}</url>`;
        const urls = [
          loc(""),
          ...[
            "/news",
            "/galleries",
            "/documents",
            "/corner",
            "/jobs",
            "/complaints",
            "/transparency",
            "/stats",
            // The other modules' front pages, where the module is in this build.
            ...SECTION_PAGES.filter((p) => app.hasRoute({ method: "GET", url: `/t/:tambon${p}` })),
          ].map((p) => loc(p)),
          ...pages.map((p) => loc(pagePath(p), p.updatedAt)),
          ...news.map((n) => loc(newsPath(n), n.updatedAt)),
          ...albums.map((a) => loc(`/galleries/${a.id}`, a.updatedAt)),
          ...jobs.map((j) => loc(`/jobs/${j.id}`)),
          ...others.map((o) => loc(o.path, o.updatedAt)),
        ];
        return `<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join("")}</urlset>`;
      },
    );
  });

  app.get("/robots.txt", async (req, reply) => {
    const tambon = read(req);
    const base = url(tambon, "");
    // On the tambon's own host name its pages are at the root too.
    const ownHost = !!tambon.host && req.host.toLowerCase().replace(/:\d+$/, "") === tambon.host;
    return reply
      .header("content-type", "text/plain; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(
        robotsTxt(
          ownHost ? ["", base] : [base],
          absolute(req, ownHost ? "/sitemap.xml" : `${base}/sitemap.xml`),
        ),
      );
  });
}
