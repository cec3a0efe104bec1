import { createHash } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { and, eq, getTableName, like, lt, not, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db, DbOrTx } from "./db/index.ts";
import { storedFiles, tambons } from "./db/schema.ts";
import { disposition } from "./download.ts";
import { reencodeImage, type ReencodedImage, type ReencodeOptions } from "./uploads.ts";
import { tambonWhere, tambonRowOf, anyOf } from "./db/tambon-row.ts";

/**
 * The one store of files: every upload kept, and every file a tambon's pages serve, is a row of
 * `stored_files` (the bytes, their type, size and SHA-256), written in the transaction of the
 * command that keeps it, so a failed form leaves nothing and one database dump holds everything.
 * A file is read by its tambon and its id (or the key its public URL names): another tambon's
 * file is not found.
 */

/** A stored file as it is read back. */
export interface StoredFile {
  id: number;
  tambonId: number;
  kind: string;
  key: string | null;
  name: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  data: Buffer;
  createdAt: Date;
}

/** What is stored: its tambon, its kind ("site.photo", "network.logo" …), type and bytes. */
export interface NewFile {
  tambonId: number;
  kind: string;
  contentType: string;
  data: Buffer;
  /** The original file name (cleaned before it is kept). */
  name?: string;
  /** The name a public URL gives the file, unique in its tambon. */
  key?: string | null;
}

/** What a stored file is known by afterwards. */
export interface FileRef {
  id: number;
  sha256: string;
  key: string | null;
}

/** Longest file name kept. */
const NAME_MAX = 120;

/**
 * A file name safe to keep and to send back in a header: the last part of a path, without control
 * characters, quotes or slashes, at most 120 characters (the extension kept), never empty.
 */
export function cleanFileName(name: string | undefined | null, fallback = "file"): string {
  let n = (name ?? "").split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  n = n.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").trim();
  n = n.replace(/^\.+/, "");
  if (n.length > NAME_MAX) {
    const dot = n.lastIndexOf(".");
    const ext = dot > 0 && n.length - dot <= 10 ? n.slice(dot) : "";
    n = n.slice(0, NAME_MAX - ext.length) + ext;
  }
  return n || fallback;
}

/** The SHA-256 of some bytes, in hex. */
export function sha256Hex(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Stores a file; returns its id, hash and key. */
export async function putFile(db: DbOrTx, file: NewFile): Promise<FileRef> {
  const sha256 = sha256Hex(file.data);
  const [row] = await db
    .insert(storedFiles)
    .values({
      tambonId: file.tambonId,
      kind: file.kind,
      key: file.key ?? null,
      name: cleanFileName(file.name, file.key ?? "file"),
      contentType: file.contentType,
      byteSize: file.data.length,
      sha256,
      data: file.data,
    })
    .returning({ id: storedFiles.id, key: storedFiles.key });
  return { id: row!.id, sha256, key: row!.key };
}

/** A tambon's stored file by its id (undefined for another tambon's, or none). */
export const getFile = tambonRowOf(storedFiles);

/** A tambon's stored file by the key its public URL names. */
export async function getFileByKey(
  db: DbOrTx,
  tambonId: number,
  key: string,
): Promise<StoredFile | undefined> {
  const [row] = await db
    .select()
    .from(storedFiles)
    .where(tambonWhere(storedFiles, tambonId, { key }))
    .limit(1);
  return row;
}

/** Removes a tambon's stored files by id (another tambon's ids remove nothing). */
export async function deleteFile(
  db: DbOrTx,
  tambonId: number,
  ...ids: (number | null | undefined)[]
): Promise<void> {
  const keep = ids.filter((id): id is number => typeof id === "number");
  if (!keep.length) return;
  await db.delete(storedFiles).where(tambonWhere(storedFiles, tambonId, { id: anyOf(keep) }));
}

/** Removes a tambon's stored files by key. */
export async function deleteFilesByKey(
  db: DbOrTx,
  tambonId: number,
  ...keys: (string | null | undefined)[]
): Promise<void> {
  const keep = keys.filter((k): k is string => !!k);
  if (!keep.length) return;
  await db.delete(storedFiles).where(tambonWhere(storedFiles, tambonId, { key: anyOf(keep) }));
}

/** The stored files of an image: the image itself and each of its sizes. */
export interface StoredImage<V extends string = never> {
  main: FileRef;
  variants: Record<V, FileRef>;
}

/**
 * Stores an image as the upload pipeline made it (`reencodeImage`: no metadata, size bounded) and
 * each of its sizes, as WebP. The sizes are of kind `<kind>.<size>` ("site.photo.thumb").
 * `key(size)` names each file for public URLs (null: the image itself).
 */
export async function putImage<V extends string = never>(
  db: DbOrTx,
  image: ReencodedImage<V>,
  opts: {
    tambonId: number;
    kind: string;
    name?: string;
    key?: (size: V | null) => string;
  },
): Promise<StoredImage<V>> {
  const main = await putFile(db, {
    tambonId: opts.tambonId,
    kind: opts.kind,
    contentType: image.mime,
    data: image.data,
    name: opts.name,
    key: opts.key?.(null),
  });
  const variants = {} as Record<V, FileRef>;
  for (const size of Object.keys(image.variants) as V[]) {
    variants[size] = await putFile(db, {
      tambonId: opts.tambonId,
      kind: `${opts.kind}.${size}`,
      contentType: "image/webp",
      data: image.variants[size],
      name: opts.name,
      key: opts.key?.(size),
    });
  }
  return { main, variants };
}

/** How a stored file is served. */
export interface ServeOptions {
  /**
   * "public": the URL names a file whose content never changes (its id or hash), so anyone may
   * keep it a year; "private": only for this visitor, asked again every time.
   */
  visibility: "public" | "private";
  /** Saved rather than shown (documents always are; images are shown unless this is set). */
  download?: boolean;
  /** The name given to the download, when not the stored one. */
  name?: string;
}

/** The part of a stored file `serveFile` sends. */
export type ServedFile = Pick<StoredFile, "contentType" | "byteSize" | "sha256" | "data"> & {
  name?: string;
};

/** True when an If-None-Match header names this entity tag. */
function matches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const list = (Array.isArray(header) ? header.join(",") : header).split(",");
  return list.some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * Sends a stored file: its type and length, an ETag from its SHA-256 (and 304 when the browser
 * has it), never sniffed, shown inline (images) or saved (anything else), cached for a year when
 * public and checked every time when private, in a sandbox so that no document runs a script.
 */
export function serveFile(
  reply: FastifyReply,
  req: FastifyRequest,
  file: ServedFile,
  opts: ServeOptions,
): FastifyReply {
  const etag = `"${file.sha256}"`;
  const image = file.contentType.startsWith("image/");
  const inline = image && !opts.download;
  reply
    .header("etag", etag)
    .header(
      "cache-control",
      opts.visibility === "public" ? "public, max-age=31536000, immutable" : "private, no-cache",
    )
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  if (matches(req.headers["if-none-match"], etag)) return reply.code(304).send();
  return reply
    .header("content-type", file.contentType)
    .header("content-length", String(file.byteSize))
    .header(
      "content-disposition",
      disposition(inline ? "inline" : "attachment", opts.name ?? file.name ?? "file"),
    )
    .send(file.data);
}

/** A file kept on disk before the file store, and how to store it. */
export interface LegacyFile {
  tambonId: number;
  kind: string;
  key: string;
  path: string;
  contentType: string;
  /** Images go through the upload pipeline again, so that no metadata they carried is kept. */
  image?: ReencodeOptions<never>;
}

/**
 * Moves a file kept on disk before the file store into it (an image through the pipeline) and
 * removes the disk file. A file already in the store under its key is only removed from disk; an
 * image the pipeline refuses is dropped, never served as it was. True when a file was stored.
 */
export async function importLegacyFile(db: Db, file: LegacyFile): Promise<boolean> {
  let data: Buffer;
  try {
    data = await readFile(file.path);
  } catch {
    return false;
  }
  let stored = false;
  if (!(await getFileByKey(db, file.tambonId, file.key))) {
    let contentType = file.contentType;
    if (file.image) {
      const r = await reencodeImage(data, file.image);
      if (r.ok) {
        data = r.image.data;
        contentType = r.image.mime;
      }
      stored = r.ok;
    } else stored = true;
    if (stored)
      await putFile(db, {
        tambonId: file.tambonId,
        kind: file.kind,
        contentType,
        data,
        name: path.basename(file.path),
        key: file.key,
      });
  }
  await rm(file.path, { force: true });
  return stored;
}

/** The ids of the tambons of the installation (legacy folders of others are left alone). */
export async function tambonIds(db: Db): Promise<Set<number>> {
  return new Set((await db.select({ id: tambons.id }).from(tambons)).map((r) => r.id));
}

/**
 * Where a module's rows point to stored files, declared in its manifest (`files`), so that a file
 * no row points to any more (its row went with a cascade, e.g. an album's photos or a tambon's
 * partner) is swept. `kinds` are the prefixes of the kinds of file the module writes ("site"
 * covers "site.photo" and "site.photo.thumb"); files of other kinds are never touched. Each
 * reference is a table with a `tambon_id` column and either its column holding a stored file's
 * id, the keys its rows name (SQL over the table's columns, e.g. `'site/' || file || '.jpg'`), or
 * a condition true for a row that names the file (SQL naming the file's id as `storedFileId`, for
 * ids kept inside a JSON value).
 */
export interface FileReferences {
  kinds: string[];
  refs: (
    | { table: PgTable; id: PgColumn }
    | { table: PgTable; keys: SQL[] }
    | { table: PgTable; where: SQL }
  )[];
}

/** The id of the stored file a `where` reference of `FileReferences` is asked about. */
export const storedFileId = sql.raw(`"stored_files"."id"`);

/**
 * Removes the stored files of the declared kinds that no declared row of their tambon points to
 * and that are older than `olderThan` (a file is stored in the transaction of the row that names
 * it, so only a writer outside a transaction could leave a young file unnamed for a moment).
 * Returns how many were removed.
 */
export async function sweepOrphanFiles(
  db: DbOrTx,
  declared: FileReferences[],
  opts: { olderThan: Date; tambonId?: number },
): Promise<number> {
  // Outer references are spelled out: inside a subquery an unqualified name would bind to the
  // referencing table's own column.
  const fileTambon = sql.raw(`"stored_files"."tambon_id"`);
  let swept = 0;
  for (const d of declared) {
    if (!d.kinds.length) continue;
    const kinds = or(
      ...d.kinds.flatMap((k) => [eq(storedFiles.kind, k), like(storedFiles.kind, `${k}.%`)]),
    );
    const pointedTo = d.refs.map((r) => {
      const tambon = sql.raw(`"${getTableName(r.table)}"."tambon_id"`);
      const match =
        "id" in r
          ? sql`${r.id} = ${storedFileId}`
          : "keys" in r
            ? sql`${sql.raw(`"stored_files"."key"`)} in (${sql.join(r.keys, sql`, `)})`
            : r.where;
      return sql`exists (select 1 from ${r.table} where ${tambon} = ${fileTambon} and ${match})`;
    });
    const gone = await db
      .delete(storedFiles)
      .where(
        and(
          kinds,
          lt(storedFiles.createdAt, opts.olderThan),
          opts.tambonId === undefined ? undefined : eq(storedFiles.tambonId, opts.tambonId),
          ...pointedTo.map((p) => not(p)),
        ),
      )
      .returning({ id: storedFiles.id });
    swept += gone.length;
  }
  return swept;
}
