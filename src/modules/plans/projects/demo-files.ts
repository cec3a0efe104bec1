import { asc, eq } from "drizzle-orm";
import type { Tx } from "../../../core/db/index.ts";
import { putFile } from "../../../core/file-store.ts";
import { projectFiles, projects } from "../schema.ts";
import { onePagePdf } from "../../../core/one-page-pdf.ts";

/** A demo tambon's first project gets a small report (a PDF) among its documents. */
export async function seedProjectFilesDemo(tx: Tx, tambonId: number): Promise<void> {
  const [first] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.tambonId, tambonId))
    .orderBy(asc(projects.planId), asc(projects.seq))
    .limit(1);
  if (!first) return;
  const data = onePagePdf("Project report - demo", 20);
  const stored = await putFile(tx, {
    tambonId,
    kind: "project.document",
    contentType: "application/pdf",
    data,
    name: "report.pdf",
  });
  await tx.insert(projectFiles).values({
    tambonId,
    projectId: first.id,
    kind: "document",
    name: "report.pdf",
    caption: "รายงานผลการดำเนินงาน (สาธิต)",
    mime: "application/pdf",
    bytes: data.length,
    position: 1,
    fileId: stored.id,
  });
}
