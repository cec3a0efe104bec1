import type { FastifyReply, FastifyRequest } from "fastify";
import { allowedTambon, currentTambon } from "../../../core/http.ts";
import type { Tambon } from "../../../core/tenancy.ts";
import { tambonTitle } from "../../../core/views/layout.tsx";
import { msg, type NetKey } from "../messages.ts";

/** Where the network administration of a tambon lives, below the tambon's own address. */
export const ADMIN = "/admin/network";

/** The address of a page of the tambon's network administration (`path` after `/admin/network`). */
export function adminUrl(tambon: Tambon, path = ""): string {
  return `/t/${tambon.slug}${ADMIN}${path}`;
}

/** The network module's texts in the request's language. */
export function netText(req: FastifyRequest) {
  return msg.t(req.lang);
}

/** The tambon of the request, once the actor may do the action there (core's, for the routes that import the kit). */
export { allowedTambon };

/**
 * Sends the actor on to a page of the tambon's network administration (`path` after
 * `/admin/network`, a `#part` of it after `hash`) with a flash of the module's texts.
 */
export function toAdmin(
  reply: FastifyReply,
  req: FastifyRequest,
  path: string,
  flash: NetKey,
  hash = "",
): FastifyReply {
  return reply.seeOther(`${adminUrl(currentTambon(req), path)}${hash}`, netText(req)(flash));
}

/** The title of one of the tambon's network pages: the text of `key`, naming the tambon. */
export function tambonPageTitle(req: FastifyRequest, key: NetKey): string {
  return netText(req)(key, { tambon: tambonTitle(currentTambon(req), req.lang) });
}
