import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { startServer, type TestServer } from "./server.ts";
import { chromiumPath } from "../../src/core/pdf.ts";

export { chromiumPath };

/**
 * Where screenshots of the browser tests go (gitignored), when TAMBON_SCREENSHOTS=1: in the
 * project's folder, also from the compiled copy the runner uses (its package.json is a link).
 */
export const SCREENSHOT_DIR = path.join(
  path.dirname(realpathSync(path.resolve(import.meta.dirname, "../../package.json"))),
  "screenshots",
);

/** The viewport sizes the tests look at: a phone and a desktop. */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

/** A running headless Chromium with its own throwaway profile; close() removes the profile. */
export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless Chromium on a fresh profile; throws (never skips) when it is not installed. */
export async function launchBrowser(): Promise<TestBrowser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install it with ` +
        "`apt-get install chromium-headless-shell fonts-thai-tlwg` or set CHROMIUM_PATH",
    );
  }
  const profile = mkdtempSync(path.join(tmpdir(), "tambon-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: VIEWPORTS.desktop,
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
  context.setDefaultTimeout(10_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Throws unless fontconfig knows at least one Thai font (the fallback when web fonts fail). */
export function assertThaiFontsInstalled(): void {
  let listed: string;
  try {
    listed = execFileSync("fc-list", [":lang=th"], { encoding: "utf8" });
  } catch (err) {
    throw new Error(
      `fc-list failed (${(err as Error).message}): install fontconfig and Thai fonts with ` +
        "`apt-get install fontconfig fonts-thai-tlwg`",
      { cause: err },
    );
  }
  if (!listed.trim()) {
    throw new Error(
      "No Thai font is installed (fc-list :lang=th lists nothing): " +
        "install one with `apt-get install fonts-thai-tlwg`",
    );
  }
}

/** True when this run keeps screenshots (TAMBON_SCREENSHOTS=1); they are for people to look at, not assertions. */
export const SCREENSHOTS_WANTED = process.env.TAMBON_SCREENSHOTS === "1";

/**
 * Saves full-page screenshots of the current page at phone and desktop widths as name-phone.png
 * and name-desktop.png, when TAMBON_SCREENSHOTS=1 asks for them.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS_WANTED) return;
  mkdirSync(path.dirname(path.join(SCREENSHOT_DIR, name)), { recursive: true });
  const before = page.viewportSize();
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `${name}-${size}.png`),
      fullPage: true,
      // a long page (90 sign-ins at phone width) on a busy two-core machine takes a while
      timeout: 60_000,
    });
  }
  if (before) await page.setViewportSize(before);
}

/** One axe finding, flattened for an assertion message. */
export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Legacy mode runs axe.run() inside the page instead of finishing each run in a new tab
  // (twice as fast); it only skips cross-origin frames, and the platform's pages have none.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] }) // before withTags: options() replaces all options
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .setLegacyMode(true)
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.map(String).join(" ")),
  }));
}

/** A readable listing of axe violations for an assertion message. */
export function describeViolations(where: string, violations: AxeViolation[]): string {
  const lines = violations.map(
    (v) => `  - ${v.id} (${v.impact ?? "?"}): ${v.help}\n      at ${v.targets.join("\n      at ")}`,
  );
  return `${violations.length} accessibility violation(s) on ${where}:\n${lines.join("\n")}`;
}

/** The password of every demo account. */
export const DEMO_PASSWORD = "tambon-demo";

/**
 * Signs in through the login form (user name, phone or e-mail, and password; the demo password
 * unless another is given) on a browser without cookies, and waits until the signed-in page shows
 * the account link in its header.
 */
export async function logIn(
  page: Page,
  baseUrl: string,
  identifier: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.locator("#f-identifier").fill(identifier);
  await page.locator("#f-password").fill(password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/login")),
    page.getByRole("main").locator("button[type=submit]").click(),
  ]);
  await page.getByRole("banner").locator('a[href="/account"]').waitFor();
}

/** What a browser test runs on: a server (the demo network unless told), Chromium and a page. */
export interface BrowserRun {
  server: TestServer;
  browser: TestBrowser;
  page: Page;
  /** Signs in as the demo account (see logIn). */
  logIn(identifier: string, password?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a server and Chromium with one page (at the viewport, when given), after checking that a
 * Thai font is installed; close() stops both.
 */
export async function startBrowserRun(
  opts: { demo?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<BrowserRun> {
  assertThaiFontsInstalled();
  const browser = await launchBrowser();
  let server: TestServer;
  try {
    server = await startServer({ demo: opts.demo ?? true });
  } catch (err) {
    await browser.close();
    throw err;
  }
  const page = await browser.context.newPage();
  if (opts.viewport) await page.setViewportSize(opts.viewport);
  return {
    server,
    browser,
    page,
    logIn: (identifier, password) => logIn(page, server.url, identifier, password),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Declares the steps of one journey: each is a test, and once one fails the later ones (which
 * build on it) fail at once, naming it.
 */
export function journeySteps(): (name: string, fn: () => Promise<void>) => void {
  let brokenStep: string | null = null;
  return (name, fn) =>
    test(name, async () => {
      if (brokenStep) throw new Error(`not run: the earlier step "${brokenStep}" failed`);
      try {
        await fn();
      } catch (err) {
        brokenStep = name;
        throw err;
      }
    });
}

/** How far the page scrolls sideways (0 when it fits the viewport's width). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate<number>(
    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
  );
}

/**
 * Types a date (YYYY-MM-DD) into the core date field named `name` as a person would: the day,
 * the month by name and the year (in พ.ศ. on a Thai page).
 */
export async function fillDate(scope: Page | Locator, name: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const page = "page" in scope ? scope.page() : scope;
  const thai = (await page.locator("html").getAttribute("lang")) !== "en";
  await scope.locator(`[name="${name}__d"]`).fill(String(d));
  await scope.locator(`[name="${name}__m"]`).selectOption(String(m));
  await scope.locator(`[name="${name}__y"]`).fill(String(thai ? y + 543 : y));
}
