import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { viewCtx } from "./http.ts";
import { notFound } from "./errors.ts";
import { ViewContext } from "./views/ctx.ts";

/**
 * Print: standalone documents (core/views/standalone.tsx) sent as pages, and printed to A4 PDFs by
 * Chromium through playwright-core. A module's PDF route prints its own print page with
 * `pagePdf`; without Chromium it sends the person to that print page instead.
 */

/** How the PDF renderer fetches a page of the platform (the app answering in-process). */
export type FetchPage = (path: string) => Promise<{ status: number; type: string; body: Buffer }>;

/**
 * Debian's Chromium builds, the lighter first: the headless shell (package chromium-headless-shell,
 * Chromium's engine without the desktop browser's windows, extensions and built-in pages, as
 * Playwright itself uses for headless work) prints and renders the same pages for about a quarter
 * less CPU time; the full browser (package chromium) serves when it is the one installed.
 */
export const DEBIAN_CHROMIUMS = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"] as const;

/** The Chromium binary that prints PDFs (and drives the browser tests): CHROMIUM_PATH, or Debian's. */
export function chromiumPath(): string {
  return (
    process.env.CHROMIUM_PATH ??
    DEBIAN_CHROMIUMS.find((p) => existsSync(p)) ??
    DEBIAN_CHROMIUMS[DEBIAN_CHROMIUMS.length - 1]!
  );
}

/** True when a Chromium binary is there to print PDFs with. */
export function pdfAvailable(): boolean {
  return existsSync(chromiumPath());
}

const ORIGIN = "http://tambon.print";
const CACHE_MAX = 24;
const cache = new Map<string, Buffer>();
let queue: Promise<unknown> = Promise.resolve();

/** A cache key from the printed page's own HTML (any change to its text gives a new PDF). */
export function pdfKey(html: string): string {
  return createHash("sha256").update(html).digest("hex");
}

/**
 * Prints a page of the platform to an A4 PDF with Chromium: page size, margins and page numbers
 * come from the page's print CSS. Every request of the page (styles, fonts, images) is answered by
 * `fetch` without a network; anything else is refused. One print runs at a time; results are
 * kept in memory by key.
 */
export async function renderPdf(path: string, key: string, fetch: FetchPage): Promise<Buffer> {
  const hit = cache.get(key);
  if (hit) return hit;
  const run = queue.then(() => print(path, fetch));
  queue = run.catch(() => undefined);
  const pdf = await run;
  cache.set(key, pdf);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return pdf;
}

/** Pages of this app fetched in-process as the person asking: their cookie and language. */
export function fetchAsRequester(app: FastifyInstance, req: FastifyRequest): FetchPage {
  const cookie = req.headers.cookie ?? "";
  return async (path) => {
    const res = await app.inject({
      method: "GET",
      url: path,
      headers: {
        cookie: `${cookie}${cookie ? "; " : ""}tlang=${req.lang}`,
        host: req.headers.host ?? "localhost",
      },
    });
    return {
      status: res.statusCode,
      type: String(res.headers["content-type"] ?? "application/octet-stream"),
      body: res.rawPayload,
    };
  };
}

/**
 * The PDF of a print page of this app, printed as the person asking sees it. Null when this
 * server cannot print (no Chromium, or it failed to start; logged): the route then offers the
 * print page itself. A print page that does not answer 200 is a 404.
 */
export async function pagePdf(
  app: FastifyInstance,
  req: FastifyRequest,
  path: string,
): Promise<Buffer | null> {
  if (!pdfAvailable()) return null;
  const fetch = fetchAsRequester(app, req);
  const page = await fetch(path);
  if (page.status !== 200) throw notFound();
  try {
    return await renderPdf(path, pdfKey(page.body.toString("utf8") + req.lang), fetch);
  } catch (err) {
    req.log.error({ err, path }, "printing a PDF failed");
    return null;
  }
}

/** Sends a standalone document (a print layout, a page for a PDF or an image) as HTML. */
export function sendStandalone(
  req: FastifyRequest,
  reply: FastifyReply,
  secret: string,
  tree: ComponentChildren,
): FastifyReply {
  const ctx = viewCtx(req, reply, secret, []);
  const html = "<!doctype html>" + renderToString(h(ViewContext.Provider, { value: ctx }, tree));
  return reply
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", req.actor.user ? "private, no-store" : "no-cache")
    .send(html);
}

async function print(path: string, fetch: FetchPage): Promise<Buffer> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    timeout: 30_000,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    await page.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN || route.request().method() !== "GET") return route.abort();
      const res = await fetch(url.pathname + url.search);
      return route.fulfill({ status: res.status, contentType: res.type, body: res.body });
    });
    const res = await page.goto(ORIGIN + path, { waitUntil: "load" });
    if (!res || res.status() !== 200) throw new Error(`print page answered ${res?.status()}`);
    await page.evaluate("document.fonts.ready.then(() => true)");
    return await page.pdf({ printBackground: true, preferCSSPageSize: true, format: "A4" });
  } finally {
    await browser.close();
  }
}
