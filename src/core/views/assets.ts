import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const fontDir = path.join(
  path.dirname(require.resolve("@fontsource/sarabun/package.json")),
  "files",
);

/** A static file served with a content hash in its URL and cached for a year. */
export interface Asset {
  url: string;
  type: string;
  body: Buffer;
}

function makeAsset(name: string, file: string, ext: string, type: string): Asset {
  const body = readFileSync(file);
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
  return { url: `/static/${name}.${hash}.${ext}`, type, body };
}

const fontCss = (family: string, weight: number, file: string, range: string) =>
  `@font-face{font-family:"${family}";font-style:normal;font-weight:${weight};font-display:swap;src:url(${file}) format("woff2");unicode-range:${range}}`;

const THAI_RANGE = "U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC";
const LATIN_RANGE =
  "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD";

const fonts = {
  "font-thai-400": makeAsset(
    "sarabun-thai-400",
    path.join(fontDir, "sarabun-thai-400-normal.woff2"),
    "woff2",
    "font/woff2",
  ),
  "font-thai-700": makeAsset(
    "sarabun-thai-700",
    path.join(fontDir, "sarabun-thai-700-normal.woff2"),
    "woff2",
    "font/woff2",
  ),
  "font-latin-400": makeAsset(
    "sarabun-latin-400",
    path.join(fontDir, "sarabun-latin-400-normal.woff2"),
    "woff2",
    "font/woff2",
  ),
  "font-latin-700": makeAsset(
    "sarabun-latin-700",
    path.join(fontDir, "sarabun-latin-700-normal.woff2"),
    "woff2",
    "font/woff2",
  ),
};

const baseCss =
  [
    fontCss("Sarabun", 400, fonts["font-thai-400"].url, THAI_RANGE),
    fontCss("Sarabun", 700, fonts["font-thai-700"].url, THAI_RANGE),
    fontCss("Sarabun", 400, fonts["font-latin-400"].url, LATIN_RANGE),
    fontCss("Sarabun", 700, fonts["font-latin-700"].url, LATIN_RANGE),
  ].join("\n") +
  "\n" +
  readFileSync(path.join(here, "app.css"), "utf8");

const moduleCss: string[] = [];
const moduleAssets: Record<string, Asset> = {};
let assets: Record<string, Asset> | null = null;

/** Adds a module's styles to the one stylesheet (call at import time, before the app is built). */
export function registerStyles(css: string): void {
  if (assets) throw new Error("styles registered after the assets were built");
  moduleCss.push(css);
}

/** Adds a module's static file (e.g. a small script) served with a hashed URL; returns its name. */
export function registerAsset(name: string, ext: string, type: string, body: string | Buffer) {
  if (assets) throw new Error("assets registered after the assets were built");
  const buf = typeof body === "string" ? Buffer.from(body) : body;
  const hash = createHash("sha256").update(buf).digest("hex").slice(0, 10);
  moduleAssets[name] = { url: `/static/${name}.${hash}.${ext}`, type, body: buf };
  return name;
}

function built(): Record<string, Asset> {
  if (assets) return assets;
  const cssBody = Buffer.from([baseCss, ...moduleCss].join("\n"));
  const cssAsset: Asset = {
    url: `/static/app.${createHash("sha256").update(cssBody).digest("hex").slice(0, 10)}.css`,
    type: "text/css; charset=utf-8",
    body: cssBody,
  };
  assets = { css: cssAsset, ...fonts, ...moduleAssets };
  return assets;
}

/** The hashed URL of a named asset (css, font-thai-400, …). */
export function assetUrl(name: string): string {
  const a = built()[name];
  if (!a) throw new Error(`unknown asset ${name}`);
  return a.url;
}

/** Every asset, for the static route. */
export function allAssets(): Asset[] {
  return Object.values(built());
}
