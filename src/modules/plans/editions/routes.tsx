import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { allowedTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { parseId, queryOf, requireId } from "../../../core/params.ts";
import { formatDate } from "../../../core/dates.ts";
import { listMeetings, meetingUrl, resolutionUrl, getResolution } from "../../groups/public.ts";
import { msg } from "../messages.ts";
import { getPlan } from "../plans/queries.ts";
import { diffSnapshots } from "./diff.ts";
import { listEditions } from "./queries.ts";
import { EditionsPage } from "./views.tsx";
import { roundsCarriedInto } from "../evaluations/queries.ts";

/** The editions of a plan, listed and compared (they are recorded on the plan's administration page). */
export function editionRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  app.get<{ Params: { id: string } }>("/plans/:id/editions", async (req, reply) => {
    const tambon = allowedTambon(req, "plan.read");
    const plan = await getPlan(db, tambon.id, requireId(req.params.id));
    if (!plan) throw notFound();
    const editions = await listEditions(db, tambon.id, plan.id);
    const q = queryOf(req);
    const pick = (v: string | undefined, fallback: number) => {
      const id = parseId(v);
      return editions.find((e) => e.id === id) ?? editions[fallback] ?? null;
    };
    const from = editions.length > 1 ? pick(q.from, editions.length - 2) : null;
    const to = editions.length > 1 ? pick(q.to, editions.length - 1) : null;
    const meetingIds = editions.flatMap((e) => (e.meetingId != null ? [e.meetingId] : []));
    const meetings = await listMeetings(db, tambon.id, { ids: meetingIds });
    const resolutionLinks = new Map<number, { href: string; title: string }>();
    for (const e of editions)
      if (e.resolutionId != null) {
        const r = await getResolution(db, tambon.id, e.resolutionId);
        if (r)
          resolutionLinks.set(r.id, {
            href: resolutionUrl(tambon.slug, r.id),
            title: `${r.meetingTitleTh} · ${r.number}. ${r.textTh.slice(0, 80)}`,
          });
      }
    return reply.page(
      `${msg.t(req.lang)("edition.title")} · ${plan.title}`,
      <EditionsPage
        plan={plan}
        editions={editions}
        meetingLinks={
          new Map(
            meetings.map((m) => [
              m.id,
              {
                href: meetingUrl(tambon.slug, m.id),
                title: `${formatDate(m.day, req.lang)} · ${m.titleTh}`,
              },
            ]),
          )
        }
        resolutionLinks={resolutionLinks}
        carriedFrom={await roundsCarriedInto(
          db,
          tambon.id,
          editions.map((e) => e.id),
        )}
        from={from}
        to={to}
        diff={from && to ? diffSnapshots(from.snapshot, to.snapshot) : null}
      />,
    );
  });
}
