import type { ComponentChildren } from "preact";
import { useCtx } from "./ctx.ts";
import { Form } from "./form.tsx";
import { core } from "../i18n/messages.ts";

/**
 * The step before an action that closes, deletes, publishes to everyone or cannot be undone: a
 * page (reached by GET, so it works without JavaScript) that says what will happen, with one
 * button that POSTs the action and a way back that does nothing. The page that offers the action
 * links here (`ConfirmLink`) instead of posting at once.
 */
export function ConfirmPage(props: {
  title: string;
  /** What will happen, in plain words (what changes, for whom, whether it can be undone). */
  children: ComponentChildren;
  /** Where the confirm button POSTs. */
  action: string;
  confirmLabel: string;
  /** Where "cancel" leads back to (nothing is changed). */
  back: string;
  /** A destructive action: the button is drawn as one. */
  danger?: boolean;
  /** Hidden fields the POST carries (besides the CSRF token). */
  fields?: Record<string, string>;
}) {
  const { lang } = useCtx();
  return (
    <section class="confirm" aria-labelledby="confirm-title">
      <h1 id="confirm-title">{props.title}</h1>
      <div class="confirm-what">{props.children}</div>
      <Form action={props.action} label={props.title}>
        {Object.entries(props.fields ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirmed" value="1" />
        <div class="actions">
          <button type="submit" class={props.danger ? "danger" : undefined}>
            {props.confirmLabel}
          </button>
          <a class="button secondary" href={props.back}>
            {core.t(lang)("form.cancel")}
          </a>
        </div>
      </Form>
    </section>
  );
}

/** A link, drawn as a button, to the confirmation step of an action (see `ConfirmPage`). */
export function ConfirmLink(props: { href: string; children: ComponentChildren }) {
  return (
    <a class="button secondary" href={props.href}>
      {props.children}
    </a>
  );
}

/**
 * A button for an action that cannot be undone (delete, remove, close) where a page of its own
 * would be too much: the form asks for a tick first (a required checkbox: the browser will not
 * send it unticked, no script needed) and says what the button does.
 */
export function ConfirmButton(props: {
  action: string;
  /** The button's text, e.g. "ลบ". */
  children: ComponentChildren;
  /** Names the action for screen readers ("ลบ ภาพงานบุญ"). */
  label?: string;
  /** The tick's text (default: "ยืนยัน ย้อนกลับไม่ได้"). */
  confirm?: string;
  class?: string;
  /** Hidden fields the POST carries (besides the CSRF token and the tick). */
  fields?: Record<string, string>;
  /** It can be undone later (archive, restore): the tick says only "I confirm". */
  reversible?: boolean;
}) {
  return (
    <Form
      action={props.action}
      class={props.class ?? "inline-form confirm-form"}
      label={props.label}
    >
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ConfirmTick text={props.confirm} reversible={props.reversible} />{" "}
      <button type="submit" class={props.reversible ? "secondary" : "danger"}>
        {props.children}
      </button>
    </Form>
  );
}

/**
 * A form that is one secondary button (untick, unlink, delete, withdraw …) beside what it acts
 * on; `label` names that for screen readers. With `confirm` (it cannot be undone) it is a
 * ConfirmButton, asking for a tick first.
 */
export function ButtonForm(props: {
  action: string;
  label: string;
  text: string;
  confirm?: boolean;
  /** Hidden fields the POST carries (besides the CSRF token). */
  fields?: Record<string, string>;
}) {
  if (props.confirm)
    return (
      <ConfirmButton action={props.action} label={props.label} fields={props.fields}>
        {props.text}
      </ConfirmButton>
    );
  return (
    <Form action={props.action} class="inline-form" label={props.label}>
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="secondary">
        {props.text}
      </button>
    </Form>
  );
}

/**
 * Archiving a record of a list and restoring it, both posted to `action` with `archived` (1 or
 * 0): a record in use gets a button that asks for a tick first (it can be undone), named with the
 * record for screen readers; an archived one a plain button that restores it.
 */
export function ArchiveToggle(props: {
  action: string;
  archived: boolean;
  /** The record's name, said after the archive button's text to screen readers. */
  name: string;
  archive: string;
  restore: string;
}) {
  return props.archived ? (
    <Form action={props.action}>
      <input type="hidden" name="archived" value="0" />
      <button type="submit" class="secondary">
        {props.restore}
      </button>
    </Form>
  ) : (
    <ConfirmButton
      action={props.action}
      fields={{ archived: "1" }}
      reversible
      label={`${props.archive} ${props.name}`}
    >
      {props.archive}
    </ConfirmButton>
  );
}

/**
 * The tick a form for an action that cannot be undone carries before its button (`confirmed=1`;
 * required, so the browser will not send the form without it). The server refuses the action
 * without it (`confirmFirst` in `core/confirmation.tsx`).
 */
export function ConfirmTick(props: { text?: ComponentChildren; reversible?: boolean }) {
  const { lang } = useCtx();
  return (
    <label class="confirm-check">
      <input type="checkbox" name="confirmed" value="1" required />{" "}
      {props.text ?? core.t(lang)(props.reversible ? "confirm.sure" : "confirm.tick")}
    </label>
  );
}

/**
 * What a request for an action that cannot be undone meets when it came without the tick (a
 * forged request, or a browser that ignores `required`): what it sent, kept in the form, and the
 * tick to send it again.
 */
export function ConfirmAgain(props: {
  action: string;
  fields: Record<string, string[]>;
  back: string;
}) {
  const { lang } = useCtx();
  const t = core.t(lang);
  return (
    <section class="confirm" aria-labelledby="confirm-title">
      <h1 id="confirm-title">{t("confirm.againTitle")}</h1>
      <div class="error-summary" role="alert">
        <p>{t("confirm.required")}</p>
      </div>
      <Form action={props.action} label={t("confirm.againTitle")}>
        {Object.entries(props.fields).flatMap(([name, values]) =>
          values.map((value, i) => (
            <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
          )),
        )}
        <p>
          <ConfirmTick reversible />
        </p>
        <div class="actions">
          <button type="submit" class="danger">
            {t("confirm.go")}
          </button>
          <a class="button secondary" href={props.back}>
            {t("form.cancel")}
          </a>
        </div>
      </Form>
    </section>
  );
}
