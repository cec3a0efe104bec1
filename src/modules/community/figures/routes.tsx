import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { allowedTambon } from "../../../core/http.ts";
import { notFound } from "../../../core/errors.ts";
import { requireId } from "../../../core/params.ts";
import { listVillages } from "../../../core/queries/villages.ts";
import type { DbOrTx } from "../../../core/db/index.ts";
import { msg } from "../messages.ts";
import { communityFigures } from "./load.ts";
import { pyramidSvg } from "./pyramid.ts";
import { FiguresPage, villageName } from "./views.tsx";

/** The village of a tambon by its หมู่ที่ in the address, or a 404. */
export async function villageByMoo(db: DbOrTx, tambonId: number, moo: string) {
  const n = requireId(moo);
  const v = (await listVillages(db, tambonId)).find((x) => x.moo === n);
  if (!v) throw notFound();
  return v;
}

/** Who may read the figures (everyone, unless the tambon's rules say otherwise). */
export function allowFigures(req: FastifyRequest) {
  const tambon = allowedTambon(req, "community.figures.read");
  return tambon;
}

/** Village figures: the public aggregates of the tambon and of each village. */
export function figureRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;

  async function render(req: FastifyRequest, villageId?: number) {
    const tambon = allowFigures(req);
    const t = msg.t(req.lang);
    const data = await communityFigures(db, tambon.id, villageId);
    const village =
      villageId === undefined ? undefined : data.villages.find((v) => v.id === villageId);
    const title = village
      ? t("fig.villageTitle", {
          moo: village.moo,
          name: req.lang === "en" && village.nameEn ? village.nameEn : village.nameTh,
        })
      : t("fig.title");
    const svg = pyramidSvg(data.pyramid, {
      title: `${t("fig.pyramid")} ${village ? villageName(village, req.lang) : tambon.nameTh}`,
      male: t("fig.male"),
      female: t("fig.female"),
      hidden: t("fig.hidden"),
    });
    return {
      title,
      body: (
        <FiguresPage
          data={data}
          base={`/t/${tambon.slug}/community`}
          village={village}
          pyramidSvg={svg}
          title={title}
        />
      ),
    };
  }

  app.get("/community", async (req, reply) => {
    const p = await render(req);
    return reply.page(p.title, p.body);
  });

  app.get<{ Params: { moo: string } }>("/community/villages/:moo", async (req, reply) => {
    const tambon = allowFigures(req);
    const v = await villageByMoo(db, tambon.id, req.params.moo);
    const p = await render(req, v.id);
    return reply.page(p.title, p.body);
  });
}
