import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { formatDate, todayIso } from "../../../core/dates.ts";
import { msg } from "../messages.ts";
import { listGroups } from "../groups/queries.ts";
import { sectionsOn } from "../../../core/install.ts";
import { bangkokDay, STEPS, type Step } from "../meetings/meeting.ts";
import { groupName } from "../groups/views.tsx";
import { ProcessPage } from "../process/views.tsx";
import { isOrganiser, tambonFor } from "../shared/helpers.ts";

import { adoptedResolutions, stepMeetings } from "./queries.ts";
/** The three-step process page: meetings and outputs of each step. */
export async function processRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const db = deps.database.db;
  app.get("/process", async (req, reply) => {
    const tambon = tambonFor(req, "tambon.read");
    const organiser = isOrganiser(req, tambon.id);
    const t = msg.t(req.lang);
    const base = `/t/${tambon.slug}`;
    const [all, adopted, groups] = await Promise.all([
      stepMeetings(db, tambon.id, organiser),
      adoptedResolutions(db, tambon.id),
      listGroups(db, tambon.id, todayIso()),
    ]);
    const extra = await Promise.all(
      sectionsOn("groups.process").map(async (s) => ({
        step: s.slot,
        items: await s.load(db, tambon, req.lang, null),
      })),
    );
    const steps = STEPS.map((step: Step) => {
      const ms = all.filter((m) => m.step === step);
      const outputs = [
        ...adopted
          .filter((a) => a.step === step && !adopted.some((b) => b.r.correctsId === a.r.id))
          .slice(0, 15)
          .map((a) => ({
            href: `${base}/resolutions/${a.r.id}`,
            title: a.r.textTh.length > 140 ? `${a.r.textTh.slice(0, 140)}…` : a.r.textTh,
            meta: `${t("res.title", { n: a.r.number })} · ${formatDate(bangkokDay(a.startsAt), req.lang)}`,
          })),
        ...(step === 2
          ? groups.map((g) => ({
              href: `${base}/groups/${g.id}`,
              title: t("process.groupFormed", { name: groupName(g, req.lang) }),
              meta: t("groups.membersN", { n: g.members }),
            }))
          : []),
        ...extra.filter((e) => e.step === step).flatMap((e) => e.items),
      ];
      return { step, meetings: ms.slice(-20).reverse(), outputs };
    });
    return reply.page(t("process.title"), <ProcessPage steps={steps} />);
  });
}
