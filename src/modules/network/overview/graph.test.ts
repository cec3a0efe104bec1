import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeDeclarations, radialLayout, type GraphNode } from "./graph.ts";

test("a link both tambons declared is one mutual edge; a one-sided one is not", () => {
  const edges = mergeDeclarations([
    { from: "910502", to: "520801", relation: "mentor_of" },
    { from: "520801", to: "910502", relation: "member_of" },
    { from: "910502", to: "910501", relation: "mentor_of" },
    { from: "520801", to: "520306", relation: "peer" },
  ]);
  assert.equal(edges.length, 3);
  const mentor = edges.find((e) => e.kind === "mentor" && e.b === "520801")!;
  assert.deepEqual([mentor.a, mentor.b, mentor.mutual], ["910502", "520801", true]);
  assert.deepEqual(mentor.declaredBy.sort(), ["520801", "910502"]);
  const oneSided = edges.find((e) => e.b === "910501")!;
  assert.equal(oneSided.mutual, false);
  const peer = edges.find((e) => e.kind === "peer")!;
  assert.deepEqual([peer.a, peer.b, peer.mutual], ["520306", "520801", false]);
});

test("peers declared from both sides merge whatever the order of their codes", () => {
  const edges = mergeDeclarations([
    { from: "520306", to: "520801", relation: "peer" },
    { from: "520801", to: "520306", relation: "peer" },
  ]);
  assert.equal(edges.length, 1);
  assert.equal(edges[0]!.mutual, true);
});

test("a mentor declared by one side and a member declared by the other are the same link", () => {
  const [e, ...rest] = mergeDeclarations([
    { from: "A", to: "B", relation: "member_of" },
    { from: "B", to: "A", relation: "mentor_of" },
  ]);
  assert.equal(rest.length, 0);
  assert.deepEqual([e!.a, e!.b, e!.mutual], ["B", "A", true]);
});

test("a tambon cannot link to itself", () => {
  assert.deepEqual(mergeDeclarations([{ from: "A", to: "A", relation: "peer" }]), []);
});

const nodes = (n: number): GraphNode[] =>
  Array.from({ length: n }, (_, i) => ({
    code: String(100000 + i),
    label: `ตำบล ${i}`,
    province: `จังหวัด ${i % 7}`,
    slug: i % 3 ? `t-${i}` : null,
  }));

test("the radial layout is deterministic, keeps every node inside the drawing, and puts mentors inside", () => {
  const ns = nodes(300);
  const edges = mergeDeclarations(
    ns.slice(1, 40).map((n) => ({ from: ns[0]!.code, to: n.code, relation: "mentor_of" as const })),
  );
  const a = radialLayout(ns, edges);
  const b = radialLayout([...ns].reverse(), edges);
  assert.deepEqual(
    a.nodes.map((n) => [n.code, n.x, n.y]).sort(),
    b.nodes.map((n) => [n.code, n.x, n.y]).sort(),
  );
  assert.equal(a.nodes.length, 300);
  assert.equal(a.groups.length, 7);
  for (const n of a.nodes) {
    assert.ok(n.x >= 0 && n.x <= a.size && n.y >= 0 && n.y <= a.size, `${n.code} at ${n.x},${n.y}`);
  }
  const centre = a.size / 2;
  const r = (n: { x: number; y: number }) => Math.hypot(n.x - centre, n.y - centre);
  const mentor = a.nodes.find((n) => n.code === ns[0]!.code)!;
  assert.equal(mentor.mentor, true);
  assert.ok(a.nodes.filter((n) => !n.mentor).every((n) => r(n) > r(mentor)));
  assert.equal(a.edges.length, 39);
});

test("edges to tambons not drawn are left out", () => {
  const ns = nodes(3);
  const layout = radialLayout(
    ns,
    mergeDeclarations([{ from: ns[0]!.code, to: "999999", relation: "peer" }]),
  );
  assert.equal(layout.edges.length, 0);
  assert.equal(radialLayout([], []).nodes.length, 0);
});
