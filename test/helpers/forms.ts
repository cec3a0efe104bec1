import { DomUtils, parseDocument } from "htmlparser2";
import { DEMO_PASSWORD } from "../../src/demo/load-demo.ts";

/** A POST form of a page, filled in as a person would before pressing its first button. */
export interface PageForm {
  /** Where it posts: path and query, resolved against the page. */
  action: string;
  multipart: boolean;
  /** The name/value pairs a browser sends (the CSRF token among them). */
  fields: [string, string][];
  /** The file inputs, to be given a file of the kind they accept. */
  files: { name: string; accept: string }[];
  /** The values the form offers for each field name (options, radios, checkboxes, buttons, hidden values). */
  offers: Map<string, Set<string>>;
}

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

let counter = 0;

/** A value for an empty input, fitting its type, name and limits; each call gives a fresh one. */
function valueFor(el: Element): string {
  const a = el.attribs;
  const type = (a.type ?? "text").toLowerCase();
  const name = (a.name ?? "").toLowerCase();
  const n = ++counter;
  const phone = `08${String(10_000_000 + n).slice(-8)}`;
  let value: string;
  if (type === "password") value = DEMO_PASSWORD;
  else if (type === "email" || /e-?mail/.test(name)) value = `forms${n}@example.org`;
  else if (type === "tel" || /phone|mobile/.test(name)) value = phone;
  else if (type === "number" || type === "range") value = a.min && Number(a.min) > 1 ? a.min : "1";
  else if (type === "date") value = a.min && a.min > "2030-06-15" ? a.min : "2030-06-15";
  // A DateField's parts (core/views/form.tsx): day 15, year 2573 (2030), 09:30; the month is a select.
  else if (name.endsWith("__d")) value = "15";
  else if (name.endsWith("__y")) value = "2573";
  else if (name.endsWith("__t")) value = "09:30";
  else if (type === "time") value = "09:30";
  else if (type === "datetime-local") value = "2030-06-15T09:30";
  else if (type === "month") value = "2030-06";
  else if (type === "week") value = "2030-W24";
  else if (type === "color") value = "#336699";
  else if (type === "url" || /url|website|link|href/.test(name)) value = "https://example.org/";
  else if (/host|domain/.test(name)) value = `forms${n}.example.org`;
  else if (/fraction|ratio|share/.test(name)) value = "0.5";
  else if (a.inputmode === "numeric" || a.inputmode === "decimal") value = "1";
  else value = `ทดสอบแบบฟอร์ม ${n}`;
  if (a.pattern) {
    const fits = (v: string) => {
      try {
        return new RegExp(`^(?:${a.pattern})$`, "u").test(v);
      } catch {
        return true;
      }
    };
    if (!fits(value))
      value = ["1", "12", "123456", phone, "2030-06-15", "09:30", "a", "ab12"].find(fits) ?? value;
  }
  if (a.minlength && value.length < Number(a.minlength))
    value = value.padEnd(Number(a.minlength), "ก");
  if (a.maxlength) value = value.slice(0, Number(a.maxlength));
  return value;
}

/** Every POST form of an HTML page, with the values a person would send. */
export function pageForms(html: string, pageUrl: string): PageForm[] {
  const doc = parseDocument(html);
  const base = new URL(pageUrl, "http://localhost");
  const out: PageForm[] = [];
  for (const form of DomUtils.getElementsByTagName("form", doc)) {
    if ((form.attribs.method ?? "get").toLowerCase() !== "post") continue;
    const target = new URL(form.attribs.action || base.href, base);
    const fields: [string, string][] = [];
    const files: PageForm["files"] = [];
    const offers = new Map<string, Set<string>>();
    const offer = (name: string, value: string) => {
      const set = offers.get(name) ?? new Set<string>();
      set.add(value);
      offers.set(name, set);
    };
    const radios = new Map<string, string>();
    let button: [string, string] | null = null;
    const controls = DomUtils.findAll(
      (el) => ["input", "select", "textarea", "button"].includes(el.name),
      form.children,
    );
    for (const el of controls) {
      const a = el.attribs;
      const name = a.name;
      if (el.name === "button") {
        if (name && (a.type ?? "submit") === "submit") {
          offer(name, a.value ?? "");
          button ??= [name, a.value ?? ""];
        }
        continue;
      }
      if (!name || a.disabled !== undefined) continue;
      if (el.name === "textarea") {
        const text = DomUtils.textContent(el);
        fields.push([name, text || valueFor(el)]);
        continue;
      }
      if (el.name === "select") {
        const options = DomUtils.getElementsByTagName("option", el).map((o) => ({
          value: o.attribs.value ?? DomUtils.textContent(o),
          selected: o.attribs.selected !== undefined,
        }));
        for (const o of options) offer(name, o.value);
        const chosen = options.filter((o) => o.selected && o.value);
        const first = options.find((o) => o.value);
        for (const o of chosen.length ? chosen : first ? [first] : []) fields.push([name, o.value]);
        continue;
      }
      const type = (a.type ?? "text").toLowerCase();
      if (type === "submit" || type === "image") {
        if (a.value !== undefined) offer(name, a.value);
        button ??= [name, a.value ?? ""];
      } else if (type === "file") {
        files.push({ name, accept: a.accept ?? "" });
      } else if (type === "checkbox") {
        // Every box ticked: the fullest form a person can send.
        offer(name, a.value ?? "on");
        fields.push([name, a.value ?? "on"]);
      } else if (type === "radio") {
        offer(name, a.value ?? "on");
        if (a.checked !== undefined || !radios.has(name)) radios.set(name, a.value ?? "on");
      } else if (type === "hidden") {
        offer(name, a.value ?? "");
        fields.push([name, a.value ?? ""]);
      } else if (type !== "reset" && type !== "button") {
        fields.push([name, type !== "password" && a.value ? a.value : valueFor(el)]);
      }
    }
    fields.push(...radios);
    if (button) fields.push(button);
    out.push({
      action: target.pathname + target.search,
      multipart: (form.attribs.enctype ?? "").toLowerCase() === "multipart/form-data",
      fields,
      files,
      offers,
    });
  }
  return out;
}

/** The links of an HTML page that stay on the same site, as paths. */
export function pageLinks(html: string, pageUrl: string): string[] {
  const base = new URL(pageUrl, "http://localhost");
  const out: string[] = [];
  for (const a of DomUtils.getElementsByTagName("a", parseDocument(html))) {
    if (!a.attribs.href) continue;
    const u = new URL(a.attribs.href, base);
    if (u.origin === base.origin) out.push(u.pathname);
  }
  return out;
}
