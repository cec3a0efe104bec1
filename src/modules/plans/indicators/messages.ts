import catalog from "./messages.json" with { type: "json" };

/** UI strings of indicators, measurements and their import (part of the plans dictionary). */
export const indicatorMessages = catalog;
