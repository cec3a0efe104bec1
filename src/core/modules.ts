import type { FastifyInstance } from "fastify";
import type { AuditActions } from "./audit-text.ts";
import type { ComponentChildren } from "preact";
import type { PgTable } from "drizzle-orm/pg-core";
import type { FileReferences } from "./file-store.ts";
import type { Database, Tx } from "./db/index.ts";
import type { Lang } from "./i18n/index.ts";
import type { Actor, Role } from "./roles.ts";
import type { Rule } from "./policy.ts";
import type { DbOrTx } from "./db/index.ts";
import type { Tambon, TambonDirectory } from "./tenancy.ts";
import type { Config } from "./config.ts";
import type { NavItem } from "./views/ctx.ts";
import type { CommandSpec } from "./cli.ts";
import type { NoticeKind } from "./notices/index.ts";

/** What a module's routes receive from the core. */
export interface ModuleDeps {
  database: Database;
  tambons: TambonDirectory;
  config: Config;
}

/** A menu entry a module adds to a tambon's menu. */
export interface ModuleNav {
  /** Path inside the tambon, e.g. "/areas". */
  path: string;
  label: (lang: Lang) => string;
  /** Only shown to actors for whom this returns true (default: everyone). */
  visible?: (actor: Actor, tambon: Tambon) => boolean;
}

/** Background work a module runs on an interval while the server runs. */
export interface ModuleJob {
  id: string;
  everyMs: number;
  run: (deps: ModuleDeps) => Promise<void>;
  /**
   * The job works on what its instance keeps in memory (such as counts to write), so every
   * instance runs it; other jobs run once per interval across the instances on one PostgreSQL.
   */
  everyInstance?: boolean;
}

/** Who may do an action: holders of roles, a rule, or everyone ("public"); or a denial rule. */
export type AccessGrant =
  { action: string; allow: Role[] | Rule | "public" } | { action: string; deny: Rule };

/** One link another module shows on a page it does not own. */
export interface LinkItem {
  href: string;
  title: string;
  meta?: string;
}

/** The tambon a section is shown for: its id for queries and its slug for links. */
export type SectionTambon = Pick<Tambon, "id" | "slug">;

/**
 * A section a module adds to a page of another module. The page's owner names its places and
 * what `subject` is there: "areas.area" (an issue area's page; subject: the area's id),
 * "groups.process" (the three-step process page; slot: the step; subject: null) and
 * "charter.clause" (a charter clause's page; subject: `{ charterId, clauseKey }`).
 */
export interface PageSection<S = number | null> {
  id: string;
  /** The part of the page it goes in, when the page has several (a step of the process). */
  slot?: number;
  title(lang: Lang): string;
  load(db: DbOrTx, tambon: SectionTambon, lang: Lang, subject: S): Promise<LinkItem[]>;
}

/** A named thing of a tambon in both languages (the "pillars" lookup returns a list of them). */
export interface NamedItem {
  nameTh: string;
  nameEn: string;
}

/** One public record as the search shows it (see the site module's search). */
export interface SearchSourceDocument {
  kind: string;
  refId: number;
  title: string;
  body: string;
  /** Path inside the tambon, e.g. "/decisions/questions/7". */
  url: string;
  visibleFrom?: Date | null;
  visibleUntil?: Date | null;
}

/** What a module contributes to the search: its kinds and all its public documents of a tambon. */
export interface SearchSource {
  kinds: readonly string[];
  documents(db: DbOrTx, tambonId: number): Promise<SearchSourceDocument[]>;
}

/** A script or other static file the module serves under a hashed URL. */
export interface ModuleAsset {
  name: string;
  ext: string;
  type: string;
  body: string | Buffer;
}

/** People made by the demo loader, by role, that modules may use in their demo content. */
export interface DemoPeople {
  byRole: Record<string, number[]>;
  adminId: number;
}

/**
 * A module's manifest: everything it adds to the platform, declared in one place. The core never
 * imports a module; the app assembly passes the list of manifests in.
 */
export interface TambonModule {
  id: string;
  /** Routes mounted under /t/:tambon (req.tambon is set and checked before they run). */
  tambonRoutes?: (app: FastifyInstance, deps: ModuleDeps) => Promise<void> | void;
  /** Menu entries of the tambon's site. */
  nav?: ModuleNav[];
  /** Entries of the tambon's administration page. */
  adminNav?: ModuleNav[];
  /** Sets up what a newly created tambon starts with (inside the creating transaction). */
  onTambonCreated?: (tx: Tx, tambon: Tambon, actorId: number | null) => Promise<void>;
  /**
   * The module's records as they appear in URLs: path segment → table (with `id` and
   * `tambon_id` columns), e.g. `{ areas: issueAreas }` for `/areas/:id`. The isolation test uses it
   * to try every route with the ids of another tambon.
   */
  resources?: Record<string, PgTable>;
  /**
   * A valid value for each route parameter that names no record (a file name, a form's key), for
   * the tests that walk every route: `"segment/:param"` → value, e.g. `{ "forms/:form": "p02" }`
   * for `/plans/:id/reports/forms/:form`.
   */
  routeParams?: Record<string, string>;
  /**
   * Tambon pages whose content depends only on the named query parameters: path under the
   * tambon → parameters, e.g. `{ "/search": ["q", "page"] }`. Anonymous visits of such a page
   * share one cached copy whatever else the address carries (tracking parameters, cache busters).
   */
  cacheQuery?: Record<string, readonly string[]>;
  /** Background work the server runs on an interval (not in tests unless started). */
  jobs?: ModuleJob[];
  /**
   * The stored files the module's rows name (kinds it writes and where its rows point), so that
   * the core sweeps files whose rows are gone.
   */
  files?: FileReferences;
  /** Adds demo content to a demo tambon (inside the demo transaction). */
  seedDemo?: (tx: Tx, tambon: Tambon, people: DemoPeople) => Promise<void>;
  /** Runs after every module seeded a demo tambon (inside the demo transaction). */
  demoSeeded?: (tx: Tx, tambon: Tambon) => Promise<void>;
  /**
   * The module's public records for the one search over a tambon (its commands also put each
   * record in and take it out as it changes, through the site module's public.ts): the kinds it
   * contributes and all its public documents of a tambon, for a re-index.
   */
  search?: SearchSource;
  /** Runs once on the root app before any route (global hooks, e.g. counting page views). */
  setup?: (app: FastifyInstance, deps: ModuleDeps) => Promise<void> | void;
  /**
   * Sections the module adds to the tambon's home page, in module order. They are the same for
   * every viewer, so they are given the tambon and not the request: core renders them for no one
   * in particular (no actor, menu or form token) once for each language, and keeps the HTML until
   * the tambon changes.
   */
  homeSections?: (tambon: Tambon, deps: ModuleDeps) => Promise<ComponentChildren>;
  /** Menu entries (with optional children) placed after "Home"; must not do I/O (keep a cache). */
  menu?: (tambon: Tambon, lang: Lang, actor: Actor) => NavItem[];
  /** Who may do the module's actions (core/policy.ts asks them through `can`). */
  access?: AccessGrant[];
  /** CSS added to the one stylesheet. */
  styles?: string[];
  /** Scripts and other files served with a hashed URL (assetUrl(name)). */
  assets?: ModuleAsset[];
  /** Sections added to other modules' pages: `on` names the page (see PageSection). */
  sections?: { on: string; section: PageSection }[];
  /**
   * Data the module offers other modules by name, e.g. `{ pillars: (db, tambonId) => … }`; a
   * module asking with `lookup(name)` gets null when the offering module is left out of the build.
   */
  lookups?: Record<string, (db: DbOrTx, tambonId: number) => Promise<unknown>>;
  /**
   * Commands the module adds to `tambon` (e.g. decisions: tally). Declared in a file that imports
   * no code (each `load` imports it when the command runs) and listed in src/modules/commands.ts,
   * which the CLI reads before it loads anything.
   */
  commands?: CommandSpec[];
  /**
   * How the module's audit actions read in the audit log and on dashboards ("site.news.create" →
   * "เพิ่มข่าว" / "Added news", with the record's page): the log never shows an action's key.
   */
  auditActions?: AuditActions;
  /**
   * The kinds of notice the module's commands send (`enqueueNotices`), which members choose to
   * hear about by LINE and e-mail on their notices page.
   */
  notices?: NoticeKind[];
}

/** The core's own route parameters that name no record (see `routeParams`): the tambon's logo, a password link. */
export const CORE_ROUTE_PARAMS: Readonly<Record<string, string>> = {
  "uploads/:name": "logo-1.png",
  // A password link's token: one that was never issued (the page says the link is not valid).
  "reset/:token": "0000000000000000",
};
