import type { ComponentChildren } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import { core } from "../../../core/i18n/messages.ts";
import { Fields, Form, type FieldSpec, type FormState, field } from "../../../core/views/form.tsx";
import { tambonTitle } from "../../../core/views/layout.tsx";
import type { Tambon } from "../../../core/tenancy.ts";
import type { Village } from "../../../core/commands/tambons.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { formatDate } from "../../../core/dates.ts";
import { msg, type NetKey } from "../messages.ts";
import { ConfirmButton } from "../../../core/views/confirm.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";

const nf = new Intl.NumberFormat("th-TH");

/** Formats a count with thousands separators. */
export function num(n: number): string {
  return nf.format(n);
}

/** The network module's view helpers: both dictionaries, language and the tambon's base URL. */
export function useNet() {
  const ctx = useCtx();
  const slug = ctx.tambon?.slug ?? "";
  return {
    ...ctx,
    t: msg.t(ctx.lang),
    ct: core.t(ctx.lang),
    base: `/t/${slug}`,
    admin: `/t/${slug}/admin/network`,
    date: (d: string | Date | null | undefined) => (d ? formatDate(d, ctx.lang) : "–"),
  };
}

/** The sub-menu of a tambon's network pages. */
export function NetworkNav({ current }: { current: string }) {
  const { t, base } = useNet();
  const items: { key: string; href: string; label: NetKey }[] = [
    { key: "network", href: `${base}/network`, label: "nav.overview" },
    { key: "partners", href: `${base}/partners`, label: "nav.partners" },
    { key: "pillars", href: `${base}/pillars`, label: "nav.pillars" },
    { key: "agreements", href: `${base}/agreements`, label: "nav.agreements" },
    { key: "centres", href: `${base}/centres`, label: "nav.centres" },
    { key: "facilitators", href: `${base}/facilitators`, label: "nav.facilitators" },
  ];
  return (
    <nav class="actions" aria-label={t("nav.section")}>
      {items.map((i) => (
        <a
          key={i.key}
          href={i.href}
          class={i.key === current ? "button" : "button secondary"}
          aria-current={i.key === current ? "page" : undefined}
        >
          {t(i.label)}
        </a>
      ))}
    </nav>
  );
}

/** A link back to the network administration page. */
export function BackToAdmin({ to, label }: { to?: string; label?: string }) {
  const { t, admin } = useNet();
  return <BackLink href={to ?? admin}>{label ?? t("admin.back")}</BackLink>;
}

/** Links to the CSV and JSON exports of a list (and its printable page). */
export function ExportLinks(props: { csv: string; json: string; print?: string }) {
  const { t } = useNet();
  return (
    <p class="actions">
      {props.print && (
        <a class="button secondary" href={props.print}>
          {t("export.print")}
        </a>
      )}
      <a class="button secondary" href={props.csv} download>
        {t("export.csv")}
      </a>
      <a class="button secondary" href={props.csv.replace("/export.csv", "/export.xlsx")} download>
        {t("export.xlsx")}
      </a>
      <a class="button secondary" href={props.json}>
        {t("export.json")}
      </a>
    </p>
  );
}

/** The public contact fields of a partner or centre (name, phone, e-mail), and any more given. */
export function ContactFields(props: { form: FormState; children?: ComponentChildren }) {
  const { t } = useNet();
  const { form } = props;
  return (
    <fieldset>
      <legend>{t("partner.contact")}</legend>
      <p class="hint">{t("partner.contactPublic")}</p>
      <Fields
        form={form}
        fields={[
          field.text("contactName", t("partner.contactName"), { maxLength: 200 }),
          field.text("contactPhone", t("partner.contactPhone"), {
            type: "tel",
            autocomplete: "off",
          }),
          field.text("contactEmail", t("partner.contactEmail"), {
            type: "email",
            autocomplete: "off",
          }),
        ]}
      />
      {props.children}
    </fieldset>
  );
}

/** "Label: area, area" in a muted line: the known names of the issue areas `ids`; nothing when none. */
export function AreaNames(props: { label: string; ids: number[]; names: Map<number, string> }) {
  if (props.ids.length === 0) return null;
  return (
    <p class="muted">
      {props.label}:{" "}
      {props.ids
        .map((id) => props.names.get(id))
        .filter(Boolean)
        .join(", ")}
    </p>
  );
}

/**
 * The villages as the options of a form or a filter, by id: "หมู่ที่ 3", or with the village's name
 * ("หมู่ที่ 3 บ้านนา") when `named`.
 */
export function villageOptions(
  villages: readonly Village[],
  words: { ct: (key: "village.mooN", vars: { n: number }) => string; lang: Lang },
  named = false,
): { value: string; label: string }[] {
  const { ct, lang } = words;
  return villages.map((v) => {
    const moo = ct("village.mooN", { n: v.moo });
    const name = lang === "en" && v.nameEn ? v.nameEn : v.nameTh;
    return { value: String(v.id), label: named ? `${moo} ${name}` : moo };
  });
}

/** A badge. */
export function Badge({ children }: { children: ComponentChildren }) {
  return <span class="badge">{children}</span>;
}

/** Bytes as KB or MB. */
export function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The fields of another tambon, chosen from the tambons of the platform (`platformTambon`) or by
 * its DOPA code (`dopaCode`) when it is not on the platform; for a form's `Fields`.
 */
export function otherTambonFields(
  net: Pick<ReturnType<typeof useNet>, "t" | "lang" | "tambon">,
  p: { tambons: readonly Tambon[]; label: string; dopaHint: string },
): FieldSpec[] {
  const { t, lang, tambon } = net;
  const tambonOptions = p.tambons
    .filter((x) => x.id !== tambon!.id)
    .map((x) => ({
      value: x.dopaCode,
      label: `${tambonTitle(x, lang)} (${lang === "en" ? x.provinceEn : x.provinceTh})`,
    }));
  return [
    { kind: "select", name: "platformTambon", label: p.label, options: tambonOptions },
    {
      name: "dopaCode",
      label: t("agreement.partyDopa"),
      hint: p.dopaHint,
      inputmode: "numeric",
      maxLength: 6,
    },
  ];
}

/** A button that posts to `action` on its own (remove, confirm …), named for screen readers. */
export function ActionButton(props: {
  action: string;
  children: ComponentChildren;
  /** What the button does to what, when the visible text alone does not say. */
  label?: string;
  kind?: "link" | "secondary";
  inline?: boolean;
  hidden?: Record<string, string>;
  /** It cannot be undone (a delete): ask for a tick first. */
  confirm?: boolean;
}) {
  if (props.confirm)
    return (
      <ConfirmButton action={props.action} label={props.label}>
        {props.children}
      </ConfirmButton>
    );
  return (
    <Form action={props.action} class={props.inline === false ? undefined : "inline"}>
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.kind ?? "link"} aria-label={props.label}>
        {props.children}
      </button>
    </Form>
  );
}

/** A link drawn as a button on a line of its own (add a record, edit it …). */
export function ButtonLink(props: {
  href: string;
  secondary?: boolean;
  children: ComponentChildren;
}) {
  return (
    <p>
      <a class={props.secondary ? "button secondary" : "button"} href={props.href}>
        {props.children}
      </a>
    </p>
  );
}
