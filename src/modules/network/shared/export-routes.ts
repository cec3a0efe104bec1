import type { FastifyInstance, FastifyRequest } from "fastify";
import { authorize, currentTambon } from "../../../core/http.ts";
import { todayIso } from "../../../core/dates.ts";
import { sendDownload } from "../../../core/download.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { EXPORT_COLUMNS, exportName, recordsToCsv } from "./export.ts";

/**
 * Registers the public CSV and JSON exports of a list at `/<path>/export.csv` and `.json`: the
 * CSV as a download, the JSON inline under `key`, both with the list's public filter.
 */
export function exportRoutes(
  app: FastifyInstance,
  spec: {
    path: string;
    file: string;
    key: string;
    columns: keyof typeof EXPORT_COLUMNS;
    records: (
      req: FastifyRequest,
      tambon: Tambon,
      url: (id: number) => string,
    ) => Promise<Record<string, string | number | boolean>[]>;
  },
): void {
  for (const ext of ["csv", "json"] as const) {
    app.get(`/${spec.path}/export.${ext}`, async (req, reply) => {
      const tambon = currentTambon(req);
      authorize(req, "network.read", { tambonId: tambon.id });
      const origin = `${req.protocol}://${req.host}`;
      const records = await spec.records(
        req,
        tambon,
        (id) => `${origin}/t/${tambon.slug}/${spec.path}/${id}`,
      );
      return sendDownload(reply, {
        type: ext,
        name: exportName(spec.file, tambon.slug, todayIso(), ext),
        inline: ext === "json",
        body:
          ext === "csv"
            ? recordsToCsv(EXPORT_COLUMNS[spec.columns], records)
            : JSON.stringify({ tambon: tambon.slug, [spec.key]: records }, null, 1),
      });
    });
  }
}
