import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The request being handled is an action that must be confirmed (see `confirmFirst`) and its form
 * did not say so. The route runs as usual — its access check answers 403 and its lookup 404 — up
 * to the point where it would record a change: there `audit()` throws `NotConfirmed`, the
 * command's transaction rolls back, and the route answers 422 with the form to confirm.
 */
const unconfirmed = new AsyncLocalStorage<true>();

/** Thrown where an unconfirmed action would record its change; answered with 422. */
export class NotConfirmed extends Error {
  constructor() {
    super("the action was not confirmed");
  }
}

/** Runs a route's handler for a request that was not confirmed. */
export function runUnconfirmed<T>(fn: () => T): T {
  return unconfirmed.run(true, fn);
}

/** Throws `NotConfirmed` inside an unconfirmed request (called before any audit row is written). */
export function refuseUnconfirmedChange(): void {
  if (unconfirmed.getStore()) throw new NotConfirmed();
}
