import { test } from "node:test";
import assert from "node:assert/strict";
import { can } from "../../core/policy.ts";
import { ANONYMOUS, type Actor, type Role } from "../../core/roles.ts";
import { installModules } from "../../core/install.ts";
import { modules } from "../index.ts";

installModules(modules);

const TAMBON = 7;
const OTHER = 8;

function actor(roles: Role[], tambonId = TAMBON, networkAdmin = false): Actor {
  return {
    user: { id: 1, name: "x", isNetworkAdmin: networkAdmin, lang: "th" },
    roles: new Map([[tambonId, new Set(roles)]]),
    memberOf: new Set([tambonId]),
  };
}

const ACTIONS = [
  "charter.read",
  "charter.readDraft",
  "charter.comment",
  "charter.hearing",
  "charter.sign",
  "charter.draft",
  "charter.decide",
  "charter.manage",
  "charter.followUp",
] as const;

/** The actions an actor may take in TAMBON, in the order of ACTIONS. */
const allowed = (a: Actor) => ACTIONS.filter((x) => can(a, x, { tambonId: TAMBON }));

test("visitors read adopted editions and hearings only; members also read drafts and comment", () => {
  assert.deepEqual(allowed(ANONYMOUS), ["charter.read"]);
  assert.deepEqual(allowed(actor(["member"])), [
    "charter.read",
    "charter.readDraft",
    "charter.comment",
  ]);
  assert.deepEqual(allowed(actor(["health_volunteer", "member"])), [
    "charter.read",
    "charter.readDraft",
    "charter.comment",
  ]);
  assert.deepEqual(allowed(actor(["village_rep", "member"])), [
    "charter.read",
    "charter.readDraft",
    "charter.comment",
  ]);
});

test("facilitators record hearing views and signatories; editors record signatories; neither drafts or adopts", () => {
  assert.deepEqual(allowed(actor(["facilitator", "member"])), [
    "charter.read",
    "charter.readDraft",
    "charter.comment",
    "charter.hearing",
    "charter.sign",
  ]);
  assert.deepEqual(allowed(actor(["editor", "member"])), [
    "charter.read",
    "charter.readDraft",
    "charter.comment",
    "charter.sign",
  ]);
});

test("the working group and admins draft, decide on suggestions, adopt and follow up", () => {
  for (const role of ["working_group", "admin"] as const)
    assert.deepEqual(allowed(actor([role, "member"])), [...ACTIONS], role);
});

test("roles in another tambon give nothing here but reading", () => {
  assert.deepEqual(allowed(actor(["admin", "working_group", "member"], OTHER)), ["charter.read"]);
  assert.deepEqual(
    allowed(actor([], OTHER, true)),
    [...ACTIONS],
    "network administrators may act anywhere",
  );
});
