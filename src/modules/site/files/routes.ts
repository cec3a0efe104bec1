import { type FastifyInstance } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { read } from "../shared/helpers.tsx";
import { contentType, readSiteFile } from "../shared/media.ts";
import { materializeDemoFile } from "../shared/demo-files.ts";
import { notFound } from "../../../core/errors.ts";

/** Public pages of files, mounted under /t/:tambon. */
export async function filesRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  const dataDir = deps.config.dataDir;

  app.get<{ Params: { name: string } }>("/uploads/site/:name", async (req, reply) => {
    const tambon = read(req);
    const name = req.params.name;
    let buf = await readSiteFile(dataDir, tambon.id, name);
    if (!buf && tambon.isDemo) buf = await materializeDemoFile(db, dataDir, tambon.id, name);
    if (!buf) throw notFound();
    return reply
      .header("content-type", contentType(name))
      .header("cache-control", "public, max-age=31536000, immutable")
      .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .header("x-content-type-options", "nosniff")
      .send(buf);
  });
}
