import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type RouteShorthandOptions } from "fastify";
import { confirmFirst } from "../../../core/confirmation.tsx";
import { type Db } from "../../../core/db/index.ts";
import { type Actor } from "../../../core/roles.ts";
import { orThrow, type Result } from "../../../core/result.ts";
import { type ComponentChildren } from "preact";
import { type Tambon } from "../../../core/tenancy.ts";
import { currentTambon, allowedTambon } from "../../../core/http.ts";
import { requireId } from "../../../core/params.ts";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { msg } from "../messages.ts";
import { pageCache, prepare, sendPrepared } from "../../../core/page-cache.ts";
import { readUploads, type Upload, uploadError } from "../../../core/uploads.ts";
import { type FieldError } from "../../../core/result.ts";
import { type SiteKey } from "../messages.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";

/** The tambon of a public page, after checking it may be read (every tambon's site is public). */
export function read(req: FastifyRequest): Tambon {
  const tambon = allowedTambon(req, "tambon.read");
  return tambon;
}

/** The tambon of an editor's page, after checking the actor may edit the website. */
export function edit(req: FastifyRequest): Tambon {
  const tambon = allowedTambon(req, "site.edit");
  return tambon;
}

/** The tambon of a moderator's page, after checking the actor may moderate. */
export function moderate(req: FastifyRequest): Tambon {
  const tambon = allowedTambon(req, "site.moderate");
  return tambon;
}

/** The address of a path inside a tambon's site. */
export const url = (tambon: Pick<Tambon, "slug">, path: string) => `/t/${tambon.slug}${path}`;

/** The address of the site's administration in a tambon. */
export const base = (tambon: Pick<Tambon, "slug">) => `/t/${tambon.slug}/admin/site`;

/** The site's name as pages describe themselves (the tambon's title). */
export const siteName = (req: FastifyRequest) => tambonTitle(currentTambon(req), req.lang);

/** The site's translator in the language of the request. */
export const t = (req: FastifyRequest) => msg.t(req.lang);

/** The record id of a route's `:id`, or 404. */
export const idOf = (req: FastifyRequest) => requireId((req.params as { id: string }).id);

/** The absolute address of a path, as shared links and feeds need it. */
export function absolute(req: FastifyRequest, path: string): string {
  return `${req.protocol}://${req.host}${path}`;
}

/** Open Graph, Twitter and schema.org tags for a shared page, and its canonical address. */
export function shareHead(p: {
  url: string;
  title: string;
  description: string;
  image: string | null;
  type: "website" | "article";
  siteName: string;
  published?: Date | null;
  modified?: Date | null;
}): ComponentChildren {
  const ld = {
    "@context": "https://schema.org",
    "@type": p.type === "article" ? "NewsArticle" : "WebPage",
    headline: p.title,
    description: p.description,
    url: p.url,
    ...(p.image ? { image: [p.image] } : {}),
    ...(p.published ? { datePublished: p.published.toISOString() } : {}),
    ...(p.modified ? { dateModified: p.modified.toISOString() } : {}),
    publisher: { "@type": "GovernmentOrganization", name: p.siteName },
  };
  return (
    <>
      <link rel="canonical" href={p.url} />
      <meta property="og:type" content={p.type} />
      <meta property="og:site_name" content={p.siteName} />
      <meta property="og:title" content={p.title} />
      <meta property="og:description" content={p.description} />
      <meta property="og:url" content={p.url} />
      {p.image && <meta property="og:image" content={p.image} />}
      <meta name="twitter:card" content={p.image ? "summary_large_image" : "summary"} />
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: JSON.stringify(ld).replace(/</g, "\\u003c") }}
      />
    </>
  );
}

/** Sends a generated body (feed, sitemap, chart) cached until the tambon changes. */
export async function sendGenerated(
  req: FastifyRequest,
  reply: FastifyReply,
  tambon: Tambon,
  key: string,
  type: string,
  build: () => Promise<string>,
) {
  const prepared = await pageCache.memo(tambon.id, `${key}|${req.host}|${req.lang}`, async () =>
    prepare(await build(), type),
  );
  return sendPrepared(req, reply, prepared, "public, max-age=300");
}

export const xml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );

/** The one file of a form field, or the field error when the route cannot take what was sent. */
export function oneUpload(
  req: FastifyRequest,
  field: string,
): { file?: Upload; error?: FieldError } {
  const got = readUploads(req, field);
  const error = uploadError(req, got);
  return error ? { error } : { file: got.files[0] };
}

export type Errors = Record<string, FieldError<SiteKey | CoreKey>>;

/**
 * The two routes of an editor's form: POST `path` adds a record, POST `path/:id` saves the one
 * given; `save` answers both, given the id when editing.
 */
export function saveRoutes(
  app: FastifyInstance,
  path: string,
  save: (req: FastifyRequest, reply: FastifyReply, id?: number) => Promise<FastifyReply>,
  options: RouteShorthandOptions = {},
) {
  app.post(path, options, (req, reply) => save(req, reply));
  app.post<{ Params: { id: string } }>(`${path}/:id`, options, (req, reply) =>
    save(req, reply, idOf(req)),
  );
}

/**
 * The route that deletes one of the tambon's records, asking first (POST `path`, with its `:id`):
 * the editor's `remove` command, then back to `back` (a path of the site's administration, or the
 * path after the deleted row).
 */
export function deleteRoute<R>(
  app: FastifyInstance,
  db: Db,
  path: string,
  remove: (db: Db, actor: Actor, tambonId: number, id: number) => Promise<Result<R, string>>,
  back: string | ((deleted: R) => string),
) {
  app.post<{ Params: { id: string } }>(path, confirmFirst, async (req, reply) => {
    const tambon = edit(req);
    const deleted = orThrow(await remove(db, req.actor, tambon.id, idOf(req)));
    const to = typeof back === "string" ? back : back(deleted);
    return reply.seeOther(`${base(tambon)}${to}`, t(req)("admin.deleted"));
  });
}
