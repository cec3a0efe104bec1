import { asc } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { auditBy } from "../../../core/audit.ts";
import { prepareAttachment, putAttachment } from "../../../core/attachments.ts";
import { cleanFileName, deleteFile } from "../../../core/file-store.ts";
import { fail, missing, ok, refused } from "../../../core/result.ts";
import { can } from "../../../core/policy.ts";
import type { Actor } from "../../../core/roles.ts";
import { PHOTO_MAX_PIXELS, type UploadSpec } from "../../../core/uploads.ts";
import type { PlansResult } from "../messages.ts";
import { projectFiles } from "../schema.ts";
import { getProject } from "./queries.ts";
import { tambonWhere, lastNumber } from "../../../core/db/tambon-row.ts";
import { pick } from "../../../core/pick.ts";

/** What the project's file form takes: one photo or document of up to 8 MB. */
export const PROJECT_FILE_UPLOAD: UploadSpec = {
  files: 1,
  fileBytes: 8 * 1024 * 1024,
  fields: 5,
};

/** A photo or document of a project as its pages show it. */
export type ProjectFile = Omit<typeof projectFiles.$inferSelect, "tambonId">;

const columns = {
  ...pick(
    projectFiles,
    "id",
    "projectId",
    "kind",
    "name",
    "caption",
    "mime",
    "bytes",
    "position",
    "fileId",
    "thumbFileId",
    "createdAt",
  ),
};

/** A project's photos and documents, in their order. */
export function listProjectFiles(
  db: DbOrTx,
  tambonId: number,
  projectId: number,
): Promise<ProjectFile[]> {
  return db
    .select(columns)
    .from(projectFiles)
    .where(tambonWhere(projectFiles, tambonId, { projectId }))
    .orderBy(asc(projectFiles.position), asc(projectFiles.id));
}

/** One photo or document of a tambon's project (undefined for another tambon's). */
export async function getProjectFile(
  db: DbOrTx,
  tambonId: number,
  id: number,
): Promise<ProjectFile | undefined> {
  const [row] = await db
    .select(columns)
    .from(projectFiles)
    .where(tambonWhere(projectFiles, tambonId, { id }));
  return row;
}

const caption = (s: string | undefined) => (s ?? "").trim().slice(0, 300);

/**
 * Adds a photo or document to a project: a photo is re-encoded (upright, no EXIF or GPS) with a
 * thumbnail; a PDF or office document is kept as it came and always served as a download.
 */
export async function addProjectFile(
  db: Db,
  actor: Actor,
  tambonId: number,
  projectId: number,
  file: { data: Buffer; filename: string },
  input: Record<string, string>,
): Promise<PlansResult<ProjectFile>> {
  if (!can(actor, "project.screen", { tambonId })) return refused();
  if (!file.data.length) return fail("file", "err.required");
  const name = cleanFileName(file.filename);
  const prepared = await prepareAttachment(file);
  if (!prepared.ok)
    return prepared.reason === "tooManyPixels"
      ? fail("file", "upload.tooManyPixels", { name, mp: PHOTO_MAX_PIXELS / 1_000_000 })
      : fail("file", "projectFile.unknownType");
  const a = prepared.value;
  return db.transaction(async (tx): Promise<PlansResult<ProjectFile>> => {
    const project = await getProject(tx, tambonId, projectId);
    if (!project) return missing();
    const stored = await putAttachment(tx, { tambonId, prefix: "project", name }, a);
    const last = await lastNumber(tx, projectFiles, "position", tambonId, {
      projectId: project.id,
    });
    const [row] = await tx
      .insert(projectFiles)
      .values({
        tambonId,
        projectId: project.id,
        kind: a.kind,
        name,
        caption: caption(input.caption),
        mime: a.mime,
        bytes: a.data.length,
        position: last + 1,
        fileId: stored.file.id,
        thumbFileId: stored.thumb?.id ?? null,
      })
      .returning(columns);
    await auditBy(tx, actor, tambonId, {
      action: "project.file.add",
      targetType: "project",
      targetId: project.id,
      after: { fileId: row!.id, name, kind: a.kind, bytes: a.data.length },
    });
    return ok(row!);
  });
}

/** Changes a file's caption and place in the gallery. */
export async function editProjectFile(
  db: Db,
  actor: Actor,
  tambonId: number,
  id: number,
  input: Record<string, string>,
): Promise<PlansResult<ProjectFile>> {
  if (!can(actor, "project.screen", { tambonId })) return refused();
  const raw = (input.position ?? "").trim();
  const position = raw === "" ? null : /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(position)) return fail("position", "err.range", { min: 0, max: 9999 });
  return db.transaction(async (tx): Promise<PlansResult<ProjectFile>> => {
    const current = await getProjectFile(tx, tambonId, id);
    if (!current) return missing();
    const [row] = await tx
      .update(projectFiles)
      .set({ caption: caption(input.caption), position: position ?? current.position })
      .where(tambonWhere(projectFiles, tambonId, { id: current.id }))
      .returning(columns);
    await auditBy(tx, actor, tambonId, {
      action: "project.file.update",
      targetType: "project",
      targetId: current.projectId,
      before: { fileId: current.id, caption: current.caption, position: current.position },
      after: { fileId: current.id, caption: row!.caption, position: row!.position },
    });
    return ok(row!);
  });
}

/** Removes a photo or document of a project and its stored bytes, in one transaction. */
export async function deleteProjectFile(
  db: Db,
  actor: Actor,
  tambonId: number,
  id: number,
): Promise<PlansResult<ProjectFile>> {
  if (!can(actor, "project.screen", { tambonId })) return refused();
  return db.transaction(async (tx): Promise<PlansResult<ProjectFile>> => {
    const [gone] = await tx
      .delete(projectFiles)
      .where(tambonWhere(projectFiles, tambonId, { id }))
      .returning(columns);
    if (!gone) return missing();
    await deleteFile(tx, tambonId, gone.fileId, gone.thumbFileId);
    await auditBy(tx, actor, tambonId, {
      action: "project.file.delete",
      targetType: "project",
      targetId: gone.projectId,
      before: { fileId: gone.id, name: gone.name, kind: gone.kind },
    });
    return ok(gone);
  });
}
