/**
 * The collect app's form (browser only, plain DOM): every question type of a form definition,
 * groups and repeat groups, live skip logic and the answers' messages through the form logic the
 * server uses too.
 */
import type {
  AnswerValue,
  Answers,
  FormDefinition,
  FormItem,
  Label,
  Question,
} from "../forms/definition.ts";
import { holds, localToday, validateAnswers, type LogicError } from "../forms/logic.ts";
import { formatLogicError } from "../forms/logic-messages.ts";
import { PERSON_ANSWER_KEY } from "../shared/kinds.ts";

export type Say = (key: string, vars?: Record<string, string | number>) => string;

export interface FormHost {
  lang: "th" | "en";
  say: Say;
  /** Called after every change of the answers (the draft is saved). */
  changed(): void;
  /** Keeps a photo taken for a question; returns the name the answer holds. */
  keepPhoto(blob: Blob): string;
  dropPhoto(name: string): void;
  /** The registry's names of the household's people (the first repeat can start from them). */
  registry: { id: number; name: string }[];
}

const MONTHS_TH = [
  "ม.ค.",
  "ก.พ.",
  "มี.ค.",
  "เม.ย.",
  "พ.ค.",
  "มิ.ย.",
  "ก.ค.",
  "ส.ค.",
  "ก.ย.",
  "ต.ค.",
  "พ.ย.",
  "ธ.ค.",
];
const MONTHS_EN = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];
const PHOTO_SIDE = 1600;

let seq = 0;
const uid = () => `cq${++seq}`;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...kids: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const k of kids) e.append(k);
  return e;
}

/** Draws a photo into a JPEG of at most 1600 px on its long side. */
export function downscale(file: Blob): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      const scale = Math.min(1, PHOTO_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
      const canvas = document.createElement("canvas");
      canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
      canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
      canvas.getContext("2d")!.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("photo"))), "image/jpeg", 0.82);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error("photo"));
    };
    img.src = url;
  });
}

/** A rendered form: its element, and a check that shows every message. */
export interface RenderedForm {
  element: HTMLElement;
  /** Shows every message and returns the errors (none: ready to send). */
  check(): LogicError[];
}

export function renderForm(def: FormDefinition, answers: Answers, host: FormHost): RenderedForm {
  const { lang, say } = host;
  const text = (l: Label | undefined) => (l ? (lang === "en" && l.en) || l.th : "");
  const today = localToday();
  const touched = new Set<string>();
  let showAll = false;
  /** Elements whose visibility follows an expression: [element, relevant, scope]. */
  let relevants: [HTMLElement, string, () => Answers[]][] = [];
  const root = el("div", { class: "collect-form" });

  function refresh() {
    for (const [node, expr, scope] of relevants) node.hidden = !holds(expr, scope(), today);
    const errors = validateAnswers(def, answers, { today });
    for (const box of Array.from(root.querySelectorAll<HTMLElement>("[data-path]"))) {
      const path = box.dataset.path!;
      const err = errors.find((e) => e.path === path);
      const out = box.querySelector<HTMLElement>(":scope > .collect-error")!;
      const shown = err && (showAll || touched.has(path));
      out.textContent = shown ? formatLogicError(err, lang) : "";
      box.classList.toggle("has-error", !!shown);
    }
    return errors;
  }

  function set(target: Answers, name: string, value: AnswerValue | undefined, path: string) {
    if (value === undefined || value === "" || (Array.isArray(value) && !value.length))
      delete target[name];
    else target[name] = value;
    touched.add(path);
    refresh();
    host.changed();
  }

  function question(q: Question, target: Answers, path: string): HTMLElement {
    const id = uid();
    const box = el("div", { class: `collect-q collect-q-${q.type}`, "data-path": path });
    const title = text(q.label) + (q.required ? ` ${say("collect.required")}` : "");
    const hint = q.hint ? el("p", { class: "collect-hint", id: `${id}-h` }, text(q.hint)) : null;
    const error = el("p", { class: "collect-error", role: "alert" });
    const current = target[q.name];
    const described: Record<string, string> = hint ? { "aria-describedby": `${id}-h` } : {};
    if (q.type === "note") {
      box.append(el("p", { class: "collect-note" }, text(q.label)));
      return box;
    }
    if (q.type === "select_one" || q.type === "yesno" || q.type === "select_multiple") {
      const multi = q.type === "select_multiple";
      const choices =
        q.type === "yesno"
          ? [
              { name: "yes", label: { th: say("collect.yes"), en: say("collect.yes") } },
              { name: "no", label: { th: say("collect.no"), en: say("collect.no") } },
            ]
          : (def.choices[q.list ?? ""] ?? []);
      const set_ = el(
        "fieldset",
        { class: "collect-choices", ...described },
        el("legend", {}, title),
      );
      if (hint) set_.append(hint);
      for (const c of choices) {
        const input = el("input", { type: multi ? "checkbox" : "radio", name: id, value: c.name });
        input.checked = multi
          ? Array.isArray(current) && (current as string[]).includes(c.name)
          : current === c.name;
        input.addEventListener("change", () => {
          const picked = Array.from(set_.querySelectorAll<HTMLInputElement>("input:checked")).map(
            (i) => i.value,
          );
          set(target, q.name, multi ? picked : picked[0], path);
        });
        set_.append(el("label", { class: "collect-choice" }, input, " ", text(c.label)));
      }
      box.append(set_, error);
      return box;
    }
    const label = el("label", { for: id }, title);
    box.append(label);
    if (hint) box.append(hint);
    if (q.type === "date") {
      const [y, m, d] = typeof current === "string" ? current.split("-").map(Number) : [];
      const day = el("select", { id, "aria-label": say("collect.day") });
      day.append(el("option", { value: "" }, say("collect.day")));
      for (let i = 1; i <= 31; i++) day.append(el("option", { value: String(i) }, String(i)));
      const month = el("select", { "aria-label": say("collect.month") });
      month.append(el("option", { value: "" }, say("collect.month")));
      (lang === "en" ? MONTHS_EN : MONTHS_TH).forEach((name, i) =>
        month.append(el("option", { value: String(i + 1) }, name)),
      );
      const year = el("input", {
        type: "text",
        inputmode: "numeric",
        maxlength: "4",
        placeholder: "2569",
        "aria-label": say("collect.yearBe"),
        class: "collect-year",
      });
      if (y) {
        day.value = String(d);
        month.value = String(m);
        year.value = String(y + 543);
      }
      const update = () => {
        const be = Number(year.value);
        if (!day.value || !month.value || !/^\d{4}$/.test(year.value))
          return set(target, q.name, undefined, path);
        const iso = `${be - 543}-${month.value.padStart(2, "0")}-${day.value.padStart(2, "0")}`;
        set(target, q.name, iso, path);
      };
      for (const c of [day, month, year]) c.addEventListener("change", update);
      year.addEventListener("input", update);
      box.append(el("div", { class: "collect-date" }, day, month, year));
    } else if (q.type === "image") {
      const input = el("input", { id, type: "file", accept: "image/*", capture: "environment" });
      const state = el(
        "p",
        { class: "collect-photo-state" },
        typeof current === "string" ? say("collect.photoKept") : "",
      );
      const remove = el(
        "button",
        { type: "button", class: "button secondary" },
        say("collect.photoRemove"),
      );
      remove.hidden = typeof current !== "string";
      input.addEventListener("change", () => {
        const file = input.files && input.files[0];
        if (!file) return;
        void downscale(file).then((blob) => {
          if (typeof target[q.name] === "string") host.dropPhoto(target[q.name] as string);
          state.textContent = say("collect.photoKept");
          remove.hidden = false;
          set(target, q.name, host.keepPhoto(blob), path);
        });
      });
      remove.addEventListener("click", () => {
        if (typeof target[q.name] === "string") host.dropPhoto(target[q.name] as string);
        input.value = "";
        state.textContent = "";
        remove.hidden = true;
        set(target, q.name, undefined, path);
      });
      box.append(input, state, remove);
    } else if (q.type === "geopoint") {
      const input = el("input", {
        id,
        type: "text",
        inputmode: "decimal",
        placeholder: say("collect.geoHint"),
      });
      input.value = typeof current === "string" ? current : "";
      const locate = el(
        "button",
        { type: "button", class: "button secondary" },
        say("collect.locate"),
      );
      input.addEventListener("input", () => set(target, q.name, input.value.trim(), path));
      locate.addEventListener("click", () => {
        if (!navigator.geolocation) return;
        locate.textContent = say("collect.locating");
        navigator.geolocation.getCurrentPosition(
          (p) => {
            input.value = `${p.coords.latitude.toFixed(6)} ${p.coords.longitude.toFixed(6)}`;
            locate.textContent = say("collect.locate");
            set(target, q.name, input.value, path);
          },
          () => (locate.textContent = say("collect.locateFailed")),
          { enableHighAccuracy: true, timeout: 20000 },
        );
      });
      box.append(input, locate);
    } else {
      const numeric = q.type === "integer" || q.type === "decimal";
      const input = el("input", {
        id,
        type: numeric ? "number" : "text",
        ...(numeric
          ? {
              inputmode: q.type === "integer" ? "numeric" : "decimal",
              step: q.type === "integer" ? "1" : "any",
            }
          : {}),
        ...(q.min !== undefined ? { min: String(q.min) } : {}),
        ...(q.max !== undefined ? { max: String(q.max) } : {}),
        ...described,
      });
      input.value = current === undefined ? "" : String(current);
      input.addEventListener("input", () => {
        const v = input.value.trim();
        set(target, q.name, numeric ? (v === "" ? undefined : Number(v)) : input.value, path);
      });
      box.append(input);
    }
    box.append(error);
    return box;
  }

  function items(
    list: FormItem[],
    target: Answers,
    scope: () => Answers[],
    prefix: string,
    parent: HTMLElement,
  ) {
    for (const item of list) {
      let node: HTMLElement;
      if (item.kind === "question") node = question(item, target, prefix + item.name);
      else if (item.kind === "group") {
        node = el("fieldset", { class: "collect-group" }, el("legend", {}, text(item.label)));
        items(item.items, target, scope, prefix, node);
      } else node = repeat(item, target, scope, prefix + item.name);
      const relevant = item.relevant;
      if (relevant) relevants.push([node, relevant, scope]);
      parent.append(node);
    }
  }

  function repeat(
    item: Extract<FormItem, { kind: "repeat" }>,
    target: Answers,
    scope: () => Answers[],
    path: string,
  ) {
    const section = el("section", { class: "collect-repeat", "data-path": path });
    const heading = el("h3", {}, text(item.label));
    const list = el("div", {});
    const add = el(
      "button",
      { type: "button", class: "button secondary collect-add" },
      say("collect.addEntry", { label: text(item.label) }),
    );
    const entries = (): Answers[] =>
      Array.isArray(target[item.name]) ? (target[item.name] as Answers[]) : [];
    const draw = () => {
      relevants = relevants.filter(([n]) => !list.contains(n));
      list.textContent = "";
      entries().forEach((entry, i) => {
        const box = el(
          "fieldset",
          { class: "collect-entry" },
          el("legend", {}, say("collect.entry", { n: i + 1 })),
        );
        items(item.items, entry, () => [entry, ...scope()], `${path}[${i + 1}].`, box);
        const remove = el(
          "button",
          { type: "button", class: "button secondary collect-remove" },
          say("collect.removeEntry", { n: i + 1 }),
        );
        remove.addEventListener("click", () => {
          const next = entries().filter((_, k) => k !== i);
          set(target, item.name, next.length ? next : undefined, path);
          draw();
        });
        box.append(remove);
        list.append(box);
      });
      add.hidden = entries().length >= (item.maxCount ?? 30);
      refresh();
    };
    add.addEventListener("click", () => {
      target[item.name] = [...entries(), {}];
      host.changed();
      draw();
      const fields = list.querySelectorAll<HTMLElement>(
        ".collect-entry:last-child input, .collect-entry:last-child select",
      );
      if (fields[0]) fields[0].focus();
    });
    section.append(heading, list, add, el("p", { class: "collect-error", role: "alert" }));
    const firstText = item.items.find(
      (x): x is Question => x.kind === "question" && x.type === "text",
    );
    if (host.registry.length && firstText) {
      const prefill = el(
        "button",
        { type: "button", class: "button secondary" },
        say("collect.prefill"),
      );
      prefill.addEventListener("click", () => {
        const have = new Set(entries().map((e) => e[firstText.name]));
        // Each entry names the registry's person, so the sync updates that person.
        const more = host.registry
          .filter((p) => !have.has(p.name))
          .map((p) => ({ [firstText.name]: p.name, [PERSON_ANSWER_KEY]: p.id }));
        target[item.name] = [...entries(), ...more];
        host.changed();
        draw();
      });
      section.insertBefore(
        el(
          "p",
          { class: "collect-hint" },
          say("collect.members", { names: host.registry.map((p) => p.name).join(", ") }),
          " ",
          prefill,
        ),
        list,
      );
    }
    draw();
    return section;
  }

  items(def.items, answers, () => [answers], "", root);
  refresh();
  return {
    element: root,
    check() {
      showAll = true;
      return refresh();
    },
  };
}
