import type { ComponentChildren } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import { Form, FormError, SelectField, type FormState } from "../../../core/views/form.tsx";
import { ConfirmTick } from "../../../core/views/confirm.tsx";
import type { Lang } from "../../../core/i18n/index.ts";
import { toThaiDigits, type DigitStyle } from "../digits.ts";
import { paragraphs } from "../document.ts";
import { msg } from "../messages.ts";
import { editionLabel } from "../present.ts";
import type { EditionRow } from "../charters/queries.ts";

/** The translator of this module for the current page. */
export function useT() {
  const { lang } = useCtx();
  return msg.t(lang);
}

/** User-written text in the charter's digits (only Arabic digits become Thai; nothing else changes). */
export function textIn(text: string, style: DigitStyle, lang: Lang): string {
  return style === "thai" && lang === "th" ? toThaiDigits(text) : text;
}

/** Plain text as paragraphs, line breaks kept, optionally with a lead (the clause number) before the first. */
export function Paras(props: { text: string; lead?: ComponentChildren; class?: string }) {
  const paras = paragraphs(props.text);
  if (!paras.length) return props.lead ? <p class={props.class}>{props.lead}</p> : null;
  return (
    <>
      {paras.map((p, i) => (
        <p key={i} class={props.class}>
          {i === 0 && props.lead}
          {p.split("\n").map((line, j) => (
            <>
              {j > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

/** The status of an edition as a badge (an adopted edition replaced by a newer one is "earlier"). */
export function StatusBadge(props: { edition: EditionRow; superseded?: boolean }) {
  const t = useT();
  const s = props.superseded ? "superseded" : props.edition.status;
  return <span class={`badge charter-status charter-${s}`}>{t(`status.${s}`)}</span>;
}

/** An edition's label linked to one of its pages, and its status badge. */
export function EditionLink(props: {
  edition: EditionRow;
  digits: DigitStyle;
  href: string;
  superseded?: boolean;
}) {
  const { lang } = useCtx();
  return (
    <>
      <a href={props.href}>{editionLabel(props.edition, lang, props.digits)}</a>{" "}
      <StatusBadge edition={props.edition} superseded={props.superseded} />
    </>
  );
}

/** The top of a page about an edition: the way back to its text, the page's heading, its introduction. */
export function EditionPageTop(props: {
  edition: EditionRow;
  digits: DigitStyle;
  /** The title of the edition's text. */
  title: string;
  /** The page, whose messages `<page>.title` and `<page>.intro` are its heading and introduction. */
  page: "follow" | "hearing";
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const label = editionLabel(props.edition, lang, props.digits);
  return (
    <>
      <p class="back">
        <a href={`/t/${tambon!.slug}/charter-editions/${props.edition.id}`}>
          ← {props.title} {label}
        </a>
      </p>
      <h1>
        {t(`${props.page}.title`)} · {label}
      </h1>
      <p class="prose">{t(`${props.page}.intro`)}</p>
    </>
  );
}

/** The address of an edition's admin page in the current tambon; its panels' forms post below it. */
export function useEditionAdminHref(editionId: number): string {
  const { tambon } = useCtx();
  return `/t/${tambon!.slug}/admin/charter-editions/${editionId}`;
}

/**
 * A panel of an edition's admin page that folds away: `open` when its step is the edition's
 * current one or a form in it failed.
 */
export function FoldingPanel(p: {
  id?: string;
  title: string;
  open: boolean;
  children: ComponentChildren;
}) {
  return (
    <details class="charter-panel" id={p.id} open={p.open}>
      <summary>{p.title}</summary>
      {p.children}
    </details>
  );
}

/**
 * A small secondary button in a row of a table that posts the row's one hidden field (`name`:
 * `value`); `what` names the row for screen readers.
 */
export function RowButton(p: {
  action: string;
  class?: string;
  name: string;
  value: string;
  text: string;
  what: ComponentChildren;
}) {
  return (
    <Form action={p.action} class={p.class}>
      <input type="hidden" name={p.name} value={p.value} />
      <button type="submit" class="secondary small">
        {p.text}
        <span class="visually-hidden"> {p.what}</span>
      </button>
    </Form>
  );
}

/** A form that picks one record of a list (a resolution, a meeting …) and sends it. */
export function PickOneForm(p: {
  action: string;
  /** The form's name, and the scope of its field and error. */
  title: string;
  scope: string;
  form?: FormState;
  name: string;
  label: string;
  choices: { id: number; label: string }[];
  submit: string;
  /** What it does cannot be undone: the form asks for a tick first. */
  confirm?: boolean;
}) {
  return (
    <Form action={p.action} label={p.title}>
      <FormError form={p.form} />
      <SelectField
        scope={p.scope}
        form={p.form}
        name={p.name}
        label={p.label}
        required
        placeholder=""
        options={p.choices.map((c) => ({ value: String(c.id), label: c.label }))}
      />
      {p.confirm && (
        <p>
          <ConfirmTick />
        </p>
      )}
      <button type="submit">{p.submit}</button>
    </Form>
  );
}
