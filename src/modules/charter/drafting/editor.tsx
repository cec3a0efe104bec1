import { useCtx } from "../../../core/views/ctx.ts";
import { ErrorSummary, type FieldSpec, type FormState } from "../../../core/views/form.tsx";
import type { CharterRow, EditionRow } from "../charters/queries.ts";
import { CLOSING, LIMITS, type CharterDoc, type Clause, type Definition } from "../document.ts";
import { chapterLabel, clauseLabel, num } from "../present.ts";
import { useEditionAdminHref, useT } from "../shared/views.tsx";
import {
  AddClause,
  chapterTitle,
  ClauseItem,
  DeleteButton,
  DraftForm,
  MoveButtons,
  Op,
  type Editor,
} from "./editor-parts.tsx";

/** The form that failed (its id) with what the user typed and the errors, to show again. */
export interface FailedForm {
  form: string;
  state: FormState;
}

/** What the draft editor needs. */
export interface DraftData {
  charter: CharterRow;
  edition: EditionRow;
  doc: CharterDoc;
  versionNumber: number;
  failed: FailedForm | null;
  /** Clause whose split form is open, and clause where a new chapter would start. */
  split: number | null;
  newChapterAt: number | null;
}

/** The draft editor: title, preamble, definitions, chapters and clauses; every save is a version. */
export function DraftEditor({ data }: { data: DraftData }) {
  const { lang } = useCtx();
  const t = useT();
  const { charter, edition, doc } = data;
  const d = charter.digits;
  const self = useEditionAdminHref(edition.id);
  const ed: Editor = {
    action: `${self}/draft`,
    self,
    base: data.versionNumber,
    stateOf: (form) => (data.failed?.form === form ? data.failed.state : undefined),
  };
  const sections: { key: number; label: string }[] = [
    ...doc.chapters.map((c, i) => ({
      key: c.key,
      label: `${chapterLabel(i + 1, lang, d)} ${c.title}`,
    })),
    { key: CLOSING, label: t("edition.closing") },
  ];
  // Clauses are numbered through the whole document, the closing provisions included.
  let n = 0;
  const clauses = (list: Clause[], section: number) =>
    list.map((cl, index) => (
      <ClauseItem
        key={cl.key}
        ed={ed}
        clause={cl}
        at={{
          label: clauseLabel(++n, lang, d),
          section,
          index,
          count: list.length,
          sections,
          splitOpen: data.split === cl.key,
          newChapterOpen: data.newChapterAt === cl.key,
        }}
      />
    ));

  return (
    <section class="draft-editor" aria-labelledby="h-draft">
      <h2 id="h-draft">
        {t("draft.title")} · {t("draft.version", { n: num(data.versionNumber, d, lang) })}
      </h2>
      <p class="hint">{t("draft.renumberNote")}</p>
      {data.failed && <ErrorSummary scope={data.failed.form} form={data.failed.state} />}
      <OneFieldForm
        ed={ed}
        form="title"
        op="setTitle"
        field={{
          name: "text",
          label: t("draft.docTitle"),
          value: doc.title,
          required: true,
          maxLength: LIMITS.title,
        }}
      />
      <OneFieldForm
        ed={ed}
        form="preamble"
        op="setPreamble"
        field={{
          kind: "textarea",
          name: "text",
          label: t("draft.preamble"),
          hint: t("draft.preambleHint"),
          value: doc.preamble,
          rows: 6,
          maxLength: LIMITS.preamble,
        }}
      />

      <h3>{t("edition.definitions")}</h3>
      <ul class="draft-list">
        {doc.definitions.map((def, i) => (
          <li key={def.key}>
            <DraftForm
              ed={ed}
              form={`def-${def.key}`}
              label={`${t("edition.definitions")} ${def.term}`}
              class="definition-form"
              hidden={{ key: def.key }}
              fields={definitionFields(t, def)}
            >
              <div class="draft-buttons">
                <Op op="editDefinition">{t("draft.save")}</Op>
                <MoveButtons
                  what="Definition"
                  label={def.term}
                  up={i > 0}
                  down={i < doc.definitions.length - 1}
                />
                <DeleteButton what="Definition" label={def.term} />
              </div>
            </DraftForm>
          </li>
        ))}
      </ul>
      <DraftForm
        ed={ed}
        form="def-new"
        label={t("draft.addDefinition")}
        class="add-clause"
        fields={definitionFields(t)}
      >
        <Op op="addDefinition" class="secondary">
          {t("draft.addDefinition")}
        </Op>
      </DraftForm>

      {doc.chapters.map((c, i) => {
        const label = chapterLabel(i + 1, lang, d);
        const last = i === doc.chapters.length - 1;
        return (
          <section
            key={c.key}
            class="draft-chapter"
            id={`ch-${c.key}`}
            aria-label={`${label} ${c.title}`}
          >
            <DraftForm
              ed={ed}
              form={`ch-${c.key}`}
              label={label}
              class="chapter-form"
              head={<h3>{label}</h3>}
              hidden={{ key: c.key }}
              fields={[chapterTitle(t("draft.chapterTitle"), c.title)]}
            >
              <div class="draft-buttons">
                <Op op="renameChapter">{t("draft.rename")}</Op>
                <MoveButtons what="Chapter" label={label} up={i > 0} down={!last} />
                {!last && (
                  <Op
                    op="mergeChapter"
                    class="secondary small"
                    label={t("draft.mergeChapterLabel", { label })}
                  >
                    {t("draft.mergeChapter")}
                  </Op>
                )}
                {c.clauses.length === 0 && <DeleteButton what="Chapter" label={label} />}
              </div>
            </DraftForm>
            {c.clauses.length === 0 && <p class="muted">{t("draft.emptyChapter")}</p>}
            <ul class="draft-list">{clauses(c.clauses, c.key)}</ul>
            <AddClause ed={ed} section={c.key} sectionLabel={label} />
          </section>
        );
      })}
      <DraftForm
        ed={ed}
        form="ch-new"
        label={t("draft.addChapter")}
        class="add-chapter"
        fields={[chapterTitle(t("draft.chapterTitle"))]}
      >
        <Op op="addChapter">{t("draft.addChapter")}</Op>
      </DraftForm>
      <section class="draft-chapter" aria-labelledby="h-draft-closing">
        <h3 id="h-draft-closing">{t("edition.closing")}</h3>
        <ul class="draft-list">{clauses(doc.closing, CLOSING)}</ul>
        <AddClause ed={ed} section={CLOSING} sectionLabel={t("edition.closing")} />
      </section>
    </section>
  );
}

/** A form of the document's one text (its title, its preamble), labelled as its field, saved by `op`. */
function OneFieldForm(props: { ed: Editor; form: string; op: string; field: FieldSpec }) {
  const t = useT();
  return (
    <DraftForm ed={props.ed} form={props.form} label={props.field.label} fields={[props.field]}>
      <Op op={props.op} class="secondary">
        {t("draft.save")}
      </Op>
    </DraftForm>
  );
}

/** The term and its meaning (editing a definition, or adding one). */
function definitionFields(t: ReturnType<typeof useT>, def?: Definition): FieldSpec[] {
  return [
    {
      name: "term",
      label: t("draft.term"),
      value: def?.term,
      required: true,
      maxLength: LIMITS.term,
    },
    {
      kind: "textarea",
      name: "meaning",
      label: t("draft.meaning"),
      value: def?.meaning,
      rows: 2,
      required: true,
      maxLength: LIMITS.meaning,
    },
  ];
}
