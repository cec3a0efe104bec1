import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import type { Db } from "../../../core/db/index.ts";
import { allowedTambon } from "../../../core/http.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { tableRoutes } from "../../../core/table-export.ts";
import { registryEntry, registryTable } from "./registry.ts";
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
    const tambon = allowedTambon(req, "charter.read");
    const entries = await registryFor(req, db, [tambon]);
    return reply
      .header("content-type", "application/json; charset=utf-8")
      .send(JSON.stringify({ charters: entries }, null, 2));
  });

  tableRoutes(app, "/charter-registry", async (req) => {
    const tambon = allowedTambon(req, "charter.read");
    const { head, rows } = registryTable(await registryFor(req, db, [tambon]), req.lang);
    return { file: `charter-registry-${tambon.slug}`, columns: head, rows };
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
  tableRoutes(app, "/charter-registry", async (req) => {
    const entries = await registryFor(req, db, [...deps.tambons.all()]);
    const { head, rows } = registryTable(entries, req.lang);
    return { file: "charter-registry", columns: head, rows };
  });
}
