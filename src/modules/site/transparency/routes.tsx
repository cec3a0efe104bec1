import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { msg } from "../messages.ts";
import { read } from "../shared/helpers.tsx";
import { itaRows } from "./queries.ts";
import { TransparencyPage } from "./views.tsx";

/** The public transparency list (ITA/OIT) of a fiscal year, mounted under /t/:tambon. */
export async function transparencyRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get<{ Querystring: { year?: string } }>("/transparency", async (req, reply) => {
    const tambon = read(req);
    const { year, years, items } = await itaRows(db, tambon, req.lang, req.query.year);
    return reply.page(
      msg.t(req.lang)("ita.title"),
      <TransparencyPage year={year} years={years} items={items} />,
      { description: msg.t(req.lang)("ita.intro", { year }).slice(0, 160) },
    );
  });
}
