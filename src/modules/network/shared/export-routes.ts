import type { FastifyInstance, FastifyRequest } from "fastify";
import { allowedTambon } from "../../../core/http.ts";
import { todayIso } from "../../../core/dates.ts";
import { sendDownload } from "../../../core/download.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { sendTable } from "../../../core/table-export.ts";
import { EXPORT_COLUMNS, exportName } from "./export.ts";

/**
 * Registers the public CSV, XLSX and JSON exports of a list at `/<path>/export.csv`, `.xlsx` and
 * `.json`: the tables as downloads, the JSON inline under `key`, all with the list's public filter.
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
  for (const ext of ["csv", "xlsx", "json"] as const) {
    app.get(`/${spec.path}/export.${ext}`, async (req, reply) => {
      const tambon = allowedTambon(req, "network.read");
      const origin = `${req.protocol}://${req.host}`;
      const records = await spec.records(
        req,
        tambon,
        (id) => `${origin}/t/${tambon.slug}/${spec.path}/${id}`,
      );
      if (ext !== "json") {
        const columns = EXPORT_COLUMNS[spec.columns];
        const file = exportName(spec.file, tambon.slug, todayIso(), ext).replace(/\.\w+$/, "");
        const rows = records.map((r) => columns.map((h) => r[h]));
        return sendTable(reply, { file, sheet: spec.file, columns, rows }, ext);
      }
      return sendDownload(reply, {
        type: ext,
        name: exportName(spec.file, tambon.slug, todayIso(), ext),
        inline: true,
        body: JSON.stringify({ tambon: tambon.slug, [spec.key]: records }, null, 1),
      });
    });
  }
}
