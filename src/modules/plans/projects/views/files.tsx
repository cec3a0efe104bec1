import { useCtx } from "../../../../core/views/ctx.ts";
import { emptyForm, type FormState, field } from "../../../../core/views/form.tsx";
import { msg } from "../../messages.ts";
import { PROJECT_FILE_UPLOAD, type ProjectFile } from "../files.ts";
import { ConfirmButton } from "../../../../core/views/confirm.tsx";
import { FieldsForm } from "../../shared/views.tsx";

const ACCEPT = "image/jpeg,image/png,image/webp,application/pdf,.pdf,.docx,.xlsx,.pptx,.odt,.ods";
const TYPES = "JPEG, PNG, WebP, PDF, DOCX, XLSX, PPTX, ODT, ODS";

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
                <FieldsForm
                  action={`${admin}/project-files/${f.id}`}
                  label={f.name}
                  form={form}
                  scope={`pf${f.id}`}
                  submit={t("plan.save")}
                  buttonClass="secondary"
                  fields={[
                    field.text("caption", t("projectFile.caption"), { maxLength: 300 }),
                    field.text("position", t("projectFile.position"), {
                      inputmode: "numeric",
                      maxLength: 4,
                    }),
                  ]}
                />
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
      <FieldsForm
        action={`${admin}/projects/${p.projectId}/files`}
        multipart
        label={t("projectFile.add")}
        form={p.form}
        scope="pf"
        submit={t("projectFile.add")}
        fields={[
          field.file("file", t("projectFile.file"), {
            accept: ACCEPT,
            types: TYPES,
            maxBytes: PROJECT_FILE_UPLOAD.fileBytes,
            required: true,
          }),
          field.text("caption", t("projectFile.caption"), { maxLength: 300 }),
        ]}
      />
    </>
  );
}
