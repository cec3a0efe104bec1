import { createHash } from "node:crypto";
import { loadSharp } from "../../../core/sharp.ts";
import { assetUrl } from "../../../core/views/assets.ts";

/** Where a tambon's collect app lives; the service worker's scope is this path. */
export const collectPath = (slug: string) => `/t/${slug}/community/collect`;

/** The sizes of the app's icons (Android asks for 192 and 512). */
export const ICON_SIZES = [192, 512] as const;

const ICON_SVG = (
  size: number,
) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
<rect width="100" height="100" rx="18" fill="#0f5132"/>
<path d="M20 50 L50 24 L80 50 L80 80 L20 80 Z" fill="#ffffff"/>
<rect x="42" y="58" width="16" height="22" fill="#0f5132"/>
<circle cx="74" cy="28" r="10" fill="#ffc107"/>
</svg>`;

const icons = new Map<number, Promise<Buffer>>();
/** The app's icon as a PNG, drawn once per size. */
export function iconPng(size: number): Promise<Buffer> {
  let p = icons.get(size);
  if (!p) {
    p = loadSharp().then((sharp) =>
      sharp(Buffer.from(ICON_SVG(size)))
        .png()
        .toBuffer(),
    );
    icons.set(size, p);
  }
  return p;
}

/** The web app manifest: the app opens on the collect page, standalone, named in Thai. */
export function webManifest(slug: string, name: string, shortName: string) {
  const base = collectPath(slug);
  return {
    name,
    short_name: shortName,
    lang: "th",
    start_url: base,
    scope: base,
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#0f5132",
    icons: ICON_SIZES.map((s) => ({
      src: `${base}/icon-${s}.png`,
      sizes: `${s}x${s}`,
      type: "image/png",
      purpose: "any",
    })),
  };
}

/** The files the phone keeps to open the app with no connection. */
export function shellFiles(slug: string): string[] {
  const base = collectPath(slug);
  return [
    base,
    assetUrl("css"),
    assetUrl("community-collect"),
    assetUrl("font-thai-400"),
    assetUrl("font-thai-700"),
    assetUrl("font-latin-400"),
    assetUrl("font-latin-700"),
    `${base}/manifest.webmanifest`,
    ...ICON_SIZES.map((s) => `${base}/icon-${s}.png`),
  ];
}

/**
 * The service worker: keeps the app shell; the page itself is asked of the network first (a new
 * version and a fresh token when online) and served from the phone when offline; the hashed files
 * come from the phone. Data and the sync always go to the network (the app keeps its data itself).
 */
export function serviceWorker(slug: string): string {
  const files = shellFiles(slug);
  const version = createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 12);
  const cache = `collect-${slug}-${version}`;
  return `"use strict";
var CACHE = ${JSON.stringify(cache)};
var PREFIX = ${JSON.stringify(`collect-${slug}-`)};
var PAGE = ${JSON.stringify(collectPath(slug))};
var FILES = ${JSON.stringify(files)};
self.addEventListener("install", function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(FILES); }).then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener("fetch", function (e) {
  var req = e.request;
  if (req.method !== "GET") return;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === PAGE) {
    e.respondWith(fetch(req).then(function (res) {
      if (res.ok && !res.redirected) {
        var copy = res.clone();
        caches.open(CACHE).then(function (c) { return c.put(PAGE, copy); });
      }
      return res;
    }).catch(function () {
      return caches.match(PAGE, { ignoreSearch: true }).then(function (hit) { return hit || Response.error(); });
    }));
    return;
  }
  if (FILES.indexOf(url.pathname) >= 0) {
    e.respondWith(caches.match(url.pathname).then(function (hit) { return hit || fetch(req); }));
  }
});
`;
}
