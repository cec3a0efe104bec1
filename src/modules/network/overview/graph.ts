/** A tambon in the network diagram. */
export interface GraphNode {
  /** National (DOPA) code: the key of a tambon, on the platform or not. */
  code: string;
  label: string;
  province: string;
  /** Slug when the tambon has its site on this platform. */
  slug: string | null;
}

/** A declaration a tambon made about another (a row of network_tambon_links). */
export interface Declaration {
  from: string;
  to: string;
  relation: "mentor_of" | "member_of" | "peer";
}

/** A link between two tambons, merged from the declarations of both sides. */
export interface GraphEdge {
  kind: "mentor" | "peer";
  /** The mentor (ตำบลแม่ข่าย), or the first peer by code. */
  a: string;
  /** The member (ตำบลลูกข่าย), or the second peer. */
  b: string;
  /** The codes of the tambons that declared it. */
  declaredBy: string[];
  /** True when both tambons declared it. */
  mutual: boolean;
}

/** Merges the declarations of both sides into links (mutual when both declared the same link). */
export function mergeDeclarations(decls: Declaration[]): GraphEdge[] {
  const edges = new Map<string, GraphEdge>();
  for (const d of decls) {
    if (d.from === d.to) continue;
    let kind: GraphEdge["kind"];
    let a: string;
    let b: string;
    if (d.relation === "peer") {
      kind = "peer";
      [a, b] = d.from < d.to ? [d.from, d.to] : [d.to, d.from];
    } else {
      kind = "mentor";
      [a, b] = d.relation === "mentor_of" ? [d.from, d.to] : [d.to, d.from];
    }
    const key = `${kind}:${a}:${b}`;
    const edge = edges.get(key) ?? { kind, a, b, declaredBy: [], mutual: false };
    if (!edge.declaredBy.includes(d.from)) edge.declaredBy.push(d.from);
    edge.mutual = edge.declaredBy.includes(a) && edge.declaredBy.includes(b);
    edges.set(key, edge);
  }
  return [...edges.values()].sort((x, y) =>
    `${x.kind}${x.a}${x.b}`.localeCompare(`${y.kind}${y.a}${y.b}`),
  );
}

/** A node with its place in the diagram. */
export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
  mentor: boolean;
}

/** A province's sector, with where its label goes. */
export interface PlacedGroup {
  province: string;
  count: number;
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
}

/** The whole drawing: nodes, groups and the size of the square it fits in. */
export interface Layout {
  size: number;
  nodes: PlacedNode[];
  groups: PlacedGroup[];
  edges: GraphEdge[];
}

const thai = new Intl.Collator("th");
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A deterministic radial layout: provinces are sectors of a circle sized by their number of
 * tambons; mentor tambons sit on the inner ring, the others on the outer rings (alternating
 * between two radii when a sector is crowded). The same input always gives the same drawing.
 */
export function radialLayout(nodes: GraphNode[], edges: GraphEdge[], size = 800): Layout {
  const mentors = new Set(edges.filter((e) => e.kind === "mentor").map((e) => e.a));
  const byProvince = new Map<string, GraphNode[]>();
  for (const n of nodes) byProvince.set(n.province, [...(byProvince.get(n.province) ?? []), n]);
  const provinces = [...byProvince.keys()].sort(thai.compare);
  const c = size / 2;
  const outer = size * 0.36;
  const inner = size * 0.17;
  const total = nodes.length;
  const gap = provinces.length > 1 ? Math.min(0.12, (Math.PI * 0.5) / provinces.length) : 0;
  const free = 2 * Math.PI - gap * provinces.length;
  const placed: PlacedNode[] = [];
  const groups: PlacedGroup[] = [];
  let angle = -Math.PI / 2;
  for (const province of provinces) {
    const members = byProvince
      .get(province)!
      .slice()
      .sort(
        (x, y) =>
          Number(mentors.has(y.code)) - Number(mentors.has(x.code)) ||
          thai.compare(x.label, y.label) ||
          x.code.localeCompare(y.code),
      );
    const span = total ? (free * members.length) / total : 0;
    const start = angle + gap / 2;
    const crowded = (span * outer) / Math.max(1, members.length) < 14;
    members.forEach((n, i) => {
      const a = start + (span * (i + 0.5)) / members.length;
      const isMentor = mentors.has(n.code);
      const r = isMentor ? inner : crowded && i % 2 === 1 ? outer * 0.84 : outer;
      placed.push({
        ...n,
        mentor: isMentor,
        x: round(c + r * Math.cos(a)),
        y: round(c + r * Math.sin(a)),
      });
    });
    const mid = start + span / 2;
    const cos = Math.cos(mid);
    groups.push({
      province,
      count: members.length,
      x: round(c + (outer + size * 0.1) * cos),
      y: round(c + (outer + size * 0.1) * Math.sin(mid)),
      anchor: cos > 0.3 ? "start" : cos < -0.3 ? "end" : "middle",
    });
    angle += span + gap;
  }
  const known = new Set(placed.map((n) => n.code));
  return {
    size,
    nodes: placed,
    groups,
    edges: edges.filter((e) => known.has(e.a) && known.has(e.b)),
  };
}
