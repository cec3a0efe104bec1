import { type FastifyInstance } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { read, siteName } from "../shared/helpers.tsx";
import { parsePage, parseSearch } from "../../../core/params.ts";
import { isSearchKind, searchSiteCached } from "./queries.ts";
import { PAGE_SIZE, pageCount } from "../../../core/paging.ts";
import { msg } from "../messages.ts";
import { SearchPage } from "./views.tsx";

/** Public pages of search, mounted under /t/:tambon. */
export async function searchRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get<{ Querystring: { q?: string; page?: string; kind?: string } }>(
    "/search",
    async (req, reply) => {
      const tambon = read(req);
      const q = parseSearch(req.query.q);
      const page = parsePage(req.query.page);
      // An unknown kind is ignored: every kind is shown.
      const kind = isSearchKind(req.query.kind) ? req.query.kind : undefined;
      const { total, capped, hits, facets } = q
        ? await searchSiteCached(db, tambon.id, q, {
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
            kind,
          })
        : { total: 0, capped: false, hits: [], facets: [] };
      return reply.page(
        q ? `${msg.t(req.lang)("search.title")}: ${q}` : msg.t(req.lang)("search.title"),
        <SearchPage
          q={q}
          kind={kind}
          facets={facets}
          total={total}
          capped={capped}
          hits={hits}
          page={page}
          pages={pageCount(total)}
        />,
        { description: `${msg.t(req.lang)("search.title")} · ${siteName(req)}` },
      );
    },
  );
}
