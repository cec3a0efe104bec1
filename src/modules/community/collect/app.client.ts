/**
 * The collect app on a phone (browser only, bundled by core/client-bundle.ts): the households of
 * the volunteer's villages, drafts saved on every change, a queue of submissions with ids made on
 * the phone, and a sync that removes a submission from the queue only once the server answered it.
 */
import type { Answers } from "../forms/definition.ts";
import { collectMessages } from "./messages.ts";
import type { CollectData, CollectForm, CollectHousehold } from "./queries.ts";
import type { SyncItem } from "./payload.ts";
import { SYNC_BATCH, SYNC_PHOTOS } from "./payload.ts";
import { newClientId, Store, type Draft, type Queued, type Sent } from "./store.ts";
import { renderForm, type Say } from "./fields.ts";
import { pick } from "../../../core/pick.ts";

type Key = keyof typeof collectMessages;
interface Snapshot {
  key: "data";
  data: CollectData;
  csrf: string;
}

const root = document.getElementById("collect")!;
const lang: "th" | "en" = document.documentElement.lang === "en" ? "en" : "th";
const say: Say = (key, vars = {}) =>
  collectMessages[key as Key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
const view = $("#collect-view");
const status = $("#collect-status");
let store: Store;
let snapshot: Snapshot | null = null;
let csrf = root.dataset.csrf ?? "";
let syncing = false;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...kids: (Node | string)[]
) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const k of kids) e.append(k);
  return e;
}

const formTitle = (f: CollectForm) =>
  (lang === "en" && f.definition.title.en) || f.definition.title.th;
const draftKey = (formId: number, householdId: number) => `${formId}:${householdId}`;

async function counts() {
  const [drafts, queue, sent] = await Promise.all([
    store.all<Draft>("drafts"),
    store.all<Queued>("queue"),
    store.all<Sent>("sent"),
  ]);
  const n = (k: string, v: number) => {
    const out = root.querySelector(`[data-count="${k}"]`);
    if (out) out.textContent = String(v);
  };
  n("drafts", drafts.length);
  n("waiting", queue.length);
  n("sent", sent.filter((s) => s.status !== "refused" && s.status !== "conflict").length);
  n("conflicts", sent.filter((s) => s.status === "conflict").length);
  return { drafts, queue, sent };
}

function say_status(text: string) {
  status.textContent = text;
}

function showOnline() {
  root.classList.toggle("is-offline", !navigator.onLine);
  $("#collect-net").textContent = say(navigator.onLine ? "collect.online" : "collect.offline");
}

/** Downloads the forms and households when online; otherwise keeps what the phone has. */
async function refreshData(): Promise<void> {
  try {
    const res = await fetch(root.dataset.dataUrl!, {
      credentials: "same-origin",
      cache: "no-store",
    });
    if (!res.ok) return;
    const body = (await res.json()) as CollectData & { csrf: string };
    csrf = body.csrf;
    snapshot = {
      key: "data",
      data: { ...pick(body, "forms", "villages", "households") },
      csrf,
    };
    await store.put("kv", snapshot);
  } catch {
    // offline: the stored copy serves
  }
}

async function list(filter = "") {
  const { drafts, queue } = await counts();
  view.textContent = "";
  if (!snapshot) {
    view.append(el("p", { class: "notice" }, say("collect.noData")));
    return;
  }
  const { forms, households, villages } = snapshot.data;
  if (!forms.length) view.append(el("p", { class: "notice" }, say("collect.noForms")));
  const search = el("input", {
    type: "search",
    id: "collect-search",
    inputmode: "search",
    value: filter,
  });
  view.append(el("label", { for: "collect-search" }, say("collect.search")), search);
  const ul = el("ul", { class: "collect-households" });
  const moo = new Map(villages.map((v) => [v.id, v.moo]));
  const shown = households.filter((h) => !filter || h.houseNo.includes(filter.trim()));
  for (const h of shown.slice(0, 200)) {
    const li = el("li", { class: "collect-household" });
    li.append(
      el("h3", {}, say("collect.houseNo", { no: h.houseNo })),
      el(
        "p",
        { class: "muted" },
        say("collect.village", { moo: moo.get(h.villageId) ?? "" }),
        " · ",
        say("collect.people", { count: h.people.length }),
      ),
    );
    for (const f of forms) {
      const badge = drafts.some((d) => d.key === draftKey(f.id, h.id))
        ? say("collect.draft")
        : queue.some((q) => q.item.householdId === h.id && q.item.formVersionId === f.versionId)
          ? say("collect.queued")
          : "";
      const b = el(
        "button",
        { type: "button", class: "button collect-open" },
        say("collect.open", { form: formTitle(f) }),
      );
      if (badge) b.append(" ", el("span", { class: "badge" }, badge));
      b.addEventListener("click", () => void open(f, h));
      li.append(b);
    }
    ul.append(li);
  }
  if (!shown.length) view.append(el("p", {}, say("collect.noHouseholds")));
  view.append(ul);
  search.addEventListener("input", () => {
    void list(search.value).then(() => {
      const s = document.getElementById("collect-search") as HTMLInputElement;
      s.focus();
      s.setSelectionRange(s.value.length, s.value.length);
    });
  });
  await queueList();
}

async function queueList() {
  const [queue, sent] = await Promise.all([store.all<Queued>("queue"), store.all<Sent>("sent")]);
  if (!queue.length && !sent.length) return;
  const houses = new Map((snapshot?.data.households ?? []).map((h) => [h.id, h.houseNo]));
  const ul = el("ul", { class: "collect-queue" });
  const line = (houseId: number | null, text: string, cls: string) =>
    ul.append(
      el(
        "li",
        { class: cls },
        say("collect.houseNo", { no: houses.get(houseId ?? 0) ?? "?" }),
        " — ",
        text,
      ),
    );
  for (const q of queue) line(q.item.householdId, say("collect.status.waiting"), "is-waiting");
  for (const s of sent.sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, 50))
    line(
      s.item.householdId,
      s.status === "refused"
        ? say("collect.status.refused", { reason: say(`collect.reason.${s.reason ?? "payload"}`) })
        : say(`collect.status.${s.status}`),
      `is-${s.status}`,
    );
  view.append(el("h2", {}, say("collect.queue")), ul);
}

async function open(form: CollectForm, household: CollectHousehold) {
  const key = draftKey(form.id, household.id);
  const draft: Draft = (await store.get<Draft>("drafts", key)) ?? {
    key,
    formId: form.id,
    householdId: household.id,
    answers: {},
    photos: {},
    baseVersion: household.version,
    updatedAt: new Date().toISOString(),
  };
  let saving = Promise.resolve();
  const save = () => {
    draft.updatedAt = new Date().toISOString();
    saving = saving.then(() => store.put("drafts", draft)).then(() => void counts());
  };
  view.textContent = "";
  const back = el("button", { type: "button", class: "button secondary" }, say("collect.back"));
  back.addEventListener("click", () => void saving.then(() => list()));
  view.append(
    back,
    el("h2", {}, formTitle(form)),
    el(
      "p",
      { class: "muted" },
      say("collect.houseNo", { no: household.houseNo }),
      form.round ? ` · ${say("collect.round", { name: form.round.name })}` : "",
    ),
  );
  const rendered = renderForm(form.definition, draft.answers as Answers, {
    lang,
    say,
    changed: save,
    registry: household.people.map((p) => ({ id: p.id, name: p.name })),
    keepPhoto(blob) {
      const name = `p${newClientId().replace(/-/g, "").slice(0, 16)}`;
      draft.photos[name] = blob;
      return name;
    },
    dropPhoto(name) {
      delete draft.photos[name];
    },
  });
  const problems = el("p", { class: "collect-problems", role: "alert" });
  const send = el("button", { type: "button", class: "button collect-send" }, say("collect.send"));
  const discard = el(
    "button",
    { type: "button", class: "button secondary" },
    say("collect.discard"),
  );
  send.addEventListener("click", () => {
    const errors = rendered.check();
    if (errors.length) {
      problems.textContent = say("collect.fix", { count: errors.length });
      const first = rendered.element.querySelector<HTMLElement>(
        ".has-error input, .has-error select",
      );
      if (first) first.focus();
      return;
    }
    const item: SyncItem = {
      clientId: newClientId(),
      formVersionId: form.versionId,
      roundId: form.round ? form.round.id : null,
      householdId: household.id,
      personId: null,
      villageId: household.villageId,
      baseVersion: draft.baseVersion,
      collectedAt: new Date().toISOString(),
      answers: draft.answers,
    };
    void saving
      .then(() =>
        store.queue(
          { clientId: item.clientId, item, photos: draft.photos, queuedAt: item.collectedAt! },
          key,
        ),
      )
      .then(() => list())
      .then(() => {
        say_status(say("collect.queuedNow"));
        void sync();
      });
  });
  discard.addEventListener("click", () => {
    if (!confirm(say("collect.discardConfirm"))) return;
    void saving.then(() => store.delete("drafts", key)).then(() => list());
  });
  view.append(rendered.element, problems, el("div", { class: "collect-actions" }, send, discard));
  window.scrollTo(0, 0);
}

/** A sync the server answered with an error, and the message it gave (when it gave one). */
class SyncRefused extends Error {
  constructor(message = "") {
    super(message);
  }
}

/** Sends the queue in batches; each answered submission leaves the queue, the rest stay. */
async function sync(): Promise<void> {
  if (syncing || !navigator.onLine) return;
  syncing = true;
  const button = $<HTMLButtonElement>("#collect-sync");
  button.disabled = true;
  say_status(say("collect.syncing"));
  let sent = 0;
  try {
    await refreshData();
    let queue = await store.all<Queued>("queue");
    while (queue.length) {
      const batch: Queued[] = [];
      let photos = 0;
      for (const q of queue) {
        const n = Object.keys(q.photos).length;
        if (batch.length && (batch.length >= SYNC_BATCH || photos + n > SYNC_PHOTOS)) break;
        batch.push(q);
        photos += n;
      }
      const body = new FormData();
      body.append("_csrf", csrf);
      body.append("payload", JSON.stringify(batch.map((q) => q.item)));
      for (const q of batch)
        for (const [name, blob] of Object.entries(q.photos)) body.append("photo", blob, name);
      const res = await fetch(root.dataset.syncUrl!, {
        method: "POST",
        body,
        credentials: "same-origin",
      });
      // A sync refused whole (too many photos, one too large) says why, in the person's language.
      if (!res.ok)
        throw new SyncRefused(
          ((await res.json().catch(() => null)) as { error?: string } | null)?.error,
        );
      const answer = (await res.json()) as {
        results: { clientId: string; status: string; id?: number; reason?: string }[];
      };
      for (const r of answer.results) {
        const q = batch.find((b) => b.clientId === r.clientId);
        if (!q) continue;
        await store.answered({
          clientId: q.clientId,
          item: q.item,
          ...pick(r, "status", "id", "reason"),
          at: new Date().toISOString(),
        });
        sent++;
      }
      const left = await store.all<Queued>("queue");
      // Stop when the server answered none of the batch: it is tried again at the next sync.
      if (left.length >= queue.length) break;
      queue = left;
    }
    say_status(say("collect.synced", { count: sent }));
  } catch (err) {
    say_status((err instanceof SyncRefused && err.message) || say("collect.syncFailed"));
  } finally {
    syncing = false;
    button.disabled = false;
    if (!view.querySelector(".collect-form")) await list();
    else await counts();
  }
}

async function start() {
  store = await Store.open(`tambon-collect-${root.dataset.slug}`);
  snapshot = (await store.get<Snapshot>("kv", "data")) ?? null;
  if (snapshot && !csrf) csrf = snapshot.csrf;
  showOnline();
  if (navigator.onLine) await refreshData();
  await list();
  $("#collect-sync").addEventListener("click", () => void sync());
  window.addEventListener("online", () => {
    showOnline();
    void sync();
  });
  window.addEventListener("offline", showOnline);
  if ("serviceWorker" in navigator && root.dataset.sw)
    navigator.serviceWorker
      .register(root.dataset.sw, { scope: root.dataset.scope })
      .catch(() => undefined);
  root.classList.add("is-ready");
  if (navigator.onLine) await sync();
}

void start();
