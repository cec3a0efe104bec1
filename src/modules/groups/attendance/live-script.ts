/** The name of the attendance page's script (served by the manifest's assets) that refreshes the attendance and quorum every 10 s. */
export const LIVE_SCRIPT = "groups-attendance-live";
