import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { allowedTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { queryOf, requireId } from "../../../core/params.ts";
import { sendDownload } from "../../../core/download.ts";
import { toCsv } from "../../../core/csv.ts";
import { tableRoutes } from "../../../core/table-export.ts";
import { writeWorkbook } from "../../../core/xlsx.ts";
import { audit } from "../../../core/audit.ts";
import { msg } from "../messages.ts";
import { formDefinitionOf, formTitles } from "../forms/queries.ts";
import { exportedSubmissions } from "./queries.ts";
import { logPersonalRead } from "../privacy/reads.ts";
import { communityFigures } from "../figures/load.ts";
import { allowFigures, villageByMoo } from "../figures/routes.tsx";
import { FIGURE_COLUMNS, figureRows, openData } from "./aggregates.ts";
import { odkTables } from "./odk.ts";
import { useCommunity } from "../shared/views.tsx";

function ExportsPage(p: { forms: { id: number; title: string }[]; base: string }) {
  const { tambon, t } = useCommunity();
  return (
    <>
      <p>
        <a href={`/t/${tambon!.slug}/admin/community`}>{t("exp.back")}</a>
      </p>
      <p>{t("exp.intro")}</p>
      {p.forms.length === 0 && <p>{t("exp.none")}</p>}
      <ul>
        {p.forms.map((f) => (
          <li key={f.id}>
            {f.title}: <a href={`${p.base}/submissions.xlsx?form=${f.id}`}>{t("exp.xlsx")}</a> ·{" "}
            <a href={`${p.base}/submissions.csv?form=${f.id}`}>{t("exp.csv")}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Exports of aggregates (public) and of submissions in the ODK shape (staff, logged). */
export function exportRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  async function aggregates(req: FastifyRequest, moo?: string) {
    const tambon = allowFigures(req);
    const v = moo === undefined ? undefined : await villageByMoo(db, tambon.id, moo);
    const data = await communityFigures(db, tambon.id, v?.id);
    const name = `community-${tambon.slug}${v ? `-moo${v.moo}` : ""}`;
    return { tambon, data, name };
  }

  for (const prefix of ["/community", "/community/villages/:moo"]) {
    tableRoutes<{ Params: { moo?: string } }>(app, `${prefix}/figures`, async (req) => {
      const { data, name } = await aggregates(req, req.params.moo);
      return { file: name, sheet: "figures", columns: FIGURE_COLUMNS, rows: figureRows(data) };
    });
    app.get<{ Params: { moo?: string } }>(`${prefix}/figures.json`, async (req, reply) => {
      const { tambon, data, name } = await aggregates(req, req.params.moo);
      const body = JSON.stringify(openData({ tambon, generatedAt: new Date(), data }), null, 1);
      return sendDownload(reply, { type: "json", name: `${name}.json`, body, inline: true });
    });
  }

  app.get("/community/open-data.json", async (req, reply) => {
    const { tambon, data } = await aggregates(req);
    const body = JSON.stringify(openData({ tambon, generatedAt: new Date(), data }), null, 1);
    return sendDownload(reply, {
      type: "json",
      name: `open-data-community-${tambon.slug}.json`,
      body,
      inline: true,
    });
  });

  const staff = (req: FastifyRequest) => {
    const tambon = allowedTambon(req, "community.manage");
    return tambon;
  };

  app.get("/admin/community/exports", async (req, reply) => {
    const tambon = staff(req);
    const list = await formTitles(db, tambon.id);
    return reply.page(
      msg.t(req.lang)("exp.title"),
      <ExportsPage forms={list} base={`/t/${tambon.slug}/admin/community/exports`} />,
    );
  });

  async function submissionTables(req: FastifyRequest, format: "xlsx" | "csv") {
    const tambon = staff(req);
    const formId = requireId(queryOf(req).form);
    const form = await formDefinitionOf(db, tambon.id, formId);
    if (!form) throw notFound();
    const def = form.definition;
    const rows = await exportedSubmissions(db, tambon.id, form.id);
    const tables = odkTables(def, rows);
    await logPersonalRead(db, req, {
      subject: "export",
      subjectId: form.id,
      detail: `submissions.${format} form ${form.id}`,
      records: rows.length,
    });
    await audit(db, {
      tambonId: tambon.id,
      actorId: req.actor.user?.id ?? null,
      action: "community.submissions.export",
      targetType: "community_forms",
      targetId: form.id,
      after: { format, submissions: rows.length },
    });
    return { tables, name: `${def.formId || "survey"}-${tambon.slug}` };
  }

  app.get("/admin/community/exports/submissions.xlsx", async (req, reply) => {
    const { tables, name } = await submissionTables(req, "xlsx");
    const body = await writeWorkbook(
      tables.map((t) => ({
        name: t.name,
        rows: [t.headers.map((h) => ({ value: h, bold: true })), ...t.rows],
        frozenRows: 1,
      })),
    );
    return sendDownload(reply, { type: "xlsx", name: `${name}.xlsx`, body });
  });

  app.get("/admin/community/exports/submissions.csv", async (req, reply) => {
    const { tables, name } = await submissionTables(req, "csv");
    const main = tables[0]!;
    return sendDownload(reply, {
      type: "csv",
      name: `${name}.csv`,
      body: toCsv(main.headers, main.rows),
    });
  });
}
