import type { ComponentChildren } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import { core } from "../../../core/i18n/messages.ts";
import { Field, type FormState } from "../../../core/views/form.tsx";
import { formatDate } from "../../../core/dates.ts";
import { msg, type NetKey } from "../messages.ts";

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
  return (
    <p>
      <a href={to ?? admin}>← {label ?? t("admin.back")}</a>
    </p>
  );
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
      <Field form={form} name="contactName" label={t("partner.contactName")} maxLength={200} />
      <Field
        form={form}
        name="contactPhone"
        type="tel"
        label={t("partner.contactPhone")}
        autocomplete="off"
      />
      <Field
        form={form}
        name="contactEmail"
        type="email"
        label={t("partner.contactEmail")}
        autocomplete="off"
      />
      {props.children}
    </fieldset>
  );
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
