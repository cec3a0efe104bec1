import { tambonWhere } from "../../../core/db/tambon-row.ts";
import { siteDocuments, siteNews, sitePages } from "../schema.ts";
import { z } from "zod";
import { fields, parseForm } from "../../../core/forms.ts";
import { type Db, type DbOrTx } from "../../../core/db/index.ts";
import { type Actor } from "../../../core/roles.ts";
import { removeDocumentFile, saveDocument, type PreparedDocument } from "../shared/documents.ts";
import { fail, ok, refused, type Result } from "../../../core/result.ts";
import { type SiteKey } from "../messages.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";
import { can } from "../../../core/policy.ts";
import { parseId } from "../../../core/params.ts";
import { indexItem, unindexItem } from "../search/commands.ts";
import { auditSite } from "../shared/fields.ts";
import { deleteSiteRow } from "../shared/delete-row.ts";
import { pick } from "../../../core/pick.ts";

/** A document row. */
export type Doc = typeof siteDocuments.$inferSelect;

export const schema = z.object({
  title: fields.text(300),
  attachTo: z
    .string()
    .optional()
    .transform((s) => s ?? "")
    .pipe(z.string().regex(/^((page|news):\d{1,9})?$/, "err.number")),
});

/** The path where a document is downloaded, inside its tambon's site. */
export function documentPath(doc: Pick<Doc, "file" | "ext">): string {
  return `/uploads/site/${doc.file}.${doc.ext}`;
}

/** Puts a document into the tambon's search (documents are public once uploaded). */
export function indexDocument(tx: DbOrTx, doc: Doc): Promise<void> {
  return indexItem(tx, {
    tambonId: doc.tambonId,
    kind: "document",
    refId: doc.id,
    title: doc.title,
    body: `${doc.ext.toUpperCase()}`,
    url: documentPath(doc),
  });
}

/** Adds an uploaded document (its file stored with it) to the site, optionally attached to a page or news. */
export async function addDocument(
  db: Db,
  actor: Actor,
  tambonId: number,
  input: Record<string, string>,
  stored: PreparedDocument | null,
): Promise<Result<Doc, SiteKey | CoreKey>> {
  if (!can(actor, "site.edit", { tambonId })) return refused();
  const parsed = parseForm(schema, input);
  if (!parsed.ok) return parsed;
  if (!stored) return fail("file", "err.noFile");
  const [kind, id] = parsed.value.attachTo.split(":") as ["page" | "news" | "", string];
  return db.transaction(async (tx) => {
    let pageId: number | null = null;
    let newsId: number | null = null;
    if (kind === "page") {
      const [p] = await tx
        .select({ id: sitePages.id })
        .from(sitePages)
        .where(tambonWhere(sitePages, tambonId, { id: parseId(id) ?? 0 }));
      if (!p) return fail("attachTo", "err.badId");
      pageId = p.id;
    } else if (kind === "news") {
      const [n] = await tx
        .select({ id: siteNews.id })
        .from(siteNews)
        .where(tambonWhere(siteNews, tambonId, { id: parseId(id) ?? 0 }));
      if (!n) return fail("attachTo", "err.badId");
      newsId = n.id;
    }
    await saveDocument(tx, tambonId, stored);
    const [row] = await tx
      .insert(siteDocuments)
      .values({
        tambonId,
        title: parsed.value.title,
        ...pick(stored, "file", "ext", "bytes"),
        pageId,
        newsId,
      })
      .returning();
    await indexDocument(tx, row!);
    await auditSite(tx, actor, tambonId, "site.document.add", "site_document", row!.id, {
      title: row!.title,
      ext: row!.ext,
      bytes: row!.bytes,
      pageId,
      newsId,
    });
    return ok(row!);
  });
}

/** Removes a document from the site. */
export const deleteDocument = (db: Db, actor: Actor, tambonId: number, docId: number) =>
  deleteSiteRow(db, actor, tambonId, siteDocuments, docId, {
    action: "site.document.delete",
    targetType: "site_document",
    before: (row) => ({ title: row.title }),
    then: async (tx, row) => {
      if (row.file) await removeDocumentFile(tx, tambonId, { file: row.file, ext: row.ext });
      await unindexItem(tx, tambonId, "document", docId);
    },
  });
