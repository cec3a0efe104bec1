import { useCtx } from "../../../core/views/ctx.ts";
import {
  Form,
  type FormState,
  ErrorSummary,
  FormError,
  Field,
  TextArea,
} from "../../../core/views/form.tsx";
import type { CharterRow, EditionRow } from "../charters/queries.ts";
import { CLOSING, LIMITS, suggestSplit, type CharterDoc, type Clause } from "../document.ts";
import { chapterLabel, clauseLabel, num } from "../present.ts";
import { useT } from "../shared/views.tsx";

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

function Hidden(props: { form: string; base: number }) {
  return (
    <>
      <input type="hidden" name="form" value={props.form} />
      <input type="hidden" name="base" value={String(props.base)} />
    </>
  );
}

/** The draft editor: title, preamble, definitions, chapters and clauses; every save is a version. */
export function DraftEditor({ data }: { data: DraftData }) {
  const { lang, tambon } = useCtx();
  const t = useT();
  const { charter, edition, doc } = data;
  const d = charter.digits;
  const action = `/t/${tambon!.slug}/admin/charter-editions/${edition.id}/draft`;
  const self = `/t/${tambon!.slug}/admin/charter-editions/${edition.id}`;
  const base = data.versionNumber;
  const stateOf = (form: string): FormState | undefined =>
    data.failed?.form === form ? data.failed.state : undefined;
  const sections: { key: number; label: string }[] = [
    ...doc.chapters.map((c, i) => ({
      key: c.key,
      label: `${chapterLabel(i + 1, lang, d)} ${c.title}`,
    })),
    { key: CLOSING, label: t("edition.closing") },
  ];
  let n = 0;

  const clauseForm = (cl: Clause, section: number, index: number, list: Clause[]) => {
    const number = ++n;
    const label = clauseLabel(number, lang, d);
    const form = `cl-${cl.key}`;
    const state = stateOf(form);
    const splitOpen = data.split === cl.key;
    const newChapterOpen = data.newChapterAt === cl.key;
    const splitState = stateOf(`split-${cl.key}`);
    const chState = stateOf(`splitch-${cl.key}`);
    const suggestion = suggestSplit(cl.text);
    return (
      <li key={cl.key} class="draft-clause" id={`c-${cl.key}`}>
        <Form action={action} label={label}>
          <Hidden form={form} base={base} />
          <input type="hidden" name="key" value={String(cl.key)} />
          <FormError form={state} />
          <TextArea
            scope={form}
            form={state}
            name="text"
            label={t("draft.clauseText", { label })}
            value={cl.text}
            rows={Math.min(8, Math.max(2, Math.ceil(cl.text.length / 90)))}
            required
            maxLength={LIMITS.clause}
          />
          <div class="draft-buttons">
            <button type="submit" name="op" value="editClause">
              {t("draft.save")}
            </button>
            <button
              type="submit"
              name="op"
              value="moveClause:up"
              class="secondary small"
              aria-label={t("draft.moveUp", { label })}
            >
              ↑ {t("draft.up")}
            </button>
            <button
              type="submit"
              name="op"
              value="moveClause:down"
              class="secondary small"
              aria-label={t("draft.moveDown", { label })}
            >
              ↓ {t("draft.down")}
            </button>
            {index < list.length - 1 && (
              <button
                type="submit"
                name="op"
                value="mergeClause"
                class="secondary small"
                aria-label={t("draft.mergeLabel", { label })}
              >
                {t("draft.merge")}
              </button>
            )}
            <a
              class="button secondary small"
              href={`${self}?split=${cl.key}#split-${cl.key}`}
              aria-label={t("draft.splitLabel", { label })}
            >
              {t("draft.split")}
            </a>
            {section !== CLOSING && index > 0 && (
              <a
                class="button secondary small"
                href={`${self}?newChapterAt=${cl.key}#splitch-${cl.key}`}
              >
                {t("draft.startChapterHere")}
              </a>
            )}
            <span class="inline-form">
              <label for={`f-${form}-chapter`} class="visually-hidden">
                {t("draft.moveToLabel", { label })}
              </label>
              <select id={`f-${form}-chapter`} name="chapter">
                {sections
                  .filter((s) => s.key !== section)
                  .map((s) => (
                    <option key={s.key} value={String(s.key)}>
                      {s.label}
                    </option>
                  ))}
              </select>
              <button type="submit" name="op" value="moveClauseTo" class="secondary small">
                {t("draft.moveTo")}
              </button>
            </span>
            <button
              type="submit"
              name="op"
              value="deleteClause"
              class="danger small"
              aria-label={t("draft.deleteLabel", { label })}
            >
              {t("draft.delete")}
            </button>
          </div>
        </Form>
        {(splitOpen || splitState) && (
          <Form
            action={action}
            class="charter-panel split-form"
            label={t("draft.splitTitle", { label })}
          >
            <h4 id={`split-${cl.key}`}>{t("draft.splitTitle", { label })}</h4>
            <p class="hint">{t("draft.splitHint")}</p>
            <Hidden form={`split-${cl.key}`} base={base} />
            <input type="hidden" name="key" value={String(cl.key)} />
            <FormError form={splitState} />
            <TextArea
              scope={`split-${cl.key}`}
              form={splitState}
              name="first"
              label={t("draft.first")}
              value={suggestion.first}
              rows={4}
              required
            />
            <TextArea
              scope={`split-${cl.key}`}
              form={splitState}
              name="second"
              label={t("draft.second")}
              value={suggestion.second}
              rows={4}
              required
            />
            <button type="submit" name="op" value="splitClause">
              {t("draft.split")}
            </button>{" "}
            <a href={`${self}#c-${cl.key}`}>{t("draft.cancel")}</a>
          </Form>
        )}
        {(newChapterOpen || chState) && (
          <Form
            action={action}
            class="charter-panel split-form"
            label={t("draft.splitChapterTitle", { label })}
          >
            <h4 id={`splitch-${cl.key}`}>{t("draft.splitChapterTitle", { label })}</h4>
            <Hidden form={`splitch-${cl.key}`} base={base} />
            <input type="hidden" name="key" value={String(section)} />
            <input type="hidden" name="at" value={String(cl.key)} />
            <FormError form={chState} />
            <Field
              scope={`splitch-${cl.key}`}
              form={chState}
              name="title"
              label={t("draft.newChapterTitle")}
              required
              maxLength={LIMITS.chapterTitle}
            />
            <button type="submit" name="op" value="splitChapter">
              {t("draft.startChapterHere")}
            </button>{" "}
            <a href={`${self}#c-${cl.key}`}>{t("draft.cancel")}</a>
          </Form>
        )}
      </li>
    );
  };

  const addClause = (section: number, sectionLabel: string) => {
    const form = `add-${section}`;
    const state = stateOf(form);
    return (
      <Form
        action={action}
        class="add-clause"
        label={t("draft.newClause", { label: sectionLabel })}
      >
        <Hidden form={form} base={base} />
        <input type="hidden" name="chapter" value={String(section)} />
        <FormError form={state} />
        <TextArea
          scope={form}
          form={state}
          name="text"
          label={t("draft.newClause", { label: sectionLabel })}
          rows={2}
          required
          maxLength={LIMITS.clause}
        />
        <button type="submit" name="op" value="addClause" class="secondary">
          {t("draft.addClause")}
        </button>
      </Form>
    );
  };

  return (
    <section class="draft-editor" aria-labelledby="h-draft">
      <h2 id="h-draft">
        {t("draft.title")} · {t("draft.version", { n: num(data.versionNumber, d, lang) })}
      </h2>
      <p class="hint">{t("draft.renumberNote")}</p>
      {data.failed && <ErrorSummary scope={data.failed.form} form={data.failed.state} />}
      <Form action={action} label={t("draft.docTitle")}>
        <Hidden form="title" base={base} />
        <FormError form={stateOf("title")} />
        <Field
          scope="title"
          form={stateOf("title")}
          name="text"
          label={t("draft.docTitle")}
          value={doc.title}
          required
          maxLength={LIMITS.title}
        />
        <button type="submit" name="op" value="setTitle" class="secondary">
          {t("draft.save")}
        </button>
      </Form>
      <Form action={action} label={t("draft.preamble")}>
        <Hidden form="preamble" base={base} />
        <FormError form={stateOf("preamble")} />
        <TextArea
          scope="preamble"
          form={stateOf("preamble")}
          name="text"
          label={t("draft.preamble")}
          hint={t("draft.preambleHint")}
          value={doc.preamble}
          rows={6}
          maxLength={LIMITS.preamble}
        />
        <button type="submit" name="op" value="setPreamble" class="secondary">
          {t("draft.save")}
        </button>
      </Form>

      <h3>{t("edition.definitions")}</h3>
      <ul class="draft-list">
        {doc.definitions.map((def, i) => {
          const form = `def-${def.key}`;
          const state = stateOf(form);
          return (
            <li key={def.key}>
              <Form
                action={action}
                class="definition-form"
                label={`${t("edition.definitions")} ${def.term}`}
              >
                <Hidden form={form} base={base} />
                <input type="hidden" name="key" value={String(def.key)} />
                <FormError form={state} />
                <Field
                  scope={form}
                  form={state}
                  name="term"
                  label={t("draft.term")}
                  value={def.term}
                  required
                  maxLength={LIMITS.term}
                />
                <TextArea
                  scope={form}
                  form={state}
                  name="meaning"
                  label={t("draft.meaning")}
                  value={def.meaning}
                  rows={2}
                  required
                  maxLength={LIMITS.meaning}
                />
                <div class="draft-buttons">
                  <button type="submit" name="op" value="editDefinition">
                    {t("draft.save")}
                  </button>
                  {i > 0 && (
                    <button
                      type="submit"
                      name="op"
                      value="moveDefinition:up"
                      class="secondary small"
                      aria-label={t("draft.moveUp", { label: def.term })}
                    >
                      ↑ {t("draft.up")}
                    </button>
                  )}
                  {i < doc.definitions.length - 1 && (
                    <button
                      type="submit"
                      name="op"
                      value="moveDefinition:down"
                      class="secondary small"
                      aria-label={t("draft.moveDown", { label: def.term })}
                    >
                      ↓ {t("draft.down")}
                    </button>
                  )}
                  <button
                    type="submit"
                    name="op"
                    value="deleteDefinition"
                    class="danger small"
                    aria-label={t("draft.deleteLabel", { label: def.term })}
                  >
                    {t("draft.delete")}
                  </button>
                </div>
              </Form>
            </li>
          );
        })}
      </ul>
      <Form action={action} label={t("draft.addDefinition")} class="add-clause">
        <Hidden form="def-new" base={base} />
        <FormError form={stateOf("def-new")} />
        <Field
          scope="def-new"
          form={stateOf("def-new")}
          name="term"
          label={t("draft.term")}
          required
          maxLength={LIMITS.term}
        />
        <TextArea
          scope="def-new"
          form={stateOf("def-new")}
          name="meaning"
          label={t("draft.meaning")}
          rows={2}
          required
          maxLength={LIMITS.meaning}
        />
        <button type="submit" name="op" value="addDefinition" class="secondary">
          {t("draft.addDefinition")}
        </button>
      </Form>

      {doc.chapters.map((c, i) => {
        const label = chapterLabel(i + 1, lang, d);
        const form = `ch-${c.key}`;
        const state = stateOf(form);
        return (
          <section
            key={c.key}
            class="draft-chapter"
            id={`ch-${c.key}`}
            aria-label={`${label} ${c.title}`}
          >
            <Form action={action} label={label} class="chapter-form">
              <Hidden form={form} base={base} />
              <input type="hidden" name="key" value={String(c.key)} />
              <h3>{label}</h3>
              <FormError form={state} />
              <Field
                scope={form}
                form={state}
                name="title"
                label={t("draft.chapterTitle")}
                value={c.title}
                required
                maxLength={LIMITS.chapterTitle}
              />
              <div class="draft-buttons">
                <button type="submit" name="op" value="renameChapter">
                  {t("draft.rename")}
                </button>
                {i > 0 && (
                  <button
                    type="submit"
                    name="op"
                    value="moveChapter:up"
                    class="secondary small"
                    aria-label={t("draft.moveUp", { label })}
                  >
                    ↑ {t("draft.up")}
                  </button>
                )}
                {i < doc.chapters.length - 1 && (
                  <>
                    <button
                      type="submit"
                      name="op"
                      value="moveChapter:down"
                      class="secondary small"
                      aria-label={t("draft.moveDown", { label })}
                    >
                      ↓ {t("draft.down")}
                    </button>
                    <button
                      type="submit"
                      name="op"
                      value="mergeChapter"
                      class="secondary small"
                      aria-label={t("draft.mergeChapterLabel", { label })}
                    >
                      {t("draft.mergeChapter")}
                    </button>
                  </>
                )}
                {c.clauses.length === 0 && (
                  <button
                    type="submit"
                    name="op"
                    value="deleteChapter"
                    class="danger small"
                    aria-label={t("draft.deleteLabel", { label })}
                  >
                    {t("draft.delete")}
                  </button>
                )}
              </div>
            </Form>
            {c.clauses.length === 0 && <p class="muted">{t("draft.emptyChapter")}</p>}
            <ul class="draft-list">
              {c.clauses.map((cl, j) => clauseForm(cl, c.key, j, c.clauses))}
            </ul>
            {addClause(c.key, label)}
          </section>
        );
      })}
      <Form action={action} label={t("draft.addChapter")} class="add-chapter">
        <Hidden form="ch-new" base={base} />
        <FormError form={stateOf("ch-new")} />
        <Field
          scope="ch-new"
          form={stateOf("ch-new")}
          name="title"
          label={t("draft.chapterTitle")}
          required
          maxLength={LIMITS.chapterTitle}
        />
        <button type="submit" name="op" value="addChapter">
          {t("draft.addChapter")}
        </button>
      </Form>
      <section class="draft-chapter" aria-labelledby="h-draft-closing">
        <h3 id="h-draft-closing">{t("edition.closing")}</h3>
        <ul class="draft-list">
          {doc.closing.map((cl, j) => clauseForm(cl, CLOSING, j, doc.closing))}
        </ul>
        {addClause(CLOSING, t("edition.closing"))}
      </section>
    </section>
  );
}
