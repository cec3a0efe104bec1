import type { DbOrTx } from "./db/index.ts";
import { registerAuditActions } from "./audit-text.ts";
import type { PageSection, SearchSource, TambonModule } from "./modules.ts";
import { allow, allowPublic, deny } from "./policy.ts";
import { registerAsset, registerStyles } from "./views/assets.ts";

const installed = new Set<string>();
const sections = new Map<string, PageSection[]>();
const lookups = new Map<string, (db: DbOrTx, tambonId: number) => Promise<unknown>>();
const searchSourceList: SearchSource[] = [];

/**
 * Installs what the modules' manifests declare: access rules, styles, assets, the sections they
 * add to each other's pages and the data they offer each other. The app assembly calls it before
 * it builds the app (and the demo loader before it seeds); a module installed once in a process
 * is not installed again.
 */
export function installModules(modules: readonly TambonModule[]): void {
  for (const m of modules) {
    if (installed.has(m.id)) continue;
    installed.add(m.id);
    for (const grant of m.access ?? []) {
      if ("deny" in grant) deny(grant.action, grant.deny);
      else if (grant.allow === "public") allowPublic(grant.action);
      else allow(grant.action, grant.allow);
    }
    for (const css of m.styles ?? []) registerStyles(css);
    for (const a of m.assets ?? []) registerAsset(a.name, a.ext, a.type, a.body);
    for (const { on, section } of m.sections ?? []) {
      const list = sections.get(on) ?? [];
      if (!list.some((s) => s.id === section.id)) list.push(section);
      sections.set(on, list);
    }
    for (const [name, fn] of Object.entries(m.lookups ?? {})) {
      if (lookups.has(name)) throw new Error(`two modules offer the lookup "${name}"`);
      lookups.set(name, fn);
    }
    if (m.search) searchSourceList.push(m.search);
    if (m.auditActions) registerAuditActions(m.auditActions);
  }
}

/** What the installed modules contribute to the search (in module order). */
export function searchSources(): readonly SearchSource[] {
  return searchSourceList;
}

/** The sections installed modules add to a page (in module order), e.g. sectionsOn("areas.area"). */
export function sectionsOn(page: string): readonly PageSection[] {
  return sections.get(page) ?? [];
}

/** Data another module offers by name, or null when no installed module offers it. */
export function lookup<T>(name: string): ((db: DbOrTx, tambonId: number) => Promise<T>) | null {
  return (lookups.get(name) as ((db: DbOrTx, tambonId: number) => Promise<T>) | undefined) ?? null;
}
