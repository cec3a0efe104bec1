import { test } from "node:test";
import assert from "node:assert/strict";
import type { FastifyRequest } from "fastify";
import { isSafePath, publicUrl, safeNext, sameSitePath } from "./http.ts";

test("redirect targets stay on this site", () => {
  for (const ok of ["/", "/t/la-ngu", "/t/la-ngu/search?q=สุขภาพ ชุมชน", "/admin?x=//y"]) {
    assert.equal(isSafePath(ok), true, ok);
    assert.equal(safeNext(ok), ok);
  }
  for (const bad of [
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/%09/evil.example\t",
    "https://evil.example",
    "evil.example",
    "javascript:alert(1)",
    "",
  ]) {
    assert.equal(isSafePath(bad), false, JSON.stringify(bad));
    assert.equal(safeNext(bad, "/home"), "/home");
  }
  assert.equal(safeNext(undefined), "/");
  assert.equal(safeNext(["/a"]), "/");
});

test("absolute links come from PUBLIC_URL, on a tambon's own host name over its scheme", () => {
  const config = { publicUrl: "https://tambon.example.org", host: "0.0.0.0", port: 3000 };
  assert.equal(publicUrl(config, "/reset/abc"), "https://tambon.example.org/reset/abc");
  assert.equal(
    publicUrl(config, "/reset/abc", { host: null }),
    "https://tambon.example.org/reset/abc",
  );
  assert.equal(
    publicUrl(config, "/reset/abc", { host: "langu.example.net" }),
    "https://langu.example.net/reset/abc",
  );
  assert.equal(
    publicUrl({ ...config, publicUrl: "http://10.0.0.5:8080" }, "/x", {
      host: "langu.example.net",
    }),
    "http://langu.example.net:8080/x",
  );
  assert.equal(publicUrl({ ...config, publicUrl: null }, "/x"), "http://localhost:3000/x");
  assert.equal(
    publicUrl({ publicUrl: null, host: "192.168.1.9", port: 8080 }, "/x", { host: "a.example" }),
    "http://192.168.1.9:8080/x",
  );
  assert.equal(
    publicUrl({ publicUrl: null, host: "::1", port: 3000 }, "/x"),
    "http://[::1]:3000/x",
  );
});

test("the page a form was sent from is this site's own Referer path, and nothing else", () => {
  const from = (referer: string | undefined, host = "la-ngu.example") =>
    sameSitePath({ headers: { referer }, host } as unknown as FastifyRequest);
  assert.equal(
    from("https://la-ngu.example/t/la-ngu/admin/site/settings?tab=2"),
    "/t/la-ngu/admin/site/settings?tab=2",
  );
  assert.equal(from("http://localhost:3000/admin", "localhost:3000"), "/admin");
  assert.equal(from("https://evil.example/t/la-ngu"), undefined);
  assert.equal(from("https://la-ngu.example.evil.example/x"), undefined);
  assert.equal(from("javascript:alert(1)"), undefined);
  assert.equal(from("not a url"), undefined);
  assert.equal(from(undefined), undefined);
  assert.equal(from(`https://la-ngu.example/${"a".repeat(3000)}`), undefined);
});
