import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import type { Db } from "../../../core/db/index.ts";
import { authorize, currentTambon } from "../../../core/http.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { sendDownload } from "../../../core/download.ts";
import { registryCsv, registryEntry } from "./registry.ts";
import { registrySources } from "./queries.ts";
import { originOf } from "../shared/helpers.ts";

function registryFor(req: FastifyRequest, db: Db, tambons: Tambon[]) {
  return registrySources(db, tambons).then((sources) =>
    sources.map((s) => registryEntry(s, req.lang, originOf(req))),
  );
}

/** The tambon's entries for the national registry, as JSON and CSV. */
export async function registryRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  app.get("/charter-registry.json", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.read", { tambonId: tambon.id });
    const entries = await registryFor(req, db, [tambon]);
    return reply
      .header("content-type", "application/json; charset=utf-8")
      .send(JSON.stringify({ charters: entries }, null, 2));
  });

  app.get("/charter-registry.csv", async (req, reply) => {
    const tambon = currentTambon(req);
    authorize(req, "charter.read", { tambonId: tambon.id });
    const entries = await registryFor(req, db, [tambon]);
    return sendDownload(reply, {
      type: "csv",
      name: `charter-registry-${tambon.slug}.csv`,
      body: registryCsv(entries, req.lang),
    });
  });
}

/** The network-wide registry export (every tambon), at /charter-registry.json and .csv. */
export function networkRegistryRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  app.get("/charter-registry.json", async (req, reply) => {
    const entries = await registryFor(req, db, [...deps.tambons.all()]);
    return reply
      .header("content-type", "application/json; charset=utf-8")
      .send(JSON.stringify({ charters: entries }, null, 2));
  });
  app.get("/charter-registry.csv", async (req, reply) => {
    const entries = await registryFor(req, db, [...deps.tambons.all()]);
    return sendDownload(reply, {
      type: "csv",
      name: "charter-registry.csv",
      body: registryCsv(entries, req.lang),
    });
  });
}
