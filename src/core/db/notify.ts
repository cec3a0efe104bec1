import { EventEmitter } from "node:events";
import type { FastifyBaseLogger } from "fastify";
import type { Database } from "./index.ts";
import type { TambonDirectory } from "../tenancy.ts";
import { pageCache } from "../page-cache.ts";
import { clearActorCache } from "../auth/session.ts";

/**
 * The PostgreSQL channel on which every committed change is announced: the trigger
 * `audit_log_announce` sends `<tambon id>|<action>` for each audit row (an empty id for rows of
 * no tambon, such as logins), delivered when the transaction commits and never for one rolled
 * back, whichever process wrote it (an instance, the command line, a job).
 */
export const CHANGES_CHANNEL = "tambon_changes";

/** A change as the audit log names it. */
export interface Change {
  tambonId: number | null;
  action: string;
}

/** Reads an announcement (`<tambon id>|<action>`); null for anything else. */
export function parseChange(payload: string): Change | null {
  const bar = payload.indexOf("|");
  if (bar < 0) return null;
  const id = payload.slice(0, bar);
  const tambonId = id === "" ? null : Number(id);
  if (tambonId !== null && !(Number.isSafeInteger(tambonId) && tambonId > 0)) return null;
  const action = payload.slice(bar + 1);
  return action ? { tambonId, action } : null;
}

/**
 * Forgets what this process keeps in memory about a change: the tambon's cached pages and figures
 * (and the network's), unless only a session changed; cached actors when an account, a
 * membership or a session changed. The audit helper calls it for changes made here; on
 * PostgreSQL the announcements bring the other instances' changes to it.
 */
export function forgetChange(change: Change): void {
  if (!change.action.startsWith("session.")) pageCache.invalidate(change.tambonId);
  if (/^(user|member|session)\./.test(change.action)) clearActorCache();
}

/**
 * Announcements applied by this process (after its tambon directory was reloaded when a tambon
 * changed): `"change"` with the `Change`, `"resync"` after the listening connection came back.
 */
export const appliedChanges = new EventEmitter();

interface Listener {
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onListen?: () => void,
  ): Promise<{ unlisten(): Promise<void> }>;
}

/**
 * Follows the changes of every instance on the same PostgreSQL (LISTEN on its own connection):
 * each announcement drops this instance's cached pages, figures and actors as the change's own
 * instance does, and a change to a tambon (`tambon.*`: created, settings, logo) reloads the tambon
 * directory. When the connection was lost and comes back, announcements may have been missed:
 * everything cached is dropped and the directory reloaded. PGlite is one process, where the
 * audit helper's own call is the whole story: nothing to follow. Returns a function that stops.
 */
export async function followChanges(
  database: Pick<Database, "db" | "kind">,
  tambons: TambonDirectory,
  log: Pick<FastifyBaseLogger, "error">,
): Promise<() => Promise<void>> {
  if (database.kind !== "postgres") return async () => {};
  const client = (database.db as unknown as { $client: Listener }).$client;
  // Reloads run one after another, so an older read never replaces a newer one.
  let reloading: Promise<void> = Promise.resolve();
  const reload = (tambonId: number | null) =>
    (reloading = reloading
      .then(() => tambons.reload())
      // A page rendered while the directory still held the old row is dropped too.
      .then(() => pageCache.invalidate(tambonId))
      .catch((err: unknown) => log.error({ err }, "tambon directory: reload failed")));
  let listening = false;
  const sub = await client.listen(
    CHANGES_CHANNEL,
    (payload) => {
      const change = parseChange(payload);
      if (!change) return;
      forgetChange(change);
      if (change.action.startsWith("tambon."))
        void reload(change.tambonId).then(() => appliedChanges.emit("change", change));
      else appliedChanges.emit("change", change);
    },
    () => {
      if (!listening) {
        listening = true;
        return;
      }
      forgetChange({ tambonId: null, action: "user.resync" });
      void reload(null).then(() => appliedChanges.emit("resync"));
    },
  );
  return () => sub.unlisten();
}
