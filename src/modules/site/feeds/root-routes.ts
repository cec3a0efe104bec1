import { type FastifyInstance } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { absolute, url, xml } from "../shared/helpers.tsx";

/** A robots.txt that keeps crawlers out of the administration of each base path. */
export function robotsTxt(bases: string[], sitemap: string | string[]): string {
  const lines = ["User-agent: *", "Allow: /"];
  for (const base of bases)
    lines.push(`Disallow: ${base}/admin`, `Disallow: ${base}/complaints/track`);
  for (const s of [sitemap].flat()) lines.push(`Sitemap: ${s}`);
  return `${lines.join("\n")}\n`;
}

/**
 * /robots.txt and /sitemap.xml at the network's host root: the sitemap is an index of every
 * tambon's sitemap (a tambon served on its own host name gets its own, see feeds/routes.ts).
 */
export async function rootFeedRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  app.get("/robots.txt", async (req, reply) =>
    reply
      .header("content-type", "text/plain; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(robotsTxt(["", "/t/*"], absolute(req, "/sitemap.xml"))),
  );
  app.get("/sitemap.xml", async (req, reply) => {
    const maps = deps.tambons
      .all()
      .map((t) => `<sitemap><loc>${xml(absolute(req, url(t, "/sitemap.xml")))}</loc></sitemap>`);
    return reply
      .header("content-type", "application/xml; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(
        `<?xml version="1.0" encoding="utf-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${maps.join("")}</sitemapindex>`,
      );
  });
}
