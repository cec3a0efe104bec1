import type {
  FastifyReply,
  FastifyRequest,
  RouteHandlerMethod,
  RouteOptions,
  RouteShorthandOptions,
} from "fastify";
import { ConfirmAgain } from "./views/confirm.tsx";
import { core } from "./i18n/messages.ts";
import { NotConfirmed, runUnconfirmed } from "./unconfirmed.ts";

/**
 * Route options of an action that closes, deletes, archives, publishes for good or opens a vote:
 * the server does it only when the form says it was confirmed (`confirmed=1`, sent by
 * `ConfirmPage`, `ConfirmButton` and `ConfirmTick`). A request without it — forged, or from a
 * browser that ignores `required` — goes through the route's own checks first (403 without the
 * right, 404 for a record that is not the tambon's), and where it would record its change answers
 * 422 with the same form to confirm and send again, the change rolled back (see `askFirst`).
 * Merge with other options: `{ ...uploadRoute(s), ...confirmFirst }`.
 */
export const confirmFirst: RouteShorthandOptions = confirmFirstWhen(() => true);

/**
 * `confirmFirst` for a route that does something that cannot be undone only for some forms
 * (archiving, where restoring is not dangerous): `when` tells from the form.
 */
export function confirmFirstWhen(
  when: (body: Record<string, unknown>) => boolean,
): RouteShorthandOptions {
  return { config: { confirmFirst: when } };
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The action runs only with `confirmed=1` in its form when this says so (see `confirmFirst`). */
    confirmFirst?: (body: Record<string, unknown>) => boolean;
  }
}

/**
 * Called for every route as it is registered (the app's `onRoute` hook): the handler of a route
 * with `confirmFirst` runs an unconfirmed request so that `audit()` refuses its change — after the
 * route's access check and lookup, before anything is kept — and answers that refusal with the
 * page to confirm. True when the route asks first.
 */
export function askFirst(route: RouteOptions): boolean {
  const when = route.config?.confirmFirst;
  if (!when) return false;
  const handler = route.handler as RouteHandlerMethod;
  route.handler = async function (req, reply) {
    if (wasConfirmed(req) || !when((req.body ?? {}) as Record<string, unknown>))
      return handler.call(this, req, reply);
    try {
      return await runUnconfirmed(() => handler.call(this, req, reply));
    } catch (err) {
      if (err instanceof NotConfirmed) return refuseUnconfirmed(req, reply);
      throw err;
    }
  };
  return true;
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

function refuseUnconfirmed(req: FastifyRequest, reply: FastifyReply) {
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
