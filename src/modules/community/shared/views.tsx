import { useCtx } from "../../../core/views/ctx.ts";
import { msg } from "../messages.ts";

/** What the module's views start from: the request's context with the module's messages as `t`. */
export function useCommunity() {
  const ctx = useCtx();
  return { ...ctx, t: msg.t(ctx.lang) };
}
