import { createHash } from "node:crypto";
import { assetUrl } from "../views/assets.ts";

/**
 * Where a tambon's site lives; its service worker's scope. Without a trailing slash, so that the
 * home page (/t/<slug>) is covered too; the worker itself leaves alone any other tambon whose
 * slug merely starts with this one.
 */
export const sitePath = (slug: string) => `/t/${slug}`;

/** The page a visitor without a connection sees. */
export const offlinePath = (slug: string) => `/t/${slug}/offline`;

/** The community collect app keeps its own service worker under its narrower scope. */
const collectPrefix = (slug: string) => `/t/${slug}/community/collect`;

/** The icons of the installed site. */
export const iconPaths = (slug: string) => ({
  any192: `/t/${slug}/icons/icon-192.png`,
  any512: `/t/${slug}/icons/icon-512.png`,
  maskable512: `/t/${slug}/icons/maskable-512.png`,
});

/** The shell a phone keeps: the offline page and what it needs to show (style, Thai font, icon). */
export function shellFiles(slug: string): string[] {
  return [
    offlinePath(slug),
    assetUrl("css"),
    assetUrl("font-thai-400"),
    assetUrl("font-latin-400"),
    iconPaths(slug).any192,
  ];
}

/**
 * The site's service worker. It keeps only the shell (fetched without cookies, so never a
 * signed-in page) and answers a page request the network cannot with the offline page. Nothing
 * else is stored: pages are never cached, POSTs and other methods pass untouched, and the
 * community collect app, which has its own worker and caches, is left alone.
 */
export function siteWorker(slug: string): string {
  const files = shellFiles(slug);
  const version = createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 12);
  return `"use strict";
var ROOT = ${JSON.stringify(sitePath(slug))};
var PREFIX = ${JSON.stringify(`site-${slug}-`)};
var CACHE = PREFIX + ${JSON.stringify(version)};
var OFFLINE = ${JSON.stringify(offlinePath(slug))};
var COLLECT = ${JSON.stringify(collectPrefix(slug))};
var FILES = ${JSON.stringify(files)};
self.addEventListener("install", function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) {
    return c.addAll(FILES.map(function (u) { return new Request(u, { credentials: "omit" }); }));
  }).then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener("fetch", function (e) {
  var req = e.request;
  if (req.method !== "GET") return;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf(COLLECT) === 0) return;
  if (url.pathname !== ROOT && url.pathname.indexOf(ROOT + "/") !== 0) return;
  if (req.mode === "navigate") {
    e.respondWith(fetch(req).catch(function () {
      return caches.match(OFFLINE).then(function (hit) { return hit || Response.error(); });
    }));
    return;
  }
  if (FILES.indexOf(url.pathname) >= 0)
    e.respondWith(fetch(req).catch(function () {
      return caches.match(url.pathname).then(function (hit) { return hit || Response.error(); });
    }));
});
`;
}

/** The script every page of a tambon loads to register the site's worker. */
export const REGISTER_SCRIPT = `"use strict";
(function () {
  var s = document.currentScript;
  if (!s || !("serviceWorker" in navigator)) return;
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(s.dataset.sw, { scope: s.dataset.scope }).catch(function () {});
  });
})();
`;
