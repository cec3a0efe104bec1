import { type Upload } from "../../../core/uploads.ts";
import type { DbOrTx } from "../../../core/db/index.ts";
import { deleteFilesByKey, putFile } from "../../../core/file-store.ts";
import { fail, ok, type Result } from "../../../core/result.ts";
import { type SiteKey } from "../messages.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";
import { DOCUMENT_MAX_BYTES, type StoredDocument, newKey, publicKey } from "./media.ts";

/** Recognises a PDF, XLSX or DOCX by its bytes. */
export function documentKind(buf: Buffer): StoredDocument["ext"] | null {
  if (buf.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
    if (buf.includes("word/document.xml")) return "docx";
    if (buf.includes("xl/workbook.xml")) return "xlsx";
  }
  return null;
}

/** The content type of a stored document. */
const DOCUMENT_TYPES = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/** A document checked and named, held until the command that keeps it stores it. */
export interface PreparedDocument extends StoredDocument {
  data: Buffer;
  originalName: string;
}

/** Checks a document's kind and size and names it; nothing is stored yet. */
export function prepareDocument(upload: Upload): Result<PreparedDocument, SiteKey | CoreKey> {
  const name = upload.filename;
  if (upload.truncated || upload.data.length > DOCUMENT_MAX_BYTES)
    return fail("file", "err.tooBig", { name, max: DOCUMENT_MAX_BYTES / 1024 / 1024 });
  const ext = documentKind(upload.data);
  if (!ext) return fail("file", "err.notDocument", { name });
  return ok({
    file: newKey(),
    ext,
    bytes: upload.data.length,
    data: upload.data,
    originalName: name,
  });
}

/** Stores a prepared document (in the transaction of the command that keeps its row). */
export async function saveDocument(
  tx: DbOrTx,
  tambonId: number,
  doc: PreparedDocument,
): Promise<void> {
  await putFile(tx, {
    tambonId,
    kind: "site.document",
    contentType: DOCUMENT_TYPES[doc.ext],
    data: doc.data,
    name: doc.originalName,
    key: publicKey(`${doc.file}.${doc.ext}`),
  });
}

/** Removes a document's file. */
export async function removeDocumentFile(
  db: DbOrTx,
  tambonId: number,
  doc: { file: string; ext: string },
): Promise<void> {
  await deleteFilesByKey(db, tambonId, publicKey(`${doc.file}.${doc.ext}`));
}
