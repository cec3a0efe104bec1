import { tambonRow } from "../../../core/db/tambon-row.ts";
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ModuleDeps } from "../../../core/modules.ts";
import { authorize, currentTambon, formBody, allowedTambon } from "../../../core/http.ts";
import { siteComplaints } from "../schema.ts";
import { can } from "../../../core/policy.ts";
import { base, idOf, t } from "../shared/helpers.tsx";
import { ComplaintAdmin, ComplaintsAdmin } from "./admin-views.tsx";
import { emptyForm, failedForm, type FormState } from "../../../core/views/form.tsx";
import { notFound } from "../../../core/errors.ts";
import { manageAction, updateComplaint } from "./commands.ts";
import { msg } from "../messages.ts";
import { complaintEvents, complaintStaff, listComplaints } from "./queries.ts";

/** Administration of complaints, mounted under /t/:tambon. */
export async function complaintsAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;

  // Complaints.
  app.get<{ Querystring: { status?: string } }>("/admin/site/complaints", async (req, reply) => {
    const tambon = allowedTambon(req, "complaint.manage");
    const status = typeof req.query.status === "string" ? req.query.status : "";
    const list = (channel: "general" | "corruption") =>
      listComplaints(db, tambon.id, channel, status);
    const corruption = can(req.actor, "complaint.corruption", { tambonId: tambon.id })
      ? await list("corruption")
      : null;
    return reply.page(
      t(req)("admin.complaints"),
      <ComplaintsAdmin rows={await list("general")} status={status} corruption={corruption} />,
    );
  });

  const complaintPage = async (req: FastifyRequest, form: FormState | null) => {
    const tambon = currentTambon(req);
    const c = await tambonRow(db, siteComplaints, tambon.id, idOf(req));
    if (!c) throw notFound();
    authorize(req, manageAction(c.channel), { tambonId: tambon.id });
    const [events, staff] = await Promise.all([
      complaintEvents(db, tambon.id, c.id),
      complaintStaff(db, tambon.id, c.channel),
    ]);
    const values = {
      status: c.status,
      assignedTo: c.assignedTo ? String(c.assignedTo) : "",
      answer: c.answer,
      note: "",
    };
    return (
      <ComplaintAdmin
        c={c}
        events={events}
        staff={staff}
        form={form ?? emptyForm(values)}
        photoUrl={c.photo ? `${base(tambon)}/complaint-photos/${c.photo}` : null}
      />
    );
  };

  app.get<{ Params: { id: string } }>("/admin/site/complaints/:id", async (req, reply) => {
    return reply.page(t(req)("admin.complaints"), await complaintPage(req, null));
  });

  app.post<{ Params: { id: string } }>("/admin/site/complaints/:id", async (req, reply) => {
    const tambon = currentTambon(req);
    const body = formBody(req);
    const c = await tambonRow(db, siteComplaints, tambon.id, idOf(req));
    if (!c) throw notFound();
    authorize(req, manageAction(c.channel), { tambonId: tambon.id });
    const r = await updateComplaint(db, req.actor, tambon.id, idOf(req), body);
    if (!r.ok)
      return reply.page(
        t(req)("admin.complaints"),
        await complaintPage(req, failedForm(body, r.errors, req.lang, msg)),
        {
          status: 422,
        },
      );
    return reply.seeOther(`${base(tambon)}/complaints/${idOf(req)}`, t(req)("complaint.updated"));
  });
}
