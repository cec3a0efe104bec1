import { type FastifyInstance } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { read, siteName } from "../shared/helpers.tsx";
import { listDocuments } from "./queries.ts";
import { msg } from "../messages.ts";
import { DocumentsPage } from "./views.tsx";

/** Public pages of documents, mounted under /t/:tambon. */
export async function documentsRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get("/documents", async (req, reply) => {
    const tambon = read(req);
    const docs = await listDocuments(db, tambon.id);
    return reply.page(msg.t(req.lang)("docs.title"), <DocumentsPage docs={docs} />, {
      description: `${msg.t(req.lang)("docs.title")} · ${siteName(req)}`,
    });
  });
}
