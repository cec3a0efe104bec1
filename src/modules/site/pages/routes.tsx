import { tambonRow } from "../../../core/db/tambon-row.ts";
import { type FastifyInstance } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { absolute, read, shareHead, siteName, url } from "../shared/helpers.tsx";
import { sitePages } from "../schema.ts";
import { requireIdSlug } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { listDocuments } from "../documents/queries.ts";
import { plainText } from "../shared/text.ts";
import { PageView } from "./views.tsx";
import { pagePath } from "./commands.ts";

/** Public pages of pages, mounted under /t/:tambon. */
export async function pagesRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get<{ Params: { id: string } }>("/pages/:id", async (req, reply) => {
    const tambon = read(req);
    const page = await tambonRow(db, sitePages, tambon.id, requireIdSlug(req.params.id));
    const editor = can(req.actor, "site.edit", { tambonId: tambon.id });
    if (!page || (!page.published && !editor)) throw notFound();
    const title = req.lang === "en" && page.titleEn ? page.titleEn : page.titleTh;
    const docs = await listDocuments(db, tambon.id, { pageId: page.id });
    const description = plainText(page.bodyMd).slice(0, 160) || `${title} · ${siteName(req)}`;
    return reply.page(
      title,
      <PageView
        title={title}
        html={page.bodyHtml}
        updatedAt={page.updatedAt}
        docs={docs}
        canEdit={editor ? url(tambon, `/admin/site/pages/${page.id}`) : null}
      />,
      {
        description,
        head: shareHead({
          url: absolute(req, url(tambon, pagePath(page))),
          title,
          description,
          image: null,
          type: "website",
          siteName: siteName(req),
          modified: page.updatedAt,
        }),
      },
    );
  });
}
