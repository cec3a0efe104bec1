import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { ComplaintsPage, TrackPage } from "./views.tsx";
import {
  complaintByCode,
  complaintByPhoto,
  complaintEvents,
  complaintsPerMonth,
} from "./queries.ts";
import { authorize, currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { read, url } from "../shared/helpers.tsx";
import { msg } from "../messages.ts";
import { COMPLAINT_UPLOAD, TRACK_RATE_LIMIT } from "../shared/uploads.ts";
import { readUploads, uploadError } from "../../../core/uploads.ts";
import { serveFile } from "../../../core/file-store.ts";
import {
  preparePrivatePhoto,
  readPrivateFile,
  type PreparedPrivatePhoto,
} from "../shared/media.ts";
import { fileComplaint } from "./commands.ts";
import { normaliseCode } from "./tracking.ts";
import { notFound } from "../../../core/errors.ts";

/** Public pages of complaints, mounted under /t/:tambon. */
export async function complaintsRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // Complaints.
  const complaintsPage = async (req: FastifyRequest, form: FormState) => (
    <ComplaintsPage form={form} perMonth={await complaintsPerMonth(db, currentTambon(req).id)} />
  );

  app.get("/complaints", async (req, reply) => {
    read(req);
    return reply.page(msg.t(req.lang)("complaint.title"), await complaintsPage(req, emptyForm()), {
      description: msg.t(req.lang)("complaint.intro"),
    });
  });

  app.post("/complaints", COMPLAINT_UPLOAD, async (req, reply) => {
    const tambon = allowedTambon(req, "complaint.file");
    const body = formBody(req);
    const got = readUploads(req, "photo");
    const refused = uploadError(req, got);
    if (refused)
      return reply.page(
        msg.t(req.lang)("complaint.title"),
        await complaintsPage(req, failedForm(body, { photo: refused }, req.lang, msg)),
        { status: 422 },
      );
    const [file] = got.files;
    let photo: PreparedPrivatePhoto | null = null;
    if (file) {
      const prepared = await preparePrivatePhoto(file);
      if (!prepared.ok)
        return reply.page(
          msg.t(req.lang)("complaint.title"),
          await complaintsPage(req, failedForm(body, prepared.errors, req.lang, msg)),
          { status: 422 },
        );
      photo = prepared.value;
    }
    // The photo is stored with the complaint, so a refused one keeps none.
    const r = await fileComplaint(db, req.actor, tambon.id, body, photo);
    if (!r.ok) {
      return reply.page(
        msg.t(req.lang)("complaint.title"),
        await complaintsPage(req, failedForm(body, r.errors, req.lang, msg)),
        { status: 422 },
      );
    }
    return reply.seeOther(
      url(tambon, `/complaints/track?code=${r.value.code}`),
      msg.t(req.lang)("complaint.filed", { code: r.value.code }),
    );
  });

  app.get<{ Querystring: { code?: string } }>(
    "/complaints/track",
    { config: { rateLimit: TRACK_RATE_LIMIT } },
    async (req, reply) => {
      const tambon = read(req);
      const raw = typeof req.query.code === "string" ? req.query.code.slice(0, 40) : "";
      const code = normaliseCode(raw);
      const complaint = code ? await complaintByCode(db, tambon.id, code) : undefined;
      // The filer sees what happened, not who on the staff did it.
      const events = complaint
        ? (await complaintEvents(db, tambon.id, complaint.id)).map(({ status, note, at }) => ({
            status,
            note,
            at,
          }))
        : [];
      // The tracking code is the filer's secret: never kept in the shared page cache.
      req.cacheKey = null;
      reply.header("x-robots-tag", "noindex");
      return reply.page(
        msg.t(req.lang)("complaint.track"),
        <TrackPage code={raw} complaint={complaint ?? null} events={events} />,
      );
    },
  );

  app.get<{ Params: { name: string } }>(
    "/admin/site/complaint-photos/:name",
    async (req, reply) => {
      const tambon = currentTambon(req);
      const name = req.params.name;
      const c = await complaintByPhoto(db, tambon.id, name);
      if (!c) throw notFound();
      authorize(req, c.channel === "corruption" ? "complaint.corruption" : "complaint.manage", {
        tambonId: tambon.id,
      });
      const file = await readPrivateFile(db, tambon.id, name);
      if (!file) throw notFound();
      return serveFile(reply, req, file, { visibility: "private", name });
    },
  );
}
