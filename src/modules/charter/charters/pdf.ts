import { createHash } from "node:crypto";
import { existsSync } from "node:fs";

/** How the PDF renderer fetches a page of the platform (the app answering in-process). */
export type FetchPage = (path: string) => Promise<{ status: number; type: string; body: Buffer }>;

/** The Chromium binary used for PDFs: CHROMIUM_PATH, or Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** True when a Chromium binary is there to print PDFs with. */
export function pdfAvailable(): boolean {
  return existsSync(chromiumPath());
}

const ORIGIN = "http://tambon.print";
const CACHE_MAX = 24;
const cache = new Map<string, Buffer>();
let queue: Promise<unknown> = Promise.resolve();

/** A cache key from the printed page's own HTML (any change to text or signatories gives a new PDF). */
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
