import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { paged } from "../../../core/paging.ts";
import { countPosts, findPost, listPosts, postPhotos, shownComments } from "./queries.ts";
import { CornerPage, PostPage } from "./views.tsx";
import { can } from "../../../core/policy.ts";
import { read, url } from "../shared/helpers.tsx";
import { msg, type SiteKey } from "../messages.ts";
import { parsePage, requireId } from "../../../core/params.ts";
import { cornerUpload } from "../shared/uploads.ts";
import { readUploads, uploadError } from "../../../core/uploads.ts";
import { throwIfDenied, type FieldError } from "../../../core/result.ts";
import { type CoreKey } from "../../../core/i18n/messages.ts";
import { preparePhotos } from "../shared/media.ts";
import { addComment, createPost, reportContent, type PostForm } from "./commands.ts";
import { notFound } from "../../../core/errors.ts";

/** Public pages of corner, mounted under /t/:tambon. */
export async function cornerRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // Members' corner.
  const cornerPage = async (req: FastifyRequest, form: FormState, page = 1) => {
    const tambon = currentTambon(req);
    const posts = await paged(
      page,
      () => countPosts(db, tambon.id, "approved"),
      (w) => listPosts(db, tambon.id, "approved", w.limit, w.offset),
    );
    return (
      <CornerPage
        posts={posts}
        canPost={can(req.actor, "site.post", { tambonId: tambon.id })}
        form={form}
      />
    );
  };

  app.get<{ Querystring: { page?: string } }>("/corner", async (req, reply) => {
    read(req);
    return reply.page(
      msg.t(req.lang)("corner.title"),
      await cornerPage(req, emptyForm(), parsePage(req.query.page)),
      {
        description: msg.t(req.lang)("corner.intro"),
      },
    );
  });

  app.post("/corner", cornerUpload("site.post"), async (req, reply) => {
    const tambon = allowedTambon(req, "site.post");
    const body = formBody(req);
    const got = readUploads(req, "photos");
    const refused = uploadError(req, got);
    const prepared = refused ? null : await preparePhotos(got.files);
    const result = prepared?.ok
      ? await createPost(db, req.actor, tambon.id, body, prepared.value)
      : prepared;
    if (!result?.ok) {
      const errors: Record<string, FieldError<SiteKey | CoreKey>> = result
        ? result.errors
        : { photos: refused! };
      const form = failedForm(body, errors, req.lang, msg);
      return reply.page(msg.t(req.lang)("corner.title"), await cornerPage(req, form), {
        status: 422,
      });
    }
    const t = msg.t(req.lang);
    return result.value.status === "approved"
      ? reply.seeOther(url(tambon, `/corner/${result.value.id}`), t("admin.saved"))
      : reply.seeOther(url(tambon, "/corner"), t("corner.sent"));
  });

  const postPage = async (req: FastifyRequest, id: number, form: FormState) => {
    const tambon = currentTambon(req);
    const post = await findPost(db, tambon.id, id);
    if (
      !post ||
      (post.status !== "approved" && !can(req.actor, "site.moderate", { tambonId: tambon.id }))
    )
      throw notFound();
    const [photos, comments] = await Promise.all([
      postPhotos(db, tambon.id, post.id),
      shownComments(db, tambon.id, post.id),
    ]);
    return {
      title: post.title,
      node: (
        <PostPage
          post={post}
          photos={photos}
          comments={comments}
          canComment={
            post.status === "approved" && can(req.actor, "site.post", { tambonId: tambon.id })
          }
          form={form}
        />
      ),
    };
  };

  app.get<{ Params: { id: string } }>("/corner/:id", async (req, reply) => {
    read(req);
    const p = await postPage(req, requireId(req.params.id), emptyForm());
    return reply.page(p.title, p.node, { description: p.title });
  });

  /**
   * A member's form on a post's page (a comment, a report): the command, then `done`'s path and
   * message for the post and the new row, or the post's page again with the errors.
   */
  const postForm = (
    path: string,
    command: PostForm,
    done: (postId: number, rowId: number) => [string, SiteKey],
  ) =>
    app.post<{ Params: { id: string } }>(path, async (req, reply) => {
      const tambon = allowedTambon(req, "site.post");
      const id = requireId(req.params.id);
      const body = formBody(req);
      const r = await command(db, req.actor, tambon.id, id, body);
      if (!r.ok) {
        throwIfDenied(r);
        const p = await postPage(req, id, failedForm(body, r.errors, req.lang, msg));
        return reply.page(p.title, p.node, { status: 422 });
      }
      const [to, flash] = done(id, r.value);
      return reply.seeOther(url(tambon, to), msg.t(req.lang)(flash));
    });

  postForm("/corner/:id/comments", addComment, (id, c) => [
    `/corner/${id}#c${c}`,
    "corner.commentSent",
  ]);
  postForm("/corner/:id/report", reportContent, (id) => [`/corner/${id}`, "corner.reported"]);
}
