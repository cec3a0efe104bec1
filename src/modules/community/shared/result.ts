import type { CoreKey } from "../../../core/i18n/messages.ts";
import type { Result } from "../../../core/result.ts";
import type { msg } from "../messages.ts";

/** A message key of the community-data module. */
export type CommunityKey = keyof typeof msg.messages;
/** The outcome of a command of the module (its keys or core's). */
export type CommunityResult<T> = Result<T, CommunityKey | CoreKey>;
