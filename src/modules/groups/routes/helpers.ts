import type { FastifyRequest } from "fastify";
import { toCsv } from "../../../core/csv.ts";
import type { DbOrTx } from "../../../core/db/index.ts";
import { lookup } from "../../../core/install.ts";
import type { NamedItem } from "../../../core/modules.ts";
import { defaultPillars, type PillarChoice } from "../group.ts";
import { notFound } from "../../../core/errors.ts";
import { parseId } from "../../../core/params.ts";
import { can } from "../../../core/policy.ts";
import type { MeetingRow } from "../queries.ts";
import type { GResult } from "../result.ts";

/** A record id from a form or query value, read as the core reads ids (0 when it is not one). */
export function toId(value: unknown): number {
  return parseId(value) ?? 0;
}

/** True when the actor organises meetings here (sees private meetings, draft minutes, names). */
export function isOrganiser(req: FastifyRequest, tambonId: number): boolean {
  return can(req.actor, "meeting.readPrivate", { tambonId });
}

/** 404 unless the meeting is public or the actor organises meetings here. */
export function assertVisible(req: FastifyRequest, meeting: MeetingRow | undefined): MeetingRow {
  if (!meeting) throw notFound();
  if (!meeting.isPublic && !isOrganiser(req, meeting.tambonId)) throw notFound();
  return meeting;
}

/** The query string as plain strings. */
export function query(req: FastifyRequest): Record<string, string | undefined> {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(q)) out[k] = typeof v === "string" ? v : undefined;
  return out;
}

/** A CSV document (BOM, CRLF lines, formulas defused); the first row is the header. */
export function csv(rows: (string | number | null | undefined)[][]): string {
  return toCsv(rows[0]?.map(String) ?? [], rows.slice(1));
}

/** A Content-Disposition header value with a UTF-8 file name. */
export function disposition(kind: "inline" | "attachment", filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Throws 404 when a command found nothing of this tambon (another tambon's id). */
export function notFoundIf<T>(result: GResult<T>): GResult<T> {
  if (!result.ok) {
    const e = result.errors._form;
    if (e && "key" in e && e.key === "error.404") throw notFound();
  }
  return result;
}

/**
 * The tambon's own pillars (offered by the network module as the "pillars" lookup), else the
 * default list (also when the build leaves the network module out).
 */
export async function pillarChoices(db: DbOrTx, tambonId: number): Promise<PillarChoice[]> {
  const own = (await lookup<NamedItem[]>("pillars")?.(db, tambonId)) ?? [];
  return own.length
    ? own.map((p) => ({ nameTh: p.nameTh, nameEn: p.nameEn }))
    : defaultPillars().map((nameTh) => ({ nameTh, nameEn: "" }));
}
