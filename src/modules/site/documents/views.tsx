import { Table } from "../../../core/views/list.tsx";
import { AdminFrame, DeleteButton, When, type DocRow, useSiteT, useUrl } from "../shared/views.tsx";
import { SiteForm, type SiteField } from "../shared/form.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { documentPath } from "./commands.ts";
import { sizeLabel } from "../shared/text.ts";
import { type FormState } from "../../../core/views/form.tsx";

export function DocList({ docs, heading }: { docs: DocRow[]; heading: string }) {
  const { tambon } = useCtx();
  const t = useSiteT();
  if (!docs.length) return null;
  return (
    <section aria-label={heading}>
      <h2>{heading}</h2>
      <ul class="doc-list">
        {docs.map((d) => (
          <li key={d.id}>
            <a href={`/t/${tambon!.slug}${documentPath(d)}`} download>
              {d.title}
            </a>{" "}
            <span class="muted">
              ({d.ext.toUpperCase()}, {sizeLabel(d.bytes)}) · {t("docs.download")}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every published document. */
export function DocumentsPage({ docs }: { docs: (DocRow & { createdAt: Date })[] }) {
  const t = useSiteT();
  const { tambon } = useCtx();
  return (
    <>
      <h1>{t("docs.title")}</h1>
      {docs.length === 0 ? (
        <p>{t("docs.none")}</p>
      ) : (
        <Table
          label={t("docs.title")}
          columns={[
            t("field.title"),
            t("docs.type"),
            { label: t("docs.size"), num: true },
            t("stats.updated"),
          ]}
        >
          {docs.map((d) => (
            <tr key={d.id}>
              <td>
                <a href={`/t/${tambon!.slug}${documentPath(d)}`} download>
                  {d.title}
                </a>
              </td>
              <td>{d.ext.toUpperCase()}</td>
              <td class="num">{sizeLabel(d.bytes)}</td>
              <td>
                <When at={d.createdAt} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

/** The documents admin: list and upload. */
export function DocumentsAdmin(props: {
  docs: { id: number; title: string; ext: string; bytes: number; createdAt: Date }[];
  targets: { value: string; label: string }[];
  form: FormState;
}) {
  const t = useSiteT();
  const url = useUrl();
  const targets = [{ value: "", label: t("field.nothing") }, ...props.targets];
  const fields: SiteField[] = [
    { name: "title", label: t("field.title"), required: true, maxLength: 300 },
    {
      kind: "upload",
      name: "file",
      accept: ".pdf,.xlsx,.docx",
      label: t("field.file"),
      hint: t("field.fileHint"),
      required: true,
    },
    {
      kind: "select",
      name: "attachTo",
      label: t("field.attachTo"),
      placeholder: false,
      options: targets,
    },
  ];
  return (
    <AdminFrame title={t("admin.documents")}>
      <ul class="admin-list">
        {props.docs.map((d) => (
          <li key={d.id}>
            {d.title}{" "}
            <span class="muted">
              ({d.ext.toUpperCase()}, {sizeLabel(d.bytes)}, <When at={d.createdAt} />)
            </span>{" "}
            <DeleteButton action={url(`/admin/site/docs/${d.id}/delete`)} />
          </li>
        ))}
      </ul>
      <h2>{t("admin.new")}</h2>
      <SiteForm
        form={props.form}
        action={url("/admin/site/documents")}
        multipart
        label={t("admin.documents")}
        fields={fields}
      />
    </AdminFrame>
  );
}
