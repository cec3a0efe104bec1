import { test } from "node:test";
import assert from "node:assert/strict";
import { allow, allowPublic, can, deny } from "./policy.ts";
import type { Actor, Role } from "./roles.ts";

function actor(id: number, grants: Record<number, Role[]>, networkAdmin = false): Actor {
  return {
    user: { id, name: `u${id}`, isNetworkAdmin: networkAdmin, lang: "th" },
    roles: new Map(Object.entries(grants).map(([t, r]) => [Number(t), new Set(r)])),
    memberOf: new Set(Object.keys(grants).map(Number)),
  };
}

test("a role in one tambon gives nothing in another", () => {
  const admin1 = actor(1, { 1: ["admin"] });
  assert.equal(can(admin1, "tambon.manage", { tambonId: 1 }), true);
  assert.equal(can(admin1, "tambon.manage", { tambonId: 2 }), false);
  assert.equal(can(admin1, "audit.read", { tambonId: 2 }), false);
});

test("roles are checked per action", () => {
  const member = actor(2, { 1: ["member"] });
  const facilitator = actor(3, { 1: ["facilitator"] });
  assert.equal(can(member, "tambon.manage", { tambonId: 1 }), false);
  assert.equal(can(member, "account.create", { tambonId: 1 }), false);
  assert.equal(can(facilitator, "account.create", { tambonId: 1 }), true);
  assert.equal(can(facilitator, "people.manage", { tambonId: 1 }), false);
});

test("anonymous visitors get only public actions; network administrators get the rest", () => {
  const anon: Actor = { user: null, roles: new Map(), memberOf: new Set() };
  assert.equal(can(anon, "tambon.read", { tambonId: 1 }), true);
  assert.equal(can(anon, "tambon.manage", { tambonId: 1 }), false);
  assert.equal(can(actor(9, {}, true), "tambon.manage", { tambonId: 5 }), true);
});

test("a denial cannot be re-allowed, and unknown actions are a programming error", () => {
  allow("test.edit", ["editor"]);
  allowPublic("test.view");
  deny("test.edit", (_a, r) => r.ownerId === -1);
  const editor = actor(4, { 1: ["editor"] });
  assert.equal(can(editor, "test.edit", { tambonId: 1, ownerId: 7 }), true);
  assert.equal(can(editor, "test.edit", { tambonId: 1, ownerId: -1 }), false);
  assert.equal(can(actor(5, {}, true), "test.edit", { tambonId: 1, ownerId: -1 }), false);
  assert.throws(() => can(editor, "no.such.action", { tambonId: 1 }), /no policy/);
});

test("a member awaiting confirmation gets public actions only, whatever rule or role says", () => {
  allow("test.act", () => true);
  allowPublic("test.look");
  const pending: Actor = { ...actor(6, { 1: ["member"] }), pendingIn: new Set([1]) };
  assert.equal(can(pending, "test.act", { tambonId: 1 }), false);
  assert.equal(can(pending, "test.look", { tambonId: 1 }), true);
  assert.equal(can(pending, "tambon.read", { tambonId: 1 }), true);
  const confirmedElsewhere: Actor = { ...actor(6, { 2: ["member"] }), pendingIn: new Set([1]) };
  assert.equal(can(confirmedElsewhere, "test.act", { tambonId: 2 }), true, "other tambons");
  assert.equal(can(actor(6, { 1: ["member"] }), "test.act", { tambonId: 1 }), true);
});
