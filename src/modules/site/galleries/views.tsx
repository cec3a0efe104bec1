import {
  DeleteButton,
  PhotoGrid,
  When,
  fileUrl,
  type AlbumCard,
  type PhotoRow,
  useSiteT,
  useUrl,
  Thumb,
} from "../shared/views.tsx";
import { useCtx } from "../../../core/views/ctx.ts";
import { bytesLabel } from "../shared/text.ts";
import { Form, type FormState } from "../../../core/views/form.tsx";
import { SiteForm, type SiteField } from "../shared/form.tsx";
import { BackLink } from "../../../core/views/back-link.tsx";

/** An album's cover and title, linking to the album (the gallery and the home page show them). */
export function AlbumLink({ album }: { album: AlbumCard }) {
  const url = useUrl();
  return (
    <a href={url(`/galleries/${album.id}`)}>
      {album.coverFile && <Thumb file={album.coverFile} alt="" size={240} />}
      <span>{album.title}</span>
    </a>
  );
}

/** The list of albums. */
export function GalleryList({ albums }: { albums: AlbumCard[] }) {
  const t = useSiteT();
  return (
    <>
      <h1>{t("gallery.title")}</h1>
      {albums.length === 0 ? (
        <p>{t("gallery.none")}</p>
      ) : (
        <ul class="album-grid">
          {albums.map((a) => (
            <li key={a.id}>
              <AlbumLink album={a} />
              <span class="muted">
                {t("gallery.photos", { n: a.photoCount })} · <When at={a.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One album. */
export function AlbumView(props: { title: string; description: string; photos: PhotoRow[] }) {
  const t = useSiteT();
  const url = useUrl();
  return (
    <>
      <BackLink href={url("/galleries")}>{t("gallery.title")}</BackLink>
      <h1>{props.title}</h1>
      {props.description && <p>{props.description}</p>}
      <p class="muted">{t("gallery.photos", { n: props.photos.length })}</p>
      <PhotoGrid photos={props.photos} />
    </>
  );
}

/** One photo on its own page: the lightbox without JavaScript. */
export function PhotoView(props: {
  photo: PhotoRow;
  index: number;
  total: number;
  prev: number | null;
  next: number | null;
  back: { href: string; label: string };
}) {
  const t = useSiteT();
  const { tambon } = useCtx();
  const url = useUrl();
  const p = props.photo;
  return (
    <figure class="photo-page">
      <BackLink href={props.back.href}>{props.back.label}</BackLink>
      <img
        src={fileUrl(tambon!.slug, `${p.file}-l.webp`)}
        alt={p.caption || t("gallery.photoN", { n: props.index, total: props.total })}
        width={p.width}
        height={p.height}
      />
      <figcaption>
        {p.caption && <strong>{p.caption}</strong>}{" "}
        <span>{t("gallery.photoN", { n: props.index, total: props.total })}</span> ·{" "}
        <span>
          {p.width}x{p.height} pixel , {bytesLabel(p.bytes)}
        </span>{" "}
        · <a href={fileUrl(tambon!.slug, `${p.file}.${p.ext}`)}>{t("gallery.original")}</a>
      </figcaption>
      <nav class="pager" aria-label={t("gallery.photoN", { n: props.index, total: props.total })}>
        {props.prev && (
          <a href={url(`/photo/${props.prev}`)} rel="prev">
            ← {t("gallery.prev")}
          </a>
        )}
        {props.next && (
          <a href={url(`/photo/${props.next}`)} rel="next">
            {t("gallery.next")} →
          </a>
        )}
      </nav>
    </figure>
  );
}

/** An album's editor: details, upload, photos with caption and delete. */
export function AlbumAdmin(props: {
  form: FormState;
  action: string;
  album: { id: number } | null;
  photos: {
    id: number;
    file: string;
    width: number;
    height: number;
    bytes: number;
    caption: string;
  }[];
  uploadForm: FormState;
}) {
  const t = useSiteT();
  const ct = useCtx().t;
  const { tambon } = useCtx();
  const url = useUrl();
  const fields: SiteField[] = [
    { name: "title", label: t("field.title"), required: true, maxLength: 200 },
    { kind: "textarea", name: "description", label: t("field.description"), rows: 3 },
    { kind: "check", name: "published", label: t("field.published") },
  ];
  const photos: SiteField = {
    kind: "photos",
    name: "photos",
    multiple: true,
    label: t("field.photos"),
    required: true,
  };
  return (
    <>
      <SiteForm
        form={props.form}
        action={props.action}
        label={t("admin.galleries")}
        fields={fields}
      />
      {props.album && (
        <>
          <h2 id="upload-h">{t("field.photos")}</h2>
          <SiteForm
            form={props.uploadForm}
            action={url(`/admin/site/galleries/${props.album.id}/photos`)}
            multipart
            label={t("field.photos")}
            fields={[photos]}
          />
          <ul class="gallery admin">
            {props.photos.map((p) => (
              <li key={p.id}>
                <img
                  src={fileUrl(tambon!.slug, `${p.file}-t.webp`)}
                  alt={p.caption || `${p.width}x${p.height}`}
                  width={160}
                  height={160}
                  loading="lazy"
                />
                <span class="px">
                  {p.width}x{p.height} pixel , {bytesLabel(p.bytes)}
                </span>
                <Form action={url(`/admin/site/photo/${p.id}/caption`)} class="stack">
                  <label for={`cap-${p.id}`}>{t("field.caption")}</label>
                  <input id={`cap-${p.id}`} name="caption" value={p.caption} maxLength={500} />
                  <button type="submit" class="secondary">
                    {ct("form.save")}
                  </button>
                </Form>
                <DeleteButton action={url(`/admin/site/photo/${p.id}/delete`)} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
