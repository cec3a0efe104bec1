import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/** The security headers' policy: helmet's defaults with the platform's content policy. */
export const SECURITY_HEADERS_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      styleSrc: ["'self'"],
      scriptSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  crossOriginEmbedderPolicy: false,
  hsts: false,
};

/**
 * The headers helmet sets for these options, worked out once: none of them depends on the
 * request (no nonces), so building them again for every response — helmet's middleware joins
 * the content policy's directives each time — is work for nothing.
 */
export function securityHeaders(options: HelmetOptions = SECURITY_HEADERS_OPTIONS) {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)(
    {} as Parameters<ReturnType<typeof helmet>>[0],
    res as unknown as Parameters<ReturnType<typeof helmet>>[1],
    (err?: unknown) => {
      if (err) throw err;
    },
  );
  return Object.freeze(headers);
}

/** Sets the security headers on every response (a route may still replace one of its own). */
export function registerSecurityHeaders(app: FastifyInstance, options?: HelmetOptions): void {
  const headers = securityHeaders(options);
  const names = Object.keys(headers);
  app.addHook("onRequest", (_req, reply, done) => {
    for (const name of names) reply.header(name, headers[name]!);
    done();
  });
}
