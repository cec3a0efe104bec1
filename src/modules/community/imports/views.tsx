import type { ComponentChildren } from "preact";
import { useCtx } from "../../../core/views/ctx.ts";
import { ErrorSummary, Fields, Form, type FormState, field } from "../../../core/views/form.tsx";
import { IMPORT_ACCEPT } from "../../../core/views/import.tsx";
import { msg } from "../messages.ts";
import { useCommunity } from "../shared/views.tsx";

type Kind = "people" | "submissions" | "figures";

/** The imports' first page: what can be imported, each with what its file holds. */
export function ImportIndex(p: { base: string; kinds: readonly Kind[] }) {
  const { tambon, t } = useCommunity();
  return (
    <>
      <p>
        <a href={`/t/${tambon!.slug}/admin/community`}>← {t("nav.admin")}</a>
      </p>
      <p>{t("imp.intro")}</p>
      <ul>
        {p.kinds.map((k) => (
          <li key={k}>
            <a href={`${p.base}/${k}`}>{t(`imp.kind.${k}`)}</a>
            <br />
            <span class="hint">{t(`imp.kindIntro.${k}`)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The frame of one kind's import: back link, what the file holds, then the step. */
export function ImportKindPage(p: { kind: Kind; children: ComponentChildren }) {
  const { tambon, t } = useCommunity();
  return (
    <>
      <p>
        <a href={`/t/${tambon!.slug}/admin/community/imports`}>{t("imp.back")}</a>
      </p>
      <p>{t(`imp.kindIntro.${p.kind}`)}</p>
      {p.children}
    </>
  );
}

/** The upload step of a submissions import: the form and round it goes into, and the file. */
export function SubmissionUpload(p: {
  action: string;
  form: FormState;
  maxBytes: number;
  choices: {
    forms: { value: string; label: string }[];
    rounds: { value: string; label: string }[];
  };
}) {
  const { lang, t: core } = useCtx();
  const t = msg.t(lang);
  return (
    <Form action={p.action} multipart label={core("import.upload")}>
      <ErrorSummary form={p.form} />
      <Fields
        form={p.form}
        fields={[
          field.select("form", t("imp.form"), p.choices.forms, { required: true }),
          field.select("round", t("imp.round"), p.choices.rounds, { required: true }),
          field.file("file", core("import.file"), {
            accept: IMPORT_ACCEPT,
            types: "CSV, XLSX",
            maxBytes: p.maxBytes,
            required: true,
          }),
          field.text("sheet", core("import.sheet"), { hint: core("import.sheetHint") }),
        ]}
      />
      <button type="submit">{core("import.read")}</button>
    </Form>
  );
}
