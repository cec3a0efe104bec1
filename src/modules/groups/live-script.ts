import { readFileSync } from "node:fs";
import { registerAsset } from "../../core/views/assets.ts";

/** The attendance page's script that refreshes the attendance and quorum every 10 s. */
export const LIVE_SCRIPT = registerAsset(
  "groups-attendance-live",
  "js",
  "text/javascript; charset=utf-8",
  readFileSync(new URL("./attendance-live.client.js", import.meta.url)),
);
