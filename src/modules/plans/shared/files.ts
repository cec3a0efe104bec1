import type { FileReferences } from "../../../core/file-store.ts";
import { projectFiles } from "../schema.ts";

/**
 * The stored files plans rows name, by id (see projects/files.ts): a project's photo or document
 * and a photo's thumbnail. A file of kind "project…" that no project file names (its project went
 * with a cascade) is swept by the core.
 */
export const plansFiles: FileReferences = {
  kinds: ["project"],
  refs: [
    { table: projectFiles, id: projectFiles.fileId },
    { table: projectFiles, id: projectFiles.thumbFileId },
  ],
};
