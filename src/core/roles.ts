/** The roles a person may hold in a tambon. */
export const ROLES = [
  "admin",
  "editor",
  "facilitator",
  "working_group",
  "village_rep",
  "health_volunteer",
  "member",
] as const;
export type Role = (typeof ROLES)[number];

/** Type guard for role names from forms and files. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** The signed-in person as seen by policies. */
export interface SessionUser {
  id: number;
  name: string;
  isNetworkAdmin: boolean;
  lang: "th" | "en";
}

/** Who is acting: a person (or nobody) and their roles per tambon id. */
export interface Actor {
  user: SessionUser | null;
  roles: ReadonlyMap<number, ReadonlySet<Role>>;
  /** Tambons where the person is an active member. */
  memberOf: ReadonlySet<number>;
  /**
   * Tambons where the person signed up and awaits confirmation: they read what everyone reads
   * there, and their roles in that tambon take effect only once a facilitator or admin confirms.
   */
  pendingIn?: ReadonlySet<number>;
}

/** The anonymous visitor. */
export const ANONYMOUS: Actor = { user: null, roles: new Map(), memberOf: new Set() };

/** True when the actor holds any of the roles in the tambon. */
export function hasRole(actor: Actor, tambonId: number, ...roles: Role[]): boolean {
  const held = actor.roles.get(tambonId);
  return !!held && roles.some((r) => held.has(r));
}
