import type { ComponentChildren } from "preact";
import {
  Fields,
  Form,
  FormError,
  emptyForm,
  type FieldSpec,
  type FormState,
} from "../../../core/views/form.tsx";
import { CLOSING, LIMITS, suggestSplit, type Clause } from "../document.ts";
import { useT } from "../shared/views.tsx";

/** What every form of the draft editor shares. */
export interface Editor {
  /** Where the forms post (one route, the operation in `op`). */
  action: string;
  /** The editor's page. */
  self: string;
  /** The version the page shows: a save made from an older one is refused. */
  base: number;
  /** The failed form's state, for the form of that scope. */
  stateOf(form: string): FormState | undefined;
}

/**
 * One form of the editor: the form's scope and the version it was made from travel with it, its
 * whole-form error stands above its fields.
 */
export function DraftForm(props: {
  ed: Editor;
  form: string;
  label: string;
  class?: string;
  /** Shown before the form's fields (a heading). */
  head?: ComponentChildren;
  /** Further hidden values: the clause, chapter or place the operation is about. */
  hidden?: Record<string, number>;
  /** The form's fields, drawn with what was sent to it, before the other children (its buttons). */
  fields?: readonly FieldSpec[];
  children: ComponentChildren;
}) {
  const { ed, form } = props;
  return (
    <Form action={ed.action} label={props.label} class={props.class}>
      {props.head}
      <input type="hidden" name="form" value={form} />
      <input type="hidden" name="base" value={String(ed.base)} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      <FormError form={ed.stateOf(form)} />
      {props.fields && (
        <Fields scope={form} form={ed.stateOf(form) ?? emptyForm()} fields={props.fields} />
      )}
      {props.children}
    </Form>
  );
}

/** A button that sends one operation of the editor. */
export function Op(props: {
  op: string;
  class?: string;
  label?: string;
  children: ComponentChildren;
}) {
  return (
    <button type="submit" name="op" value={props.op} class={props.class} aria-label={props.label}>
      {props.children}
    </button>
  );
}

/** The up and down buttons of a definition, chapter or clause (each only where it can move). */
export function MoveButtons(props: {
  what: "Clause" | "Definition" | "Chapter";
  label: string;
  up: boolean;
  down: boolean;
}) {
  const t = useT();
  return (
    <>
      {props.up && (
        <Op
          op={`move${props.what}:up`}
          class="secondary small"
          label={t("draft.moveUp", { label: props.label })}
        >
          ↑ {t("draft.up")}
        </Op>
      )}
      {props.down && (
        <Op
          op={`move${props.what}:down`}
          class="secondary small"
          label={t("draft.moveDown", { label: props.label })}
        >
          ↓ {t("draft.down")}
        </Op>
      )}
    </>
  );
}

/** The delete button of a definition, chapter or clause. */
export function DeleteButton(props: { what: "Clause" | "Definition" | "Chapter"; label: string }) {
  const t = useT();
  return (
    <Op
      op={`delete${props.what}`}
      class="danger small"
      label={t("draft.deleteLabel", { label: props.label })}
    >
      {t("draft.delete")}
    </Op>
  );
}

/** The title field of a chapter (renaming one, adding one, or starting one at a clause). */
export function chapterTitle(label: string, value?: string): FieldSpec {
  return { name: "title", label, value, required: true, maxLength: LIMITS.chapterTitle };
}

/** A clause's text field (editing a clause, or adding one at the end of a chapter). */
function clauseText(label: string, rows: number, value?: string): FieldSpec {
  return {
    kind: "textarea",
    name: "text",
    label,
    value,
    rows,
    required: true,
    maxLength: LIMITS.clause,
  };
}

/** Where a clause is: its number's label, its chapter (or the closing provisions) and its place. */
export interface ClausePlace {
  label: string;
  section: number;
  index: number;
  count: number;
  /** The chapters and the closing provisions, as the clause could be moved to them. */
  sections: { key: number; label: string }[];
  splitOpen: boolean;
  newChapterOpen: boolean;
}

/** A clause of the draft: its text and buttons, and when asked the forms that split it. */
export function ClauseItem(props: { ed: Editor; clause: Clause; at: ClausePlace }) {
  const t = useT();
  const { ed, clause: cl, at } = props;
  const { label } = at;
  const form = `cl-${cl.key}`;
  const rows = Math.min(8, Math.max(2, Math.ceil(cl.text.length / 90)));
  return (
    <li class="draft-clause" id={`c-${cl.key}`}>
      <DraftForm
        ed={ed}
        form={form}
        label={label}
        hidden={{ key: cl.key }}
        fields={[clauseText(t("draft.clauseText", { label }), rows, cl.text)]}
      >
        <div class="draft-buttons">
          <Op op="editClause">{t("draft.save")}</Op>
          <MoveButtons what="Clause" label={label} up down />
          {at.index < at.count - 1 && (
            <Op op="mergeClause" class="secondary small" label={t("draft.mergeLabel", { label })}>
              {t("draft.merge")}
            </Op>
          )}
          <a
            class="button secondary small"
            href={`${ed.self}?split=${cl.key}#split-${cl.key}`}
            aria-label={t("draft.splitLabel", { label })}
          >
            {t("draft.split")}
          </a>
          {at.section !== CLOSING && at.index > 0 && (
            <a
              class="button secondary small"
              href={`${ed.self}?newChapterAt=${cl.key}#splitch-${cl.key}`}
            >
              {t("draft.startChapterHere")}
            </a>
          )}
          <span class="inline-form">
            <label for={`f-${form}-chapter`} class="visually-hidden">
              {t("draft.moveToLabel", { label })}
            </label>
            <select id={`f-${form}-chapter`} name="chapter">
              {at.sections
                .filter((s) => s.key !== at.section)
                .map((s) => (
                  <option key={s.key} value={String(s.key)}>
                    {s.label}
                  </option>
                ))}
            </select>
            <Op op="moveClauseTo" class="secondary small">
              {t("draft.moveTo")}
            </Op>
          </span>
          <DeleteButton what="Clause" label={label} />
        </div>
      </DraftForm>
      {(at.splitOpen || ed.stateOf(`split-${cl.key}`)) && (
        <SplitClause ed={ed} clause={cl} label={label} />
      )}
      {(at.newChapterOpen || ed.stateOf(`splitch-${cl.key}`)) && (
        <StartChapter ed={ed} clause={cl} label={label} section={at.section} />
      )}
    </li>
  );
}

/** The form that splits a clause in two, offering a place to cut. */
function SplitClause(props: { ed: Editor; clause: Clause; label: string }) {
  const t = useT();
  const { ed, clause: cl, label } = props;
  const form = `split-${cl.key}`;
  const suggestion = suggestSplit(cl.text);
  const part = (name: "first" | "second"): FieldSpec => ({
    kind: "textarea",
    name,
    label: t(`draft.${name}`),
    value: suggestion[name],
    rows: 4,
    required: true,
  });
  return (
    <DraftForm
      ed={ed}
      form={form}
      label={t("draft.splitTitle", { label })}
      class="charter-panel split-form"
      head={
        <>
          <h4 id={form}>{t("draft.splitTitle", { label })}</h4>
          <p class="hint">{t("draft.splitHint")}</p>
        </>
      }
      hidden={{ key: cl.key }}
      fields={[part("first"), part("second")]}
    >
      <Op op="splitClause">{t("draft.split")}</Op>{" "}
      <a href={`${ed.self}#c-${cl.key}`}>{t("draft.cancel")}</a>
    </DraftForm>
  );
}

/** The form that starts a new chapter at a clause. */
function StartChapter(props: { ed: Editor; clause: Clause; label: string; section: number }) {
  const t = useT();
  const { ed, clause: cl, label } = props;
  const form = `splitch-${cl.key}`;
  return (
    <DraftForm
      ed={ed}
      form={form}
      label={t("draft.splitChapterTitle", { label })}
      class="charter-panel split-form"
      head={<h4 id={form}>{t("draft.splitChapterTitle", { label })}</h4>}
      hidden={{ key: props.section, at: cl.key }}
      fields={[chapterTitle(t("draft.newChapterTitle"))]}
    >
      <Op op="splitChapter">{t("draft.startChapterHere")}</Op>{" "}
      <a href={`${ed.self}#c-${cl.key}`}>{t("draft.cancel")}</a>
    </DraftForm>
  );
}

/** The form that adds a clause at the end of a chapter (or of the closing provisions). */
export function AddClause(props: { ed: Editor; section: number; sectionLabel: string }) {
  const t = useT();
  const { ed, section } = props;
  const form = `add-${section}`;
  const label = t("draft.newClause", { label: props.sectionLabel });
  return (
    <DraftForm
      ed={ed}
      form={form}
      label={label}
      class="add-clause"
      hidden={{ chapter: section }}
      fields={[clauseText(label, 2)]}
    >
      <Op op="addClause" class="secondary">
        {t("draft.addClause")}
      </Op>
    </DraftForm>
  );
}
