import assert from "node:assert/strict";
import { test } from "node:test";
import { h } from "preact";
import { KeptHtml, renderFragment, renderPage, sharedCtx } from "../http.ts";
import { core } from "../i18n/messages.ts";
import { ANONYMOUS, type Actor } from "../roles.ts";
import type { Tambon } from "../tenancy.ts";
import type { Lang } from "../i18n/index.ts";
import { useCtx, type ViewCtx } from "./ctx.ts";

// The page frame keeps its brand block and footer per tambon and language; these tests check that
// a kept fragment never outlives a change to the tambon and never carries one viewer's data.

function tambon(over: Partial<Tambon> = {}): Tambon {
  return {
    id: 1,
    slug: "la-ngu",
    nameTh: "ละงู",
    nameEn: "La-ngu",
    kind: "sao",
    districtTh: "ละงู",
    districtEn: "La-ngu",
    provinceTh: "สตูล",
    provinceEn: "Satun",
    logoPath: null,
    siteOpened: null,
    ownerTh: null,
    ownerEn: null,
    address: "1 หมู่ 2",
    phone: "074-111111",
    email: "office@la-ngu.example",
    isDemo: false,
    digits: "arabic",
    host: null,
    ...over,
  } as Tambon;
}

function member(name: string, tambonId = 1): Actor {
  return {
    user: { id: 7, username: name, displayName: name, isNetworkAdmin: false, lang: "th" },
    roles: new Map([[tambonId, new Set(["member"])]]),
    memberOf: new Set([tambonId]),
  } as unknown as Actor;
}

function page(t: Tambon | null, lang: Lang = "th", actor: Actor = ANONYMOUS, csrf = "tok"): string {
  const ctx: ViewCtx = {
    lang,
    t: core.t(lang),
    actor,
    tambon: t,
    path: t ? `/t/${t.slug}` : "/",
    flash: null,
    nav: [],
    csrf: () => csrf,
    digits: "arabic",
  };
  return renderPage(ctx, "หน้าแรก", h("p", null, "เนื้อหา"));
}

test("a changed tambon (the directory's new object) shows its new footer and name at once", () => {
  const before = tambon();
  assert.match(page(before), /074-111111/);
  const after = tambon({ phone: "074-222222", nameTh: "ละงูใหม่", logoPath: "/files/logo.png" });
  const html = page(after);
  assert.match(html, /074-222222/);
  assert.doesNotMatch(html, /074-111111/);
  assert.match(html, /<a class="site-title" href="\/t\/la-ngu">อบต\.ละงูใหม่<\/a>/);
  assert.match(html, /<div class="brand"><img src="\/files\/logo\.png"/);
  // The object before the change still renders its own (a request that began before it).
  assert.match(page(before), /074-111111/);
});

test("each language and each tambon gets its own frame", () => {
  const a = tambon();
  const b = tambon({
    id: 2,
    slug: "khuan-don",
    nameTh: "ควนโดน",
    nameEn: "Khuan Don",
    phone: "074-333333",
  });
  const th = page(a, "th");
  const en = page(a, "en");
  assert.match(th, /อบต\.ละงู/);
  assert.match(en, /La-ngu SAO/);
  assert.doesNotMatch(en, /อบต\.ละงู/);
  assert.match(page(a, "th"), /อบต\.ละงู/);
  const other = page(b);
  assert.match(other, /อบต\.ควนโดน/);
  assert.match(other, /074-333333/);
  assert.doesNotMatch(other, /074-111111|href="\/t\/la-ngu"/);
  // Pages of no tambon keep the network's frame.
  assert.doesNotMatch(page(null), /ละงู|ควนโดน/);
});

test("the viewer's part of the frame is never kept: name, logout form and token are per page", () => {
  const t = tambon();
  const signedIn = page(t, "th", member("somchai"), "token-of-somchai");
  assert.match(signedIn, /action="\/logout"/);
  assert.match(signedIn, /token-of-somchai/);
  const visitor = page(t, "th", ANONYMOUS, "token-of-visitor");
  assert.doesNotMatch(visitor, /action="\/logout"|token-of-somchai/);
  assert.match(visitor, /href="\/login\?next=/);
  const other = page(t, "th", member("somsri"), "token-of-somsri");
  assert.doesNotMatch(other, /token-of-somchai/);
  assert.match(other, /token-of-somsri/);
});

test("a fragment kept for every viewer is placed as it is, put in the page's digits, and has no viewer", () => {
  const tb = tambon({ digits: "thai" });
  const Greeting = () => {
    const { actor, lang } = useCtx();
    return h("p", { class: "kept" }, `${actor.user ? "ผู้ใช้" : "ทุกคน"} ${lang} 2568`);
  };
  const html = renderFragment(sharedCtx(tb, "th"), h(Greeting, null));
  assert.equal(html, '<p class="kept">ทุกคน th 2568</p>');
  const ctx: ViewCtx = { ...sharedCtx(tb, "th"), actor: member("somchai"), csrf: () => "tok" };
  const out = renderPage(ctx, "หน้าแรก", h("div", null, h(KeptHtml, { html })));
  assert.match(out, /<div><p class="kept">ทุกคน th ๒๕๖๘<\/p><\/div>/);
  assert.doesNotMatch(out, /tambon-kept/);
  // Several fragments, and one placed inside another, all come out as they are.
  const inner = renderFragment(sharedCtx(tb, "th"), h("b", null, h(KeptHtml, { html })));
  assert.equal(inner, '<b><p class="kept">ทุกคน th 2568</p></b>');
  const two = renderPage(
    ctx,
    "หน้าแรก",
    h("div", null, h(KeptHtml, { html: inner }), h("i", null, "กลาง"), h(KeptHtml, { html })),
  );
  assert.match(two, /<div><b><p class="kept">ทุกคน th ๒๕๖๘<\/p><\/b><i>กลาง<\/i><p class="kept">/);
  assert.doesNotMatch(two, /tambon-kept/);
  // A kept fragment cannot hold a form that posts: it has no form token to give.
  const Form = () => h("input", { type: "hidden", name: "_csrf", value: useCtx().csrf() });
  assert.throws(() => renderFragment(sharedCtx(tb, "th"), h(Form, null)), /no form token/);
});
