import { useCtx } from "../../../../core/views/ctx.ts";
import {
  emptyForm,
  ErrorSummary,
  Field,
  FileField,
  Form,
  type FormState,
} from "../../../../core/views/form.tsx";
import { msg } from "../../messages.ts";
import { PROJECT_FILE_UPLOAD, type ProjectFile } from "../files.ts";
import { ConfirmButton } from "../../../../core/views/confirm.tsx";

const ACCEPT = "image/jpeg,image/png,image/webp,application/pdf,.pdf,.docx,.xlsx,.pptx,.odt,.ods";

/** The address of a project's file (its thumbnail with `thumb`). */
export const fileUrl = (slug: string, f: ProjectFile, thumb = false) =>
  `/t/${slug}/project-files/${f.id}${thumb && f.thumbFileId ? "/thumb" : ""}`;

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** A project's photos as a gallery and its documents as a list (the public page). */
export function ProjectGallery({ files }: { files: ProjectFile[] }) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const slug = tambon!.slug;
  const photos = files.filter((f) => f.kind === "photo");
  const documents = files.filter((f) => f.kind === "document");
  if (!files.length) return null;
  return (
    <section aria-labelledby="files">
      <h2 id="files">{t("projectFile.title")}</h2>
      {photos.length > 0 && (
        <ul class="project-gallery">
          {photos.map((f) => (
            <li key={f.id}>
              <figure>
                <a href={fileUrl(slug, f)}>
                  <img
                    src={fileUrl(slug, f, true)}
                    alt={f.caption || f.name}
                    loading="lazy"
                    width={240}
                  />
                </a>
                {f.caption && <figcaption>{f.caption}</figcaption>}
              </figure>
            </li>
          ))}
        </ul>
      )}
      {documents.length > 0 && (
        <ul>
          {documents.map((f) => (
            <li key={f.id}>
              <a href={fileUrl(slug, f)} download>
                {f.caption || f.name}
              </a>{" "}
              <span class="muted">
                · {f.name} · {kb(f.bytes)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The project's files in the administration: upload, caption and order, delete. */
export function FilesAdmin(p: {
  projectId: number;
  files: ProjectFile[];
  form: FormState;
  failed?: { id: number; form: FormState };
}) {
  const { lang, tambon } = useCtx();
  const t = msg.t(lang);
  const slug = tambon!.slug;
  const admin = `/t/${slug}/admin`;
  return (
    <>
      {p.files.length === 0 ? (
        <p class="muted">{t("projectFile.none")}</p>
      ) : (
        <ul class="project-files">
          {p.files.map((f) => {
            const form =
              p.failed?.id === f.id
                ? p.failed.form
                : emptyForm({ caption: f.caption, position: String(f.position) });
            return (
              <li key={f.id} id={`file-${f.id}`}>
                {f.kind === "photo" ? (
                  <img src={fileUrl(slug, f, true)} alt="" width={96} loading="lazy" />
                ) : (
                  <span class="badge">{t("projectFile.document")}</span>
                )}{" "}
                <a href={fileUrl(slug, f)}>{f.name}</a> <span class="muted">· {kb(f.bytes)}</span>
                <Form action={`${admin}/project-files/${f.id}`} label={f.name}>
                  <ErrorSummary form={form} scope={`pf${f.id}`} />
                  <Field
                    form={form}
                    scope={`pf${f.id}`}
                    name="caption"
                    label={t("projectFile.caption")}
                    maxLength={300}
                  />
                  <Field
                    form={form}
                    scope={`pf${f.id}`}
                    name="position"
                    label={t("projectFile.position")}
                    inputmode="numeric"
                    maxLength={4}
                  />
                  <button type="submit" class="secondary">
                    {t("plan.save")}
                  </button>
                </Form>
                <ConfirmButton
                  action={`${admin}/project-files/${f.id}/delete`}
                  label={`${t("projectFile.delete")}: ${f.name}`}
                >
                  {t("projectFile.delete")}
                </ConfirmButton>
              </li>
            );
          })}
        </ul>
      )}
      <Form
        action={`${admin}/projects/${p.projectId}/files`}
        multipart
        label={t("projectFile.add")}
      >
        <ErrorSummary form={p.form} scope="pf" />
        <FileField
          form={p.form}
          scope="pf"
          name="file"
          label={t("projectFile.file")}
          accept={ACCEPT}
          types="JPEG, PNG, WebP, PDF, DOCX, XLSX, PPTX, ODT, ODS"
          maxBytes={PROJECT_FILE_UPLOAD.fileBytes}
          required
        />
        <Field
          form={p.form}
          scope="pf"
          name="caption"
          label={t("projectFile.caption")}
          maxLength={300}
        />
        <button type="submit">{t("projectFile.add")}</button>
      </Form>
    </>
  );
}
