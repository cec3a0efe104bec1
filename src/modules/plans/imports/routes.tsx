import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { currentTambon } from "../../../core/http.ts";
import { ok } from "../../../core/result.ts";
import { writeWorkbook } from "../../../core/xlsx.ts";
import { listVillages } from "../../../core/queries/villages.ts";
import { importJob } from "../../../core/imports.ts";
import { importRoutes } from "../../../core/import-routes.tsx";
import { msg } from "../messages.ts";
import { fiscalYearOf } from "../shared/fiscal.ts";
import { listIndicators } from "../indicators/queries.ts";
import { MEASUREMENT_FIELDS, measurementImporter } from "./measurements.ts";
import { ImportPage } from "./views.tsx";
import { pick } from "../../../core/pick.ts";

/** Largest measurements file taken. */
const FILE_BYTES = 5 * 1024 * 1024;
/** Most rows of one import (18 villages × 10 indicators × 5 years is 900). */
const MAX_ROWS = 20_000;

/** Importing measurements from CSV or XLSX: upload, match columns, dry run, import. */
export function measurementImportRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  importRoutes(app, {
    path: "/admin/indicators/import",
    action: "measurement.record",
    subject: () => null,
    title: (lang) => msg.t(lang)("measure.import"),
    frame: (p) => <ImportPage templateHref={p.template}>{p.children}</ImportPage>,
    dictionary: msg,
    maxBytes: FILE_BYTES,
    maxRows: MAX_ROWS,
    importer: async (req, _subject, table) =>
      ok(
        importJob(
          await measurementImporter(
            db,
            currentTambon(req).id,
            req.actor.user?.id ?? null,
            table.filename,
          ),
        ),
      ),
    applied: async (req, _subject, report) => ({
      to: `/t/${currentTambon(req).slug}/admin/indicators`,
      message: msg.t(req.lang)("measure.imported", {
        ...pick(report, "create", "update", "unchanged"),
      }),
    }),
    async template(req) {
      const tambon = currentTambon(req);
      const t = msg.t("th");
      const [list, villages] = await Promise.all([
        listIndicators(db, tambon.id),
        listVillages(db, tambon.id),
      ]);
      const year = fiscalYearOf(new Date());
      const header = MEASUREMENT_FIELDS.map((f) => ({
        value: f.label.th,
        bold: true,
        shaded: true,
      }));
      const rows = (
        list.length ? list.slice(0, 1) : [{ name: t("measure.field.indicator") }]
      ).flatMap((i) => [
        [i.name, "", String(year), "", ""],
        ...villages.map((v) => [i.name, String(v.moo), String(year), "", ""]),
      ]);
      const body = await writeWorkbook([
        {
          name: t("measure.field.value"),
          rows: [header, ...rows],
          widths: [40, 10, 14, 14, 30],
          frozenRows: 1,
        },
        {
          name: t("indicator.title"),
          rows: [[{ value: t("indicator.name"), bold: true }], ...list.map((i) => [i.name])],
          widths: [60],
        },
      ]);
      return { name: `measurements-${tambon.slug}.xlsx`, body };
    },
  });
}
