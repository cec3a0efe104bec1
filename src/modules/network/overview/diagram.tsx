import type { GraphEdge, Layout } from "./graph.ts";
import { num, useNet } from "../shared/views.tsx";

const MENTOR = "#0b6b3a";
const PEER = "#0a58a8";

/**
 * The network of tambons drawn on the server as SVG: provinces as sectors of a circle, mentor
 * tambons on the inner ring, lines from mentors to members (solid when both sides declared the
 * link, dashed when only one did) and dotted lines between peers.
 */
export function NetworkDiagram(props: { layout: Layout; title: string; highlight?: string }) {
  const { t } = useNet();
  const { layout } = props;
  const at = new Map(layout.nodes.map((n) => [n.code, n]));
  const labels = layout.nodes.length <= 40;
  // Room on both sides for the province names written outside the circle.
  const pad = layout.size * 0.16;
  const mentors = layout.edges.filter((e) => e.kind === "mentor").length;
  const peers = layout.edges.length - mentors;
  const desc = t("diagram.desc", {
    tambons: num(layout.nodes.length),
    provinces: num(layout.groups.length),
    mentor: num(mentors),
    peer: num(peers),
  });
  const line = (e: GraphEdge, i: number) => {
    const a = at.get(e.a)!;
    const b = at.get(e.b)!;
    return (
      <line
        key={i}
        x1={a.x}
        y1={a.y}
        x2={b.x}
        y2={b.y}
        stroke={e.kind === "mentor" ? MENTOR : PEER}
        stroke-width={e.mutual ? 2 : 1.5}
        stroke-dasharray={e.kind === "peer" ? "2 4" : e.mutual ? undefined : "7 5"}
        stroke-opacity={0.75}
      />
    );
  };
  return (
    <figure class="network-diagram">
      <svg
        viewBox={`${-pad} ${-pad / 4} ${layout.size + 2 * pad} ${layout.size + pad / 2}`}
        width="100%"
        role="img"
        aria-labelledby="nd-title nd-desc"
        font-size={layout.size / (layout.nodes.length <= 12 ? 26 : 44)}
      >
        <title id="nd-title">{props.title}</title>
        <desc id="nd-desc">{desc}</desc>
        <circle
          cx={layout.size / 2}
          cy={layout.size / 2}
          r={layout.size * 0.36}
          fill="none"
          stroke="#d0d7de"
        />
        {layout.edges.map(line)}
        {layout.nodes.map((n) => {
          const mine = n.code === props.highlight;
          return (
            <g key={n.code}>
              <circle
                cx={n.x}
                cy={n.y}
                r={mine ? 11 : n.mentor ? 9 : 6}
                fill={n.slug ? (n.mentor ? MENTOR : "#ffffff") : "#eef1f4"}
                stroke={mine ? "#b3261e" : n.mentor ? MENTOR : "#59636e"}
                stroke-width={mine ? 3 : 1.5}
              />
              {labels && (
                <text
                  x={n.x}
                  y={n.y - (n.mentor ? 14 : 11)}
                  text-anchor="middle"
                  fill="#1b1f23"
                  stroke="#ffffff"
                  stroke-width={3}
                  paint-order="stroke"
                >
                  {n.label}
                </text>
              )}
            </g>
          );
        })}
        {layout.groups.map((g) => (
          <text
            key={g.province}
            x={g.x}
            y={g.y}
            text-anchor={g.anchor}
            fill="#59636e"
            font-weight="700"
          >
            {g.province} ({num(g.count)})
          </text>
        ))}
      </svg>
      <figcaption class="muted">{t("diagram.legend")}</figcaption>
    </figure>
  );
}
