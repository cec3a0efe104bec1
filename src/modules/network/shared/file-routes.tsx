import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance } from "fastify";
import { currentTambon } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { disposition } from "../../../core/download.ts";
import { fileOwner } from "./queries.ts";
import { UPLOAD_NAME, readStored, storeFile } from "../uploads.ts";
import { demoFile } from "./demo-files.ts";

/** The module's stored files, served only when a row of the tambon names them. */
export async function fileRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get<{ Params: { name: string } }>("/uploads/network/:name", async (req, reply) => {
    const tambon = currentTambon(req);
    const name = req.params.name;
    const m = UPLOAD_NAME.exec(name);
    if (!m) throw notFound();
    const kind = m[1] as "partner" | "agreement" | "centre";
    const owner = await fileOwner(db, tambon.id, kind, name);
    const privateFile = !!owner && owner.draft;
    const ok =
      !!owner && (!privateFile || can(req.actor, "agreement.manage", { tambonId: tambon.id }));
    if (!ok) throw notFound();
    let buf = await readStored(deps.config.dataDir, tambon.id, name);
    // Demo tambons are seeded without a data folder: their files are made on first request.
    const demo = !buf && tambon.isDemo ? demoFile(name) : null;
    if (demo) {
      buf = await demo;
      await storeFile(deps.config.dataDir, tambon.id, name, buf);
    }
    if (!buf) throw notFound();
    const pdf = name.endsWith(".pdf");
    reply
      .header("content-type", pdf ? "application/pdf" : "image/webp")
      .header(
        "cache-control",
        privateFile ? "private, no-store" : "public, max-age=31536000, immutable",
      )
      .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .header("x-content-type-options", "nosniff");
    if (pdf) reply.header("content-disposition", disposition("attachment", name));
    return reply.send(buf);
  });
}
