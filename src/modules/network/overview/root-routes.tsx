import { pageOf, queryOf } from "../../../core/params.ts";
import type { FastifyInstance } from "fastify";
import type { ModuleDeps } from "../../../core/modules.ts";
import { pageCache } from "../../../core/page-cache.ts";
import { pageOfList } from "../../../core/paging.ts";
import type { Lang } from "../../../core/i18n/index.ts";
import { msg } from "../messages.ts";
import { textIn } from "../shared/lists.ts";
import { mergeDeclarations, radialLayout, type GraphEdge, type GraphNode } from "./graph.ts";
import { allDeclarations } from "../links/queries.ts";
import { networkCounts } from "./queries.ts";
import { WholeNetworkPage, type NetworkFilter, type NetworkRow } from "./views.tsx";
import { pick } from "../../../core/pick.ts";

const thai = new Intl.Collator("th");

/** Everything the whole network's page is drawn from, derived once per change of any tambon. */
interface NetworkData {
  rows: NetworkRow[];
  edges: GraphEdge[];
}

async function load(deps: ModuleDeps): Promise<NetworkData> {
  const db = deps.database.db;
  const [decls, counts] = await Promise.all([allDeclarations(db), networkCounts(db)]);
  const rows = new Map<string, NetworkRow>();
  for (const tb of deps.tambons.all()) {
    rows.set(tb.dopaCode, {
      code: tb.dopaCode,
      ...pick(tb, "nameTh", "nameEn", "provinceTh", "provinceEn"),
      tambon: tb,
      mentorOf: 0,
      memberOf: [],
      peers: 0,
      centres: counts.centres.get(tb.id) ?? 0,
      agreements: counts.agreements.get(tb.dopaCode) ?? 0,
      partners: counts.partners.get(tb.id) ?? 0,
    });
  }
  const codeOf = new Map(deps.tambons.all().map((tb) => [tb.id, tb.dopaCode]));
  for (const d of decls) {
    if (!rows.has(d.otherDopaCode))
      rows.set(d.otherDopaCode, {
        code: d.otherDopaCode,
        nameTh: d.otherNameTh,
        nameEn: d.otherNameEn,
        provinceTh: d.otherProvinceTh,
        provinceEn: d.otherProvinceEn,
        tambon: null,
        mentorOf: 0,
        memberOf: [],
        peers: 0,
        centres: 0,
        agreements: counts.agreements.get(d.otherDopaCode) ?? 0,
        partners: 0,
      });
  }
  const edges = mergeDeclarations(
    decls
      .filter((d) => codeOf.has(d.tambonId))
      .map((d) => ({ from: codeOf.get(d.tambonId)!, to: d.otherDopaCode, relation: d.relation })),
  );
  for (const e of edges) {
    const a = rows.get(e.a);
    const b = rows.get(e.b);
    if (!a || !b) continue;
    if (e.kind === "mentor") {
      a.mentorOf++;
      b.memberOf.push(a.nameTh);
    } else {
      a.peers++;
      b.peers++;
    }
  }
  const sorted = [...rows.values()].sort(
    (x, y) =>
      thai.compare(x.provinceTh, y.provinceTh) ||
      thai.compare(x.nameTh, y.nameTh) ||
      x.code.localeCompare(y.code),
  );
  return { rows: sorted, edges };
}

function matches(r: NetworkRow, f: NetworkFilter): boolean {
  if (f.province && r.provinceTh !== f.province) return false;
  if (f.role === "mentor") return r.mentorOf > 0;
  if (f.role === "member") return r.memberOf.length > 0;
  if (f.role === "peer") return r.peers > 0;
  if (f.role === "none") return r.mentorOf + r.memberOf.length + r.peers === 0;
  return true;
}

function node(r: NetworkRow, lang: Lang): GraphNode {
  return {
    code: r.code,
    label: textIn(r.nameTh, r.nameEn, lang),
    province: textIn(r.provinceTh, r.provinceEn, lang),
    slug: r.tambon?.slug ?? null,
  };
}

/** The network's own page outside any tambon: /network, the network of tambons. */
export async function rootRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  app.get("/network", async (req, reply) => {
    const q = queryOf(req);
    const data = await pageCache.memo(null, "network:whole", () => load(deps));
    const names = new Map(data.rows.map((r) => [r.provinceTh, r.provinceEn]));
    const provinces = [...names.keys()].sort(thai.compare);
    const role = (["mentor", "member", "peer", "none"] as const).find((r) => r === q.role) ?? "";
    const filter: NetworkFilter = {
      province: provinces.includes(q.province ?? "") ? q.province! : "",
      role,
    };
    const rows = data.rows.filter((r) => matches(r, filter));
    const page = pageOf(req);
    const shown = new Set(rows.map((r) => r.code));
    const layout = radialLayout(
      rows.map((r) => node(r, req.lang)),
      data.edges.filter((e) => shown.has(e.a) && shown.has(e.b)),
    );
    return reply.page(
      msg.t(req.lang)("whole.title"),
      <WholeNetworkPage
        layout={layout}
        page={pageOfList(rows, page)}
        filter={filter}
        provinces={provinces.map((p) => ({
          value: p,
          label: textIn(p, names.get(p) ?? "", req.lang),
        }))}
      />,
    );
  });
}
