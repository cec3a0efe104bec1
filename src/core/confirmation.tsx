import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from "fastify";
import { ConfirmAgain } from "./views/confirm.tsx";
import { core } from "./i18n/messages.ts";

/**
 * Route options of an action that closes, deletes, archives, publishes for good or opens a vote:
 * the server does it only when the form says it was confirmed (`confirmed=1`, sent by
 * `ConfirmPage`, `ConfirmButton` and `ConfirmTick`). A request without it — forged, or from a
 * browser that ignores `required` — answers 422 with the same form to confirm and send again,
 * before the route reads anything. Merge with other options: `{ ...uploadRoute(s), ...confirmFirst }`.
 */
export const confirmFirst: RouteShorthandOptions = confirmFirstWhen(() => true);

/**
 * `confirmFirst` for a route that does something that cannot be undone only for some forms
 * (archiving, where restoring is not dangerous): `when` tells from the form.
 */
export function confirmFirstWhen(
  when: (body: Record<string, unknown>) => boolean,
): RouteShorthandOptions {
  return {
    config: { confirmFirst: true },
    preHandler: async (req, reply) => {
      if (when((req.body ?? {}) as Record<string, unknown>)) return refuseUnconfirmed(req, reply);
    },
  };
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The action runs only with `confirmed=1` in its form (see `confirmFirst`). */
    confirmFirst?: boolean;
  }
}

/** True when the form of the request says the action was confirmed. */
export function wasConfirmed(req: FastifyRequest): boolean {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const v = body.confirmed;
  const value = v && typeof v === "object" && "value" in v ? (v as { value: unknown }).value : v;
  return value === "1" || (Array.isArray(value) && value.includes("1"));
}

/**
 * Fields never written back into the page to send again: a password, token or secret typed into
 * the form would otherwise sit in the HTML (the browser's cache, a saved page); it is typed again.
 */
const NEVER_ECHOED = /password|passcode|secret|token/i;

async function refuseUnconfirmed(req: FastifyRequest, reply: FastifyReply) {
  if (wasConfirmed(req)) return;
  const fields: Record<string, string[]> = {};
  for (const [name, v] of Object.entries((req.body ?? {}) as Record<string, unknown>)) {
    if (name === "_csrf" || name === "confirmed" || NEVER_ECHOED.test(name)) continue;
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
    if (values.length) fields[name] = values;
  }
  const title = core.t(req.lang)("confirm.againTitle");
  return reply.page(title, <ConfirmAgain action={req.url} fields={fields} back={backTo(req)} />, {
    status: 422,
  });
}

/** Where "cancel" leads: the page the form was on (same site), else the tambon's home. */
function backTo(req: FastifyRequest): string {
  const home = req.tambon ? `/t/${req.tambon.slug}` : "/";
  const referer = req.headers.referer;
  if (!referer) return home;
  try {
    const u = new URL(referer);
    if (u.host !== req.headers.host) return home;
    return u.pathname + u.search;
  } catch {
    return home;
  }
}
