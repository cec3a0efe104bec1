import type { Actor } from "./roles.ts";
import { hasRole, type Role } from "./roles.ts";

/** Anything a policy decides about; it always belongs to one tambon. */
export interface Resource {
  tambonId: number;
  ownerId?: number | null;
}

/** A rule: given an actor already known to be acting within the resource's tambon. */
export type Rule = (actor: Actor, resource: Resource) => boolean;

const allowRules = new Map<string, Rule[]>();
const denyRules = new Map<string, Rule[]>();

/** Allows an action to the holders of the given roles, or when the rule says so. */
export function allow(action: string, rule: Role[] | Rule): void {
  const fn: Rule = Array.isArray(rule) ? (a, r) => hasRole(a, r.tambonId, ...rule) : rule;
  allowRules.set(action, [...(allowRules.get(action) ?? []), fn]);
}

/** Denies an action when the rule holds; a denial cannot be re-allowed by any allow rule. */
export function deny(action: string, rule: Rule): void {
  denyRules.set(action, [...(denyRules.get(action) ?? []), rule]);
}

/** Actions that have at least one rule (the isolation test uses it). */
export function knownActions(): string[] {
  return [...allowRules.keys()].sort();
}

const publicActions = new Set<string>();

/** Allows an action to everyone, signed in or not (public reading). */
export function allowPublic(action: string): void {
  publicActions.add(action);
  allowRules.set(action, [...(allowRules.get(action) ?? []), () => true]);
}

/**
 * Decides whether the actor may do the action on the resource. Public actions are open to all;
 * otherwise the actor must be signed in and belong to the resource's own tambon (network administrators
 * excepted) before any rule is asked. A member awaiting confirmation there gets public actions
 * only. Deny rules win over everything.
 */
export function can(actor: Actor, action: string, resource: Resource): boolean {
  const rules = allowRules.get(action);
  if (!rules) throw new Error(`no policy for action "${action}"`);
  if (denyRules.get(action)?.some((rule) => rule(actor, resource))) return false;
  if (publicActions.has(action)) return true;
  if (!actor.user) return false;
  if (actor.user.isNetworkAdmin) return true;
  if (actor.pendingIn?.has(resource.tambonId)) return false;
  if (!actor.roles.has(resource.tambonId) && !actor.memberOf.has(resource.tambonId)) return false;
  return rules.some((rule) => rule(actor, resource));
}

// Core policies of the foundation.
allow("tambon.manage", ["admin"]);
allow("people.manage", ["admin"]);
allow("audit.read", ["admin"]);
allow("account.create", ["admin", "facilitator"]);
allow("member.verify", ["admin", "facilitator"]);
allowPublic("tambon.read");
