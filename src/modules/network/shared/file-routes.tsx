import type { ModuleDeps } from "../../../core/modules.ts";
import type { FastifyInstance } from "fastify";
import { currentTambon } from "../../../core/http.ts";
import { can } from "../../../core/policy.ts";
import { notFound } from "../../../core/errors.ts";
import { getFileByKey, serveFile } from "../../../core/file-store.ts";
import { fileOwner } from "./queries.ts";
import { UPLOAD_NAME, networkKey, readStored, storeFile } from "../uploads.ts";
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
    let file = await readStored(db, tambon.id, name);
    // Demo tambons are seeded with rows alone: their files are made on first request.
    const demo = !file && tambon.isDemo ? demoFile(name) : null;
    if (demo) {
      const data = await demo;
      // Two first requests at once: the other one stored it.
      await storeFile(db, tambon.id, name, data).catch(async (err: unknown) => {
        if (!(await getFileByKey(db, tambon.id, networkKey(name)))) throw err;
      });
      file = await readStored(db, tambon.id, name);
    }
    if (!file) throw notFound();
    // A draft agreement's document is for staff only; a file's name never names other content.
    return serveFile(reply, req, file, {
      visibility: privateFile ? "private" : "public",
      name,
    });
  });
}
