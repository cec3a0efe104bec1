import { type FastifyInstance } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { read } from "../shared/helpers.tsx";
import { readSiteFile } from "../shared/media.ts";
import { materializeDemoFile } from "../shared/demo-files.ts";
import { notFound } from "../../../core/errors.ts";
import { serveFile } from "../../../core/file-store.ts";

/** Public pages of files, mounted under /t/:tambon. */
export async function filesRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get<{ Params: { name: string } }>("/uploads/site/:name", async (req, reply) => {
    const tambon = read(req);
    const name = req.params.name;
    let file = await readSiteFile(db, tambon.id, name);
    if (!file && tambon.isDemo) file = await materializeDemoFile(db, tambon.id, name);
    if (!file) throw notFound();
    // The name is random and never names other content: kept a year. A document is saved under
    // the name it was uploaded with.
    const image = file.contentType.startsWith("image/");
    return serveFile(reply, req, file, { visibility: "public", name: image ? name : undefined });
  });
}
