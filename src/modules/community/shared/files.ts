import { sql } from "drizzle-orm";
import { storedFileId, type FileReferences } from "../../../core/file-store.ts";
import { submissions } from "../schema.ts";

/**
 * The stored files community rows name: a submission's photos, whose ids stand in its answers
 * (see collect/sync.ts; the review reads them the same way, as any number of the answers). A file
 * of kind "community…" that no submission's answers name (the submission was removed) is swept by
 * the core.
 */
export const communityFiles: FileReferences = {
  kinds: ["community"],
  refs: [
    {
      table: submissions,
      where: sql`jsonb_path_exists(${submissions.answers}, '$.** ? (@ == $id)', jsonb_build_object('id', ${storedFileId}))`,
    },
  ],
};
