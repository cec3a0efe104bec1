import { allow, allowPublic, deny } from "../../core/policy.ts";
import type { Actor } from "../../core/roles.ts";
import { hasRole } from "../../core/roles.ts";

/** True when the actor is an active member (or holds any role) of the tambon. */
export function isMemberOf(actor: Actor, tambonId: number): boolean {
  return actor.memberOf.has(tambonId) || actor.roles.has(tambonId);
}

// Staff of the tambon edit the website.
allow("site.edit", ["admin", "editor"]);
allow("site.moderate", ["admin", "editor"]);
// Members write in the members' corner, comment, report and post jobs.
allow("site.post", (actor, r) => isMemberOf(actor, r.tambonId));
// Complaints: anyone files; staff handle general ones; only admins see corruption complaints.
allowPublic("complaint.file");
allow("complaint.manage", ["admin", "editor"]);
allow("complaint.corruption", ["admin"]);
// Not even a network administrator reads them unless an admin of that tambon.
deny("complaint.corruption", (actor, r) => !hasRole(actor, r.tambonId, "admin"));
