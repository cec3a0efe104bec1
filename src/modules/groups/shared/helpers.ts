import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db, DbOrTx } from "../../../core/db/index.ts";
import { confirmFirst } from "../../../core/confirmation.tsx";
import { lookup } from "../../../core/install.ts";
import type { NamedItem } from "../../../core/modules.ts";
import { defaultPillars, type PillarChoice } from "../groups/group.ts";
import { notFound } from "../../../core/errors.ts";
import { parseId, requireId } from "../../../core/params.ts";
import { allowedTambon } from "../../../core/http.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { getMeeting } from "../meetings/queries.ts";
import { can } from "../../../core/policy.ts";
import type { MeetingRow } from "../meetings/queries.ts";
import {
  throwIfDenied,
  translateErrors,
  type FieldError,
  type Result,
} from "../../../core/result.ts";
import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { msg, type GroupsKey } from "../messages.ts";

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

/** A failed command's errors as one line, for the message shown after a redirect. */
export function errorText(
  errors: Record<string, FieldError<GroupsKey | CoreKey>>,
  lang: Lang,
): string {
  return Object.values(translateErrors(errors, lang, msg)).join(" ");
}

/** The message shown after a command and its redirect: what was done, or why it was not. */
export function outcomeText(
  result: Result<unknown, GroupsKey | CoreKey>,
  lang: Lang,
  done: GroupsKey,
  vars?: Record<string, string | number>,
): string {
  return result.ok ? msg.t(lang)(done, vars) : errorText(result.errors, lang);
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

/** The tambon of the request, once the actor may do `action` there (else 403 or the login page). */
export function tambonFor(req: FastifyRequest, action: string): Tambon {
  const tambon = allowedTambon(req, action);
  return tambon;
}

/** The meeting named in the path, once the actor may do `action` (404 for another tambon's). */
export async function loadMeeting(
  db: DbOrTx,
  req: FastifyRequest<{ Params: { id: string } }>,
  action: string,
) {
  const tambon = tambonFor(req, action);
  const meeting = await getMeeting(db, tambon.id, requireId(req.params.id));
  if (!meeting) throw notFound();
  return { tambon, meeting };
}

/** What a `recordPost` route does with one record of the tambon. */
export interface RecordPost<R> {
  /** What the actor must be allowed to do (else 403, or the login page). */
  action: string;
  /** The action cannot be undone: it runs only once confirmed (`confirmFirst`). */
  confirm?: boolean;
  /** The tambon's record by id; none is a 404. */
  get: (db: DbOrTx, tambonId: number, id: number) => Promise<R | undefined>;
  /** The command on the record. */
  run: (
    req: FastifyRequest,
    tambonId: number,
    row: R,
  ) => Promise<Result<unknown, GroupsKey | CoreKey>>;
  /** The page to go back to, under the tambon's base URL. */
  back: (row: R) => string;
  /** The message when it was done (and its values), else why it was not. */
  done: GroupsKey;
  vars?: (row: R) => Record<string, string | number>;
}

/**
 * A POST on one record of the tambon (`path` with its `:id`): the record, once the actor may do
 * the action (404 when it is not the tambon's), the command, then back to the record's page with
 * what was done or why it was not.
 */
export function recordPost<R>(
  app: FastifyInstance,
  db: Db,
  path: string,
  spec: RecordPost<R>,
): void {
  app.post<{ Params: { id: string } }>(
    path,
    spec.confirm ? confirmFirst : {},
    async (req, reply) => {
      const tambon = tambonFor(req, spec.action);
      const row = await spec.get(db, tambon.id, requireId(req.params.id));
      if (!row) throw notFound();
      const result = throwIfDenied(await spec.run(req, tambon.id, row));
      return reply.seeOther(
        `/t/${tambon.slug}${spec.back(row)}`,
        outcomeText(result, req.lang, spec.done, spec.vars?.(row)),
      );
    },
  );
}
