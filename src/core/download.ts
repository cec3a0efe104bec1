import type { FastifyReply } from "fastify";

/**
 * A Content-Disposition header value whose file name survives every browser: an ASCII fallback
 * and the UTF-8 name (RFC 6266 / RFC 8187), so a Thai file name is kept where it can be.
 */
export function disposition(kind: "inline" | "attachment", filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Media types of the files the platform makes for download. */
export const DOWNLOAD_TYPES = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  ics: "text/calendar; charset=utf-8",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
  png: "image/png",
} as const;

/** Sends a made file: its type, its name (saved, or shown inline), and no caching of old copies. */
export function sendDownload(
  reply: FastifyReply,
  file: {
    type: keyof typeof DOWNLOAD_TYPES;
    name: string;
    body: string | Buffer | Uint8Array;
    inline?: boolean;
    /** Cache-Control; by default every request gets the current file. */
    cache?: string;
  },
): FastifyReply {
  return reply
    .header("content-type", DOWNLOAD_TYPES[file.type])
    .header("content-disposition", disposition(file.inline ? "inline" : "attachment", file.name))
    .header("x-content-type-options", "nosniff")
    .header("cache-control", file.cache ?? "no-cache")
    .send(file.body);
}
