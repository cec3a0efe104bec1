import assert from "node:assert/strict";
import { test } from "node:test";
import Fastify from "fastify";
import { registerSecurityHeaders, securityHeaders } from "./security-headers.ts";
import { csrfFor } from "./http.ts";
import { sign } from "./auth/tokens.ts";

test("the security headers are helmet's for the platform's policy, worked out once", () => {
  const h = securityHeaders();
  assert.equal(
    h["content-security-policy"],
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';" +
      "frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';" +
      "script-src-attr 'none';style-src 'self'",
  );
  assert.equal(h["x-frame-options"], "SAMEORIGIN");
  assert.equal(h["x-content-type-options"], "nosniff");
  assert.equal(h["referrer-policy"], "no-referrer");
  assert.equal(h["cross-origin-opener-policy"], "same-origin");
  // HSTS is set by the app only over HTTPS when asked for; cross-origin embedding stays open.
  assert.equal(h["strict-transport-security"], undefined);
  assert.equal(h["cross-origin-embedder-policy"], undefined);
});

test("every response carries them, a 404 too; a route may replace its own", async () => {
  const app = Fastify();
  registerSecurityHeaders(app);
  app.get("/page", async () => "ok");
  app.get("/report", async (_req, reply) => {
    reply.header("content-security-policy", "default-src 'none'");
    return "report";
  });
  const page = await app.inject({ url: "/page" });
  assert.equal(
    page.headers["content-security-policy"],
    securityHeaders()["content-security-policy"],
  );
  assert.equal(page.headers["x-frame-options"], "SAMEORIGIN");
  const missing = await app.inject({ url: "/nothing" });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.headers["x-content-type-options"], "nosniff");
  const report = await app.inject({ url: "/report" });
  assert.equal(report.headers["content-security-policy"], "default-src 'none'");
  assert.equal(report.headers["x-frame-options"], "SAMEORIGIN");
  await app.close();
});

test("a kept CSRF token is the HMAC of its own cookie, session and secret, never another's", () => {
  const secret = "secret-one-secret-one-secret-one-0001";
  const a = csrfFor(secret, "cookie-a", "session-a");
  assert.equal(a, sign(secret, "cookie-a|session-a"));
  assert.equal(csrfFor(secret, "cookie-a", "session-a"), a);
  assert.equal(csrfFor(secret, "cookie-a", null), sign(secret, "cookie-a|"));
  assert.notEqual(csrfFor(secret, "cookie-a", "session-b"), a);
  assert.notEqual(csrfFor(secret, "cookie-b", "session-a"), a);
  const other = "secret-two-secret-two-secret-two-0002";
  assert.equal(csrfFor(other, "cookie-a", "session-a"), sign(other, "cookie-a|session-a"));
  assert.notEqual(csrfFor(other, "cookie-a", "session-a"), a);
});
